"""Date phrases in prose, each read into the interval of days it means, as the dataset format reads dates.

"in 2025" is 2025-01-01..2025-12-31, "February 2025" that month, "mid-2025" May to August (as the curated
dataset dates "mid-2025"), "14 October 2025" that day. Phrases relative to the article ("last month",
"in January", "on Wednesday", "this year") count from its front matter's `published`; without it they are
found (so that their digits are never read as figures) but date nothing. A date that only bounds or labels
something ("since 2022", "before the 2022 invasion") dates no figure either. No day is ever invented: a
relative phrase against a published month is the interval of every day it can mean.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from collections.abc import Callable

from factcheck.floor.safe_regex import compile_regex
from factcheck.floor.spans import DateError, Span, parse_span
from factcheck.prose.event_dates import EVENT_NOUNS
from factcheck.prose.words import word_after, word_before
from factcheck.report.findings import DatePhrase

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12})  # fmt: skip
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}

_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(1[89][0-9]{2}|20[0-9]{2})"
_DAY = r"([0-3]?[0-9])(?:st|nd|rd|th)?"
_PART = r"(?i:(early|mid|late|the first half of|the second half of|the start of|the beginning of|the end of))"
_RELATIVE = (r"(?i:(last month|this month|earlier this month|last year|this year|earlier this year|last week|"
             r"this week|yesterday|today|the past month|the past year|last weekend|over the weekend|at the weekend|"
             r"a week ago|a month ago|a year ago))")  # fmt: skip
_WEEKDAY = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Words before a date that make it a bound ("since 2022") rather than the date a figure counts to.
BOUNDS = frozenset({"since", "before", "after", "until", "till", "from", "prior", "between"})
# Words before a bare year that make it a label of what follows ("the 2022 invasion").
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "our"})
_DAY_TIMES = frozenset({"noon", "midday", "midnight", "dawn", "dusk", "sunrise", "sunset", "morning", "evening"})
_NOT_NOUNS = frozenset({"alone", "and", "or", "to", "through", "until"})


@functools.cache
def _patterns() -> list[tuple[str, object]]:
    return [
        (kind, compile_regex(pattern))
        for kind, pattern in (
            ("iso", r"\b([12][0-9]{3})-([01][0-9])(?:-([0-3][0-9]))?\b"),
            # "Wednesday, February 22, 2024", "Monday 3 June": the date a weekday labels is the day meant, even
            # where the two disagree (the copy's date is what a desk dates the count by)
            ("weekday-dmy", rf"\b{_WEEKDAY},? {_DAY} (?:of )?{_MONTH},? {_YEAR}\b"),
            ("weekday-mdy", rf"\b{_WEEKDAY},? {_MONTH} {_DAY},? {_YEAR}\b"),
            ("weekday-month-day", rf"\b{_WEEKDAY},? {_MONTH} {_DAY}\b"),
            ("weekday-day-month", rf"\b{_WEEKDAY},? {_DAY} (?:of )?{_MONTH}\b"),
            ("dmy", rf"\b{_DAY} (?:of )?{_MONTH},? {_YEAR}\b"),
            ("mdy", rf"\b{_MONTH} {_DAY},? {_YEAR}\b"),
            ("part-month-year", rf"\b{_PART}[- ]?{_MONTH},? {_YEAR}\b"),
            ("month-year", rf"\b{_MONTH},? (?:of )?{_YEAR}\b"),
            ("part-year", rf"\b{_PART}[- ]?{_YEAR}\b"),
            ("years", rf"\b{_YEAR} ?[-–] ?{_YEAR}\b"),
            # "the 2019-20 season", "the 2023/24 budget": a season or fiscal year, its second year in two digits
            ("season", rf"\b{_YEAR}[-–/]([0-9]{{2}})\b"),
            ("year", rf"\b{_YEAR}\b"),
            # "between July 10 and 25": a period, whose second day is no figure.
            ("between-month-days", rf"\b(?i:between) {_MONTH} {_DAY} and {_DAY}\b"),
            ("between-days-month", rf"\b(?i:between) {_DAY} and {_DAY} (?:of )?{_MONTH}\b"),
            ("month-days", rf"\b{_MONTH} {_DAY} ?(?:-|–|to|through|until|till) ?{_DAY}\b"),
            ("days-month", rf"\b{_DAY} ?(?:-|–|to|through|until|till) ?{_DAY} (?:of )?{_MONTH}\b"),
            ("month-day", rf"\b{_MONTH} {_DAY}\b"),
            ("day-month", rf"\b{_DAY} (?:of )?{_MONTH}\b"),
            ("part-month", rf"\b{_PART}[- ]?{_MONTH}\b"),
            ("month", rf"(?i:\b(?:in|since|by|until|till|from|last|this|of|through|before|after|during)) {_MONTH}\b"),
            ("relative", rf"\b{_RELATIVE}\b"),
            # "on Monday (13)", "Tuesday morning (14)": the day of the month in brackets after the weekday, as
            # newsrooms that translate from Portuguese or Spanish copy write it.
            ("weekday-day", rf"\b{_WEEKDAY}(?: (?:morning|afternoon|evening|night))? \(([0-3]?[0-9])\)"),
            ("weekday", rf"\b{_WEEKDAY}\b"),
        )
    ]


MAX_PHRASES = 5000  # date phrases of one kind in one article: a long feature has a hundred of all kinds


class TooManyDates(Exception):
    """More date phrases than an article has: `offset` is where the limit was reached."""

    def __init__(self, offset: int):
        super().__init__(f"more than {MAX_PHRASES:,} date phrases")
        self.offset = offset


def find_dates(prose: str, published: Span | None, start: int = 0) -> list[DatePhrase]:
    """Every date phrase in `prose` from `start`, in order, none overlapping: a phrase with its own year wins
    over a relative one it overlaps ("in February 2025" is February 2025, not "in February"), then the
    longest, then the first."""
    found = []
    for kind, pattern in _patterns():
        for count, match in enumerate(pattern.finditer(prose, start)):
            if count == MAX_PHRASES:
                raise TooManyDates(match.start())
            # A month with its day after it ("since April 27") is that day: the month read alone with its
            # preposition would be longer and leave the day to be read as a figure.
            rank = 0 if kind in _ABSOLUTE else 2 if kind == "month" else 1
            found.append((rank, match.start(), -(match.end() - match.start()), kind, match))
    found.sort(key=lambda item: (item[0], item[2], item[1]))  # own year first, then the longest, then the first
    starts: list[int] = []
    chosen: dict[int, tuple[int, str, object]] = {}
    for _, begin, negative_length, kind, match in found:
        end = begin - negative_length
        at = bisect.bisect_right(starts, begin)
        if at and chosen[starts[at - 1]][0] > begin:  # overlaps the phrase before it
            continue
        if at < len(starts) and starts[at] < end:  # overlaps the phrase after it
            continue
        starts.insert(at, begin)
        chosen[begin] = (end, kind, match)
    phrases = []
    for begin in starts:
        end, kind, match = chosen[begin]
        span = _resolve(kind, list(match.groups()), published)
        dates = _dates_figures(prose, begin, end, kind)
        phrases.append(DatePhrase(begin, end, " ".join(prose[begin:end].split()), span, dates))
    return phrases


def _dates_figures(prose: str, begin: int, end: int, kind: str) -> bool:
    text = prose[begin:end].lower()
    if kind.startswith("between-"):  # the whole period, not one bound of it
        return not _in_event_clause(prose, begin)
    if _names_a_when(prose, end):
        return True  # "since 1993, when 292 people died": the time of the clause it introduces
    if (
        text.split(" ", 1)[0] in BOUNDS
        or word_before(prose, begin, " \t\n", 20) in BOUNDS
        or _timed_bound(prose, begin)
    ):
        return False
    if _in_event_clause(prose, begin):
        return False
    if word_before(prose, begin, " \t\n", 20) == "by" and _in_projection(prose, begin, end):
        return False
    if _in_schedule(prose, begin):
        return False
    if word_before(prose, begin, " \t\n", 20) in _DETERMINERS:
        after, _ = word_after(prose, end, " ", gaps=1, longest=20)
        if kind == "year" and after and after[0].islower() and after not in _NOT_NOUNS:
            return False
        if after.lower() in EVENT_NOUNS:  # "the October 29 floods" labels the event, as "the 2022 invasion" does
            return False
    return True


def _timed_bound(prose: str, begin: int) -> bool:
    """The date starting at `begin` follows a bound and a time of its day: "between noon on Saturday", "since
    midnight on Friday". It bounds a period, as "between Saturday" would, and dates no count."""
    words = prose[max(0, begin - 40) : begin].lower().split()[-3:]
    return len(words) == 3 and words[0] in BOUNDS and words[1] in _DAY_TIMES and words[2] in ("on", "of")


