"""A qualifier that carries over to the figure coordinated with its own: "At least 39 people were killed and 87
wounded" says at least 87 wounded too, as "more than 50 dead and 200 injured" says more than 200. The second
figure carries the first's qualifier when it has none of its own and follows it in one clause of few words,
right after "and" or "or", with the noun left out ("and 87 wounded", "and 200 were hurt"). A figure after a verb
of its own ("killed at least 15 people and injured 45"), with a noun of its own ("nearly 3,000 houses and 38
schools") or across a comma or another mark is stated for itself.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.figures import Numeral
from factcheck.prose.words import word_after

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
        if _BETWEEN.match(prose[first.end : second.start]) and _elided(prose, second.end):
            out[at] = replace(second, qualifier=first.qualifier)
    return out


# What follows a second figure that shares the first one's noun: a participle or state ("87 wounded", "200
# missing"), "others" or a verb ("and 87 were hurt"). A noun of its own ("and 38 schools") makes another count.
_SHARED = frozenset({"dead", "missing", "hurt", "others", "more", "were", "are", "have", "had", "remain"})


def _elided(prose: str, end: int) -> bool:
    word = word_after(prose, end, " ", gaps=1)[0].lower()
    return word in _SHARED or (word.endswith("ed") and len(word) > 3)
