"""period-vs-cumulative: a total over a period against the growth of a cumulative series over it.

"About 420,000 Russian soldiers killed or injured in 2025" can be checked against any cumulative series of
the same metric and subject: its total on the last day of the period minus its total on the day before the
period starts (the General Staff's 1,207,910 on 2025-12-31 minus 789,550 on 2024-12-31: 418,360). The
difference is an interval too (`[end.lower - start.upper, end.upper - start.lower]`). The result is shown
either way: *corroborated by* when the two intervals share a value, *contradicted by* when they do not
(a failure at the entry's severity). Only series with a day-dated total on exactly both days are compared
(nothing is interpolated), and a period starting on or before the series' origin is not compared.

Whose series a period total is compared with is the `affiliation` kwarg, so that the two cases can carry
different severities in the suite:

- `shared`: the same claimant, or claimants of the same party (Ukraine's Commander-in-Chief and Ukraine's
  General Staff). They count from the same reports, so a contradiction is most likely a misquote or a slip
  in the dataset: the shipped suite makes it a warning.
- `other`: claimants of different parties, or independent ones. Their methods differ and disagreement is
  expected; the comparison is context for the reader: info.
- `any` (default): both.

Cost: one sort of the day totals, two binary searches per (period total, series) pair, O(n log n) for a
fixed number of claimants.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from factcheck.floor.numbers import format_number
from factcheck.rules._claims import (
    CONTRADICTED,
    CORROBORATED,
    DayTotals,
    Hits,
    entry_order,
    overlap,
    shares_affiliation,
)
from factcheck.rules._expectation import TableExpectation

ID = "period-vs-cumulative"
SEVERITY = "warning"
TITLE = "Period totals match the same side's cumulative series"
EXPLAIN = (
    "A total over a period is compared with the rise of a cumulative series of the same metric and subject "
    "over that period, by the same claimant or one of the same party. They count from the same reports, so a "
    "contradiction is most likely a misquote or a slip: a warning. Agreement is shown as corroboration."
)
MESSAGE = (
    "{figure} over {date} ({claimant}, {outlet}) is {verdict} {related_claimant}: {related_1} to {related_2} "
    "is a rise of {difference}"
)
SUITE = "cross-claim"
PASSES = """\
# corroborated: 418,360 is within about 420,000, i.e. 415,000 to 425,000
- {id: gs, claimant: general-staff, metric: military_casualties, points: [[2024-12-31, 789550], [2025-12-31, 1207910]]}
- {id: syrskyi, claimant: syrskyi, metric: military_casualties, value: 420000, qualifier: about, period: 2025}
"""
FAILS = """\
# contradicted: 318,360 is not within about 420,000
- {id: gs, claimant: general-staff, metric: military_casualties, points: [[2024-12-31, 889550], [2025-12-31, 1207910]]}
- {id: syrskyi, claimant: syrskyi, metric: military_casualties, value: 420000, qualifier: about, period: 2025}
"""

Affiliation = Literal["shared", "other", "any"]


def compare_periods(frame: pd.DataFrame) -> Hits:
    """One hit per (period total, cumulative series with totals on both ends of the period), corroborated
    or not, each with `shared` telling whether the two claimants share an affiliation."""
    if frame.empty:
        return []
    totals = DayTotals(frame)
    periods = frame[(frame["kind"] == "period") & frame["cumulative"].astype(bool)]
    if periods.empty or totals.points.empty:
        return []
    periods = periods.iloc[entry_order(periods)]
    pairs = periods[
        ["claim_id", "metric", "subject", "claimant", "affiliation", "lower", "upper", "date_start", "date_end"]
    ]
    pairs = pairs.merge(totals.series, on=["metric", "subject"], suffixes=("", "_series"))
    series = pairs["series"].to_numpy()
    start = totals.at(series, pairs["date_start"].to_numpy() - 1)
    end = totals.at(series, pairs["date_end"].to_numpy())
    after_origin = pairs["date_start"].to_numpy() > pairs["origin_start"].to_numpy()
    found = (start >= 0) & (end >= 0) & after_origin
    pairs, start, end = pairs[found], start[found], end[found]
    points = totals.points
    low = points["lower"].to_numpy(dtype=float)
    high = points["upper"].to_numpy(dtype=float)
    value = points["value"].to_numpy(dtype=float)
    ids = points["claim_id"].to_numpy()
    difference_low = low[end] - high[start]
    difference_high = high[end] - low[start]
    agree = overlap(pairs["lower"], pairs["upper"], difference_low, difference_high)
    shared = shares_affiliation(
        pairs["claimant"], pairs["affiliation"], pairs["claimant_series"], pairs["affiliation_series"]
    )
    difference = value[end] - value[start]
    return [
        {
            "claim_id": str(claim),
            "related": [str(ids[a]), str(ids[b])],
            "status": "corroborated" if ok else "failed",
            "fields": {"verdict": CORROBORATED if ok else CONTRADICTED, "difference": format_number(d)},
            "shared": bool(same),
        }
        for claim, a, b, ok, d, same in zip(pairs["claim_id"], start, end, agree, difference, shared, strict=True)
    ]


def with_affiliation(hits: Hits, affiliation: Affiliation) -> Hits:
    """The comparisons with the series `affiliation` asks for, without their `shared` flag."""
    wanted = {"shared": (True,), "other": (False,), "any": (True, False)}[affiliation]
    return [{k: v for k, v in hit.items() if k != "shared"} for hit in hits if hit["shared"] in wanted]


# period-vs-cumulative-other-party runs through the same type, with `affiliation: other`.
EXPECTATION = TableExpectation(
    type="expect_period_totals_to_match_cumulative_series",
    metric="factcheck.period_comparisons",
    find=compare_periods,
    doc="Expect each period total to match the growth of other cumulative series over the same period.",
    shared=("subject", "metric"),
    kwargs={"affiliation": (Affiliation, "any")},
    hits=with_affiliation,
)
