"""Ranges written in words, read as one figure with two ends: "between 700 and 750 people", "from 30,000 to
45,000", "an estimated 20 to 30", "2 to 3 million", "10 to 15 percent". ("14-16 workers", joined by a hyphen, is
read as one by `prose.figures`.)

A range is what a source gave as a range, or the span an article puts a figure in: it is compared whole, never
one end alone (`rules.article_contradicts.range_disagreement`). Two numbers are a range when:

- "between X and Y": the only reading of "between ... and" before two numbers;
- "from X to Y" and "X to Y": unless a verb of change comes before them in the clause ("the toll rose from
  114 to 143", "revised the count from 79 to 78"): then they are two figures, before and after;
- and Y is larger than X, and of the same order (at most `MAX_RANGE_RATIO` times X), as a span a count is
  given in is. The first end shares the second's multiplier and percent sign when it has none of its own
  ("2 to 3 million", "10 to 15%").
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.figures import MAX_RANGE_RATIO, Numeral, _qualifier, _unit_of

# The text before a range's second end: "between 700 and ", "from 30,000 to ", "20 to ", "2 to " (a single digit,
# which is no figure alone, may open a range).
_BEFORE = compile_regex(
    r"(?i)(?:\b(between|from) )?([0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"( ?%| percent| per cent)? (and|to) $"
)
_REACH = 48  # characters read back from a second end for its first
# Verbs of change: "from X to Y" after one of them is a figure before and one after, not a range.
CHANGE = frozenset({"rose", "risen", "rise", "rises", "rising", "climbed", "climbs", "jumped", "jumps",
                    "increased", "increases", "grew", "grown", "fell", "fallen", "falls", "dropped", "drops",
                    "declined", "decreased", "revised", "raised", "raising", "lowered", "pushed", "pushing",
                    "went", "soared", "surged", "doubled", "tripled", "swelled", "updated", "upped", "cut",
                    "reduced", "changed", "shrank", "halved", "moved", "spiked"})  # fmt: skip
_CLAUSE_MARKS = ".;:!?()—–\n"
_CHANGE_REACH = 80  # characters before "from" read for a verb of change


def join_ranges(prose: str, numerals: list[Numeral]) -> list[Numeral]:
    """`numerals` (in order, dates blanked out of `prose`) with each range in words made one figure."""
    out: list[Numeral] = []
    for numeral in numerals:
        joined = _range(prose, numeral, out[-1] if out else None)
        if joined is None:
            out.append(numeral)
            continue
        if out and out[-1].start >= joined.start:
            out.pop()  # the first end was read as a figure of its own
        out.append(joined)
    return out


def _range(prose: str, second: Numeral, previous: Numeral | None) -> Numeral | None:
    if second.spelled or second.low is not None or second.phrase_start != second.start:
        return None
    if not prose[max(0, second.start - 5) : second.start].endswith(("to ", "and ")):
        return None  # a plain test first: most figures follow no "to" or "and"
    window_start = max(0, second.start - _REACH)
    match = _BEFORE.search(prose[window_start : second.start])
    if match is None:
        return None
    opener, digits, percent_sign, joint = (match.group(k) for k in range(1, 5))
    opener, joint = (opener or "").lower(), joint.lower()
    if (joint == "and") != (opener == "between"):
        return None  # "700 and 750" alone is two figures; "between" needs "and"
    first_start = window_start + match.start(2)
    if joint == "to" and _after_change(prose, window_start + match.start()):
        return None
    if previous is not None and previous.start == first_start:
        if previous.spelled or previous.low is not None or previous.qualifier not in ("exact", "about"):
            return None
        if previous.scale != 1.0 and previous.scale != second.scale:
            return None
        qualifier, phrase_start = previous.qualifier, previous.phrase_start
    elif previous is not None and previous.end > first_start:
        return None
    else:
        phrase_start, qualifier = _qualifier(prose, first_start)
        if qualifier not in ("exact", "about"):
            return None
    if percent_sign and not second.percent:
        return None
    whole, _, decimals = digits.replace(",", "").partition(".")
    low = float(digits.replace(",", "")) * second.scale
    high = second.value
    if not (low < high <= MAX_RANGE_RATIO * max(low, second.scale)):
        return None
    half_unit = min(second.half_unit, 0.5 * _unit_of(whole, decimals) * second.scale)
    if opener:
        phrase_start = min(phrase_start, window_start + match.start(1))
    return replace(second, start=first_start, phrase_start=phrase_start, value=low, qualifier=qualifier,
                   half_unit=half_unit, low=low, high=high)  # fmt: skip


def _after_change(prose: str, at: int) -> bool:
    """A verb of change before `at` in its clause: "the toll rose from 114 to 143"."""
    before = prose[max(0, at - _CHANGE_REACH) : at]
    cut = max(before.rfind(mark) for mark in _CLAUSE_MARKS)
    before = before[cut + 1 :]
    return any(word.strip(",'’\"").lower() in CHANGE for word in before.split())
