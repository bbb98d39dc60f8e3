"""`factcheck import`: a table of daily figures (CSV, or JSON as a list of objects) into a dataset of series.

A small mapping file (YAML) says which column holds the date, which columns become which metric, whose
figures they are (subject, claimant), the source shared by every point, and which columns are left out
and why. Every column of the table is either mapped, the date, or listed under `ignore`, so a category
that appears in a later version of the table is never dropped silently. A missing or empty cell is no
point: nothing is invented.

With a corrections table (same date column, same column names, the change the claimant applied on that
day), every fall of a cumulative series that a downward correction explains gets a waiver naming that
correction; every other fall is marked `fall: unexplained` with a note, which the checks report as a
warning. The output is checked by the dataset loader before it is written, is the same bytes for the same
input, and is written atomically; an existing file is replaced only with `force`.
"""

from __future__ import annotations

import bisect
import collections
import csv
import io
import json
import math
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError, model_validator

from factcheck import datasets, yamlfile
from factcheck.dates import DateError, Span, parse_span
from factcheck.errors import ConfigError
from factcheck.figures import Qualifier, bounds, format_number
from factcheck.models import DateSpan, Key, SeriesId, Text, _Model
from factcheck.outputs import Output, check_writable, import_inputs, refuse_inputs

MAX_ERRORS = 20
FALL_CHECK = "cumulative-non-decreasing"


# --- the mapping file ----------------------------------------------------------------------------------


class QualifierFrom(_Model):
    """A qualifier read from another column of the same row, e.g. `personnel*: about | more`."""

    column: Text
    values: dict[str, Qualifier] = Field(min_length=1)


class ColumnMap(_Model):
    metric: Key
    id: SeriesId | None = None
    qualifier: Qualifier | QualifierFrom = "exact"
    notes: str | None = None


class SourceTemplate(_Model):
    """The source every point of a series shares; `{column}` and `{metric}` are replaced per series."""

    outlet: Text
    url: Text | None = None
    quote: Text | None = None
    via: Text | None = None

    @model_validator(mode="after")
    def _url_or_quote(self) -> SourceTemplate:
        if self.url is None and self.quote is None:
            raise ValueError("give the source a `url` (or a `quote`): every point needs one")
        return self


class CorrectionsMap(_Model):
    date: Text = "date"
    name: Text
    check: Text = FALL_CHECK


class ImportMapping(_Model):
    dataset: Key
    title: Text
    origin: DateSpan | None = None
    description: str | None = None
    header: str | None = None
    date: Text
    subject: Key
    claimant: Key
    kind: Literal["as_of", "period"] = "as_of"
    source: SourceTemplate
    columns: dict[str, ColumnMap] = Field(min_length=1)
    ignore: dict[str, Text] = {}
    corrections: CorrectionsMap | None = None

    @model_validator(mode="after")
    def _distinct(self) -> ImportMapping:
        seen: dict[str, str] = {}
        for column, spec in self.columns.items():
            if spec.metric in seen:
                raise ValueError(
                    f"columns {seen[spec.metric]!r} and {column!r} both map to metric {spec.metric!r}: "
                    "one series per metric, so give each column its own metric"
                )
            seen[spec.metric] = column
        both = sorted(set(self.columns) & set(self.ignore))
        if both:
            raise ValueError(f"column {both[0]!r} is both mapped and ignored")
        if self.date in self.columns or self.date in self.ignore:
            raise ValueError(f"the date column {self.date!r} is also mapped or ignored")
        return self


def read_mapping(path: Path) -> ImportMapping:
    """The mapping file, or a `ConfigError` naming every problem with its line."""
    shown = _shown(path)
    try:
        data, problems = yamlfile.read(path)
    except yamlfile.YamlError as error:
        raise ConfigError(f"{shown}:{error.problem.line}: {error.problem.message}", error.problem.hint) from None
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read the mapping ({error.strerror})") from None
    if not isinstance(data, yamlfile.Mapping):
        raise ConfigError(f"{shown}:1: a mapping file is a YAML mapping", "see docs/data.md for an example")
    try:
        mapping = ImportMapping.model_validate(data)
    except ValidationError as error:
        problems += datasets.explain(error, data, data.line, ImportMapping)
    if problems:
        raise _errors([(f"{shown}:{p.line}", p.message, p.hint) for p in sorted(problems, key=lambda p: p.line)])
    return mapping


