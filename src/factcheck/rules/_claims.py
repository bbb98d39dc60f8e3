"""What the cross-claim checks share: one way to compare claims with each other and report the result.

Not a check itself (it is not in the registry). Each cross-claim check is a pure function from the claims
frame (`factcheck.gx.frame`) to a list of hits, which its Great Expectations adapter runs on the
(row-conditioned) batch. A hit is the plain dict that `factcheck.gx.engine` reads:

    {"claim_id": "b", "related": ["a"], "status": "failed" | "corroborated", "fields": {"verdict": ...}}

`related` names the claims the claim was compared with (the message's `{related}`), `fields` are extra
message fields, and `status="corroborated"` marks positive evidence, which never makes the check fail.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from factcheck.floor.columns import SERIES

Hits = list[dict]

CORROBORATED, CONTRADICTED = "corroborated by", "contradicted by"


def codes(frame: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """One integer per distinct combination of `columns` (missing values are a value of their own), numbered
    in the sorted order of the combinations, as `groupby(columns, dropna=False).ngroup()` numbers them.

    Each column is factorized alone (sorted, a missing value last) and the codes are combined as digits of
    one integer: grouping a million rows by several text columns at once hashes every tuple of them, four
    to ten times the cost of this (docs/performance.md)."""
    if frame.empty:
        return np.empty(0, dtype=np.int64)
    key, size = np.zeros(len(frame), dtype=np.int64), 1
    for name in columns:
        column, uniques = pd.factorize(frame[name], sort=True, use_na_sentinel=False)
        if size * len(uniques) >= 2**62:  # the digits would overflow: renumber what is combined so far
            key = np.unique(key, return_inverse=True)[1].astype(np.int64)
            size = int(key.max()) + 1
        key, size = key * len(uniques) + column, size * len(uniques)
    return np.unique(key, return_inverse=True)[1].astype(np.int64).reshape(-1)


def entry_order(frame: pd.DataFrame) -> np.ndarray:
    """Positions of the claims in the order a curator wrote them: file, then line, then id (`entry`)."""
    return np.argsort(frame["entry"].to_numpy(), kind="stable")


def overlap(lower_a, upper_a, lower_b, upper_b) -> np.ndarray:
    """Whether the closed intervals [lower_a, upper_a] and [lower_b, upper_b] share a value (elementwise)."""
    return (np.asarray(lower_a) <= np.asarray(upper_b)) & (np.asarray(lower_b) <= np.asarray(upper_a))


_DAYS = 4_000_000  # above every proleptic ordinal of a four-digit year: series * _DAYS + day is unique


class DayTotals:
    """The single-day cumulative totals of every series (metric, subject, claimant, origin), sorted by
    series and day for binary search. A total dated to a month or a year says nothing certain about a
    given day, so only day-dated totals are looked up; of two totals for the same day, the first entered
    is used (conflict reports the other)."""

    def __init__(self, frame: pd.DataFrame):
        day = frame["date_start"] == frame["date_end"]
        mask = (frame["kind"] == "as_of") & frame["cumulative"].astype(bool) & day
        points = frame[mask].iloc[entry_order(frame[mask])] if mask.any() else frame.iloc[:0]
        points = points.assign(origin_start=points["origin_start"].fillna(-1.0))
        points = points.assign(series=codes(points, SERIES))
        points = points.drop_duplicates(["series", "date_start"])
        points = points.sort_values(["series", "date_start"], kind="stable").reset_index(drop=True)
        self.points = points
        self.keys = points["series"].to_numpy(dtype=np.int64) * _DAYS + points["date_start"].to_numpy(dtype=np.int64)
        self.series = points.drop_duplicates("series")[["series", *SERIES, "affiliation"]].reset_index(drop=True)

    def _key(self, series: np.ndarray, days: np.ndarray) -> np.ndarray:
        return np.asarray(series, dtype=np.int64) * _DAYS + np.asarray(days, dtype=np.int64)

    def at(self, series: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Position of each series' total on each day, or -1 where it has none."""
        wanted = self._key(series, days)
        found = np.searchsorted(self.keys, wanted, side="left")
        inside = found < len(self.keys)
        hit = np.zeros(len(wanted), dtype=bool)
        hit[inside] = self.keys[found[inside]] == wanted[inside]
        return np.where(hit, found, -1)

    def meeting(self, claims: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each (claim, series of its metric, subject and origin with totals within the claim's dates) once:
        the claim's row in `claims` and the positions of that series' first and last totals in those dates.

        Only the totals inside each claim's dates are visited (one binary search per claim), so the cost
        follows what is found, not claims x series."""
        keys = ["metric", "subject", "origin_start"]
        code = codes(pd.concat([claims[keys], self.points[keys]], ignore_index=True), keys)
        claim_code, point_code = code[: len(claims)], code[len(claims) :]
        day = self.points["date_start"].to_numpy(dtype=np.int64)
        by_day = np.lexsort((day, point_code))
        ordered = point_code[by_day] * _DAYS + day[by_day]
        start = np.searchsorted(ordered, self._key(claim_code, claims["date_start"].to_numpy()), side="left")
        stop = np.searchsorted(ordered, self._key(claim_code, claims["date_end"].to_numpy()), side="right")
        count = stop - start
        rows = np.repeat(np.arange(len(claims)), count)
        offset = np.arange(len(rows)) - np.repeat(np.cumsum(count) - count, count)
        point = by_day[np.repeat(start, count) + offset]
        # Positions in self.points run by series, then day: per (claim, series), the least is the first total.
        series = self.points["series"].to_numpy(dtype=np.int64)[point]
        order = np.lexsort((point, series, rows))
        rows, series, point = rows[order], series[order], point[order]
        if not len(rows):
            return rows, point, point
        heads = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]) | (series[1:] != series[:-1])])
        tails = np.r_[heads[1:], len(rows)] - 1
        return rows[heads], point[heads], point[tails]


def shares_affiliation(claimant_a, affiliation_a, claimant_b, affiliation_b) -> np.ndarray:
    """Same claimant, or the same party to the conflict (two independent claimants share nothing)."""
    same_party = (np.asarray(affiliation_a) == np.asarray(affiliation_b)) & (np.asarray(affiliation_a) != "independent")
    return (np.asarray(claimant_a) == np.asarray(claimant_b)) | same_party
