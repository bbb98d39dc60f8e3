"""A series' point as written (`[date, value]` or `[date, value, {notes, waivers, ...}]`) read for the
schema stage (`factcheck.pipeline.load`): its span, its value and its own fields, or its problems."""

from __future__ import annotations

from pydantic import ValidationError

from factcheck.floor.errors import Problem
from factcheck.floor.spans import DateError, Span, parse_span
from factcheck.model.format import (
    PointExtra,
    SeriesIn,
)
from factcheck.reading.schema_errors import describe_input, explain, number_hint
from factcheck.reading.yamltree import Mapping
from factcheck.rules import schema

Read = tuple[Problem, str | None]  # a problem, and the id of the claim it is about (None: no claim)
_POINT_SHAPE = "a point is [date, value] or [date, value, {notes: ..., waivers: [...]}]"
_NO_EXTRA = PointExtra()
_spans: dict[object, Span] = {}


def _point_span(value: object) -> Span:
    """`parse_span`, remembered: a daily table repeats the same dates in every series of a file."""
    key = (type(value), value) if isinstance(value, str | int) and not isinstance(value, bool) else None
    span = _spans.get(key) if key else None
    if span is None:
        span = parse_span(value)
        if key and len(_spans) < 100_000:
            _spans[key] = span
    return span


def read_point(point, line: int, series: SeriesIn) -> tuple[tuple[Span, float, PointExtra | None] | None, list[Read]]:
    """One point of a series: its date, its value and its fields of its own, if it has any (`Points.claim`
    makes the claim); or every problem it has (tagged with its derived id when known)."""
    if not isinstance(point, list) or len(point) not in (2, 3):
        hint = "write each point as a flow list on its own line: - [2025-10-14, 1325460]"
        return None, [(Problem(schema.ID, line, f"{_POINT_SHAPE}, not {describe_input(point)}", hint), series.id)]
    try:
        date = _point_span(point[0])
    except DateError as error:
        return None, [(Problem(schema.ID, line, f"point date: {error}"), series.id)]
    point_id = f"{series.id}@{date.text}"
    problems: list[Problem] = []
    value = point[1]
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or value != value
        or value in (float("inf"), float("-inf"))
    ):
        hint = number_hint(value) if isinstance(value, str) else ""
        problems.append(
            Problem(schema.ID, line, f"point {date.text}: the value should be a finite number, not "
                    f"{describe_input(value)}", hint)
        )  # fmt: skip
    extra = _NO_EXTRA
    if len(point) == 3:
        if not isinstance(point[2], Mapping):
            problems.append(
                Problem(schema.ID, line, f"point {date.text}: the third element should be a mapping, not "
                        f"{describe_input(point[2])}", _POINT_SHAPE)
            )  # fmt: skip
        else:
            try:
                extra = PointExtra.model_validate(point[2])
            except ValidationError as error:
                problems += [
                    Problem(p.check, p.line, f"point {date.text}: {p.message}", p.hint)
                    for p in explain(error, point[2], line, PointExtra)
                ]
    if problems:
        return None, [(p, point_id) for p in problems]
    return (date, float(value), None if extra is _NO_EXTRA else extra), []
