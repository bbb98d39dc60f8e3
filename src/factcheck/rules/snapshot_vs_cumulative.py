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
claim is compared with in turn: each gets its own finding). Only day-dated totals of the other series are
used (a month-dated total of another claimant says nothing certain about a given day), only series of the
same metric, subject and origin, and never the claimant's own series (cumulative-non-decreasing and
conflict cover that).

Two daily series side by side would give a finding a day. The points of one series block with the same
verdict against the same other series are reported once, on the first of them, with the count and dates
of the rest ("...; so are 36 more totals of this series (2022-10-20 to 2022-11-09)"). A plain claim, and
a point with a waiver, is always reported on its own.

Cost: one sort of the day totals, two binary searches per (claim, other series) pair, and one grouping
of the pairs: O(n log n) for a fixed number of claimants per metric and subject.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from factcheck.rules._claims import CONTRADICTED, CORROBORATED, DayTotals, Hits, codes, entry_order, overlap
from factcheck.rules._expectation import TableExpectation

ID = "snapshot-vs-cumulative"
SEVERITY = "info"
TITLE = "Cumulative claims against other claimants' series"
EXPLAIN = (
    "A cumulative total is compared with another claimant's day-dated totals within its date (a month spans "
    "the series from its first to its last total in that month). Different claimants count differently, so "
    "the result is context for the reader: information."
)
MESSAGE = "{figure} as of {date} ({claimant}, {outlet}) is {verdict} {related_claimant}: {related}{more}"
SUITE = "cross-claim"
PASSES = """\
# corroborated: about 1.1 million is 1,050,000 to 1,150,000
- {id: gs, claimant: general-staff, metric: military_casualties, points: [[2025-10-01, 1111480], [2025-10-31, 1141830]]}
- {id: uk, claimant: uk-defence-intelligence, metric: military_casualties, value: 1100000, qualifier: about, as_of: 2025-10}
"""
FAILS = """\
# contradicted, as information: about 900,000 is below the whole of October's totals
- {id: gs, claimant: general-staff, metric: military_casualties, points: [[2025-10-01, 1111480], [2025-10-31, 1141830]]}
- {id: uk, claimant: uk-defence-intelligence, metric: military_casualties, value: 900000, qualifier: about, as_of: 2025-10}
"""


def compare_snapshots(frame: pd.DataFrame) -> Hits:
    """One hit per (cumulative claim, other claimant's series with day totals in the claim's span), except
    that the points of one series block with the same verdict against the same other series make one hit,
    on the first of them, whose `more` field counts the rest."""
    if frame.empty:
        return []
    totals = DayTotals(frame)
    claims = frame[(frame["kind"] == "as_of") & frame["cumulative"].astype(bool)]
    if claims.empty or totals.points.empty:
        return []
    claims = claims.iloc[entry_order(claims)]
    claims = claims.assign(origin_start=claims["origin_start"].fillna(-1.0))
    rows, first, last = totals.meeting(claims)
    pairs = claims[["claim_id", "claimant", "lower", "upper", "date_start", "date_end", "series", "waived"]].iloc[rows]
    other = totals.points["claimant"].to_numpy()[first]
    keep = pairs["claimant"].to_numpy() != other
    pairs, first, last = pairs[keep], first[keep], last[keep]
    low = totals.points["lower"].to_numpy(dtype=float)
    high = totals.points["upper"].to_numpy(dtype=float)
    agree = overlap(
        pairs["lower"],
        pairs["upper"],
        np.minimum(low[first], low[last]),
        np.maximum(high[first], high[last]),
    )
    pairs = pairs.assign(first=first, last=last, agree=agree, other=totals.points["series"].to_numpy()[first])
    return _summarise(pairs, totals.points["claim_id"].to_numpy())


def _summarise(pairs: pd.DataFrame, ids: np.ndarray) -> Hits:
    """The comparisons as they are reported, in entry order of their first claim.

    A daily series set beside another claimant's daily series would otherwise give a finding a day; the
    reader needs one per series, other series and verdict: the first point's, counting the rest. A plain
    claim, and a point with a waiver (which must stay where its waiver can find it), is reported alone."""
    if pairs.empty:
        return []
    alone = pairs["series"].isna().to_numpy() | pairs["waived"].to_numpy(dtype=bool)
    key = np.where(alone, -1 - np.arange(len(pairs)), codes(pairs, ["series"]))
    keys = pd.DataFrame({"key": key, "other": pairs["other"].to_numpy(), "agree": pairs["agree"].to_numpy()})
    group = keys.groupby(["key", "other", "agree"], sort=False).ngroup().to_numpy()
    order = np.argsort(group, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(group[order]) != 0])
    head = order[starts]  # the first row of each group, in the rows' (entry) order
    counts = np.diff(np.r_[starts, len(order)])
    rest = np.ones(len(pairs), dtype=bool)
    rest[head] = False
    since = np.full(len(starts), np.inf)
    until = np.full(len(starts), -np.inf)
    np.minimum.at(since, group[rest], pairs["date_start"].to_numpy(dtype=float)[rest])
    np.maximum.at(until, group[rest], pairs["date_end"].to_numpy(dtype=float)[rest])
    groups = np.argsort(head, kind="stable")  # groups in entry order of their first claim
    rows = head[groups]
    first, last = pairs["first"].to_numpy()[rows], pairs["last"].to_numpy()[rows]
    more = [""] * len(rows)
    for n in np.flatnonzero(counts[groups] > 1).tolist():
        more[n] = _more(int(counts[groups[n]]) - 1, since[groups[n]], until[groups[n]])
    return [
        {
            "claim_id": claim,
            "related": [a] if a == b else [a, b],
            "status": "corroborated" if ok else "failed",
            "fields": {"verdict": CORROBORATED if ok else CONTRADICTED, "more": text},
        }
        for claim, a, b, ok, text in zip(
            pairs["claim_id"].to_numpy()[rows].tolist(),
            ids[first].tolist(),
            ids[last].tolist(),
            pairs["agree"].to_numpy(dtype=bool)[rows].tolist(),
            more,
            strict=True,
        )
    ]


def _more(count: int, since: float, until: float) -> str:
    days = " to ".join(dict.fromkeys(dt.date.fromordinal(int(d)).isoformat() for d in (since, until)))
    return (
        f"; so {'is' if count == 1 else 'are'} {count:,} more total{'' if count == 1 else 's'} of this series ({days})"
    )


EXPECTATION = TableExpectation(
    type="expect_cumulative_claims_to_match_other_series",
    metric="factcheck.snapshot_comparisons",
    find=compare_snapshots,
    doc="Expect each cumulative claim to match other claimants' series at the same dates.",
    shared=("subject", "origin_start"),
)
