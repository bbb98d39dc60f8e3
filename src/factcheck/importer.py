"""`factcheck import`: a table of daily figures (CSV, or JSON as a list of objects) into a dataset of series.

A small mapping file (YAML) says which column holds the date, which columns become which metric, whose
figures they are (subject, claimant), the source shared by every point, and which columns are left out
and why. A long table names each row's subject in an entity column (`factcheck.entities` maps the table's
names to catalog subjects), and may name each row's metric in a variable column, its figure in a value
column: one series per entity and metric, and a repeated row for one entity and date is a problem of the
import, never merged. Every column of the table is either mapped, the date, or listed under `ignore`, so a category
that appears in a later version of the table is never dropped silently. A missing or empty cell is no
point: nothing is invented.

With a corrections table (same date column, same column names, the change the claimant applied on that
day), every fall of a cumulative series that a downward correction explains gets a waiver naming that
correction; every other fall is marked `fall: unexplained` with a note, which the checks report as a
warning. The output is checked by the dataset loader before it is written, is the same bytes for the same
input, and is written atomically; an existing file is replaced only with `force`.
"""

from __future__ import annotations

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

import numpy as np
import yaml
from pydantic import Field, ValidationError, model_validator

from factcheck import datasets, entities, vocabulary
from factcheck.checks.cumulative_non_decreasing import find_falls
from factcheck.dates import DateError, Span, parse_span
from factcheck.errors import ConfigError
from factcheck.figures import Qualifier, bounds, format_number
from factcheck.file_schemas import modeline
from factcheck.models import Catalog, DateSpan, Key, SeriesId, Text, _Model
from factcheck.outputs import Output, check_writable, import_inputs, refuse_inputs
from factcheck.project import max_file_bytes, read_mapping_file
from factcheck.schema_errors import clip_message, explain

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


class EntityMap(_Model):
    """A long table's entity column: each row's subject, by the table's own name for it."""

    column: Text
    # The table's names -> catalog subject keys, tried before the catalog's keys, names and aliases.
    subjects: dict[str, Key] = {}
    ignore: dict[str, Text] = {}  # entities left out (aggregates such as "World"), each with its reason

    @model_validator(mode="after")
    def _distinct(self) -> EntityMap:
        both = sorted(set(self.subjects) & set(self.ignore))
        if both:
            raise ValueError(f"the entity {both[0]!r} is both mapped under `subjects` and ignored")
        return self


class VariableMap(_Model):
    """A long table's variable column: each row's metric, by the table's own name for it, and the value
    column that holds that row's figure."""

    column: Text
    value: Text
    metrics: dict[str, ColumnMap] = Field(min_length=1)
    ignore: dict[str, Text] = {}  # variables left out, each with its reason

    @model_validator(mode="after")
    def _distinct(self) -> VariableMap:
        _one_series_per_metric(self.metrics, "variable")
        both = sorted(set(self.metrics) & set(self.ignore))
        if both:
            raise ValueError(f"the variable {both[0]!r} is both mapped and ignored")
        if self.column == self.value:
            raise ValueError(f"the variable and value columns are both {self.column!r}")
        return self


def _one_series_per_metric(specs: dict[str, ColumnMap], what: str) -> None:
    seen: dict[str, str] = {}
    for name, spec in specs.items():
        if spec.metric in seen:
            raise ValueError(
                f"{what}s {seen[spec.metric]!r} and {name!r} both map to metric {spec.metric!r}: "
                f"one series per metric, so give each {what} its own metric"
            )
        seen[spec.metric] = name


class SourceTemplate(_Model):
    """The source every point of a series shares; `{column}`, `{metric}` and `{subject}` are replaced per
    series (`{column}`: the column, or the variable's name in the table)."""

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


# The marks a table may group thousands with, as spreadsheets export them; never guessed from the table.
Thousands = Literal[",", ".", " ", "'", "\u00a0", "\u202f"]


