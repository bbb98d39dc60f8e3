"""Claims as one pandas frame, one row per claim: the batch that Great Expectations validates.

Dates are day numbers (proleptic ordinals) in float columns, so that every comparison in a suite is a plain
numeric one and a missing date is NaN, which GX skips or reports as the expectation asks.

The frame is built column by column: a row of 32 values per claim, as `DataFrame.from_records` takes them,
boxed every number and held every row until the frame was made, and cost four times the frame itself.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd

from factcheck.floor.columns import COLUMNS, FLAGS, NUMERIC, about_adversary
from factcheck.floor.numbers import bounds
from factcheck.model.claimset import ClaimSet, Points
from factcheck.model.format import Catalog, Claim


def _day(span, end: bool = False) -> float:
    if span is None:
        return math.nan
    return float((span.end if end else span.start).toordinal())


@contextlib.contextmanager
def text_as_python_strings() -> Iterator[None]:
    """pandas 3 keeps texts in Arrow when pyarrow is installed (the `[spark]` extra installs it) and as Python
    strings otherwise: said here, for the frame and every frame the checks make from it, so that installing
    pyarrow changes neither what a pandas validation holds nor what it finds."""
    with pd.option_context("mode.string_storage", "python"):
        yield


def build(claims: Sequence[Claim], catalog: Catalog, about_tolerance: float | None = None) -> pd.DataFrame:
    """One row per claim, with the interval each figure allows and the facts the suites test.

    `entry` is the claim's rank in the order curators wrote the claims (file, line, id): the cross-claim
    checks report the first-written claim of a pair, and ranking once here spares each of them sorting
    strings. A series' points (`claimset.Points`) give their columns whole, without a claim each."""
    n = len(claims)
    if n == 0:  # no claim to infer a type from: every column holds objects, as it always has
        return pd.DataFrame.from_records([], columns=list(COLUMNS))
    # Each column made once at its full length and filled part by part: joining a column per part made the
    # frame twice over, and took longer than the claims grew.
    columns = {name: np.empty(n, dtype=_DTYPES.get(name, object)) for name in COLUMNS if name != "entry"}
    at = 0
    alone: list[Claim] = []  # claims written alone, in a row

    def put_alone() -> None:
        nonlocal at
        for name, column in _claims_columns(alone, catalog, about_tolerance).items():
            columns[name][at : at + len(alone)] = column
        at += len(alone)
        alone.clear()

    for part in claims.parts if isinstance(claims, ClaimSet) else claims:
        if isinstance(part, Points):
            if alone:
                put_alone()
            _put_points({name: column[at : at + len(part)] for name, column in columns.items()}, part, catalog,
                        about_tolerance)  # fmt: skip
            at += len(part)
        else:
            alone.append(part)
    if alone:
        put_alone()
    columns["entry"] = _entry(columns["file"], columns["line"], columns["claim_id"])
    return pd.DataFrame(columns, columns=list(COLUMNS))


_DTYPES = {
    **{name: np.dtype(np.float64) for name in NUMERIC},
    "line": np.dtype(np.int64),
    "entry": np.dtype(np.int64),
    **{name: np.dtype(bool) for name in FLAGS},
}


