"""Figures that another figure is measured against, not claims of their own: the earlier value of a change
("5,160 have died, up from 4,960 on Friday") and the whole a part is counted out of ("110 out of 160
districts").

- An earlier value: the figure follows "up from", "down from", "compared with" or a verb of change and "from"
  ("rose from 114"). It counts what the figure it is compared with counts (the words before it, "have died"),
  not the "up" of its own clause; and a date in its clause ("on Friday") dates it, not the later figure.
- A whole: the figure follows another figure and "out of", or digits and "of" ("110 out of 160 districts",
  "12 of 40 wards"). The words after it name the part's metric; the whole is the size of the set, which a desk does not
  curate as the part's figure. A figure with words of its own before "out of" ("5,160 had died, out of 14,098
  cases") is no such whole: its noun counts it. After "of the" ("110 of the 160 districts") the whole may be a
  figure the desk curated (the 160 districts), so it is judged, but it contradicts no claim of the part's metric.
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.ranges import CHANGE

# The words ending right before an earlier value, within its clause.
_EARLIER = compile_regex(
    r"(?i)(?:\b(?:up|down|rising|falling|increasing|decreasing) from|\bcompared (?:with|to)"
    r"|\b(?:[a-z]+) from)(?: (?:about|around|some|roughly|nearly|almost|more than|over|at least))? ?$"
)
# A number then "out of", or digits then "of", right before a figure: the figure is the whole. ("one of 12
# people police were questioning" names the group it belongs to, a figure of its own.)
_WHOLE = compile_regex(r"(?i)(?:(?:[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)) out of|[0-9] of) $")
REACH = 40  # characters read back from a figure


def earlier_value(prose: str, clause_start: int, start: int) -> bool:
    """Whether the figure at `start` is the earlier value its clause compares with ("up from 4,960")."""
    before = prose[max(clause_start, start - REACH) : start]
    match = _EARLIER.search(before)
    if match is None:
        return False
    verb = match.group().split()[0].lower()
    return verb in ("up", "down", "rising", "falling", "increasing", "decreasing", "compared") or verb in CHANGE


# "110 of the 160 districts", "seven of the country's 30 districts", "two of its 12 wards": the whole a part is
# counted out of, which a desk may or may not curate.
_WHOLE_OF_THE = compile_regex(
    r"(?i)(?:[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)) of"
    r" (?:the |the [a-z-]+(?:'s|’s|s') |its |their )$"
)


def whole_of_the(prose: str, start: int) -> bool:
    """Whether the figure at `start` follows a part and "of the" ("110 of the 160 districts"): a whole that
    is a claim when the desk curated it, and otherwise contradicts none of the part's claims."""
    return _WHOLE_OF_THE.search(prose[max(0, start - REACH) : start]) is not None


def whole_of(prose: str, start: int) -> bool:
    """Whether the figure at `start` is the whole a part before it is counted out of ("110 out of 160")."""
    return _WHOLE.search(prose[max(0, start - REACH) : start]) is not None


def compares(prose: str, start: int, end: int) -> bool:
    """Whether the clause prose[start:end] holds an earlier value ("up from 4,960 on Friday")."""
    return _OPENS.search(prose[start:end]) is not None


_OPENS = compile_regex(r"(?i)\b(?:up|down) from\b|\bcompared (?:with|to)\b")