class ImportMapping(_Model):
    dataset: Key
    title: Text
    origin: DateSpan | None = None
    description: str | None = None
    header: str | None = None
    date: Text
    subject: Key | None = None  # a wide table: one subject for every series
    entity: EntityMap | None = None  # a long table: each row's subject from a column
    claimant: Key
    kind: Literal["as_of", "period"] = "as_of"
    thousands: Thousands | None = None  # "5,434": the table groups thousands with this mark
    decimal: Literal[".", ","] = "."
    source: SourceTemplate
    columns: dict[str, ColumnMap] = {}  # column -> one series each (of each entity, in a long table)
    variable: VariableMap | None = None  # ... or each row's metric from a column, its figure in another
    ignore: dict[str, Text] = {}
    corrections: CorrectionsMap | None = None

    @model_validator(mode="after")
    def _distinct(self) -> ImportMapping:
        if (self.subject is None) == (self.entity is None):
            raise ValueError(
                "give exactly one of `subject` (the one subject of a wide table) or `entity` (the column that "
                "names each row's subject in a long table)"
            )
        if (not self.columns) == (self.variable is None):
            raise ValueError(
                "give exactly one of `columns` (each column a metric) or `variable` (a column naming each row's "
                "metric, and the column holding its figure)"
            )
        _one_series_per_metric(self.columns, "column")
        both = sorted(set(self.columns) & set(self.ignore))
        if both:
            raise ValueError(f"column {both[0]!r} is both mapped and ignored")
        if self.date in self.columns or self.date in self.ignore:
            raise ValueError(f"the date column {self.date!r} is also mapped or ignored")
        roles = {"entity": self.entity.column if self.entity else None}
        if self.variable is not None:
            roles |= {"variable": self.variable.column, "value": self.variable.value}
        for role, column in roles.items():
            if column is not None and (column == self.date or column in self.columns or column in self.ignore):
                raise ValueError(f"the {role} column {column!r} is also the date, mapped or ignored")
        if roles["entity"] is not None and roles["entity"] in (roles.get("variable"), roles.get("value")):
            raise ValueError(f"the entity column {roles['entity']!r} is also the variable or value column")
        if self.thousands is not None and self.thousands == self.decimal:
            raise ValueError(f"`thousands` and `decimal` are both {self.decimal!r}: a number needs two marks")
        return self

    def series_specs(self) -> dict[str, ColumnMap]:
        """The table's names of its series (columns, or the variable's values), each with its metric."""
        return self.variable.metrics if self.variable is not None else self.columns


def read_mapping(path: Path) -> ImportMapping:
    """The mapping file, or a `ConfigError` naming every problem with its line."""
    shown = _shown(path)
    data, problems = read_mapping_file(path, shown, "mapping file", "`date`, `columns` and `series` (docs/data.md)")
    try:
        mapping = ImportMapping.model_validate(data)
    except ValidationError as error:
        problems += explain(error, data, data.line, ImportMapping)
    if problems:
        raise _errors([(f"{shown}:{p.line}", p.message, p.hint) for p in sorted(problems, key=lambda p: p.line)])
    return mapping


# --- tables --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    table: str  # the table's name as shown, one string that all its rows share
    line: int  # a CSV's line, or a JSON list's 1-based position
    cells: dict  # the cells that hold something: an empty CSV cell is not there
    index: int = 0  # the row's position in its table: problems are listed in table order
    json: bool = False

    @property
    def where(self) -> str:
        """ "table.csv:12" (the line a CSV row starts on) or "table.json row 11"."""
        return f"{self.table} row {self.line}" if self.json else f"{self.table}:{self.line}"


@dataclass
class Table:
    """A table as read: every column it names (a CSV's header, every key of a JSON table's objects, in the
    order first seen), even one empty in every row, and its rows."""

    shown: str
    columns: list[str]
    rows: list[Row]


def read_table(path: Path) -> Table:
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
    limit = max_file_bytes()
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


