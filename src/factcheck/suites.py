"""Suite files in `expectations/`: Great Expectations' own suite shape, written in YAML, read with lines.

Each entry is `{type, kwargs, meta: {id, title, explain, message}, severity}`. `meta.id` is the stable
check id that findings, waivers and docs use (GX's own `id` is a UUID and stays GX's). `message` is the
sentence a reader sees, with `{field}` names filled from the claim (see docs/checks.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from factcheck.models import Key, Severity, Text, _Model
from factcheck.project import ConfigError, invalid, read_config


class EntryMeta(_Model):
    id: Key
    title: Text
    explain: Text
    message: Text | None = None


class Entry(_Model):
    type: Text
    kwargs: dict = {}
    meta: EntryMeta
    severity: Severity = "critical"
    notes: str | None = None


class SuiteFile(_Model):
    name: Text
    meta: dict = {}
    expectations: list[object]


@dataclass(frozen=True)
class Check:
    id: str
    type: str
    kwargs: dict
    meta: dict
    severity: Severity
    title: str
    explain: str
    message: str
    line: int

    @property
    def gx_id(self) -> str:
        return self.id


@dataclass(frozen=True)
class Suite:
    name: str
    path: str
    description: str
    checks: tuple[Check, ...]


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def read_suite(root: Path, path: Path) -> Suite:
    rel, data = read_config(root, path, "suite", "`name` and `expectations`")
    try:
        suite = SuiteFile.model_validate(data)
    except ValidationError as error:
        raise invalid(rel, error, data, SuiteFile) from None
    checks = []
    seen: dict[str, int] = {}
    entries = data["expectations"]
    for index, node in enumerate(entries):
        line = entries.line_of(index)
        try:
            entry = Entry.model_validate(node)
        except ValidationError as error:
            raise invalid(rel, error, node, Entry) from None
        if entry.meta.id in seen:
            raise ConfigError(f"{rel}:{line}: check id {entry.meta.id!r} is already used on line {seen[entry.meta.id]}")
        seen[entry.meta.id] = line
        meta = _plain(node["meta"])
        checks.append(
            Check(
                id=entry.meta.id,
                type=entry.type,
                kwargs=_plain(entry.kwargs),
                meta=meta,
                severity=entry.severity,
                title=entry.meta.title,
                explain=entry.meta.explain,
                message=entry.meta.message or entry.meta.title,
                line=line,
            )
        )
    return Suite(name=suite.name, path=rel, description=str(suite.meta.get("description", "")), checks=tuple(checks))
