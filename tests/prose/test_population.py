"""The population of a place (prose.quantities.population_of): a figure no claim backs that states the population
the catalog gives a subject its sentence names ("half of Marlow's 80,000 residents") is the size of the place,
set aside; a claim of that value still backs it, and any other figure is judged as before."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "stranded": {"unit": "people", "description": "people stranded", "terms": ["stranded"]},
        "evacuated": {"unit": "people", "description": "people evacuated", "terms": ["evacuated"]},
        "without_power": {"unit": "people", "description": "people without power", "terms": ["without power"]},
    },
    "subjects": {"marlow": {"name": "Marlow", "population": 80000}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("stranded", "stranded", "marlow", "council", 3100),
                          claim("evacuated", "evacuated", "marlow", "council", 12000)])  # fmt: skip
    return desk


def test_the_population_the_catalog_gives_a_place_is_set_aside(curated):
    body = (
        "Half of Marlow's 80,000 residents were left without power, and 3,100 people were stranded, the council said."
    )
    found = curated.findings(body)
    assert [(f.check, f.claim) for f in found] == [("article-backed", "stranded")]


def test_another_figure_there_is_still_judged(curated):
    body = (
        "Half of Marlow's 90,000 residents were left without power, and 3,100 people were stranded, the council said."
    )
    assert curated.verdict(body, "90,000")[0] != "article-backed"


def test_a_claim_of_that_value_still_backs_it(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("everyone", "evacuated", "marlow", "council", 80000)])
    body = "All 80,000 people of Marlow were evacuated, the council said."
    assert desk.verdict(body, "80,000") == ("article-backed", "info", "everyone")
    changed = "All 60,000 people of Marlow were evacuated, the council said."
    assert desk.verdict(changed, "60,000")[0] == "article-contradicts"