# --- tables --------------------------------------------------------------------------------------------


@dataclass
class Row:
    where: str  # "table.csv:12" (a CSV's line) or "table.json row 11" (a JSON list's 1-based position)
    cells: dict


def read_table(path: Path) -> list[Row]:
    """A CSV file (header line first) or a JSON list of objects, as rows of cells; anything that is not
    plainly one of them is a `ConfigError` at table:line, with a hint."""
    shown = _shown(path)
    if path.suffix.lower() not in (".csv", ".json"):
        raise ConfigError(f"{shown}: cannot tell the table's format", "name it .csv or .json")
    raw = _read_bounded(path, "table")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ConfigError(f"{shown}:{line}: the table is not UTF-8 text", "save it as UTF-8") from None
    if path.suffix.lower() == ".json":
        return _json_rows(text, shown)
    return _csv_rows(text, shown)


def _read_bounded(path: Path, what: str) -> bytes:
    """The bytes of a regular file of at most `yamlfile.max_bytes()`, the limit datasets have.

    Opened without blocking and judged from the open file itself, so a FIFO (which would wait for a
    writer), a device such as /dev/zero (which never ends) or a file swapped for one after a check is
    refused before a byte is read."""
    shown = _shown(path)
    limit = _max_bytes()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read the {what} ({error.strerror})") from None
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(f"{shown}:1: the {what} is not a regular file", f"give the {what} as a plain file")
        try:
            raw = handle.read(limit + 1)  # one byte past the limit: a file that grows after fstat is refused too
        except OSError as error:
            raise ConfigError(f"{shown}: cannot read the {what} ({error.strerror})") from None
    if len(raw) > limit:
        raise ConfigError(
            f"{shown}:1: the {what} is over {limit:,} bytes", "split it, or raise FACTCHECK_MAX_FILE_BYTES"
        )
    return raw


def _max_bytes() -> int:
    try:
        return yamlfile.max_bytes()
    except ValueError as error:
        raise ConfigError(str(error), "unset it for the default of 20 MiB") from None


