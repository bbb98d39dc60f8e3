"""part-within-whole: a part is never above its whole.

A metric declared `within: <whole>` in the catalog counts part of another (killed within killed or
wounded, recovered within confirmed). For the same subject, claimant, date (the same interval) and kind
(cumulative or period), the part's figure may not be above the whole's. Figures are intervals, and only a
certain violation fails: the part's lower bound above the whole's upper bound ("about 60,000 killed" and
"about 55,000 killed or wounded" overlap at 55,500 and pass; 60,000 killed and 55,000 killed or wounded
fail). Different claimants count differently and are never compared here. The finding is on the part,
naming the lowest whole it exceeds.

Cost: one grouping of the wholes and one hash join of the parts, O(n log n).
"""

from __future__ import annotations

import pandas as pd

from factcheck.checks._claims import Hits

ID = "part-within-whole"
SEVERITY = "critical"
TITLE = "A part is not above its whole"
EXPLAIN = (
    "A metric `within` another (killed within killed or wounded) cannot certainly exceed it for the same "
    "subject, claimant and date: the part's lower bound above the whole's upper bound is impossible."
)
MESSAGE = (
    "{figure} {metric_description} ({date}, {claimant}, {outlet}) is more than its whole: {related_1} {related_metric}"
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

SAME_COUNT = ["subject", "claimant", "kind", "origin_start", "date_start", "date_end"]


def find_parts_above_whole(frame: pd.DataFrame) -> Hits:
    """A hit on every part whose lower bound is above the upper bound of a whole of the same count."""
    if frame.empty or frame["within"].isna().all():
        return []
    keyed = frame.assign(origin_start=frame["origin_start"].fillna(-1.0))
    wholes = keyed.sort_values(["upper", "file", "line", "claim_id"], kind="stable")
    wholes = wholes.drop_duplicates(["metric", *SAME_COUNT])[["metric", *SAME_COUNT, "upper", "claim_id"]]
    wholes = wholes.rename(columns={"metric": "within", "upper": "whole_upper", "claim_id": "whole_id"})
    parts = keyed[keyed["within"].notna()].sort_values(["file", "line", "claim_id"], kind="stable")
    pairs = parts.merge(wholes, on=["within", *SAME_COUNT], how="inner")
    above = pairs[pairs["lower"] > pairs["whole_upper"]]
    return [
        {"claim_id": str(part), "related": [str(whole)]}
        for part, whole in zip(above["claim_id"], above["whole_id"], strict=True)
    ]
