"""Claims as one pandas frame, one row per claim: the batch that Great Expectations validates.

Dates are day numbers (proleptic ordinals) in float columns, so that every comparison in a suite is a plain
numeric one and a missing date is NaN, which GX skips or reports as the expectation asks.

The frame is built column by column: a row of 32 values per claim, as `DataFrame.from_records` takes them,
boxed every number and held every row until the frame was made, and cost four times the frame itself.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from factcheck.columns import COLUMNS
from factcheck.figures import bounds
from factcheck.models import Catalog, Claim, about_adversary


def _day(span, end: bool = False) -> float:
    if span is None:
        return math.nan
    return float((span.end if end else span.start).toordinal())


def build(claims: list[Claim], catalog: Catalog, about_tolerance: float | None = None) -> pd.DataFrame:
    """One row per claim, with the interval each figure allows and the facts the suites test.

    `entry` is the claim's rank in the order curators wrote the claims (file, line, id): the cross-claim
    checks report the first-written claim of a pair, and ranking once here spares each of them sorting
    strings."""
    n = len(claims)
    if n == 0:  # no claim to infer a type from: every column holds objects, as it always has
        return pd.DataFrame.from_records([], columns=list(COLUMNS))
    entry = np.empty(n, dtype=np.int64)
    written = sorted(range(n), key=lambda i: (claims[i].file, claims[i].line, claims[i].id))
    entry[written] = np.arange(n, dtype=np.int64)
    del written
    metrics = [catalog.metrics[c.metric] for c in claims]
    claimants = [catalog.claimants[c.claimant] for c in claims]

    def numbers(values) -> np.ndarray:
        return np.fromiter(values, dtype=np.float64, count=n)

    def objects(values) -> np.ndarray:
        # An array of objects, which the frame takes as it is: from a list, pandas copied every column.
        return np.fromiter(values, dtype=object, count=n)

    lower, upper = np.empty(n), np.empty(n)
    for i, c in enumerate(claims):
        lower[i], upper[i] = bounds(c.value, c.qualifier, c.low, c.high, about_tolerance)
    columns = {
        "claim_id": objects(c.id for c in claims),
        "file": objects(c.file for c in claims),
        "line": np.fromiter((c.line for c in claims), dtype=np.int64, count=n),
        "dataset": objects(c.dataset for c in claims),
        "series": objects(c.series for c in claims),
        "metric": objects(c.metric for c in claims),
        "subject": objects(c.subject for c in claims),
        "claimant": objects(c.claimant for c in claims),
        "unit": objects(m.unit for m in metrics),
        "cumulative": np.fromiter((m.cumulative for m in metrics), dtype=bool, count=n),
        "within": objects(m.within for m in metrics),
        "kind": objects(c.kind for c in claims),
        "value": numbers(c.value for c in claims),
        "qualifier": objects(c.qualifier for c in claims),
        "lower": lower,
        "upper": upper,
        "date_start": numbers(_day(c.date) for c in claims),
        "date_end": numbers(_day(c.date, True) for c in claims),
        "origin_start": numbers(_day(c.origin) for c in claims),
        "origin_end": numbers(_day(c.origin, True) for c in claims),
        "published_start": numbers(_day(c.source.published) for c in claims),
        "published_end": numbers(_day(c.source.published, True) for c in claims),
        "outlet": objects(c.source.outlet for c in claims),
        "url": objects(c.source.url for c in claims),
        "quote": objects(c.source.quote for c in claims),
        "via": objects(c.source.via for c in claims),
        "affiliation": objects(m.affiliation for m in claimants),
        "claimant_is_party": np.fromiter((m.affiliation != "independent" for m in claimants), dtype=bool, count=n),
        "about_adversary": np.fromiter((about_adversary(c, catalog) for c in claims), dtype=bool, count=n),
        "fall": objects(c.fall for c in claims),
        "waived": np.fromiter((bool(c.waivers) for c in claims), dtype=bool, count=n),
        "entry": entry,
        "population": numbers(
            float(s.population) if (s := catalog.subjects.get(c.subject)) and s.population else math.nan for c in claims
        ),
        "metric_max": numbers(m.max if m.max is not None else math.nan for m in metrics),
    }
    return pd.DataFrame(columns, columns=list(COLUMNS))
