"""The tables `factcheck import` reads: a CSV file or a JSON list of objects, read strictly and bounded
(a regular file, the size limit, at most MAX_ROWS rows), and their cells as numbers, in the marks the
mapping names."""

from __future__ import annotations

import collections
import csv
import io
import json
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from factcheck.floor.errors import ConfigError
from factcheck.floor.numbers import INEXACT_HINT, inexact
from factcheck.pipeline.project import max_file_bytes
from factcheck.pipeline.write_guard import shown_path


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
    shown = shown_path(path)
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
    shown = shown_path(path)
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
    return value if math.isfinite(value) and not underflow and inexact(text) is None else _Unread(text)


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


class NotANumber(ValueError):
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


def number(value: object, marks: Marks = Marks()) -> int | float:
    """A cell as a number; `NotANumber` (with a hint) when it is not one (text, a boolean, a number with
    separators the mapping does not name, too many digits)."""
    if isinstance(value, _Unread):
        if (lost := _inexact(value)) is not None:
            raise NotANumber(lost, INEXACT_HINT)
        raise NotANumber(f"{value[:40]!r} is not a figure", f"a figure is a number of at most {MAX_DIGITS} digits")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, int) and (lost := inexact(str(value))) is not None:
            raise NotANumber(lost, INEXACT_HINT)
        if math.isfinite(value):
            return value
    elif isinstance(value, str) and (text := _plain(value.strip(), marks)) is not None:
        if sum(c.isdigit() for c in text) > MAX_DIGITS:
            raise NotANumber(f"a number of {len(value.strip()):,} characters is not a figure",
                              f"a figure has at most {MAX_DIGITS} digits")  # fmt: skip
        if (lost := inexact(text)) is not None:
            raise NotANumber(lost, INEXACT_HINT)
        return float(text) if "." in text else int(text)
    raise NotANumber(f"{value!r} is not a number", _separator_hint(value, marks))


def _inexact(text: str) -> str | None:
    """Why a JSON number kept as its text cannot be compared exactly, when that is why it was kept."""
    mantissa = re.split(r"[eE]", text)[0]
    if sum(c.isdigit() for c in mantissa) > MAX_DIGITS:
        return None
    return inexact(text)


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
