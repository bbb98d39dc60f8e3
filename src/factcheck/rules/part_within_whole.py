"""part-within-whole: a part is never above its whole.

A part is counted within a whole in two ways, both declared in the catalog. A metric `within: <whole>`
counts part of another (killed within killed or wounded, recovered within confirmed): for the same
subject, its figure may not be above the whole metric's. A subject `within: <whole>` (a province in its
country, the areas a government holds in it), or listed in a group's `parts` (two countries together), is
a part of that place: for the same metric, its figure may not be above the whole subject's (nor above any
place the whole lies within). Either way the two figures must be of the same claimant, date (the same
interval) and kind (cumulative or period): different claimants count differently and are never compared
here. Cumulative totals are compared across dates too: a part's total as of one date can only have grown
by a later date, and its whole counts it then, so a province's 5,000 of 10 February above its country's
4,900 of 12 February is as certain a violation as on one day (a whole dated wholly after the part, of the
same claimant and origin; a whole before the part says nothing). Figures are intervals, and only a certain
violation fails: the part's lower bound above the whole's upper bound ("about 60,000 killed" and "about
55,000 killed or wounded" overlap at 55,500 and pass; 60,000 killed and 55,000 killed or wounded fail). The
finding is on the part, naming the lowest whole it exceeds.

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
    "its country), cannot certainly exceed its whole for the same claimant and date, nor, for cumulative totals, "
    "a whole dated after it: the part's lower bound above the whole's upper bound is impossible."
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
SAME_SERIES = ["metric", "subject", "claimant", "origin_start"]  # cumulative totals compared across dates


def find_parts_above_whole(frame: pd.DataFrame) -> Hits:
    """A hit on every part whose lower bound is above the upper bound of a whole of the same count: a whole
    metric of the same subject, or else a whole subject of the same metric."""
    within = ["within", *(["subject_within"] if "subject_within" in frame else [])]
    if frame.empty or not frame[within].notna().to_numpy().any():  # no part here: most groups of a batch
        return []
    count = ["metric", "subject", *SAME_COUNT]
    # The columns compared, and `entry` for the written order (file, line, id): sorting the whole frame by
    # its text columns took most of this check's time.
    keyed = frame[[*count, "lower", "upper", "claim_id", "entry", "cumulative", *within]]
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
    later = _later_wholes(keyed)
    hits: dict[str, tuple[float, str, int]] = {}
    for candidates in (by_metric, by_subject):
        if candidates.empty:
            continue
        pairs = candidates[["claim_id", "entry", "lower", *count]].merge(wholes, on=count, how="inner")
        pairs = pd.concat([pairs, _paired_with_later(candidates, later)], ignore_index=True)
        above = pairs[pairs["lower"] > pairs["whole_upper"]]
        for part, entry, upper, whole in zip(
            above["claim_id"], above["entry"], above["whole_upper"], above["whole_id"], strict=True
        ):
            if str(part) not in hits or upper < hits[str(part)][0]:
                hits[str(part)] = (float(upper), str(whole), int(entry))
    return [
        {"claim_id": part, "related": [whole]} for part, (_, whole, _) in sorted(hits.items(), key=lambda h: h[1][2])
    ]


def _later_wholes(keyed: pd.DataFrame) -> pd.DataFrame:
    """Every cumulative total as a whole for the parts dated before it: per series, by date, with the lowest
    upper bound of it and every total after it (`whole_upper`) and the claim that has it (`whole_id`)."""
    totals = keyed[(keyed["kind"] == "as_of") & keyed["cumulative"].astype(bool)]
    totals = totals.assign(series=codes(totals, SAME_SERIES))  # one integer a series, not four text columns
    totals = totals.sort_values(["series", "date_start", "upper", "entry"], kind="stable").reset_index(drop=True)
    backwards = totals.iloc[::-1]
    lowest_after = backwards.groupby("series", sort=False)["upper"].cummin().iloc[::-1]
    # the claim holding each suffix minimum: the first claim, from the end, whose upper bound reached it
    holder = totals["claim_id"].where(totals["upper"] == lowest_after)
    holder = holder.iloc[::-1].groupby(backwards["series"], sort=False).ffill().iloc[::-1]
    return pd.DataFrame({
        **{c: totals[c] for c in SAME_SERIES}, "whole_start": totals["date_start"],
        "whole_upper": lowest_after, "whole_id": holder,
    })  # fmt: skip


def _paired_with_later(candidates: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """Each cumulative part with the lowest whole of its series dated wholly after it (none when there is no
    such whole)."""
    parts = candidates[(candidates["kind"] == "as_of") & candidates["cumulative"].astype(bool)]
    if parts.empty or later.empty:
        return pd.DataFrame(columns=["claim_id", "entry", "lower", "whole_upper", "whole_id"])
    paired = pd.merge_asof(
        parts[["claim_id", "entry", "lower", *SAME_SERIES, "date_end"]].sort_values("date_end", kind="stable"),
        later.sort_values("whole_start", kind="stable"),
        left_on="date_end", right_on="whole_start", by=SAME_SERIES,
        direction="forward", allow_exact_matches=False,
    )  # fmt: skip
    return paired.dropna(subset=["whole_id"])[["claim_id", "entry", "lower", "whole_upper", "whole_id"]]


EXPECTATION = TableExpectation(
    type="expect_parts_to_be_within_whole",
    metric="factcheck.parts_above_whole",
    find=find_parts_above_whole,
    doc="Expect no `within` metric to be certainly above its whole for the same subject, claimant and date.",
    shared=tuple(SAME_COUNT),
)
