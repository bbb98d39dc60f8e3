"""A qualifier that carries over to the figure coordinated with its own: "At least 39 people were killed and 87
wounded" says at least 87 wounded too, as "more than 50 dead and 200 injured" says more than 200. The second
figure carries the first's qualifier when it has none of its own and follows it in one clause of few words,
right after "and" or "or" ("and 87 wounded"). A figure after a verb of its own ("killed at least 15 people and
injured 45") is stated for itself, as is one across a comma or another mark.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.figures import Numeral

# Between the first figure and the second: up to four words (its noun and verb: "people were killed"), then
# "and" or "or". No digits, no punctuation: another clause or a list is no coordination of the two.
_BETWEEN = compile_regex(r"^(?: [A-Za-z'’-]+){0,4} (?:and|or) $")


def carry_qualifiers(prose: str, numerals: list[Numeral]) -> list[Numeral]:
    """The numerals, each unqualified second figure of a coordinated pair given the first one's qualifier."""
    out = list(numerals)
    for at in range(1, len(out)):
        first, second = out[at - 1], out[at]
        if second.qualifier != "exact" or first.qualifier == "exact" or second.high is not None:
            continue
        if second.phrase_start != second.start or first.percent != second.percent:
            continue
        if _BETWEEN.match(prose[first.end : second.start]):
            out[at] = replace(second, qualifier=first.qualifier)
    return out
