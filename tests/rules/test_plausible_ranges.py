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
    assert found == {"people-within-population": "critical", "value-within-max": "warning"}


def test_an_unlikely_death_toll_is_a_warning(project):
    found = findings_of(
        project, value=2_500_000, source={"outlet": "X", "published": "2026-02", "quote": "2.5 million"}
    )
    assert found == {"value-within-max": "warning"}


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


# --- bounds from the catalog: any desk's metrics -------------------------------------------------------

QUAKE_CATALOG = """
metrics:
  deaths: {unit: people, description: deaths, max: 100000}
  injured: {unit: people, description: people injured}
  buildings_collapsed: {unit: items, description: buildings collapsed}
  area_flooded: {unit: percent, description: share of the province flooded, cumulative: false}
subjects:
  hatay: {name: Hatay, population: 1700000}
  elsewhere: {name: Somewhere else}
claimants:
  afad: {name: AFAD, affiliation: independent}
"""


def quake(project, *claims: dict) -> list:
    project.write("datasets/catalog.yml", QUAKE_CATALOG)
    base = {"subject": "hatay", "claimant": "afad", "as_of": "2023-02-10"}
    filled = [
        {**base, **c, "source": {"outlet": "AFAD", "published": "2023-02-10", "quote": "figures"}} for c in claims
    ]
    project.dataset(filled, origin="2023-02-06")
    report = run_project(project)
    return [(f.check, f.severity, f.claim) for f in failed(report) if f.check != "quote-states-figure"]


def test_a_metrics_max_from_the_catalog_bounds_its_figures(project):
    found = quake(project, {"id": "a", "metric": "deaths", "value": 50000}, {"id": "b", "metric": "deaths", "value": 500000,
                                                                              "as_of": "2023-02-11"})  # fmt: skip
    assert ("value-within-max", "warning", "b") in found
    assert not any(claim == "a" for _, _, claim in found)


def test_a_subjects_population_bounds_every_count_of_people_about_it(project):
    found = quake(project, {"id": "a", "metric": "injured", "value": 2_000_000})
    assert ("people-within-population", "critical", "a") in found
    unbounded = quake(project, {"id": "a", "metric": "injured", "value": 2_000_000, "subject": "elsewhere"})
    assert not any(check == "people-within-population" for check, _, _ in unbounded)


def test_a_metric_without_a_range_is_reported_once_as_information(project):
    found = quake(
        project,
        {"id": "a", "metric": "injured", "value": 10},
        {"id": "b", "metric": "injured", "value": 20, "as_of": "2023-02-11"},
        {"id": "c", "metric": "buildings_collapsed", "value": 3000},
        {"id": "d", "metric": "deaths", "value": 40},
        {"id": "e", "metric": "area_flooded", "value": 12},
    )
    # injured and buildings_collapsed have no max (deaths has one; a share is bounded by 0..100): each is
    # reported once, on its first claim.
    assert sorted(f for f in found if f[0] == "metric-has-range") == [
        ("metric-has-range", "info", "a"),
        ("metric-has-range", "info", "c"),
    ]
    message = next(f.message for f in failed(run_project(project)) if f.claim == "a" and f.check == "metric-has-range")
    assert message == "injured (people injured) has no `max` in the catalog: its figures get no plausible-range check"


def test_the_shipped_catalog_gives_every_metric_a_range():
    import yaml

    from conftest import REPO

    catalog = yaml.safe_load((REPO / "datasets" / "catalog.yml").read_text())
    assert all("max" in m or m["unit"] == "percent" for m in catalog["metrics"].values())
    assert all("population" in s for s in catalog["subjects"].values())
