"""conflict: one claimant, one metric, one subject, one date, two incompatible figures.

When two sources (two outlets copying the same daily figure, or one outlet and a curator's typo) give the
same claimant's figure for the same metric, subject and date, the figures must be compatible: their
intervals `[lower, upper]` must share a value. "About 55,000" and "55,400" are compatible; "55,000" and
"65,000" are not, and at least one of them misreports the claimant. Dates must be the same interval
("2025-10" and "2025-10-14" are different dates and never compared); a total over a period is only
compared with totals over the same period. The finding is on the claim entered later (by file and line),
naming the earlier one it contradicts, so both sources are in the message.

Cost: one sort and running extremes per group, O(n log n).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from factcheck.rules._claims import Hits, codes, entry_order
from factcheck.rules._expectation import TableExpectation

ID = "conflict"
SEVERITY = "critical"
TITLE = "One claim, one figure"
EXPLAIN = (
    "The same claimant's figure for the same metric, subject and date, given by two sources, must be "
    "compatible (the intervals share a value); otherwise at least one source misreports the claimant."
)
MESSAGE = "{figure} ({date}, {claimant}) as reported by {outlet} contradicts {related}"
SUITE = "cross-claim"
PASSES = """\
- {id: a, claimant: zelensky, value: 55000, qualifier: about, as_of: 2026-02, source: {outlet: France 2}}
- {id: b, claimant: zelensky, value: 55400, as_of: 2026-02, source: {outlet: Le Monde}}
"""
FAILS = """\
# b, as reported by Le Monde, contradicts a, as reported by France 2
- {id: a, claimant: zelensky, value: 55000, as_of: 2026-02, source: {outlet: France 2}}
- {id: b, claimant: zelensky, value: 65000, as_of: 2026-02, source: {outlet: Le Monde}}
"""

SAME_CLAIM = ["metric", "subject", "claimant", "kind", "origin_start", "date_start", "date_end"]


def _earlier_extreme(groups: np.ndarray, values: np.ndarray, highest: bool) -> tuple[np.ndarray, np.ndarray]:
    """For each row (rows sorted by group, then entry order): the extreme value of the earlier rows of its
    group, and the position of a row holding it (NaN and -1 for the first row of a group)."""
    series = pd.Series(values if highest else -values)
    running = series.groupby(groups).cummax()
    holder = pd.Series(np.where(series.to_numpy() >= running.to_numpy(), np.arange(len(values)), -1))
    holder = holder.groupby(groups).cummax()
    previous = running.groupby(groups).shift(1).to_numpy()
    previous_holder = holder.groupby(groups).shift(1).fillna(-1).to_numpy(dtype=np.int64)
    return (previous if highest else -previous), previous_holder


def find_conflicts(frame: pd.DataFrame) -> Hits:
    """A hit on every claim whose interval misses an earlier claim's interval for the same claimant,
    metric, subject and date, naming the earlier claims it contradicts (the highest above it, the lowest
    below it)."""
    if frame.empty:
        return []
    rank = np.empty(len(frame), dtype=np.int64)
    rank[entry_order(frame)] = np.arange(len(frame))
    groups = codes(frame, SAME_CLAIM)
    order = np.lexsort((rank, groups))
    sorted_groups = groups[order]
    lowers = frame["lower"].to_numpy(dtype=float)[order]
    uppers = frame["upper"].to_numpy(dtype=float)[order]
    highest, above = _earlier_extreme(sorted_groups, lowers, highest=True)
    lowest, below = _earlier_extreme(sorted_groups, uppers, highest=False)
    is_above = highest > uppers  # NaN (no earlier claim) compares False
    is_below = lowest < lowers
    ids = frame["claim_id"].to_numpy()
    hits = []
    for position in np.flatnonzero(is_above | is_below):
        related = [ids[order[above[position]]]] if is_above[position] else []
        if is_below[position]:
            related.append(ids[order[below[position]]])
        hits.append({"claim_id": str(ids[order[position]]), "related": [str(r) for r in related]})
    return hits


EXPECTATION = TableExpectation(
    type="expect_same_claims_to_be_compatible",
    metric="factcheck.conflicts",
    find=find_conflicts,
    doc="Expect every claim to be compatible with the other reports of the same claimant, metric, subject and date.",
    shared=("subject", "origin_start"),
)
