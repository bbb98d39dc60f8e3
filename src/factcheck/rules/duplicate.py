"""duplicate: the same claim entered twice.

Two entries with the same series (metric, subject, claimant, origin, cumulative or period), the same date,
the same figure (value, qualifier and bounds) and the same outlet are one claim counted twice: a copy-paste
slip that inflates every summary built on the dataset. The finding is on the second entry (by file and
line), naming the first. The same figure reported by two different outlets is not a duplicate: it is one
claim with two sources, and both are worth keeping.

Cost: one grouping, O(n log n).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from factcheck.rules._claims import Hits, codes, entry_order
from factcheck.rules._expectation import TableExpectation

ID = "duplicate"
SEVERITY = "warning"
TITLE = "Each claim entered once"
EXPLAIN = (
    "The same series, date, figure and outlet entered twice counts one claim twice; remove the second entry. "
    "The same figure from two different outlets is two sources, not a duplicate."
)
MESSAGE = "{claim} is entered twice: the first entry is {related_ids} ({related_locations})"
SUITE = "cross-claim"
PASSES = """\
# two outlets
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2}}
- {id: b, value: 55000, as_of: 2026-02, source: {outlet: Le Monde}}
"""
FAILS = """\
# b repeats a
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2}}
- {id: b, value: 55000, as_of: 2026-02, source: {outlet: France 2}}
"""

SAME_ENTRY = [
    "metric", "subject", "claimant", "kind", "origin_start", "date_start", "date_end",
    "value", "qualifier", "lower", "upper", "outlet",
]  # fmt: skip


def find_duplicates(frame: pd.DataFrame) -> Hits:
    """A hit on every entry that repeats an earlier one, naming the first entry of the claim."""
    if frame.empty:
        return []
    order = entry_order(frame)
    groups = codes(frame, SAME_ENTRY)[order]
    ids = frame["claim_id"].to_numpy()[order]
    first = pd.Series(np.arange(len(order))).groupby(groups).transform("min").to_numpy()
    repeats = np.flatnonzero(first != np.arange(len(order)))
    return [{"claim_id": str(ids[p]), "related": [str(ids[first[p]])]} for p in repeats]


EXPECTATION = TableExpectation(
    type="expect_claims_to_be_entered_once",
    metric="factcheck.duplicates",
    find=find_duplicates,
    doc="Expect no claim to be entered twice (same series, date, figure and outlet).",
    shared=("subject", "origin_start"),
)