def _names_a_when(prose: str, end: int) -> bool:
    """Whether a clause of "when" that states a figure follows the date ending at `end`: "the worst since 1993,
    when 292 died" dates that figure, whatever bound or event word stands before the date. A clause of "when"
    with no figure ("since August 8, when the rains began") tells the event the bound counts from."""
    after = prose[end : end + 8].lstrip(" ,")
    if not after.lower().startswith("when "):
        return False
    at = prose.find("when", end) + 4
    stop = min([i for i in (prose.find(mark, at) for mark in ",.;:\n") if i >= 0] or [len(prose)])
    return any(c.isdigit() for c in prose[at:stop])


# Words that open a clause about another event than the count: "since fighting broke out on April 15",
# "since the building came down on May 6", "when the ferry capsized on Friday", "before the final day on
# February 26". A date in such a clause dates that event, not the figure.
EVENT_OPENERS = frozenset({"since", "after", "before", "until", "till", "when", "whenever", "once"})
_CLAUSE_ENDS = '.;:!?()—–\n"“”'
MAX_CLAUSE_BACK = 200  # characters a date's clause is read back from it


def _in_event_clause(prose: str, begin: int) -> bool:
    """Whether the date at `begin` stands in a clause an event word opens, read back to a comma or stronger
    mark (at most `MAX_CLAUSE_BACK` characters)."""
    low = max(0, begin - MAX_CLAUSE_BACK)
    cut = max(prose.rfind(mark, low, begin) for mark in (*_CLAUSE_ENDS, ", "))
    words = prose[max(cut + 1, low) : begin].lower().split()
    # "after being trampled ... in 1954": a participle after the word continues the same event.
    return any(word in EVENT_OPENERS and not (word in ("after", "before") and i + 1 < len(words)
                                              and words[i + 1] in ("being", "having"))
               for i, word in enumerate(words))  # fmt: skip