def _csv_rows(text: str, shown: str) -> list[Row]:
    """CSV records, each at the line it starts on. `newline=""` leaves line breaks to the csv module, so a
    U+2028, U+2029 or NEL inside a cell is text in that cell (str.splitlines would start a row there)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as error:
            reason = (
                "a quoted cell is never closed" if "unexpected end of data" in str(error) else f"not valid CSV: {error}"
            )
            hint = f"the record starting on line {start} is not valid CSV"
            if "field larger than field limit" in str(error):
                reason = f"a cell is longer than {csv.field_size_limit():,} characters"
                hint = "a cell holds one figure, a date or a short word"
            raise ConfigError(f"{shown}:{start}: {reason}", hint) from None
        if cells is None:
            break
        if not cells:
            continue  # a blank line
        if header is None:
            header = cells
            # Two blank names are two columns with one name as much as two equal ones: one would be lost.
            twice = sorted(name for name, count in collections.Counter(header).items() if count > 1)
            if twice:
                raise ConfigError(f"{shown}:{start}: the header names the column {twice[0]!r} twice",
                                  "give each column its own name: one of them would be lost")  # fmt: skip
            continue
        if len(cells) != len(header):
            more = "more" if len(cells) > len(header) else "fewer"
            raise ConfigError(
                f"{shown}:{start}: {len(cells)} cells, {more} than the header's {len(header)} columns",
                "every row has one cell per column; leave a cell empty, do not drop it",
            )
        rows.append(Row(f"{shown}:{start}", {k: v for k, v in zip(header, cells, strict=True) if v != ""}))
    if header is None:
        raise ConfigError(f"{shown}:1: the CSV file is empty", "the first line names the columns")
    return rows


class _Unread(str):
    """A JSON number kept as its text: too many digits, or beyond what a float holds."""


def _json_int(text: str) -> int | _Unread:
    return int(text) if len(text.lstrip("-")) <= MAX_DIGITS else _Unread(text)


def _json_float(text: str) -> float | _Unread:
    mantissa = re.split(r"[eE]", text)[0]
    if sum(c.isdigit() for c in mantissa) > MAX_DIGITS:
        return _Unread(text)
    value = float(text)
    underflow = value == 0 and any(c in "123456789" for c in mantissa)  # 51e-400 would become 0
    return value if math.isfinite(value) and not underflow else _Unread(text)


class _Repeated(dict):
    """A JSON object that named a key twice (json keeps the last silently): the first such key."""

    repeated: str


def _object(pairs: list[tuple[str, object]]) -> dict:
    item = _Repeated(pairs)
    if len(item) < len(pairs):
        seen: set[str] = set()
        item.repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
    return item


def _json_rows(text: str, shown: str) -> list[Row]:
    try:
        data = json.loads(
            text, parse_int=_json_int, parse_float=_json_float, parse_constant=_Unread, object_pairs_hook=_object
        )
    except json.JSONDecodeError as error:
        raise ConfigError(f"{shown}:{error.lineno}: not valid JSON: {error.msg}") from None
    except RecursionError:
        raise ConfigError(
            f"{shown}:{_deep_line(text)}: the JSON is nested too deeply", "a table is a list of flat objects"
        ) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ConfigError(f"{shown}:1: the JSON table must be a list of objects, one per row")
    for i, item in enumerate(data, 1):
        if hasattr(item, "repeated"):
            raise ConfigError(f"{shown} row {i}: the key {item.repeated!r} appears twice in one object",
                              "give each column one value per row: one of them would be lost")  # fmt: skip
    return [Row(f"{shown} row {i}", item) for i, item in enumerate(data, 1)]


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
MAX_JSON_DEPTH = 100


def _deep_line(text: str) -> int:
    """The line where the JSON first opens more than MAX_JSON_DEPTH levels (strings skipped)."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return text.count("\n", 0, token.start()) + 1
        elif mark in "]}":
            depth -= 1
    return 1


_CSV_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")  # ASCII digits: \d takes the digits of every script
# A figure is a count of people or things, far shorter than this; the bound keeps int() from raising on a
# number of thousands of digits and float() from turning one into inf.
MAX_DIGITS = 20


class _NotANumber(ValueError):
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def _number(value: object) -> int | float:
    """A cell as a number; `_NotANumber` (with a hint) when it is not one (text, a boolean, a number with
    separators, too many digits)."""
    if isinstance(value, _Unread):
        raise _NotANumber(f"{value[:40]!r} is not a figure", f"a figure is a number of at most {MAX_DIGITS} digits")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value):
            return value
    elif isinstance(value, str) and _CSV_NUMBER.match(value.strip()):
        text = value.strip()
        if sum(c.isdigit() for c in text) > MAX_DIGITS:
            raise _NotANumber(f"a number of {len(text):,} characters is not a figure",
                              f"a figure has at most {MAX_DIGITS} digits")  # fmt: skip
        return float(text) if "." in text else int(text)
    raise _NotANumber(f"{value!r} is not a number", "write the number without separators: 55000, not 55,000")


# --- building the dataset ------------------------------------------------------------------------------


@dataclass
class Point:
    date: Span
    value: int | float
    where: str
    extra: dict = field(default_factory=dict)


@dataclass
class Built:
    """The dataset text and what the importer found on the way, for the command's summary."""

    text: str
    series: int
    points: int
    waived: list[str]
    unexplained: list[str]


class _Collector:
    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []

    def add(self, row: Row, message: str, hint: str = "") -> None:
        self.items.append((row.where, message, hint))

    def raise_if_any(self) -> None:
        if self.items:
            raise _errors(self.items)


