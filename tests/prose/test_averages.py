"""An average is a rate (prose.quantities.is_rate): "an average of 300 people a day" is compared with a catalog's
metric whose unit is a rate ("people a day"), so a changed average stands out; with no rate in the catalog it is
set aside, as a baseline the article compares with."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.quantities import is_rate

TOTALS = {
    "deaths": {"unit": "people", "description": "people killed", "terms": ["deaths", "died"]},
}
RATES = {
    **TOTALS,
    "daily_deaths": {"unit": "people a day", "description": "deaths a day", "terms": ["a day", "average"]},
}
SUBJECTS = {"marlow": {"name": "Marlow"}}
CLAIMANTS = {"board": {"name": "Marlow health board", "aliases": ["the health board"]}}


def _curate(desk, metrics):  # noqa: F811
    claims = [claim("toll", "deaths", "marlow", "board", 4100)]
    if "daily_deaths" in metrics:
        claims.append(claim("daily", "daily_deaths", "marlow", "board", 300))
    desk.curate({"metrics": metrics, "subjects": SUBJECTS, "claimants": CLAIMANTS}, claims)


def test_an_average_backs_the_catalogs_rate(desk):  # noqa: F811
    _curate(desk, RATES)
    body = "Deaths in Marlow rose to an average of 300 people a day, the health board said."
    assert desk.verdict(body, "300") == ("article-backed", "info", "daily")


def test_a_changed_average_stands_out(desk):  # noqa: F811
    _curate(desk, RATES)
    body = "Deaths in Marlow rose to an average of 1,300 people a day, the health board said."
    assert desk.verdict(body, "1,300")[0] != "article-backed"


def test_without_a_rate_in_the_catalog_an_average_is_set_aside(desk):  # noqa: F811
    _curate(desk, TOTALS)
    body = "In Marlow 4,100 people died this year, against an average of 300 in a usual year, the health board said."
    assert [(f.check, f.claim) for f in desk.findings(body)] == [("article-backed", "toll")]


@pytest.mark.parametrize(
    "unit, rate",
    [("people a day", True), ("cases per week", True), ("admissions/day", True), ("people", False),
     ("km/h", False), ("per 100,000 people", False)],
)  # fmt: skip
def test_which_catalog_units_are_rates(unit, rate):
    assert is_rate(unit) is rate
