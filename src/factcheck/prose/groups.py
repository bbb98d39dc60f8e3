"""A list of groups and their counts that shares one predicate: "the ministry said three Indians, three Britons,
two people from Greece and one Portuguese had died". Each number in words counts its group ("three Indians": the
subject it names) and what the list's predicate names ("had died"), though the comma cuts it from the verb.

A number in words is a figure only when a metric word counts it (`Reader.counts_a_metric`); in such a list the
word stands after the last member. It counts here when a group the catalog names follows the number right after
it (or after a noun of people and "from", "of" or "holding": "two people from Greece"), and the words up to the
metric word are only more such members, then a verb: never across another clause ("three hotels ... and 290
died" names no group, and a clause of other words breaks the list).
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex

_NUMBER = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
           r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|[0-9]+)")  # fmt: skip
_PEOPLE = r"(?:people|persons|nationals|citizens|tourists|others)"
# A group right after the number: nothing, or a noun of people and "from", "of", "holding" (with "both").
LEAD = compile_regex(rf"^ (?:{_PEOPLE} (?:from|of|holding) (?:both |the )?)?$")
# After the group, up to the metric word: more members ("three Britons", "two people from Greece"), then a verb.
_MEMBER = rf"(?:, and |, | and ){_NUMBER} [A-Za-z' ]{{1,40}}?"
TAIL = compile_regex(rf"^(?:{_MEMBER})*(?: (?:had|have|has|were|was|are|is)(?: been| all)?)? $")


def counts_a_listed_group(prose: str, end: int, groups: list[tuple[int, int]], metrics: list[int]) -> bool:
    """Whether the number in words ending at `end` opens or continues such a list: a group named at one of
    `groups` (offsets) right after it, and a metric word starting at one of `metrics` after the group, past only
    more members and a verb."""
    group = next(((s, e) for s, e in groups if s >= end and LEAD.match(prose[end:s])), None)
    if group is None:
        return False
    return any(start > group[1] and TAIL.match(prose[group[1] : start]) for start in metrics)