def build(mapping: ImportMapping, rows: list[Row], table: Path, corrections: list[Row] | None = None) -> Built:
    """The dataset YAML for `rows`, or a `ConfigError` naming every bad row (at most MAX_ERRORS)."""
    errors = _Collector()
    known = {mapping.date, *mapping.columns, *mapping.ignore}
    for spec in mapping.columns.values():
        if isinstance(spec.qualifier, QualifierFrom):
            known.add(spec.qualifier.column)
    unknown = sorted({key for row in rows for key in row.cells} - known)
    if unknown:
        raise ConfigError(
            datasets._clip(
                f"{_shown(table)}: column {unknown[0]!r} is neither mapped nor ignored"
                + (f" (nor {', '.join(map(repr, unknown[1:6]))})" if unknown[1:] else "")
                + (f" and {len(unknown) - 6:,} more" if len(unknown) > 6 else "")
            ),
            "map it under `columns` or list it under `ignore` with the reason it is left out",
        )
    if not rows:
        raise ConfigError(f"{_shown(table)}: the table has no rows")
    present = {key for row in rows for key, value in row.cells.items() if value is not None}
    absent = [column for column in mapping.columns if column not in present]
    if absent:
        raise ConfigError(
            f"{_shown(table)}: the mapped column {absent[0]!r} has no figure in any row",
            f"the table's columns: {', '.join(sorted(present))}",
        )

    dates: dict[str, Row] = {}
    spans: list[Span | None] = []
    for row in rows:
        span = None
        if mapping.date not in row.cells:
            errors.add(row, f"no date in column {mapping.date!r}")
        else:
            try:
                span = parse_span(row.cells[mapping.date])
            except DateError as error:
                errors.add(row, f"{error}", "dates are YYYY, YYYY-MM or YYYY-MM-DD")
            else:
                if span.text in dates:
                    errors.add(row, f"the date {span.text} is also on {dates[span.text].where}", "keep one row a day")
                dates.setdefault(span.text, row)
        spans.append(span)

    fixes = _read_corrections(mapping, corrections, errors) if corrections is not None else {}
    all_series = []
    for column, spec in mapping.columns.items():
        points = []
        for row, span in zip(rows, spans, strict=True):
            if column not in row.cells or row.cells[column] is None:
                continue
            try:
                value = _number(row.cells[column])
            except _NotANumber as error:
                errors.add(row, f"column {column!r}: {error}", error.hint)
                continue
            extra = {}
            if isinstance(spec.qualifier, QualifierFrom):
                word = row.cells.get(spec.qualifier.column)
                qualifier = spec.qualifier.values.get(word) if isinstance(word, str) else None
                if qualifier is None:
                    hint = f"known values: {', '.join(spec.qualifier.values)} (mapping: qualifier.values)"
                    errors.add(row, f"column {spec.qualifier.column!r}: no qualifier for {word!r}", hint)
                    continue
                extra["qualifier"] = qualifier
            if span is not None:
                points.append(Point(span, value, row.where, extra))
        all_series.append((column, spec, points))
    errors.raise_if_any()

    waived: list[str] = []
    unexplained: list[str] = []
    blocks = []
    for column, spec, points in all_series:
        if not points:
            continue
        points.sort(key=lambda p: (p.date.start, p.date.end, p.date.text))
        default = _default_qualifier(spec, points)
        for point in points:
            if point.extra.get("qualifier") == default:
                del point.extra["qualifier"]
        if mapping.kind == "as_of":
            given = mapping.corrections if corrections is not None else None
            for message, is_waived in _mark_falls(column, points, default, fixes.get(column, []), given):
                (waived if is_waived else unexplained).append(message)
        blocks.append(_series_block(mapping, column, spec, points, default, len(rows)))
    count = sum(len(b["points"]) for b in blocks)
    return Built(_render(mapping, blocks), len(blocks), count, waived, unexplained)


def _default_qualifier(spec: ColumnMap, points: list[Point]) -> str:
    """The series' qualifier: the mapped one, or the most common of a qualifier column (ties: first seen)."""
    if not isinstance(spec.qualifier, QualifierFrom):
        return spec.qualifier
    counts: dict[str, int] = {}
    for point in points:
        counts[point.extra["qualifier"]] = counts.get(point.extra["qualifier"], 0) + 1
    return max(counts, key=lambda q: counts[q])


