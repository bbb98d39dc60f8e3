"""A date after a bound and a time of its day ("between noon on Sunday and the early hours of Monday") bounds a
period and dates no count (prose.dates): the count is compared with the claim as the period's end dates it,
and a changed figure is still flagged."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {"blast_deaths": {"unit": "people", "description": "people killed by the blast", "terms": ["buried"]}},
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"agency": {"name": "Marlow Emergency Agency", "aliases": ["the agency"]}},
}
SENTENCE = "In Marlow, the agency buried {} bodies between noon on Sunday and the early hours of Monday."


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("deaths", "blast_deaths", "marlow", "agency", 86)])  # dated Monday 10 June 2024
    return desk


def test_a_count_over_a_period_its_claim_ends_is_backed(curated):
    assert curated.verdict(SENTENCE.format(86), "86") == ("article-backed", "info", "deaths")


def test_a_changed_count_over_that_period_still_contradicts(curated):
    assert curated.verdict(SENTENCE.format(96), "96") == ("article-contradicts", "critical", "deaths")