# Words that make a clause a forecast or a plan: "is expected to rise to 500 by Friday", "could reach 500 by
# Thursday", "a team of 1,000 will be searching by Monday". The date after "by" in such a clause is the horizon
# of a projection, which is dated the day it was made: it dates no figure.
PROJECTION_WORDS = frozenset({"will", "could", "would", "may", "might", "should", "shall", "expect", "expects",
                              "expected", "forecast", "forecasts", "projected", "predicted",
                              "likely", "plan", "plans", "planned", "aim", "aims", "hope", "hopes", "hoped"})  # fmt: skip


def _in_projection(prose: str, begin: int, end: int) -> bool:
    """Whether the date at `begin`..`end` stands in a clause of future or projection: read back to a comma or
    stronger mark, or, for a date that opens its sentence ("By Friday, the toll could reach 500"), on to the
    sentence's end."""
    low = max(0, begin - MAX_CLAUSE_BACK)
    cut = max(prose.rfind(mark, low, begin) for mark in (*_CLAUSE_ENDS, ", "))
    words = prose[max(cut + 1, low) : begin].lower().replace("'ll", " will").split()
    if words == ["by"]:
        at = end + len(prose[end : end + 30]) - len(prose[end : end + 30].lstrip(" ,"))
        stop = min([i for i in (prose.find(mark, at) for mark in (*_CLAUSE_ENDS, ", ")) if i >= 0] or [len(prose)])
        words = prose[at : min(stop, at + MAX_CLAUSE_BACK)].lower().replace("'ll", " will").split()
    return any(word in PROJECTION_WORDS for word in words)


# "the lean season, which starts in September and lasts until March": a relative clause of what a period or a
# scheme does tells its calendar, not the date of a count.
_SCHEDULE = compile_regex(
    r"(?i)\b(?:which|that)\s+(?:(?:usually|normally|typically|traditionally|generally|will|would)\s+)?"
    r"(?:starts?|started|begins?|began|ends?|ended|runs?|ran|lasts?|lasted|opens?|opened|closes?|closed|peaks?)"
    r"\s+(?:in|on|from|at|around)?\s*$"
)


