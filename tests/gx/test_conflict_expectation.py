"""conflict: one claimant's figure for one metric, subject and date given incompatibly by two sources."""

from __future__ import annotations

import pandas as pd
import pytest
from crossdata import cross_claim_only, findings_of, written

from conftest import claim, run_project
from factcheck.rules.conflict import find_conflicts


@pytest.fixture
def cross(project):
    return cross_claim_only(project)


def src(outlet: str, quote: str) -> dict:
    return {"outlet": outlet, "published": "2026-02", "quote": quote}


def test_compatible_reports_pass(cross):
    cross.dataset(
        [
            claim("a", qualifier="about", source=src("France 2", "about 55,000")),
            claim("b", value=55400, source=src("Le Monde", "55,400")),
        ]
    )
    assert findings_of(run_project(cross), "conflict") == []


def test_incompatible_reports_fail_on_the_later_naming_both_sources(cross):
    cross.dataset(
        [claim("a", source=src("France 2", "55,000")), claim("b", value=65000, source=src("Le Monde", "65,000"))]
    )
    [finding] = findings_of(run_project(cross), "conflict")
    assert (finding.claim, finding.related, finding.severity, finding.status) == ("b", ("a",), "critical", "failed")
    assert (
        finding.message
        == "65,000 (2026-02, zelensky) as reported by Le Monde contradicts 55,000 (2026-02, zelensky, France 2)"
    )


def test_different_dates_claimants_or_kinds_are_not_compared(cross):
    cross.dataset(
        [
            claim("a"),
            claim("b", value=65000, as_of="2026-02-10", source=src("X", "65,000")),
            claim("c", value=65000, claimant="syrskyi", source=src("X", "65,000")),
            claim("d", value=65000, as_of=None, period="2026-02", source=src("X", "65,000")),
        ]
    )
    assert findings_of(run_project(cross), "conflict") == []


def frame(*rows: tuple[str, float, float], **same) -> pd.DataFrame:
    base = {"metric": "m", "subject": "s", "claimant": "c", "kind": "as_of", "origin_start": float("nan"),
            "date_start": 1.0, "date_end": 1.0, "file": "f.yml"}  # fmt: skip
    return written(
        [{**base, **same, "claim_id": i, "line": n, "lower": lo, "upper": up} for n, (i, lo, up) in enumerate(rows)]
    )


def test_a_claim_between_two_earlier_ones_names_the_one_above_and_the_one_below():
    hits = find_conflicts(frame(("low", 10, 10), ("high", 30, 30), ("middle", 20, 20)))
    assert hits == [
        {"claim_id": "high", "related": ["low"]},
        {"claim_id": "middle", "related": ["high", "low"]},
    ]


def test_entry_order_not_row_order_decides_which_claim_is_later():
    listed = frame(("second", 30, 30), ("first", 10, 10)).drop(columns="entry").to_dict("records")
    rows = written([{**row, "line": line} for row, line in zip(listed, [9, 1], strict=True)])
    assert find_conflicts(rows) == [{"claim_id": "second", "related": ["first"]}]


def test_touching_intervals_are_compatible_and_an_empty_frame_has_no_conflict():
    assert find_conflicts(frame(("a", 10, 20), ("b", 20, 30))) == []
    assert find_conflicts(frame().iloc[:0]) == []
