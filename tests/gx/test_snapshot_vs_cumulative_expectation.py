"""snapshot-vs-cumulative: UK Defence Intelligence's "about 1.1 million by October 2025" against the General
Staff's 1,141,830 on 2025-10-31, at info severity, corroborated or contradicted."""

from __future__ import annotations

import pandas as pd
import pytest
from crossdata import GS, cross_claim_only, findings_of, gs_series, uk, written

from conftest import run_project
from factcheck.rules.snapshot_vs_cumulative import compare_snapshots

CHECK = "snapshot-vs-cumulative"


@pytest.fixture
def gs(project):
    return cross_claim_only(project)


def test_uk_defence_intelligence_is_corroborated_by_the_general_staff_in_october(gs):
    gs.dataset([uk()], series=[gs_series()])
    report = run_project(gs)
    [finding] = findings_of(report, CHECK)
    assert (finding.claim, finding.status, finding.severity) == ("uk", "corroborated", "info")
    assert finding.related == ("gs@2025-10-01", "gs@2025-10-31")
    assert finding.message == (
        "about 1,100,000 as of 2025-10 (uk-defence-intelligence, UK Ministry of Defence) is corroborated by General "
        "Staff of the Armed Forces of Ukraine: about 1,111,480 (2025-10-01, general-staff, General Staff); "
        "about 1,141,830 (2025-10-31, general-staff, General Staff)"
    )


def test_a_figure_outside_the_series_over_the_month_is_contradicted_as_information(gs):
    gs.dataset([uk(value=900000)], series=[gs_series()])
    report = run_project(gs)
    [finding] = findings_of(report, CHECK)
    assert (finding.status, finding.severity, finding.blocking) == ("failed", "info", False)
    assert "is contradicted by General Staff" in finding.message and "1,141,830 (2025-10-31" in finding.message
    assert report.verdict == "publishable"


def test_a_day_dated_claim_is_compared_with_that_day_only(gs):
    gs.dataset([uk(value=1141830, qualifier="exact", as_of="2025-10-31")], series=[gs_series()])
    found = {f.claim: (f.status, f.related) for f in findings_of(run_project(gs), CHECK)}
    # both are day totals: each is compared with the other
    assert found == {"uk": ("corroborated", ("gs@2025-10-31",)), "gs@2025-10-31": ("corroborated", ("uk",))}


def test_no_total_of_the_other_series_within_the_date_means_no_comparison(gs):
    gs.dataset([uk(as_of="2025-11")], series=[gs_series()])
    assert findings_of(run_project(gs), CHECK) == []


def test_the_claimants_own_series_is_not_used(gs):
    gs.dataset([uk()], series=[gs_series([["2025-10-31", 900000]], id="uk-series", claimant="uk-defence-intelligence")])
    assert findings_of(run_project(gs), CHECK) == []


def test_month_dated_totals_of_the_other_series_are_not_used(gs):
    gs.dataset([uk()], series=[gs_series([["2025-10", 900000]])])
    assert findings_of(run_project(gs), CHECK) == []


def test_two_daily_series_give_one_finding_per_series_and_verdict_not_one_a_day(gs):
    # Mediazona-like daily totals beside the General Staff's: 4 days within about 10% (corroborated) and
    # 2 days far below (contradicted) make two findings on each side, on the first point of each kind.
    days = ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06"]
    ours = [[d, v] for d, v in zip(days, [1111000, 1112000, 1113000, 500000, 1115000, 600000], strict=True)]
    theirs = [[d, 1111480 + 1000 * n] for n, d in enumerate(days)]
    gs.dataset([], series=[gs_series(theirs), gs_series(ours, id="uk", claimant="uk-defence-intelligence")])
    found = {f.claim: (f.status, f.related, f.message) for f in findings_of(run_project(gs), CHECK)}
    assert sorted(found) == ["gs@2025-10-01", "gs@2025-10-04", "uk@2025-10-01", "uk@2025-10-04"]
    assert found["uk@2025-10-01"][:2] == ("corroborated", ("gs@2025-10-01",))
    assert found["uk@2025-10-01"][2].endswith(
        "about 1,111,480 (2025-10-01, general-staff, General Staff); "
        "so are 3 more totals of this series (2025-10-02 to 2025-10-05)"
    )
    assert found["uk@2025-10-04"][:2] == ("failed", ("gs@2025-10-04",))
    assert found["uk@2025-10-04"][2].endswith("; so is 1 more total of this series (2025-10-06)")
    assert found["gs@2025-10-04"][2].endswith("; so is 1 more total of this series (2025-10-06)")


def test_a_point_with_a_waiver_keeps_a_finding_of_its_own(gs):
    days = ["2025-10-01", "2025-10-02", "2025-10-03"]
    ours = [["2025-10-01", 500000], ["2025-10-02", 500000, {"waivers": [{"check": CHECK, "reason": "known gap"}]}],
            ["2025-10-03", 500000]]  # fmt: skip
    gs.dataset(
        [],
        series=[gs_series([[d, 1111480] for d in days]), gs_series(ours, id="uk", claimant="uk-defence-intelligence")],
    )
    found = {f.claim: (f.status, f.message) for f in findings_of(run_project(gs), CHECK) if f.claim.startswith("uk")}
    assert found["uk@2025-10-02"][0] == "waived" and "more total" not in found["uk@2025-10-02"][1]
    assert found["uk@2025-10-01"][0] == "failed"
    assert found["uk@2025-10-01"][1].endswith("; so is 1 more total of this series (2025-10-03)")


def test_plain_claims_of_one_claimant_are_each_reported():
    series = [point("d1", GS, 1, 1, 100, 100), point("d2", GS, 2, 2, 100, 100)]
    hits = compare_snapshots(frame(*series, point("a", "uk", 1, 1, 10, 10), point("b", "uk", 2, 2, 10, 10)))
    assert sorted(h["claim_id"] for h in hits if h["claim_id"] in "ab") == ["a", "b"]
    assert all(h["fields"]["more"] == "" for h in hits)


def point(id: str, claimant: str, first: int, last: int, lower: float, upper: float, origin: float = 0.0) -> dict:
    return {"claim_id": id, "claimant": claimant, "first": first, "last": last, "lower": lower, "upper": upper,
            "origin_start": origin}  # fmt: skip


def frame(*points: dict) -> pd.DataFrame:
    base = {"metric": "m", "subject": "s", "kind": "as_of", "cumulative": True, "affiliation": "x", "file": "f.yml",
            "series": None, "waived": False}  # fmt: skip
    return written(
        [{**base, **p, "date_start": p["first"], "date_end": p["last"], "line": n} for n, p in enumerate(points)]
    )


def test_the_claim_meets_the_span_from_the_first_to_the_last_total_within_its_dates():
    series = [point("d1", GS, 1, 1, 100, 100), point("d5", GS, 5, 5, 150, 150), point("d9", GS, 9, 9, 200, 200)]
    verdicts = {
        h["claim_id"]: (h["status"], h["related"])
        for h in compare_snapshots(
            frame(*series, point("in", "uk", 4, 9, 160, 170), point("below", "uk", 4, 9, 10, 140))
        )
    }
    assert verdicts == {"in": ("corroborated", ["d5", "d9"]), "below": ("failed", ["d5", "d9"])}


def test_series_counted_from_another_origin_are_not_compared():
    hits = compare_snapshots(frame(point("d1", GS, 1, 1, 100, 100, origin=-5.0), point("uk", "uk", 1, 1, 5, 5)))
    assert hits == []
