"""A figure of a place named by the country or region it lies in (prose.verdicts): backed by the place's
claim when the catalog counts nothing of that metric for the whole; ambiguous for a neighbour's."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed by floods", "terms": ["killed", "toll"]},
        "evacuated": {"unit": "people", "description": "people evacuated", "terms": ["evacuated"]},
    },
    "subjects": {
        "norland": {"name": "Norland", "aliases": ["Norlandic"]},
        "east-province": {"name": "East Province", "within": "norland", "aliases": ["the east"]},
        "west-province": {"name": "West Province", "within": "norland"},
    },
    "claimants": {"agency": {"name": "the disaster agency", "aliases": ["the agency"]}},
}


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("east-deaths", "flood_deaths", "east-province", "agency", 212),
                          claim("west-evacuated", "evacuated", "west-province", "agency", 4000),
                          claim("norland-evacuated", "evacuated", "norland", "agency", 9000)])  # fmt: skip
    return desk


def test_a_figure_of_a_province_named_by_its_country_is_backed_by_the_provinces_claim(curated):
    body = "Floods in Norland have killed 212 people, the agency said on Monday."
    assert curated.verdict(body, "212") == ("article-backed", "info", "east-deaths")
    (found,) = curated.findings(body)
    assert "a figure of east-province, which lies within norland" in found.message
    assert curated.verdict(body.replace("212", "250"), "250")[:2] != ("article-backed", "info")


def test_a_whole_with_a_count_of_its_own_is_not_backed_by_its_parts(curated):
    body = "The agency said on Monday that 4,000 people had been evacuated in Norland."
    assert curated.verdict(body, "4,000")[:2] == ("article-ambiguous", "warning")


def test_a_neighbours_figure_is_ambiguous_not_backed(curated):
    body = "Floods in West Province have killed 212 people, the agency said on Monday."
    assert curated.verdict(body, "212")[:2] == ("article-ambiguous", "warning")