def _in_schedule(prose: str, begin: int) -> bool:
    """Whether the date at `begin` is the calendar a relative clause gives a period: "which starts in September"."""
    low = max(0, begin - 60)
    cut = max(prose.rfind(mark, low, begin) for mark in (*_CLAUSE_ENDS, ","))
    return _SCHEDULE.search(prose[max(cut + 1, low) : begin]) is not None


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _month_span(year: int, month: int, first: int = 1, last: int | None = None) -> tuple[dt.date, dt.date]:
    days = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(first, days)), dt.date(year, month, min(last or days, days))


_PART_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "the first half of": (1, 6),
                 "the second half of": (7, 12), "the start of": (1, 3), "the beginning of": (1, 3),
                 "the end of": (10, 12)}  # fmt: skip
_PART_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "the first half of": (1, 15),
                  "the second half of": (16, 31), "the start of": (1, 10), "the beginning of": (1, 10),
                  "the end of": (21, 31)}  # fmt: skip


def _span(start: dt.date, end: dt.date) -> Span:
    return Span(start, end, iso_text(start, end))


def iso_text(start: dt.date, end: dt.date) -> str:
    """An interval of days as the dataset format writes it: 2025, 2025-10, 2025-10-14 or 2025-05/2025-08."""
    if start == end:
        return start.isoformat()
    month_end = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == month_end:
        if (start.month, end.month) == (1, 12):
            return str(start.year) if start.year == end.year else f"{start.year}/{end.year}"
        first, last = f"{start.year}-{start.month:02d}", f"{end.year}-{end.month:02d}"
        return first if first == last else f"{first}/{last}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _resolve(kind: str, groups: list[str | None], published: Span | None) -> Span | None:
    try:
        return _absolute(kind, groups) if kind in _ABSOLUTE else _relative(kind, groups, published)
    except (ValueError, KeyError, DateError, OverflowError):
        return None  # a phrase that names no real day ("31 February 2025"): found, so never a figure, but no date


def _absolute(kind: str, groups: list[str | None]) -> Span | None:
    if kind == "iso":
        return parse_span("-".join(g for g in groups if g))
    if kind in ("weekday-dmy", "weekday-mdy"):
        kind, groups = kind.removeprefix("weekday-"), groups[1:]
    if kind == "dmy":
        day = dt.date(int(groups[2]), _month_number(groups[1]), int(groups[0]))
        return _span(day, day)
    if kind == "mdy":
        day = dt.date(int(groups[2]), _month_number(groups[0]), int(groups[1]))
        return _span(day, day)
    if kind == "part-month-year":
        first, last = _PART_OF_MONTH[groups[0].lower()]
        return _span(*_month_span(int(groups[2]), _month_number(groups[1]), first, last))
    if kind == "month-year":
        return _span(*_month_span(int(groups[1]), _month_number(groups[0])))
    if kind == "part-year":
        first, last = _PART_OF_YEAR[groups[0].lower()]
        year = int(groups[1])
        return _span(dt.date(year, first, 1), _month_span(year, last)[1])
    if kind == "season":
        first = int(groups[0])
        last = first // 100 * 100 + int(groups[1])
        return _span(dt.date(first, 1, 1), dt.date(last, 12, 31)) if last == first + 1 else None
    if kind == "years":
        first, last = int(groups[0]), int(groups[1])
        return _span(dt.date(first, 1, 1), dt.date(last, 12, 31)) if first <= last else None
    year = int(groups[0])  # "year"
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31))


_ABSOLUTE = frozenset({"iso", "dmy", "mdy", "part-month-year", "month-year", "part-year", "years", "season",
                       "year", "weekday-dmy", "weekday-mdy"})  # fmt: skip


def _relative(kind: str, groups: list[str | None], published: Span | None) -> Span | None:
    """A phrase counted from each end of `published`: the interval of every day it can mean."""
    if published is None:
        return None
    meaning = _MEANINGS[kind](groups)
    first, last = meaning(published.start), meaning(published.end)
    if first is None or last is None:
        return None
    return _span(min(first[0], last[0]), max(first[1], last[1]))


Meaning = Callable[[dt.date], "tuple[dt.date, dt.date] | None"]


def _latest_month(month: int, day: dt.date) -> int:
    """The year of the latest `month` that begins on or before `day` ("in January", written in February)."""
    return day.year if month <= day.month else day.year - 1


def _month_day(groups: list[str | None], month_group: int, day_group: int) -> Meaning:
    month, number = _month_number(groups[month_group]), int(groups[day_group])

    def meaning(day: dt.date) -> tuple[dt.date, dt.date]:
        year = day.year if (month, number) <= (day.month, day.day) else day.year - 1
        found = dt.date(year, month, number)
        return found, found

    return meaning