@dataclass(frozen=True)
class _Fix:
    date: Span
    change: float
    where: str


def _read_corrections(mapping: ImportMapping, rows: list[Row], errors: _Collector) -> dict[str, list[_Fix]]:
    spec = mapping.corrections
    if spec is None:
        raise ConfigError("a corrections table was given, but the mapping has no `corrections:` section",
                          "add `corrections: {date: date, name: ...}` to the mapping")  # fmt: skip
    fixes: dict[str, list[_Fix]] = {}
    for row in rows:
        try:
            span = parse_span(row.cells.get(spec.date))
        except DateError as error:
            errors.add(row, f"corrections: {error}")
            continue
        for column in mapping.columns:
            if column not in row.cells:
                continue
            try:
                change = _number(row.cells[column])
            except _NotANumber as error:
                errors.add(row, f"corrections: column {column!r}: {error}", error.hint)
                continue
            if change < 0:
                fixes.setdefault(column, []).append(_Fix(span, change, row.where))
    return fixes


def _mark_falls(
    column: str, points: list[Point], default: str, fixes: list[_Fix], corrections: CorrectionsMap | None
) -> list[tuple[str, bool]]:
    """Mark each point that falls below an earlier one as the check sees it (interval-aware).

    A fall is explained when a downward correction of the same column is dated between the highest
    earlier total (the one the check names) and the fallen total, both included: every later total that
    is still below the pre-correction figure is explained by the same correction.
    """
    found = []
    lowers = []
    uppers = []
    for point in points:
        lower, upper = bounds(float(point.value), point.extra.get("qualifier", default))
        lowers.append(lower)
        uppers.append(upper)
    by_end = sorted(range(len(points)), key=lambda i: (points[i].date.end, i))
    ends = [points[i].date.end for i in by_end]
    best: list[int] = []  # best[k]: the position (in by_end) of the highest lower bound among by_end[:k+1]
    for k, i in enumerate(by_end):
        if not best or lowers[i] >= lowers[by_end[best[-1]]]:
            best.append(k)
        else:
            best.append(best[-1])
    for i, point in enumerate(points):
        before = bisect.bisect_left(ends, point.date.start)
        if before == 0:
            continue
        anchor = points[by_end[best[before - 1]]]
        anchor_lower = lowers[by_end[best[before - 1]]]
        if anchor_lower <= uppers[i]:
            continue
        label = f"{column} {format_number(point.value)} on {point.date.text}"
        below = f"below the {format_number(anchor.value)} of {anchor.date.text}"
        explaining = [f for f in fixes if anchor.date.start <= f.date.start and f.date.end <= point.date.end]
        if explaining and corrections is not None:
            changes = ", ".join(f"{format_number(f.change)} on {f.date.text}" for f in explaining)
            reason = f"{corrections.name} lists a correction of {column} by {changes}; this total is {below}"
            point.extra.setdefault("waivers", []).append({"check": corrections.check, "reason": reason})
            found.append((f"{label}: {below}, explained by the correction of {changes}", True))
        else:
            if corrections is not None:
                why = f"{corrections.name} lists no downward correction of {column} between those dates"
            else:
                why = "no corrections table was given"
            note = f"The claimant's own total is {below}, and {why}: an unexplained fall, reported as a warning."
            point.extra["fall"] = "unexplained"
            point.extra["notes"] = note
            found.append((f"{label}: {below}, no correction explains it", False))
    return found


def _series_block(mapping, column, spec, points, default, total_rows) -> dict:
    fill = {"column": column, "metric": spec.metric}
    source = {key: _fill(value, fill) for key, value in mapping.source.model_dump(exclude_none=True).items()}
    notes = [spec.notes.strip()] if spec.notes else []
    if len(points) < total_rows:
        notes.append(
            f"The table gives {column!r} on {len(points):,} of its {total_rows:,} rows, from {points[0].date.text} "
            f"to {points[-1].date.text}; no figure is invented for the other days."
        )
    block = {
        "id": spec.id or f"{mapping.dataset}-{spec.metric}".replace("_", "-"),
        "metric": spec.metric,
        "subject": mapping.subject,
        "claimant": mapping.claimant,
        "qualifier": default,
    }
    if mapping.kind != "as_of":
        block["kind"] = mapping.kind
    block["source"] = source
    if notes:
        block["notes"] = " ".join(notes)
    block["points"] = points
    return block


