"""A figure that someone denies is not theirs (`prose.context`'s claimant).

"Police rejected reports that the toll had passed 125": the 125 is the reports', and the police who reject it
are not its source. "The ministry denied that 300 had died", "officials dismissed claims that ...", "a count
of 125 did not match what happened, Sumpil said": the one who denies names no claimant of the figure. A denier
who gives a figure of their own ("Hamzat disputed Oki's account, saying 21 storeys had been approved") is its
source, and the one whose account is disputed is not.
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex

_DENIAL = compile_regex(
    r"(?i)\b(?:reject(?:s|ed|ing)?|den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|"
    r"refut(?:e|es|ed|ing)|contest(?:s|ed|ing)?|rebut(?:s|ted|ting)?)\b"
)
# A verb of saying after the denial, before the figure: the denier's own figure follows ("..., saying 21").
_COUNTER = compile_regex(r"(?i)(?:\bsaying\b|\bsaid\b|\badding\b|\binsisting\b|:)")
# Words after a figure in its clause by which the speaker denies it: "a count of 125 did not match".
_DENIED_AFTER = compile_regex(
    r"(?i)^[^,;.]*?\b(?:(?:did|does|do|was|is|were|are) not|didn't|doesn't|wasn't|isn't|weren't|aren't)\s+"
    r"(?:match|reflect|add up|tally|true|accurate|correct|right|credible)\b"
    r"|^[^,;.]*?\b(?:was|is|were|are) (?:wrong|false|untrue|inaccurate|exaggerated|incorrect)\b"
)


def not_claimants(prose: str, sentence_start: int, start: int, end: int, sentence_end: int) -> list[tuple[int, int]]:
    """Spans of the figure's sentence whose names deny the figure at `start:end` or are denied by its source,
    so none of them is its claimant: [] when its sentence denies nothing of it."""
    before = prose[sentence_start:start]
    denials = list(_DENIAL.finditer(before))
    if denials:
        verb = denials[-1]
        counter = _COUNTER.search(before, verb.end())
        if counter is not None:  # "X disputed Y's account, saying 21": Y's is the account denied
            return [(sentence_start + verb.end(), sentence_start + counter.start())]
        return [(sentence_start, sentence_start + verb.start())]  # "X rejected reports that 125 died"
    if _DENIED_AFTER.search(prose[end:sentence_end]):
        return [(sentence_start, start)]
    return []
