"""part-within-whole: a part is never above its whole.

A part is counted within a whole in two ways, both declared in the catalog. A metric `within: <whole>`
counts part of another (killed within killed or wounded, recovered within confirmed): for the same
subject, its figure may not be above the whole metric's. A subject `within: <whole>` (a province in its
country, the areas a government holds in it), or listed in a group's `parts` (two countries together), is
a part of that place: for the same metric, its figure may not be above the whole subject's (nor above any
place the whole lies within). Either way the two figures must be of the same claimant, date (the same
interval) and kind (cumulative or period): different claimants count differently and are never compared
here. Figures are intervals, and only a certain violation fails: the part's lower bound above the whole's
upper bound ("about 60,000 killed" and "about 55,000 killed or wounded" overlap at 55,500 and pass; 60,000
killed and 55,000 killed or wounded fail). The finding is on the part, naming the lowest whole it exceeds.

This is the only check that compares a place with a place it lies within: every other cross-claim check
compares claims of one subject, so a province's toll is never read as a fall of its country's.

Cost: one grouping of the wholes and one hash join of the parts per axis, O(n log n).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from factcheck.rules._claims import Hits, codes, entry_order
from factcheck.rules._expectation import TableExpectation

ID = "part-within-whole"
SEVERITY = "critical"
TITLE = "A part is not above its whole"
EXPLAIN = (
    "A metric `within` another (killed within killed or wounded), or a place `within` another (a province in "
    "its country), cannot certainly exceed its whole for the same claimant and date: the part's lower bound "
    "above the whole's upper bound is impossible."
)
MESSAGE = (
    "{figure} {metric_description}, {subject} ({date}, {claimant}, {outlet}) is more than its whole: "
    "{related_1} {related_metric}, {related_subject}"
)
SUITE = "cross-claim"
PASSES = """\
# catalog: `military_killed: {within: military_casualties}`
- {id: killed, metric: military_killed, claimant: zelensky, value: 55000, as_of: 2026-02}
- {id: casualties, metric: military_casualties, claimant: zelensky, value: 400000, as_of: 2026-02}
"""
FAILS = """\
# the part, 410,000 killed, is above the whole, 400,000 killed or wounded
- {id: killed, metric: military_killed, claimant: zelensky, value: 410000, as_of: 2026-02}
- {id: casualties, metric: military_casualties, claimant: zelensky, value: 400000, as_of: 2026-02}
"""

SAME_COUNT = ["claimant", "kind", "origin_start", "date_start", "date_end"]


def find_parts_above_whole(frame: pd.DataFrame) -> Hits:
    """A hit on every part whose lower bound is above the upper bound of a whole of the same count: a whole
    metric of the same subject, or else a whole subject of the same metric."""
    if frame.empty:
        return []
    count = ["metric", "subject", *SAME_COUNT]
    # The columns compared, and `entry` for the written order (file, line, id): sorting the whole frame by
    # its text columns took most of this check's time.
    within = ["within", *(["subject_within"] if "subject_within" in frame else [])]
    keyed = frame[[*count, "lower", "upper", "claim_id", "entry", *within]]
    keyed = keyed.assign(origin_start=keyed["origin_start"].fillna(-1.0))
    wholes = keyed.sort_values(["upper", "entry"], kind="stable")
    wholes = wholes.iloc[np.sort(np.unique(codes(wholes, count), return_index=True)[1])]  # the first of each count
    wholes = wholes[[*count, "upper", "claim_id"]].rename(columns={"upper": "whole_upper", "claim_id": "whole_id"})
    parts = keyed.iloc[entry_order(keyed)]
    by_metric = parts[parts["within"].notna()].drop(columns="metric").rename(columns={"within": "metric"})
    if "subject_within" in parts:
        by_subject = parts[parts["subject_within"].notna()]
        by_subject = by_subject.assign(whole=by_subject["subject_within"].str.split(" ")).explode("whole")
        by_subject = by_subject.drop(columns="subject").rename(columns={"whole": "subject"})
    else:
        by_subject = parts.iloc[:0]
    hits: dict[str, tuple[float, str, int]] = {}
    for candidates in (by_metric, by_subject):
        if candidates.empty:
            continue
        pairs = candidates[["claim_id", "entry", "lower", *count]].merge(wholes, on=count, how="inner")
        above = pairs[pairs["lower"] > pairs["whole_upper"]]
        for part, entry, upper, whole in zip(
            above["claim_id"], above["entry"], above["whole_upper"], above["whole_id"], strict=True
        ):
            if str(part) not in hits or upper < hits[str(part)][0]:
                hits[str(part)] = (float(upper), str(whole), int(entry))
    return [
        {"claim_id": part, "related": [whole]} for part, (_, whole, _) in sorted(hits.items(), key=lambda h: h[1][2])
    ]


EXPECTATION = TableExpectation(
    type="expect_parts_to_be_within_whole",
    metric="factcheck.parts_above_whole",
    find=find_parts_above_whole,
    doc="Expect no `within` metric to be certainly above its whole for the same subject, claimant and date.",
)
