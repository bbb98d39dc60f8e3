"""A passive whose subject is a figure and a noun of people (prose.readings, prose.context): "140 victims were
formally identified" counts the victims identified, not all the dead its noun names; an event noun ("150
deaths were confirmed") is the count itself, and a changed verb or figure still stands out."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.readings import passive_predicate

CATALOG = {
    "metrics": {
        "quake_deaths": {"unit": "people", "description": "people killed", "terms": ["victims", "deaths", "died"]},
        "identified": {"unit": "people", "description": "victims identified", "terms": ["identified"]},
        "confirmed_cases": {"unit": "people", "description": "cholera cases confirmed", "terms": ["confirmed"]},
    },
    "subjects": {"tarn": {"name": "Tarn", "aliases": ["the valley"]}},
    "claimants": {"agency": {"name": "Tarn Civil Protection", "aliases": ["civil protection"]}},
}
CLAIMS = [
    claim("deaths", "quake_deaths", "tarn", "agency", 150),
    claim("identified", "identified", "tarn", "agency", 140),
    claim("cases", "confirmed_cases", "tarn", "agency", 900),
]


@pytest.mark.parametrize(
    "text, verb, passive",
    [
        ("So far 140 victims were formally identified.", "identified", True),
        ("So far 140 bodies have been identified.", "identified", True),
        ("So far 140 victims had identified", "identified", False),  # no form of "be": not a passive
        ("So far 150 deaths were confirmed.", "confirmed", False),  # an event noun is the count
        ("So far 140 victims of the flood were identified.", "identified", False),
    ],
)
def test_a_passive_of_a_noun_of_people_is_read(text, verb, passive):
    end = text.index(" ", text.index("14" if "14" in text else "15"))
    assert passive_predicate(text, end, text.index(verb)) is passive


def test_the_verb_of_a_passive_says_what_its_noun_of_people_counts(curated):
    body = "Civil protection said 140 victims were formally identified in Tarn."
    assert curated.verdict(body, "140") == ("article-backed", "info", "identified")


def test_a_changed_figure_of_the_passive_still_stands_out(curated):
    body = "Civil protection said 120 victims were formally identified in Tarn."
    check, severity, claim_id = curated.verdict(body, "120")
    assert (check, severity, claim_id) == ("article-contradicts", "critical", "identified")


def test_an_event_noun_stays_the_count(curated):
    body = "Civil protection said 150 deaths were confirmed in Tarn."
    assert curated.verdict(body, "150") == ("article-backed", "info", "deaths")


def test_a_verb_that_is_no_passive_leaves_the_noun_deciding(curated):
    body = "Civil protection said 150 victims died in Tarn, and 140 were identified."
    assert curated.verdict(body, "150") == ("article-backed", "info", "deaths")
