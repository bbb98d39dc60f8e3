"""snapshot-vs-cumulative: one claimant's cumulative total against another claimant's series at that date.

UK Defence Intelligence's "about 1.1 million Russian soldiers killed or injured by October 2025" can be
set beside the General Staff's daily totals: 1,141,830 on 2025-10-31. Different claimants count in
different ways, so the result is context, at info severity: *corroborated by* when the figures can agree,
*contradicted by* when they cannot.

Dates are intervals. A total "as of 2025-10" counts to some day of October that the source does not give,
so it is compared with every day-dated total of the other series inside that span: with a cumulative
series, those run from its first total in the span to its last, and the claim is corroborated when its
interval meets `[first.lower, last.upper]` (the lower and upper of the two, should the series fall) and
contradicted when it lies wholly above or below. Both totals are named. A claim dated to a day is compared
with the other series' total on that day (and, being a day total itself, is the total that the other
claim is compared with in turn: each gets its own finding). Only day-dated totals of the other series are used (a month-dated
total of another claimant says nothing certain about a given day), only series of the same metric, subject
and origin, and never the claimant's own series (cumulative-non-decreasing and conflict cover that).

Passes (corroborated: about 1.1 million is 1,050,000 to 1,150,000):

    - {id: gs, claimant: general-staff, metric: military_casualties, points: [[2025-10-01, 1111480], [2025-10-31, 1141830]]}
    - {id: uk, claimant: uk-defence-intelligence, metric: military_casualties, value: 1100000, qualifier: about, as_of: 2025-10}

Fails, as information (contradicted: about 900,000 is below the whole of October's totals):

    - {id: gs, claimant: general-staff, metric: military_casualties, points: [[2025-10-01, 1111480], [2025-10-31, 1141830]]}
    - {id: uk, claimant: uk-defence-intelligence, metric: military_casualties, value: 900000, qualifier: about, as_of: 2025-10}

Cost: one sort of the day totals, two binary searches per (claim, other series) pair, O(n log n) for a
fixed number of claimants.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.expectations._cross import (
    CONTRADICTED,
    CORROBORATED,
    CrossClaimExpectation,
    DayTotals,
    Hits,
    entry_order,
    overlap,
    table,
)


def compare_snapshots(frame: pd.DataFrame) -> Hits:
    """One hit per (cumulative claim, other claimant's series with day totals in the claim's span)."""
    if frame.empty:
        return []
    totals = DayTotals(frame)
    claims = frame[(frame["kind"] == "as_of") & frame["cumulative"].astype(bool)]
    if claims.empty or totals.points.empty:
        return []
    claims = claims.iloc[entry_order(claims)]
    claims = claims.assign(origin_start=claims["origin_start"].fillna(-1.0))
    pairs = claims[
        ["claim_id", "metric", "subject", "claimant", "origin_start", "lower", "upper", "date_start", "date_end"]
    ]
    pairs = pairs.merge(totals.series, on=["metric", "subject", "origin_start"], suffixes=("", "_series"))
    pairs = pairs[pairs["claimant"] != pairs["claimant_series"]]
    first, last = totals.within(
        pairs["series"].to_numpy(), pairs["date_start"].to_numpy(), pairs["date_end"].to_numpy()
    )
    found = first >= 0
    pairs, first, last = pairs[found], first[found], last[found]
    low = totals.points["lower"].to_numpy(dtype=float)
    high = totals.points["upper"].to_numpy(dtype=float)
    ids = totals.points["claim_id"].to_numpy()
    agree = overlap(
        pairs["lower"],
        pairs["upper"],
        np.minimum(low[first], low[last]),
        np.maximum(high[first], high[last]),
    )
    return [
        {
            "claim_id": str(claim),
            "related": [str(ids[a])] if a == b else [str(ids[a]), str(ids[b])],
            "status": "corroborated" if ok else "failed",
            "fields": {"verdict": CORROBORATED if ok else CONTRADICTED},
        }
        for claim, a, b, ok in zip(pairs["claim_id"], first, last, agree, strict=True)
    ]


class SnapshotComparisons(TableMetricProvider):
    metric_name = "factcheck.snapshot_comparisons"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, compare_snapshots)


class ExpectCumulativeClaimsToMatchOtherSeries(CrossClaimExpectation):
    """Expect each cumulative claim to match other claimants' series at the same dates."""

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.snapshot_comparisons",)
