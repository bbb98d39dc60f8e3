"""“Did you mean” for a claim id an article binds but no dataset of its gate holds, within a budget: each
search compares the id with every claim id of the gate."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from factcheck.prose.match import ClaimIndex

# Claim ids the "did you mean" searches of one run may compare with: each search compares an unknown id with
# every claim id of the gate (22,000 in the shipped datasets, up to 0.2 s), and 40 articles of unknown
# bindings must not cost minutes. Past it, further unknown ids get no guess (docs/security.md).
MAX_GUESS_WORK = 200_000


@dataclass
class GuessBudget:
    """The comparisons the "did you mean" searches of one run have made, shared by its articles."""

    work: int = 0


class Guesses:
    """ "Did you mean" for claim ids an article binds but no dataset holds, within a budget per article and
    one per run (`GuessBudget`): each search compares the id with every claim id of the gate."""

    SEARCHES = 5

    def __init__(self, index: ClaimIndex, budget: GuessBudget | None = None):
        self.index = index
        self.found: dict[str, str] = {}
        self.budget = budget if budget is not None else GuessBudget()

    def hint(self, claim_id: str) -> str:
        if claim_id not in self.found:
            cost = len(self.index.claims)
            if len(self.found) >= self.SEARCHES or self.budget.work + cost > MAX_GUESS_WORK:
                return ""
            self.budget.work += cost
            close = difflib.get_close_matches(claim_id, list(self.index.claims), n=1, cutoff=0.8)
            self.found[claim_id] = f"did you mean `{close[0]}`? " if close else ""
        return self.found[claim_id]
