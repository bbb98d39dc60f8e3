"""Claims as one pandas frame, one row per claim: the batch that Great Expectations validates.

Dates are day numbers (proleptic ordinals) in float columns, so that every comparison in a suite is a plain
numeric one and a missing date is NaN, which GX skips or reports as the expectation asks.
"""

from __future__ import annotations

import math

import pandas as pd

from factcheck.columns import COLUMNS
from factcheck.figures import bounds
from factcheck.findings import about_adversary
from factcheck.models import Catalog, Claim


def _day(span, end: bool = False) -> float:
    if span is None:
        return math.nan
    return float((span.end if end else span.start).toordinal())


def build(claims: list[Claim], catalog: Catalog, about_tolerance: float | None = None) -> pd.DataFrame:
    """One row per claim, with the interval each figure allows and the facts the suites test.

    `entry` is the claim's rank in the order curators wrote the claims (file, line, id): the cross-claim
    checks report the first-written claim of a pair, and ranking once here spares each of them sorting
    strings."""
    entry = [0] * len(claims)
    written = sorted(range(len(claims)), key=lambda i: (claims[i].file, claims[i].line, claims[i].id))
    for rank, index in enumerate(written):
        entry[index] = rank
    rows = []
    for claim, rank in zip(claims, entry, strict=True):
        metric = catalog.metrics[claim.metric]
        claimant = catalog.claimants[claim.claimant]
        subject = catalog.subjects.get(claim.subject)
        lower, upper = bounds(claim.value, claim.qualifier, claim.low, claim.high, about_tolerance)
        party = claimant.affiliation != "independent"
        rows.append(
            (
                claim.id,
                claim.file,
                claim.line,
                claim.dataset,
                claim.series,
                claim.metric,
                claim.subject,
                claim.claimant,
                metric.unit,
                metric.cumulative,
                metric.within,
                claim.kind,
                claim.value,
                claim.qualifier,
                lower,
                upper,
                _day(claim.date),
                _day(claim.date, True),
                _day(claim.origin),
                _day(claim.origin, True),
                _day(claim.source.published),
                _day(claim.source.published, True),
                claim.source.outlet,
                claim.source.url,
                claim.source.quote,
                claim.source.via,
                claimant.affiliation,
                party,
                about_adversary(claim, catalog),
                claim.fall,
                bool(claim.waivers),
                rank,
                float(subject.population) if subject and subject.population else math.nan,
                metric.max if metric.max is not None else math.nan,
            )
        )
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS))