def _entry(files: np.ndarray, lines: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Each row's rank by (file, line, claim id)."""
    n = len(files)
    ranks = {name: rank for rank, name in enumerate(sorted(set(files)))}
    by_file = np.fromiter((ranks[f] for f in files), dtype=np.int64, count=n)
    order = np.lexsort((lines, by_file))
    if ((by_file[order][1:] == by_file[order][:-1]) & (lines[order][1:] == lines[order][:-1])).any():
        # Claims sharing a line (a flow list of claims) are ranked by their ids.
        order = np.array(sorted(range(n), key=lambda i: (files[i], lines[i], ids[i])), dtype=np.int64)
    entry = np.empty(n, dtype=np.int64)
    entry[order] = np.arange(n, dtype=np.int64)
    return entry


def _wholes(catalog: Catalog, subject: str) -> str | None:
    """The `subject_within` column: the keys of the subjects it lies within, nearest first, space-separated."""
    return " ".join(catalog.wholes(subject)) or None


def _objects(values, n: int) -> np.ndarray:
    return np.fromiter(values, dtype=object, count=n)


def _claims_columns(claims: list[Claim], catalog: Catalog, about_tolerance: float | None) -> dict[str, np.ndarray]:
    """The columns of claims held whole, but `entry`."""
    n = len(claims)
    metrics = [catalog.metrics[c.metric] for c in claims]
    claimants = [catalog.claimants[c.claimant] for c in claims]

    def numbers(values) -> np.ndarray:
        return np.fromiter(values, dtype=np.float64, count=n)

    def objects(values) -> np.ndarray:
        return _objects(values, n)

    lower, upper = np.empty(n), np.empty(n)
    for i, c in enumerate(claims):
        lower[i], upper[i] = bounds(c.value, c.qualifier, c.low, c.high, about_tolerance)
    return {
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
        "subject_within": objects(_wholes(catalog, c.subject) for c in claims),
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
        "population": numbers(
            float(s.population) if (s := catalog.subjects.get(c.subject)) and s.population else math.nan for c in claims
        ),
        "metric_max": numbers(m.max if m.max is not None else math.nan for m in metrics),
    }


def _put_points(rows: dict[str, np.ndarray], points: Points, catalog: Catalog, about_tolerance: float | None) -> None:
    """A series' points into `rows` (each column's rows for them): what they share repeated, their lines,
    dates and values as they are, and the rows of the points with fields of their own (`Points.own`) as
    `_claims_columns` gives them. A text is put into its rows as one object, never one copy a row."""
    n = len(points)
    metric, claimant = catalog.metrics[points.metric], catalog.claimants[points.claimant]
    subject = catalog.subjects.get(points.subject)
    source, published = points.source, points.source.published
    starts = np.fromiter((_day(d) for d in points.dates), dtype=np.float64, count=n)
    ends = np.fromiter((_day(d, True) for d in points.dates), dtype=np.float64, count=n)
    if points.qualifier == "exact":
        lower, upper = points.values, points.values
    else:
        lower, upper = np.empty(n), np.empty(n)
        for i, value in enumerate(points.values.tolist()):
            lower[i], upper[i] = bounds(value, points.qualifier, None, None, about_tolerance)
    filled = {
        "claim_id": _objects((f"{points.series}@{d.text}" for d in points.dates), n),
        "file": points.file,
        "line": points.lines,
        "dataset": points.dataset,
        "series": points.series,
        "metric": points.metric,
        "subject": points.subject,
        "claimant": points.claimant,
        "unit": metric.unit,
        "cumulative": metric.cumulative,
        "within": metric.within,
        "subject_within": _wholes(catalog, points.subject),
        "kind": points.kind,
        "value": points.values,
        "qualifier": points.qualifier,
        "lower": lower,
        "upper": upper,
        "date_start": starts,
        "date_end": ends,
        "origin_start": _day(points.origin),
        "origin_end": _day(points.origin, True),
        # An undated series' points are published when they are dated (`Points.claim`).
        "published_start": starts if published is None else _day(published),
        "published_end": ends if published is None else _day(published, True),
        "outlet": source.outlet,
        "url": source.url,
        "quote": source.quote,
        "via": source.via,
        "affiliation": claimant.affiliation,
        "claimant_is_party": claimant.affiliation != "independent",
        "about_adversary": about_adversary(points.claim(0), catalog),
        "fall": None,
        "waived": False,
        "population": float(subject.population) if subject and subject.population else math.nan,
        "metric_max": metric.max if metric.max is not None else math.nan,
    }
    for name, value in filled.items():
        rows[name][:] = value
    if points.own:
        at = np.fromiter(points.own, dtype=np.int64, count=len(points.own))
        own = [points.claim(row) for row in points.own]
        for name, column in _claims_columns(own, catalog, about_tolerance).items():
            rows[name][at] = column
