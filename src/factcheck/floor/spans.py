"""Partial ISO 8601 dates as intervals of days.

A source says "in 2025", "in October 2025" or "on 14 October 2025"; we keep exactly that precision.
`2025` is the interval 2025-01-01..2025-12-31, `2025-10` is 2025-10-01..2025-10-31, and
`2025-05/2025-08` runs from the first day of May to the last day of August. No day is ever invented.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# [0-9], not \d: \d also matches the digits of other scripts, and int() reads them, so "٢٠٢٥" would pass as 2025.
_PART = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


class DateError(ValueError):
    """A date that is not a partial ISO 8601 date or interval; the message is written for people."""


@dataclass(frozen=True, order=True)
class Span:
    """A closed interval of days, with the text it was written as."""

    start: dt.date
    end: dt.date
    text: str

    def __str__(self) -> str:
        return self.text


def _part(text: str) -> tuple[dt.date, dt.date]:
    match = _PART.match(text)
    if not match:
        raise DateError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    if not 1 <= year <= 9999:
        raise DateError(f"{text!r}: the year must be between 0001 and 9999")
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month:02d}")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, last)
    if not 1 <= day <= last:
        raise DateError(f"{text!r}: {calendar.month_name[month]} {year} has {last} days")
    day_date = dt.date(year, month, day)
    return day_date, day_date


def parse_span(value: object) -> Span:
    """Read a date as YAML gives it (int year, date, or string) into a `Span`."""
    if isinstance(value, bool):
        raise DateError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    if isinstance(value, dt.datetime):
        raise DateError(f"{value.isoformat()!r}: give a date without a time of day")
    if isinstance(value, dt.date):
        return Span(value, value, value.isoformat())
    if isinstance(value, int):
        value = f"{value:04d}" if value >= 0 else str(value)
    if not isinstance(value, str):
        raise DateError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    text = value.strip()
    if "/" in text:
        first, _, last = text.partition("/")
        start, _ = _part(first.strip())
        _, end = _part(last.strip())
        if end < start:
            raise DateError(f"{text!r}: the interval ends before it starts")
        return Span(start, end, text)
    start, end = _part(text)
    return Span(start, end, text)
