"""The frame the suites validate: one row per claim."""

from __future__ import annotations

import math
import random

import pytest

from conftest import claim
from factcheck.gx.frame import COLUMNS, build
from factcheck.pipeline import load


def test_entry_ranks_the_claims_by_file_then_line_then_id_whatever_their_order(project):
    project.dataset([claim("b"), claim("a", value=56000)], name="later.yml")
    project.dataset([claim("c"), claim("d", value=57000)], name="early.yml")
    files = sorted((project.root / "datasets").glob("[el]*.yml"))
    claims = list(load.load(project.root, files).claims)  # claims held whole, in any order
    random.Random(1).shuffle(claims)

    frame = build(claims, load.load(project.root, []).catalog)

    assert list(frame.columns) == list(COLUMNS)
    written = frame.sort_values("entry")
    assert list(zip(written["file"], written["claim_id"], strict=True)) == [
        ("datasets/early.yml", "c"), ("datasets/early.yml", "d"), ("datasets/later.yml", "b"), ("datasets/later.yml", "a"),
    ]  # fmt: skip
    assert sorted(frame["entry"]) == [0, 1, 2, 3]


def _by_records(claims, catalog, about_tolerance=None):
    """The frame as it was first built, one row of values per claim: the column-wise build must equal it."""
    import pandas as pd

    from factcheck.floor.columns import about_adversary
    from factcheck.floor.numbers import bounds
    from factcheck.gx.frame import _day

    entry = [0] * len(claims)
    for rank, index in enumerate(
        sorted(range(len(claims)), key=lambda i: (claims[i].file, claims[i].line, claims[i].id))
    ):
        entry[index] = rank
    rows = []
    for c, rank in zip(claims, entry, strict=True):
        metric, claimant = catalog.metrics[c.metric], catalog.claimants[c.claimant]
        lower, upper = bounds(c.value, c.qualifier, c.low, c.high, about_tolerance)
        rows.append((c.id, c.file, c.line, c.dataset, c.series, c.metric, c.subject, c.claimant, metric.unit,
                     metric.cumulative, metric.within, " ".join(catalog.wholes(c.subject)) or None, c.kind, c.value, c.qualifier, lower, upper, _day(c.date),
                     _day(c.date, True), _day(c.origin), _day(c.origin, True), _day(c.source.published),
                     _day(c.source.published, True), c.source.outlet, c.source.url, c.source.quote, c.source.via,
                     claimant.affiliation, claimant.affiliation != "independent", about_adversary(c, catalog), c.fall,
                     bool(c.waivers), rank,
                     float(s.population) if (s := catalog.subjects.get(c.subject)) and s.population else math.nan,
                     metric.max if metric.max is not None else math.nan))  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS))


@pytest.mark.slow  # the shipped General Staff series and generated claims, framed both ways
def test_the_frame_holds_the_same_values_and_types_as_one_row_of_values_per_claim(tmp_path):
    """On the shipped datasets (General Staff series, curated claims) and on generated claims of every
    kind (plain and series, every qualifier and precision, waivers, falls, missing outlets and URLs)."""
    import importlib.util

    import pandas as pd

    from conftest import REPO

    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(tmp_path, 3000, seed=2, fail=0.2)
    for root in (REPO, tmp_path):
        files = sorted(p for p in (root / "datasets").rglob("*.yml") if p.name != "catalog.yml")
        loaded = load.load(root, files)
        for tolerance in (None, 0.05):
            expected = _by_records(loaded.claims, loaded.catalog, tolerance)
            pd.testing.assert_frame_equal(build(loaded.claims, loaded.catalog, tolerance), expected, check_exact=True)
    empty = load.load(REPO, [])
    pd.testing.assert_frame_equal(build([], empty.catalog), _by_records([], empty.catalog))
