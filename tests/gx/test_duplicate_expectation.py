"""duplicate: the same claim (series, date, figure, outlet) entered twice, reported on the second entry."""

from __future__ import annotations

import pytest
from crossdata import cross_claim_only, findings_of, written

from conftest import claim, run_project
from factcheck.rules.duplicate import find_duplicates


@pytest.fixture
def cross(project):
    return cross_claim_only(project)


def test_the_same_figure_from_two_outlets_is_not_a_duplicate(cross):
    cross.dataset([claim("a"), claim("b", source={"outlet": "Le Monde", "published": "2026-02", "quote": "55,000"})])
    assert findings_of(run_project(cross), "duplicate") == []


def test_a_claim_entered_twice_is_a_warning_on_the_second_entry(cross):
    cross.dataset([claim("a"), claim("b")])
    report = run_project(cross)
    [finding] = findings_of(report, "duplicate")
    assert (finding.claim, finding.related, finding.severity) == ("b", ("a",), "warning")
    assert finding.message == (
        f"55,000 (2026-02, zelensky, France 2) is entered twice: the first entry is a (datasets/test.yml:{report.claims['a'].line})"
    )
    assert not report.blocked


def test_a_different_qualifier_is_a_different_claim(cross):
    cross.dataset([claim("a"), claim("b", qualifier="about")])
    assert findings_of(run_project(cross), "duplicate") == []


def test_every_repeat_names_the_first_entry():
    base = {"metric": "m", "subject": "s", "claimant": "c", "kind": "as_of", "origin_start": float("nan"),
            "date_start": 1.0, "date_end": 1.0, "value": 5.0, "qualifier": "exact", "lower": 5.0, "upper": 5.0,
            "outlet": None, "file": "f.yml"}  # fmt: skip
    rows = written([{**base, "claim_id": i, "line": line} for i, line in (("c", 30), ("a", 10), ("b", 20))])
    assert find_duplicates(rows) == [{"claim_id": "b", "related": ["a"]}, {"claim_id": "c", "related": ["a"]}]
