"""period-vs-cumulative: Syrskyi's "about 420,000 in 2025" against the General Staff's totals (418,360)."""

from __future__ import annotations

import pandas as pd
import pytest
from crossdata import cross_claim_only, findings_of, gs_series, syrskyi, written

from conftest import run_project
from factcheck.rules.period_vs_cumulative import compare_periods

SAME_SIDE, OTHER_PARTY = "period-vs-cumulative", "period-vs-cumulative-other-party"


@pytest.fixture
def gs(project):
    return cross_claim_only(project)


def test_syrskyi_is_corroborated_by_the_general_staff(gs):
    gs.dataset([syrskyi()], series=[gs_series()])
    report = run_project(gs)
    [finding] = findings_of(report, SAME_SIDE)
    assert (finding.claim, finding.status, finding.blocking) == ("syrskyi", "corroborated", False)
    assert finding.related == ("gs@2024-12-31", "gs@2025-12-31")
    assert finding.message == (
        "about 420,000 over 2025 (syrskyi, Al Jazeera) is corroborated by General Staff of the Armed Forces of "
        "Ukraine: about 789,550 (2024-12-31, general-staff, General Staff) to about 1,207,910 (2025-12-31, "
        "general-staff, General Staff) is a rise of 418,360"
    )
    assert findings_of(report, OTHER_PARTY) == []
    assert report.counts()["corroborated"] >= 1 and not report.blocked


def test_a_contradiction_on_the_same_side_is_a_warning(gs):
    gs.dataset([syrskyi(value=320000)], series=[gs_series()])
    [finding] = findings_of(run_project(gs), SAME_SIDE)
    assert (finding.status, finding.severity) == ("failed", "warning")
    assert "is contradicted by General Staff" in finding.message and "a rise of 418,360" in finding.message


def test_a_contradiction_across_parties_is_information(gs):
    gs.dataset([syrskyi(value=320000, claimant="uk-defence-intelligence", id="uk-2025")], series=[gs_series()])
    report = run_project(gs)
    [finding] = findings_of(report, OTHER_PARTY)
    assert (finding.claim, finding.status, finding.severity) == ("uk-2025", "failed", "info")
    assert findings_of(report, SAME_SIDE) == []
    assert not report.blocked


def test_a_series_without_a_total_on_both_ends_of_the_period_is_not_compared(gs):
    gs.dataset([syrskyi()], series=[gs_series([p for p in gs_series()["points"] if p[0] != "2024-12-31"])])
    assert findings_of(run_project(gs), SAME_SIDE) == []


def test_month_dated_totals_are_not_used_as_ends_of_the_period(gs):
    gs.dataset([syrskyi()], series=[gs_series([["2024-12", 789550], ["2025-12", 1207910]])])
    assert findings_of(run_project(gs), SAME_SIDE) == []


def rows(*claims: dict) -> pd.DataFrame:
    base = {"metric": "m", "subject": "s", "origin_start": 0.0, "cumulative": True, "file": "f.yml", "value": 0.0}
    return written([{**base, "line": n, **c} for n, c in enumerate(claims)])


def total(id: str, day: int, value: float, claimant: str = "gs") -> dict:
    return {"claim_id": id, "claimant": claimant, "affiliation": "ukraine", "kind": "as_of", "date_start": day,
            "date_end": day, "lower": value, "upper": value, "value": value}  # fmt: skip


def period(id: str, first: int, last: int, lower: float, upper: float, claimant="p", affiliation="ukraine") -> dict:
    return {"claim_id": id, "claimant": claimant, "affiliation": affiliation, "kind": "period",
            "date_start": first, "date_end": last, "lower": lower, "upper": upper}  # fmt: skip


def test_the_difference_is_interval_aware_and_the_affiliation_is_reported():
    frame = rows(total("t1", 9, 100), total("t2", 20, 150), period("p", 10, 20, 40, 49), period("q", 10, 20, 50, 60))
    hits = {h["claim_id"]: (h["status"], h["related"], h["shared"]) for h in compare_periods(frame)}
    assert hits == {"p": ("failed", ["t1", "t2"], True), "q": ("corroborated", ["t1", "t2"], True)}


def test_independent_claimants_share_no_affiliation_and_periods_from_the_origin_are_skipped():
    frame = rows(total("t1", 0, 0), total("t2", 9, 100), total("t3", 20, 150), period("p", 10, 20, 50, 50, "x", "independent"),
                 period("from-origin", 0, 9, 100, 100))  # fmt: skip
    [hit] = compare_periods(frame)
    assert (hit["claim_id"], hit["shared"]) == ("p", False)


def test_the_series_own_claimant_is_compared_too():
    assert [
        h["shared"]
        for h in compare_periods(rows(total("t1", 9, 100), total("t2", 20, 150), period("p", 10, 20, 50, 50, "gs")))
    ] == [True]
