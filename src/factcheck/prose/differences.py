"""A figure that states a change between two counts, not a count: "15 more people died than the first count
showed", "up 40 from Friday", "the toll was revised up by 12". Read as a running total (a cumulative metric), it
would contradict the toll: it is set aside then. A desk that curates differences declares their metric
`cumulative: false` ("3,200 more deaths than normal": excess deaths), and the figure is compared with it.

"three more bodies were found" (no "than") is an addition, which `prose.increments` reads; "rose to 50" states
the new total.
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex

REACH = 100  # characters from the figure to the "than" of its comparison, and before it to its "up"

# "15 more people died of the heat than ...": "than" in the figure's sentence, no clause mark before it.
_MORE_THAN = compile_regex(r"(?i)^ (?:more|fewer|less)\b[^.;:()!?\"“”]{0,80}?\bthan\b")
# "up 40 from Friday", "down 12 on the previous week": a change from an earlier count.
_UP_FROM = compile_regex(r"(?i)^ [a-z ]{0,30}?\b(?:from|on|since|compared)\b")
_UP = compile_regex(r"(?i)(?:^|[\s,(])(?:up|down)\s+$")
# "revised up by 12", "revised downwards by 3": the size of a revision.
_REVISED = compile_regex(r"(?i)\brevised(?:\s+(?:up|down)(?:wards?)?)?\s+by\s+$")


def difference(prose: str, phrase_start: int, end: int) -> bool:
    """Whether the figure from `phrase_start` (its qualifier words) to `end` states a difference between counts."""
    after = prose[end : end + REACH]
    before = prose[max(0, phrase_start - 30) : phrase_start]
    if _MORE_THAN.search(after) or _REVISED.search(before):
        return True
    return _UP.search(before) is not None and _UP_FROM.search(after) is not None