def _fill(template: str, fields: dict[str, str]) -> str:
    return re.sub(r"\{(column|metric)\}", lambda m: fields[m.group(1)], template)


# --- writing -------------------------------------------------------------------------------------------


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


def _render(mapping: ImportMapping, blocks: list[dict]) -> str:
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


def write(text: str, output: Path, force: bool) -> None:
    """Write `text` to `output` atomically (`reporters.files.write_atomic`); an existing file only with
    `force`, and never one that appears while the import runs."""
    from factcheck.reporters.files import write_atomic

    shown = _shown(output)
    if output.exists() and not force:
        raise ConfigError(f"{shown} already exists", "pass --force to replace it")
    try:
        write_atomic(output, lambda stream: stream.write(text), what="the dataset", replace=force)
    except FileExistsError:
        raise ConfigError(f"{shown} already exists", "pass --force to replace it") from None


def check(text: str, output: Path, root: Path) -> None:
    """Load the dataset as `factcheck validate` will; any finding is a mapping problem (exit 2)."""
    catalog, problems = datasets.load_catalog(root)
    if catalog is None or problems:
        first = problems[0]
        raise ConfigError(f"{first.location}: {first.message}", "fix the catalog before importing")
    handle, temporary = tempfile.mkstemp(suffix=".yml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        rel = _shown(output)
        _, findings = datasets.load_dataset(Path(temporary), rel, datasets._Vocabulary(catalog))
    finally:
        os.unlink(temporary)
    if findings:
        items = [(f"the imported dataset (not written), line {f.line}", f.message, f.hint) for f in findings]
        error = _errors(items)
        error.hint = error.hint or "check the mapping against docs/data.md"
        raise error


def run_import(
    table: Path,
    mapping_path: Path,
    output: Path,
    root: Path,
    corrections: Path | None = None,
    force: bool = False,
    also_written: tuple[Output, ...] = (),
) -> Built:
    """Read, build, check and write: the whole `factcheck import`. `also_written`: the command's other
    outputs (the profile), refused with OUTPUT before anything is read when one lands on an input."""
    _max_bytes()  # FACTCHECK_MAX_FILE_BYTES bounds the mapping and the tables: a bad value is exit 2 up front
    written = (Output("--output", output), *also_written)
    check_writable(written)
    # OUTPUT may replace an existing dataset (with --force), never the table, the mapping, the catalog, a
    # gate or a suite: --force does not lift that.
    refuse_inputs(written, import_inputs(root, table, mapping_path, corrections))
    mapping = read_mapping(mapping_path)
    if output.exists() and not force:
        raise ConfigError(f"{_shown(output)} already exists", "pass --force to replace it")
    rows = read_table(table)
    fixes = read_table(corrections) if corrections is not None else None
    built = build(mapping, rows, table, fixes)
    from factcheck.file_schemas import modeline  # the editor's schema line, when the project has schemas/

    text = modeline(output, root) + built.text
    check(text, output, root)
    write(text, output, force)
    return built


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _errors(items: list[tuple[str, str, str]]) -> ConfigError:
    """One error for many problems: `where: message` each (at most MAX_ERRORS), each with its hint."""
    # A message quotes what is wrong, never a whole cell: a cell can be megabytes, or hold line breaks.
    shown = [(where, datasets._clip(message), datasets._clip(hint)) for where, message, hint in items[:MAX_ERRORS]]
    if len(items) == 1:
        where, message, hint = shown[0]
        return ConfigError(f"{where}: {message}", hint)
    lines = [f"{where}: {message}" + (f"\n    hint: {hint}" if hint else "") for where, message, hint in shown]
    if len(items) > MAX_ERRORS:
        lines.append(f"... and {len(items) - MAX_ERRORS} more")
    return ConfigError(f"{len(items)} problems:\n  " + "\n  ".join(lines))
