"""The plausible-ranges suite: impossible figures are critical, unlikely ones warnings, dates bounded."""

from __future__ import annotations

import pytest

from conftest import claim, failed, run_project


def findings_of(project, **fields) -> dict[str, str]:
    project.dataset([claim("c", **fields)])
    return {f.check: f.severity for f in failed(run_project(project))}


def test_a_plausible_claim_passes(project):
    assert findings_of(project) == {}


def test_more_people_than_live_in_the_countries_is_critical(project):
    found = findings_of(
        project, value=500_000_000, source={"outlet": "X", "published": "2026-02", "quote": "500 million"}
    )
    assert found == {"people-within-population": "critical", "killed-plausible": "warning"}


def test_an_unlikely_death_toll_is_a_warning(project):
    found = findings_of(
        project, value=2_500_000, source={"outlet": "X", "published": "2026-02", "quote": "2.5 million"}
    )
    assert found == {"killed-plausible": "warning"}


def test_shares_stay_within_0_and_100(project):
    share = {"metric": "occupied_territory_share", "source": {"outlet": "X", "published": "2026-02", "quote": "120%"}}
    assert findings_of(project, value=120, **share) == {"share-within-0-100": "critical"}


def test_negative_figures_are_critical(project):
    assert findings_of(project, value=-5, source={"outlet": "X", "published": "2026-02", "url": "https://x.org/a"}) == {
        "value-not-negative": "critical"
    }


@pytest.mark.parametrize(
    ("dates", "check"),
    [
        (
            {"as_of": "2021-12", "source": {"outlet": "X", "published": "2022-03", "quote": "55,000"}},
            "date-not-before-origin",
        ),
        (
            {"as_of": "2027-01", "source": {"outlet": "X", "published": "2026-11", "quote": "55,000"}},
            "date-not-in-future",
        ),
    ],
)
def test_dates_between_origin_and_today(project, dates, check):
    assert check in findings_of(project, **dates)


def test_today_is_generous_with_partial_dates(project):
    # FACTCHECK_TODAY is 2026-11-26: "2026-11" has begun, so it is not in the future.
    assert (
        findings_of(project, as_of="2026-11", source={"outlet": "X", "published": "2026-11", "quote": "55,000"}) == {}
    )


def test_an_origin_overlapping_a_partial_date_is_not_a_violation(project):
    # "2022" ends after the origin 2022-02-24.
    assert findings_of(project, as_of="2022", source={"outlet": "X", "published": "2022", "quote": "55,000"}) == {}
