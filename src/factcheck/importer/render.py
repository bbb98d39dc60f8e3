"""The dataset's YAML text: the head, then each series block with one point a line, the same bytes for
the same input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from factcheck.floor.spans import Span
from factcheck.importer.mapping import ImportMapping


@dataclass(slots=True)
class Point:
    """One point of a series as the table gives it (`build` makes them), with the fields it carries."""

    date: Span
    value: int | float
    extra: dict = field(default_factory=dict)


class _Dumper(yaml.SafeDumper):
    """Long text folded (`>-`) in block style, so that descriptions and notes stay readable in review."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 80 and not dumper.default_flow_style and "\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(data: object, flow: bool = False) -> str:
    # A flow point stays on one line whatever its length: one point, one line, one line number.
    width = 10**9 if flow else 110
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=width, default_flow_style=flow)


def render(mapping: ImportMapping, blocks: list[dict]) -> str:
    out = []
    if mapping.header:
        out += [f"# {line}".rstrip() for line in mapping.header.strip().splitlines()]
    head = {"dataset": mapping.dataset, "title": mapping.title}
    if mapping.origin is not None:
        head["origin"] = mapping.origin.text
    if mapping.description:
        head["description"] = mapping.description.strip()
    out.append(_plain_dates(_dump(head).rstrip()))
    out.append("series:")
    for block in blocks:
        points = block.pop("points")
        body = _dump([block]).rstrip()
        out.append(_indent(body))
        out.append("    points:")
        out += [f"      - {_point(p)}" for p in points]
    return "\n".join(out) + "\n"


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.splitlines())


def _plain_dates(text: str) -> str:
    """`origin: '2022-02-24'` as `origin: 2022-02-24`: factcheck reads dates as text either way."""
    return "\n".join(re.sub(r"^(origin: )'([0-9/-]+)'$", r"\1\2", line) for line in text.splitlines())


def _point(point: Point) -> str:
    parts = [point.date.text, _number_text(point.value)]
    if point.extra:
        parts.append(_dump(point.extra, flow=True).strip())
    return "[" + ", ".join(parts) + "]"


def _number_text(value: int | float) -> str:
    return str(value) if isinstance(value, int) or not float(value).is_integer() else str(int(value))