def _csv_rows(text: str, shown: str) -> Table:
    """CSV records, each at the line it starts on. `newline=""` leaves line breaks to the csv module, so a
    U+2028, U+2029 or NEL inside a cell is text in that cell (str.splitlines would start a row there)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows = []
    memo: dict[str, str] = {}
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
        cells = {k: _kept(v, memo) for k, v in zip(header, cells, strict=True) if v != ""}
        rows.append(Row(shown, start, cells, len(rows)))
        if len(rows) > MAX_ROWS:
            raise ConfigError(f"{shown}:{start}: the table has more than {MAX_ROWS:,} rows",
                              "split it, by period or by entity, into tables of their own")  # fmt: skip
    if header is None:
        raise ConfigError(f"{shown}:1: the CSV file is empty", "the first line names the columns")
    return Table(shown, header, rows)


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


def _json_rows(text: str, shown: str) -> Table:
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
    if len(data) > MAX_ROWS:
        raise ConfigError(f"{shown} row {MAX_ROWS + 1:,}: the table has more than {MAX_ROWS:,} rows",
                          "split it, by period or by entity, into tables of their own")  # fmt: skip
    memo: dict[str, str] = {}
    for item in data:
        for key, value in item.items():
            if type(value) is str:
                item[key] = _kept(value, memo)
    columns = list(dict.fromkeys(key for item in data for key in item))
    return Table(shown, columns, [Row(shown, i, item, i - 1, json=True) for i, item in enumerate(data, 1)])


# Rows a table may have: a long table of a thousand entities over a year of days is a third of this, and
# every row costs memory until the dataset is written.
MAX_ROWS = 1_000_000
# Cells up to this long are kept once however often the table repeats them (a long table repeats each
# entity on every date, and each date for every entity), up to MAX_KEPT different ones.
MAX_KEPT_LENGTH = 100
MAX_KEPT = 1_000_000


def _kept(value: str, memo: dict[str, str]) -> str:
    if len(value) > MAX_KEPT_LENGTH or len(memo) >= MAX_KEPT:
        return value
    return memo.setdefault(value, value)


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


# A figure is a count of people or things, far shorter than this; the bound keeps int() from raising on a
# number of thousands of digits and float() from turning one into inf.
MAX_DIGITS = 20


@dataclass(frozen=True)
class Marks:
    """How the table writes numbers: the decimal mark, and the mark grouping thousands if the mapping
    names one (`thousands: ","`); never guessed from the table."""

    thousands: str | None = None
    decimal: str = "."


class _NotANumber(ValueError):
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()  # ASCII digits only: str.isdigit alone takes every script's


def _plain(text: str, marks: Marks) -> str | None:
    """`text` as Python reads a number ("-5434.5"), or None: an optional minus, ASCII digits, grouped in
    threes by `marks.thousands` when the mapping names it, and an optional decimal part."""
    sign = "-" if text.startswith("-") else ""
    whole, point, fraction = text[len(sign) :].partition(marks.decimal)
    if point and not _digits(fraction):
        return None
    if marks.thousands is not None and marks.thousands in whole:
        groups = whole.split(marks.thousands)
        if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
            return None
        whole = "".join(groups)
    if not _digits(whole):
        return None
    return sign + whole + ("." + fraction if point else "")


def _number(value: object, marks: Marks = Marks()) -> int | float:
    """A cell as a number; `_NotANumber` (with a hint) when it is not one (text, a boolean, a number with
    separators the mapping does not name, too many digits)."""
    if isinstance(value, _Unread):
        raise _NotANumber(f"{value[:40]!r} is not a figure", f"a figure is a number of at most {MAX_DIGITS} digits")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value):
            return value
    elif isinstance(value, str) and (text := _plain(value.strip(), marks)) is not None:
        if sum(c.isdigit() for c in text) > MAX_DIGITS:
            raise _NotANumber(f"a number of {len(value.strip()):,} characters is not a figure",
                              f"a figure has at most {MAX_DIGITS} digits")  # fmt: skip
        return float(text) if "." in text else int(text)
    raise _NotANumber(f"{value!r} is not a number", _separator_hint(value, marks))


def _separator_hint(value: object, marks: Marks) -> str:
    if marks.thousands is not None:
        return f"the mapping reads thousands grouped by {marks.thousands!r}: 55{marks.thousands}000 or 55000"
    if isinstance(value, str) and len(value) <= 100:
        for mark in (",", ".", " ", "'"):
            if mark != marks.decimal and mark in value and _plain(value.strip(), Marks(mark, marks.decimal)):
                return (
                    f"the table groups thousands with {mark!r}: add `thousands: {mark!r}` to the mapping to read "
                    "them, or write the number without separators"
                )
    return "write the number without separators: 55000, not 55,000"


# --- building the dataset ------------------------------------------------------------------------------


@dataclass(slots=True)
class Point:
    date: Span
    value: int | float
    extra: dict = field(default_factory=dict)


@dataclass
class Built:
    """The dataset text (or one per subject, `files`) and what the importer found on the way, for the
    command's summary."""

    text: str
    series: int
    points: int
    waived: list[str]
    unexplained: list[str]
    files: dict[str, str] = field(default_factory=dict)  # "<subject>.yml" -> its text, split by subject
    stale: list[str] = field(default_factory=list)  # files of the output folder this import did not write


