"""Guards on the cost of the cumulative check, by structure and by counting, never by timing.

`find_falls` must stay O(n log n): a fixed number of whole-array numpy/pandas operations, none of them on
anything bigger than the input, however many claims there are. And it must flag exactly what the obvious
O(n^2) comparison of every pair flags.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import claim as claim_entry
from factcheck.rules import cumulative_non_decreasing as cumulative

_NP, _PD = cumulative.np, cumulative.pd


class _Counting:
    """A stand-in for a module: forwards every attribute, counting calls and the elements they return."""

    def __init__(self, module, log: list):
        self._module, self._log = module, log

    def __getattr__(self, name):
        target = getattr(self._module, name)
        if not callable(target) or (isinstance(target, type) and name != "Series"):
            return target

        def call(*args, **kwargs):
            result = target(*args, **kwargs)
            self._log.append((name, int(np.size(result)) if hasattr(result, "__len__") else 1))
            return result

        return call


class _Tracked(np.ndarray):
    """An array that logs the size of every result of arithmetic on it (broadcasting an n x n included)."""

    log: list = []

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        plain = [np.asarray(x) if isinstance(x, _Tracked) else x for x in inputs]
        result = getattr(ufunc, method)(*plain, **kwargs)
        _Tracked.log.append((ufunc.__name__, int(np.size(result))))
        return result.view(_Tracked) if isinstance(result, np.ndarray) else result


def _series(n: int, seed: int = 0) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    groups = rng.integers(0, max(1, n // 50), n)
    starts = rng.integers(0, 3000, n)
    ends = starts + rng.integers(0, 40, n)
    lowers = rng.integers(0, 100_000, n).astype(float)
    uppers = lowers + rng.integers(0, 500, n)
    return groups, starts, ends, lowers, uppers


def _operations(monkeypatch, n: int) -> list[tuple[str, int]]:
    log: list[tuple[str, int]] = []
    monkeypatch.setattr(_Tracked, "log", log)
    monkeypatch.setattr(cumulative, "np", _Counting(_NP, log))
    monkeypatch.setattr(cumulative, "pd", _Counting(_PD, log))
    later, earlier = cumulative.find_falls(*(a.view(_Tracked) for a in _series(n)))
    assert len(later) == len(earlier) <= n
    return log


def test_find_falls_does_a_fixed_number_of_whole_array_operations(monkeypatch):
    small = _operations(monkeypatch, 1_000)
    large = _operations(monkeypatch, 100_000)
    # The same operations in the same order at 100 times the size: no loop over claims or series.
    assert [name for name, _ in small] == [name for name, _ in large]
    assert 5 < len(large) < 60
    # Nothing bigger than the input is ever built (an n x n comparison would be 10^10 elements here).
    assert max(size for _, size in large) <= 100_000
    # The only module functions that do more than linear work are sorting and binary search: O(n log n).
    functions = {name for name, _ in large if hasattr(_NP, name) and not isinstance(getattr(_NP, name), _NP.ufunc)}
    assert functions <= {"lexsort", "searchsorted", "where", "arange", "flatnonzero", "empty", "Series"}
    assert "lexsort" in functions and "searchsorted" in functions


def _oracle(groups, starts, ends, lowers, uppers) -> dict[int, float]:
    """Every pair compared: for each falling claim, the highest lower bound among its earlier claims."""
    falls = {}
    for b in range(len(groups)):
        earlier = [lowers[a] for a in range(len(groups)) if groups[a] == groups[b] and ends[a] < starts[b]]
        if earlier and max(earlier) > uppers[b]:
            falls[b] = max(earlier)
    return falls


claims = st.lists(
    st.tuples(
        st.integers(0, 3),  # series
        st.integers(0, 60),  # start day
        st.integers(0, 10),  # length of the date interval
        st.integers(0, 50),  # lower bound
        st.integers(0, 20),  # width of the figure's interval
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(claims)
def test_find_falls_flags_exactly_what_comparing_every_pair_flags(rows):
    groups = np.array([r[0] for r in rows], dtype=np.int64)
    starts = np.array([r[1] for r in rows], dtype=np.int64)
    ends = starts + np.array([r[2] for r in rows], dtype=np.int64)
    lowers = np.array([r[3] for r in rows], dtype=float)
    uppers = lowers + np.array([r[4] for r in rows], dtype=float)
    expected = _oracle(groups, starts, ends, lowers, uppers)
    later, earlier = cumulative.find_falls(groups, starts, ends, lowers, uppers)
    assert sorted(later.tolist()) == sorted(expected)
    for b, a in zip(later.tolist(), earlier.tolist(), strict=True):
        # The named earlier claim is one it falls below, and the highest of them.
        assert groups[a] == groups[b] and ends[a] < starts[b]
        assert lowers[a] == expected[b]


@pytest.mark.parametrize("n", [0, 1])
def test_find_falls_on_no_or_one_claim(n):
    later, earlier = cumulative.find_falls(*_series(n))
    assert later.size == earlier.size == 0


def test_a_run_builds_only_the_message_fields_it_names_and_knows_them_all(project):
    from factcheck.pipeline import load
    from factcheck.pipeline.messages import CLAIM_FIELDS, claim_fields, template_fields

    project.dataset([claim_entry("c-1")])
    loaded = load.load(project.root, [project.root / "datasets" / "test.yml"])
    assert set(claim_fields(loaded.claims[0], loaded.catalog)) == CLAIM_FIELDS
    assert template_fields("{claim} vs {related_1}, {Not} {a{b}") == {"claim", "related_1", "b"}


def test_the_json_report_is_the_report_data_with_one_line_per_finding_and_claim():
    import io
    import json

    sys.path.insert(0, str(Path(__file__).parent / "reporters"))
    from report_fixture import fixture_report

    from factcheck.report.findings import Report
    from factcheck.reporters import json as json_reporter

    for report in (fixture_report(), Report(findings=[])):
        stream = io.StringIO()
        json_reporter.render(report, stream)
        text = stream.getvalue()
        assert json.loads(text) == json.loads(json.dumps(json_reporter.report_data(report)))
        lines = text.splitlines()
        assert sum(line.startswith('    {"check": ') for line in lines) == len(report.findings)
        assert text.endswith("}\n")


points = st.lists(
    st.tuples(
        st.sampled_from(["m", "n"]),  # metric
        st.sampled_from(["a", "b", "c"]),  # claimant
        st.sampled_from([0.0, 5.0, None]),  # origin
        st.integers(1, 12),  # first day
        st.integers(0, 40),  # days spanned (0: a day total)
    ),
    max_size=40,
)


@pytest.mark.slow  # 300 generated tables, each against the claims x series comparison
@settings(max_examples=300, deadline=None)
@given(points)
def test_snapshot_pairs_are_what_pairing_every_claim_with_every_series_finds(rows):
    """`DayTotals.meeting` visits only the totals inside each claim's dates; it must find exactly the
    (claim, series, first total, last total) that the claims x series comparison finds."""
    import pandas as pd

    from factcheck.rules._claims import DayTotals

    frame = pd.DataFrame(
        [
            {"claim_id": f"c{i}", "file": "f.yml", "line": i, "metric": m, "subject": "s", "claimant": who,
             "origin_start": origin, "date_start": float(day), "date_end": float(day + span), "kind": "as_of",
             "cumulative": True, "lower": 1.0, "upper": 1.0, "affiliation": "x", "entry": i}
            for i, (m, who, origin, day, span) in enumerate(rows)
        ],
        columns=["claim_id", "file", "line", "metric", "subject", "claimant", "origin_start", "date_start",
                 "date_end", "kind", "cumulative", "lower", "upper", "affiliation", "entry"],
    )  # fmt: skip
    totals = DayTotals(frame)
    claims = frame.assign(origin_start=frame["origin_start"].fillna(-1.0))
    found = set(zip(*(a.tolist() for a in totals.meeting(claims)), strict=True)) if len(frame) else set()
    expected = set()
    days = totals.points
    for row, c in enumerate(claims.itertuples()):
        for code in sorted(set(days["series"])):
            of = days[
                (days["series"] == code) & (days["metric"] == c.metric) & (days["origin_start"] == c.origin_start)
            ]
            inside = of[(of["date_start"] >= c.date_start) & (of["date_start"] <= c.date_end)]
            if len(inside):
                expected.add((row, int(inside.index[0]), int(inside.index[-1])))
    assert found == expected