def _month_days(groups: list[str | None], month_group: int, first_group: int, last_group: int) -> Meaning:
    """ "June 18 to 20": every day from the first to the last, in the latest such month that has begun."""
    month, first, last = _month_number(groups[month_group]), int(groups[first_group]), int(groups[last_group])
    if last < first:
        raise ValueError("a range of days that ends before it begins")

    def meaning(day: dt.date) -> tuple[dt.date, dt.date]:
        year = day.year if (month, first) <= (day.month, day.day) else day.year - 1
        return dt.date(year, month, first), dt.date(year, month, last)

    return meaning


def _month(groups: list[str | None], part: str | None = None) -> Meaning:
    month = _month_number(groups[-1])
    first, last = _PART_OF_MONTH[part] if part else (1, 31)
    return lambda day: _month_span(_latest_month(month, day), month, first, last)


def _weekday(groups: list[str | None]) -> Meaning:
    weekday = WEEKDAYS[groups[0].lower()]

    def meaning(day: dt.date) -> tuple[dt.date, dt.date]:
        found = day - dt.timedelta(days=(day.weekday() - weekday) % 7)  # that day, or the latest before it
        return found, found

    return meaning


def _words(groups: list[str | None]) -> Meaning:
    words = " ".join(groups[0].lower().split())

    def previous_month(day: dt.date) -> tuple[dt.date, dt.date]:
        first = day.replace(day=1) - dt.timedelta(days=1)
        return _month_span(first.year, first.month)

    def week(day: dt.date, back: int) -> tuple[dt.date, dt.date]:
        monday = day - dt.timedelta(days=day.weekday() + 7 * back)
        return monday, monday + dt.timedelta(days=6)

    def weekend(day: dt.date, before: bool) -> tuple[dt.date, dt.date]:
        """The latest Saturday and Sunday up to `day` (`before`: ended before it, as "last weekend" is when
        written on a Sunday)."""
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7)
        if before and day.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        return saturday, min(saturday + dt.timedelta(days=1), day)

    def ago(day: dt.date, days: int, spread: int) -> tuple[dt.date, dt.date]:
        """ "a month ago": about that many days before, give or take `spread`."""
        return day - dt.timedelta(days=days + spread), day - dt.timedelta(days=days - spread)

    meanings: dict[str, Meaning] = {
        "last month": previous_month,
        "this month": lambda day: _month_span(day.year, day.month),
        "earlier this month": lambda day: (day.replace(day=1), day),
        "last year": lambda day: (dt.date(day.year - 1, 1, 1), dt.date(day.year - 1, 12, 31)),
        "this year": lambda day: (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)),
        "earlier this year": lambda day: (dt.date(day.year, 1, 1), day),
        "last week": lambda day: week(day, 1),
        "this week": lambda day: week(day, 0),
        "yesterday": lambda day: (day - dt.timedelta(days=1), day - dt.timedelta(days=1)),
        "today": lambda day: (day, day),
        "the past month": lambda day: (day - dt.timedelta(days=31), day),
        "the past year": lambda day: (day - dt.timedelta(days=366), day),
        "last weekend": lambda day: weekend(day, True),
        "over the weekend": lambda day: weekend(day, False),
        "at the weekend": lambda day: weekend(day, False),
        "a week ago": lambda day: ago(day, 7, 2),
        "a month ago": lambda day: ago(day, 30, 7),
        "a year ago": lambda day: ago(day, 365, 31),
    }
    return meanings[words]


_MEANINGS: dict[str, Callable[[list[str | None]], Meaning]] = {
    "month-days": lambda groups: _month_days(groups, 0, 1, 2),
    "between-month-days": lambda groups: _month_days(groups, 0, 1, 2),
    "between-days-month": lambda groups: _month_days(groups, 2, 0, 1),
    "days-month": lambda groups: _month_days(groups, 2, 0, 1),
    "weekday-day": _weekday,
    "month-day": lambda groups: _month_day(groups, 0, 1),
    "weekday-month-day": lambda groups: _month_day(groups, 1, 2),
    "weekday-day-month": lambda groups: _month_day(groups, 2, 1),
    "day-month": lambda groups: _month_day(groups, 1, 0),
    "part-month": lambda groups: _month(groups, groups[0].lower()),
    "month": _month,
    "relative": _words,
    "weekday": _weekday,
}