class _Collector:
    """Problems of the tables, listed in table order (the table, then the corrections) whatever order
    they are found in."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, int, str, str, str]] = []

    def add(self, row: Row, message: str, hint: str = "", table: int = 0) -> None:
        self.items.append((table, row.index, len(self.items), row.where, message, hint))

    def raise_if_any(self) -> None:
        if self.items:
            raise _errors([item[3:] for item in sorted(self.items)])


_IGNORED = "\0ignored"  # a row of an entity or variable the mapping leaves out


class _Reader:
    """What a table's rows hold as the mapping reads them: each row's subject (the mapping's one subject,
    or its entity's), and its figures as (series name, cell) pairs (each mapped column, or the variable's
    name and the value column's cell)."""

    def __init__(self, mapping: ImportMapping, catalog: Catalog | None):
        self.mapping = mapping
        self.subjects = None
        if mapping.entity is not None:
            if catalog is None:
                raise ConfigError("a long table needs the catalog to name its subjects")
            self.subjects = entities.Subjects(mapping.entity.subjects, mapping.entity.ignore, catalog)
        self.names: dict[str, str] = {}  # subject -> the table's first name for it

    def subject(self, row: Row, unknown: dict[str, entities.Unknown], errors: _Collector, table: int) -> str | None:
        """The row's subject key; `_IGNORED`; or None (a problem, reported)."""
        if self.subjects is None:
            return self.mapping.subject
        column = self.mapping.entity.column
        name = row.cells.get(column)
        if isinstance(name, int) and not isinstance(name, bool):
            name = str(name)  # a numeric code (FIPS, ISO numeric) in a JSON table
        if not isinstance(name, str):
            where = "corrections: " if table else ""
            what = "no entity" if name is None else f"the entity should be text, not {name!r}"
            errors.add(row, f"{where}{what} in column {column!r}", "each row names its subject", table)
            return None
        if name in self.mapping.entity.ignore:
            return _IGNORED
        key = self.subjects.key(name)
        if key is None:
            if name in unknown:
                unknown[name].rows += 1
            else:
                unknown[name] = entities.Unknown(name, row)
            return None
        self.names.setdefault(key, name)
        return key

    def figures(self, row: Row, unknown: dict[str, entities.Unknown]) -> list[tuple[str, object]] | None:
        """The row's figure cells, each with its series name; None for a row of an ignored or unknown
        variable (recorded in `unknown`)."""
        variable = self.mapping.variable
        if variable is None:
            return [(column, row.cells[column]) for column in self.mapping.columns if column in row.cells]
        name = row.cells.get(variable.column)
        if isinstance(name, str) and name in variable.metrics:
            return [(name, row.cells[variable.value])] if variable.value in row.cells else []
        if isinstance(name, str) and name in variable.ignore:
            return None
        shown = name if isinstance(name, str) else repr(name)
        if shown in unknown:
            unknown[shown].rows += 1
        else:
            unknown[shown] = entities.Unknown(shown, row)
        return None

    def report(self, errors: _Collector, entities_: dict[str, entities.Unknown], variables: dict, table: int) -> None:
        where = "corrections: " if table else ""
        for item in entities_.values():
            message, hint = self.subjects.problem(item, self.mapping.entity.column)
            errors.add(item.first, where + message, hint, table)
        for item in variables.values():
            variable = self.mapping.variable
            message, hint = entities.variable_problem(item, variable.column, list(variable.metrics))
            errors.add(item.first, where + message, hint, table)


def _check_columns(mapping: ImportMapping, table: Table) -> None:
    """Every column of the table is known to the mapping, and every mapped column or variable is there."""
    known = {mapping.date, *mapping.columns, *mapping.ignore}
    if mapping.entity is not None:
        known.add(mapping.entity.column)
    if mapping.variable is not None:
        known |= {mapping.variable.column, mapping.variable.value}
    for spec in mapping.series_specs().values():
        if isinstance(spec.qualifier, QualifierFrom):
            known.add(spec.qualifier.column)
    # The table's own columns, not the cells it fills: a column empty in every row is a column all the same.
    unknown = sorted(set(table.columns) - known)
    if unknown:
        raise ConfigError(
            clip_message(
                f"{table.shown}: column {unknown[0]!r} is neither mapped nor ignored"
                + (f" (nor {', '.join(map(repr, unknown[1:6]))})" if unknown[1:] else "")
                + (f" and {len(unknown) - 6:,} more" if len(unknown) > 6 else "")
            ),
            "map it under `columns` or list it under `ignore` with the reason it is left out",
        )
    if not table.rows:
        raise ConfigError(f"{table.shown}: the table has no rows")
    present = {key for row in table.rows for key, value in row.cells.items() if value is not None}
    needed = list(mapping.columns)
    if mapping.entity is not None:
        needed.insert(0, mapping.entity.column)
    if mapping.variable is not None:
        needed += [mapping.variable.column, mapping.variable.value]
    absent = [column for column in needed if column not in present]
    if absent:
        raise ConfigError(
            f"{table.shown}: the mapped column {absent[0]!r} has no figure in any row",
            f"the table's columns: {', '.join(sorted(present))}",
        )
    if mapping.variable is not None:
        names = {row.cells.get(mapping.variable.column) for row in table.rows}
        missing = [name for name in mapping.variable.metrics if name not in names]
        if missing:
            raise ConfigError(
                f"{table.shown}: the mapped variable {missing[0]!r} is on no row of column {mapping.variable.column!r}",
                "check its spelling against the table: the mapping names each variable as the table writes it",
            )


def build(
    mapping: ImportMapping,
    table: Table,
    corrections: Table | None = None,
    catalog: Catalog | None = None,
    split: bool = False,
) -> Built:
    """The dataset YAML for `table` (one text per subject with `split`), or a `ConfigError` naming every
    bad row in table order (at most MAX_ERRORS). `catalog` names a long table's subjects."""
    errors = _Collector()
    _check_columns(mapping, table)
    reader = _Reader(mapping, catalog)
    marks = Marks(mapping.thousands, mapping.decimal)
    specs = mapping.series_specs()
    long = mapping.entity is not None
    series: dict[tuple[str, str], list[Point]] = {}
    dates_of: dict[str, set[str]] = {}  # subject -> the dates its rows give
    first_row: dict[tuple, Row] = {}  # (subject, [variable,] date) -> the row that gave it first
    unknown_entities: dict[str, entities.Unknown] = {}
    unknown_variables: dict[str, entities.Unknown] = {}
    for row in table.rows:
        subject = reader.subject(row, unknown_entities, errors, 0)
        if subject == _IGNORED:
            continue
        figures = reader.figures(row, unknown_variables) if subject is not None else None
        if figures is None:
            continue
        span = None
        if mapping.date not in row.cells:
            errors.add(row, f"no date in column {mapping.date!r}")
        else:
            try:
                span = parse_span(row.cells[mapping.date])
            except DateError as error:
                errors.add(row, f"{error}", "dates are YYYY, YYYY-MM or YYYY-MM-DD")
        if span is not None:
            _repeated(mapping, row, subject, span, figures, first_row, reader, errors)
            dates_of.setdefault(subject, set()).add(span.text)
        for name, cell in figures:
            if cell is None:
                continue
            spec = specs[name]
            try:
                value = _number(cell, marks)
            except _NotANumber as error:
                errors.add(row, f"column {_value_column(mapping, name)!r}: {error}", error.hint)
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
                series.setdefault((subject, name), []).append(Point(span, value, extra))
    reader.report(errors, unknown_entities, unknown_variables, 0)

    fixes = _read_corrections(mapping, corrections, reader, marks, errors) if corrections is not None else {}
    errors.raise_if_any()

    order = {name: i for i, name in enumerate(specs)}
    waived: list[str] = []
    unexplained: list[str] = []
    blocks = []
    for subject, name in sorted(series, key=lambda key: (key[0], order[key[1]])):
        points = series[subject, name]
        spec = specs[name]
        points.sort(key=lambda p: (p.date.start, p.date.end, p.date.text))
        default = _default_qualifier(spec, points)
        for point in points:
            if point.extra.get("qualifier") == default:
                del point.extra["qualifier"]
        entity = reader.names.get(subject) if long else None
        label = f"{name} ({entity})" if long else name
        if mapping.kind == "as_of":
            given = mapping.corrections if corrections is not None else None
            for message, is_waived in _mark_falls(label, points, default, fixes.get((subject, name), []), given):
                (waived if is_waived else unexplained).append(message)
        by_rows = not long and mapping.variable is None  # a wide table: one row a date
        total = len(table.rows) if by_rows else len(dates_of[subject])
        blocks.append(_series_block(mapping, name, spec, points, default, total, subject, entity, by_rows))
    count = sum(len(b["points"]) for b in blocks)
    if not split:
        return Built(_render(mapping, blocks), len(blocks), count, waived, unexplained)
    by_subject: dict[str, list[dict]] = {}
    for block in blocks:
        by_subject.setdefault(block["subject"], []).append(block)
    files = {f"{subject}.yml": _render(mapping, subject_blocks) for subject, subject_blocks in by_subject.items()}
    return Built("", len(blocks), count, waived, unexplained, files)


def _value_column(mapping: ImportMapping, name: str) -> str:
    return mapping.variable.value if mapping.variable is not None else name


def _repeated(
    mapping: ImportMapping,
    row: Row,
    subject: str,
    span: Span,
    figures: list[tuple[str, object]],
    first_row: dict[tuple, Row],
    reader: _Reader,
    errors: _Collector,
) -> None:
    """A second row for one date (of one entity, and one variable): a problem on that row, never merged."""
    variable = row.cells.get(mapping.variable.column) if mapping.variable is not None else None
    key = (subject, variable, span.text)
    first = first_row.setdefault(key, row)
    if first is row:
        return
    if mapping.entity is None and mapping.variable is None:
        errors.add(row, f"the date {span.text} is also on {first.where}", "keep one row a day")
        return
    names = [] if mapping.entity is None else [repr(row.cells.get(mapping.entity.column))]
    names += [] if mapping.variable is None else [repr(variable)]
    what = " ".join(names)
    same = ", with the same figures" if row.cells == first.cells else ", with other figures"
    per = ", ".join((["entity"] if mapping.entity else []) + (["variable"] if mapping.variable else [])) + " and date"
    errors.add(
        row,
        f"{what} on {span.text} is also on {first.where}{same}",
        f"keep one row per {per}: the import neither merges repeated rows nor picks one",
    )


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


def _read_corrections(
    mapping: ImportMapping, table: Table, reader: _Reader, marks: Marks, errors: _Collector
) -> dict[tuple[str, str], list[_Fix]]:
    spec = mapping.corrections
    if spec is None:
        raise ConfigError("a corrections table was given, but the mapping has no `corrections:` section",
                          "add `corrections: {date: date, name: ...}` to the mapping")  # fmt: skip
    fixes: dict[tuple[str, str], list[_Fix]] = {}
    unknown_entities: dict[str, entities.Unknown] = {}
    unknown_variables: dict[str, entities.Unknown] = {}
    for row in table.rows:
        try:
            span = parse_span(row.cells.get(spec.date))
        except DateError as error:
            errors.add(row, f"corrections: {error}", table=1)
            continue
        subject = reader.subject(row, unknown_entities, errors, 1)
        if subject is None or subject == _IGNORED:
            continue
        if mapping.variable is None:
            figures = [(column, row.cells[column]) for column in mapping.columns if column in row.cells]
        else:
            figures = reader.figures(row, unknown_variables) or []
        for name, cell in figures:
            try:
                change = _number(cell, marks)
            except _NotANumber as error:
                errors.add(row, f"corrections: column {_value_column(mapping, name)!r}: {error}", error.hint, 1)
                continue
            if change < 0:
                fixes.setdefault((subject, name), []).append(_Fix(span, change, row.where))
    reader.report(errors, unknown_entities, unknown_variables, 1)
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
    figures = [bounds(float(point.value), point.extra.get("qualifier", default)) for point in points]
    later, earlier = find_falls(
        np.zeros(len(points), dtype=np.int64),  # the points of one column are one series
        np.array([point.date.start.toordinal() for point in points], dtype=np.int64),
        np.array([point.date.end.toordinal() for point in points], dtype=np.int64),
        np.array([lower for lower, _ in figures], dtype=float),
        np.array([upper for _, upper in figures], dtype=float),
    )
    for i, a in zip(later.tolist(), earlier.tolist(), strict=True):
        point, anchor = points[i], points[a]
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


def _series_block(mapping, column, spec, points, default, total_rows, subject, entity, by_rows=True) -> dict:
    fill = {"column": column, "metric": spec.metric, "subject": subject}
    source = {key: _fill(value, fill) for key, value in mapping.source.model_dump(exclude_none=True).items()}
    notes = [spec.notes.strip()] if spec.notes else []
    if len(points) < total_rows:
        given = f"{column!r} on {len(points):,} of its {total_rows:,} {'rows' if by_rows else 'dates'}"
        if entity is not None:
            given = f"{column!r} for {entity!r} on {len(points):,} of the {total_rows:,} dates it has for {entity!r}"
        notes.append(
            f"The table gives {given}, from {points[0].date.text} to {points[-1].date.text}; no figure is invented "
            "for the other days."
        )
    # One series per metric (and per entity: a long table's series add the subject, after a dot, which no
    # catalog key holds, so two series never share an id).
    series_id = spec.id or f"{mapping.dataset}-{spec.metric}".replace("_", "-")
    block = {
        "id": series_id if entity is None else f"{series_id}.{subject}",
        "metric": spec.metric,
        "subject": subject,
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
    return re.sub(r"\{(column|metric|subject)\}", lambda m: fields[m.group(1)], template)


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


def load_catalog(root: Path) -> Catalog:
    """The project's catalog, or a `ConfigError` at its first problem."""
    catalog, problems = datasets.load_catalog(root)
    if catalog is None or problems:
        first = problems[0]
        raise ConfigError(f"{first.location}: {first.message}", "fix the catalog before importing")
    return catalog


def load_as_validate_would(text: str, output: Path, root: Path, catalog: Catalog | None = None) -> None:
    """Load the dataset as `factcheck validate` will; any finding is a mapping problem (exit 2)."""
    catalog = catalog or load_catalog(root)
    handle, temporary = tempfile.mkstemp(suffix=".yml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        rel = _shown(output)
        _, findings = datasets.load_dataset(Path(temporary), rel, vocabulary.Vocabulary(catalog))
    finally:
        os.unlink(temporary)
    if findings:
        items = [(f"the imported dataset {rel} (not written), line {f.line}", f.message, f.hint) for f in findings]
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
    folder: bool = False,
) -> Built:
    """Read, build, check and write: the whole `factcheck import`. `folder`: OUTPUT is a folder that gets
    one dataset per subject (`<subject>.yml`). `also_written`: the command's other outputs (the profile),
    refused with OUTPUT before anything is read when one lands on an input."""
    max_file_bytes()  # FACTCHECK_MAX_FILE_BYTES bounds the mapping and the tables: a bad value is exit 2 up front
    written = (Output("--output", output, folder=folder), *also_written)
    check_writable(written)
    # OUTPUT may replace an existing dataset (with --force), never the table, the mapping, the catalog, a
    # gate or a suite: --force does not lift that.
    inputs = import_inputs(root, table, mapping_path, corrections)
    refuse_inputs(written, inputs)
    mapping = read_mapping(mapping_path)
    if not folder and output.exists() and not force:
        raise ConfigError(f"{_shown(output)} already exists", "pass --force to replace it")
    catalog = load_catalog(root) if mapping.entity is not None else None
    rows = read_table(table)
    fixes = read_table(corrections) if corrections is not None else None
    built = build(mapping, rows, fixes, catalog, split=folder)
    if not folder:
        if built.points > datasets.MAX_CLAIMS:
            raise ConfigError(
                f"{rows.shown}: {built.points:,} points, more than the {datasets.MAX_CLAIMS:,} one dataset file "
                "may hold",
                "give a folder as --output (`-o datasets/name/`) to write one file per subject"
                if mapping.entity is not None
                else "import the table in parts, by period, into files of their own",
            )
        text = modeline(output, root) + built.text  # the editor's schema line, when the project has schemas/
        load_as_validate_would(text, output, root, catalog)
        write(text, output, force)
        return built
    targets = {output / name: modeline(output / name, root) + text for name, text in built.files.items()}
    refuse_inputs([Output("--output", path) for path in targets], inputs)  # a file of the folder linked to one
    if not force:
        for path in targets:
            if path.exists():
                raise ConfigError(f"{_shown(path)} already exists", "pass --force to replace it")
    catalog = catalog or load_catalog(root)
    for path, text in targets.items():  # every file checked before any is written
        load_as_validate_would(text, path, root, catalog)
    for path, text in targets.items():
        write(text, path, force)
    built.stale = sorted(_shown(p) for p in output.glob("*.yml") if p not in targets)
    return built


def run_suggest(table: Path, mapping_path: Path, root: Path) -> str:
    """The catalog entries `table` needs and the catalog lacks, as YAML text to review (`--suggest-catalog`):
    its entities no subject has, the metrics the mapping names, and the variables it neither maps nor
    ignores. Nothing is written."""
    max_file_bytes()
    mapping = read_mapping(mapping_path)
    catalog = load_catalog(root)
    rows = read_table(table)
    _check_columns(mapping, rows)
    missing_entities: dict[str, None] = {}
    if mapping.entity is not None:
        subjects = entities.Subjects(mapping.entity.subjects, mapping.entity.ignore, catalog)
        for row in rows.rows:
            name = row.cells.get(mapping.entity.column)
            name = str(name) if isinstance(name, int) and not isinstance(name, bool) else name
            known = not isinstance(name, str) or name in mapping.entity.ignore or name in subjects.ambiguous
            if not known and subjects.key(name) is None:
                missing_entities[name] = None
    specs = mapping.series_specs()
    metrics = [(spec.metric, name) for name, spec in specs.items() if spec.metric not in catalog.metrics]
    variables: list[tuple[str, str]] = []
    if mapping.variable is not None:
        taken = {*catalog.metrics, *(spec.metric for spec in specs.values())}
        for name in dict.fromkeys(row.cells.get(mapping.variable.column) for row in rows.rows):
            if not isinstance(name, str) or name in specs or name in mapping.variable.ignore:
                continue
            base = entities.slug(name).replace("-", "_") or "metric"
            key, n = base, 1
            while key in taken:
                n += 1
                key = f"{base}_{n}"
            taken.add(key)
            variables.append((key, name))
    return entities.suggest(rows.shown, list(missing_entities), metrics, variables, catalog)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _errors(items: list[tuple[str, str, str]]) -> ConfigError:
    """One error for many problems: `where: message` each (at most MAX_ERRORS), each with its hint."""
    # A message quotes what is wrong, never a whole cell: a cell can be megabytes, or hold line breaks.
    shown = [(where, clip_message(message), clip_message(hint)) for where, message, hint in items[:MAX_ERRORS]]
    if len(items) == 1:
        where, message, hint = shown[0]
        return ConfigError(f"{where}: {message}", hint)
    lines = [f"{where}: {message}" + (f"\n    hint: {hint}" if hint else "") for where, message, hint in shown]
    if len(items) > MAX_ERRORS:
        lines.append(f"... and {len(items) - MAX_ERRORS} more")
    return ConfigError(f"{len(items)} problems:\n  " + "\n  ".join(lines))
