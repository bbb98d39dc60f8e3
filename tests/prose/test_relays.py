"""Outlets that relay a claim, and reports in their own voice (prose.relays): "The Courier reported" for the
agency's figure the Courier carried backs it; a sentence that names no source after one that quoted someone
backs the report's own figure, and is ambiguous, never a contradiction, against another claimant's."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed by a flood", "terms": ["killed", "dead"]},
        "stranded": {"unit": "people", "description": "people stranded", "terms": ["stranded"]},
    },
    "subjects": {"marlow": {"name": "Marlow", "aliases": ["the county"]}},
    "claimants": {
        "agency": {"name": "Marlow Emergency Agency", "aliases": ["the agency"]},
        "courier": {"name": "The Courier", "role": "newspaper, relaying the agency", "aliases": ["Courier"]},
        "mayor": {"name": "Mayor Ines Halloran", "aliases": ["Halloran", "the mayor"]},
        "herald": {"name": "The Herald", "role": "newspaper, naming no source", "aliases": ["Herald"]},
        "council": {"name": "Marlow county council", "aliases": ["the council"]},
    },
}
HERALD = {"outlet": "The Herald", "published": "2024-06-11"}
CLAIMS = [
    claim("deaths-agency", "flood_deaths", "marlow", "agency", 214),
    claim("deaths-mayor", "flood_deaths", "marlow", "mayor", 190),
    claim("stranded-herald", "stranded", "marlow", "herald", 3100, source=HERALD),
    claim("stranded-council", "stranded", "marlow", "council", 2700),
]


def test_the_outlet_that_carried_a_claim_is_no_other_claimant(curated):
    body = "The flood has killed 214 people in Marlow, the Courier reported on Tuesday."
    assert curated.verdict(body, "214") == ("article-backed", "info", "deaths-agency")


def test_an_outlet_that_carried_no_such_claim_still_contradicts(curated):
    body = "The flood has killed 214 people in Marlow, the Herald reported on Tuesday."
    assert curated.verdict(body, "214")[:2] == ("article-contradicts", "critical")


def test_a_sentence_naming_no_source_backs_the_reports_own_figure(curated):
    body = "The mayor said 190 people were killed in Marlow. Some 3,100 residents remain stranded."
    assert curated.verdict(body, "3,100") == ("article-backed", "info", "stranded-herald")


def test_a_carried_claimant_against_another_claimants_figure_is_ambiguous_not_critical(curated):
    body = "The mayor said 190 people were killed in Marlow. Some 2,700 residents remain stranded."
    assert curated.verdict(body, "2,700")[:2] == ("article-ambiguous", "warning")


def test_a_source_named_in_the_sentence_itself_still_contradicts(curated):
    body = "Some 2,700 residents remain stranded in Marlow, the mayor said."
    assert curated.verdict(body, "2,700")[:2] == ("article-contradicts", "critical")
