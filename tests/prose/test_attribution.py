"""Who a figure is attributed to (prose.attribution): a name in another clause only as a source, never the
actor of that clause nor the source of a later clause's own figure; carried from an earlier sentence only
from a source."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.attribution import attributes

CATALOG = {
    "metrics": {
        "evacuated": {"unit": "people", "description": "people evacuated", "terms": ["evacuated"]},
        "flood_deaths": {"unit": "people", "description": "people killed by a flood", "terms": ["killed", "dead"]},
        "hurt": {"unit": "people", "description": "people hurt", "terms": ["hurt", "injured"]},
    },
    "subjects": {"marlow": {"name": "Marlow", "aliases": ["the county"]}},
    "claimants": {
        "council": {"name": "Marlow county council", "aliases": ["the council", "council officials"]},
        "hospital": {"name": "St Anne's hospital", "aliases": ["the hospital"]},
        "utility": {"name": "Hydra Power", "aliases": ["Hydra"]},
        "courier": {"name": "The Courier", "aliases": ["Courier"]},
    },
}
CLAIMS = [
    claim("evacuated", "evacuated", "marlow", "council", 4000),
    claim("deaths-1998", "flood_deaths", "marlow", "courier", 312, as_of="1998"),
    claim("hurt-council", "hurt", "marlow", "council", 40),
    claim("hurt-hospital", "hurt", "marlow", "hospital", 65, qualifier="at_least"),
]


@pytest.mark.parametrize(
    "text, name, source",
    [
        ("The council said 40 were hurt.", "The council", True),
        ("40 were hurt, according to the council.", "the council", True),
        ("40 were hurt, said the council.", "the council", True),
        ("The council's tally of 40 stands.", "The council", True),
        ("A Hydra Power study lists 40 hurt.", "Hydra Power", True),
        ("The council evacuated the county.", "The council", False),
        ("The dam is run by Hydra Power, which owns the plant.", "Hydra Power", False),
    ],
)  # fmt: skip
def test_a_name_is_a_source_when_the_words_give_it_as_one(text, name, source):
    start = text.index(name)
    assert attributes(text, start, start + len(name)) is source


def test_the_actor_of_another_clause_is_not_the_source_of_a_figure(curated):
    body = ("The council evacuated 4,000 residents on Monday, fearing a repeat of the 1998 flood that left "
            "312 people dead.")  # fmt: skip
    assert curated.verdict(body, "312") == ("article-backed", "info", "deaths-1998")
    assert curated.verdict(body, "4,000") == ("article-backed", "info", "evacuated")


def test_a_source_a_later_clause_gives_its_own_figure_is_not_this_ones(curated):
    body = "Forty people were hurt on Monday, though at least 65 were hurt according to the hospital."
    assert curated.verdict(body, "Forty") == ("article-backed", "info", "hurt-council")
    assert curated.verdict(body, "65") == ("article-backed", "info", "hurt-hospital")


def test_a_claimant_is_carried_from_the_last_source_of_the_paragraph_not_the_last_name(curated):
    mentioned = "The reservoir above Marlow belongs to Hydra Power. Its collapse in 1998 left 312 dead."
    assert curated.verdict(mentioned, "312") == ("article-backed", "info", "deaths-1998")
    said = "The hospital said on Monday that the wards were full. It added that 40 people were hurt."
    # The hospital's is at least 65: compared with it, and a warning, since the claimant is carried ("It added")
    assert curated.verdict(said, "40") == ("article-ambiguous", "warning", "hurt-hospital")


def test_a_figure_given_to_the_wrong_source_still_contradicts(curated):
    body = "The hospital said on Monday that 40 people were hurt."
    check, severity, _ = curated.verdict(body, "40")
    assert (check, severity) == ("article-contradicts", "critical")


KIN_CATALOG = {
    "metrics": {"deaths": {"unit": "people", "description": "civilians killed", "terms": ["killed", "deaths"]}},
    "subjects": {"arland": {"name": "Arland", "aliases": ["Arlandic"]}},
    "claimants": {
        "un": {"name": "United Nations", "aliases": ["UN", "U.N."]},
        "ohchr": {
            "name": "Office of the United Nations High Commissioner for Human Rights",
            "aliases": ["UN human rights office", "OHCHR"],
        },
        "ministry": {"name": "the ministry", "aliases": ["ministry"]},
        "health": {"name": "the health ministry", "aliases": ["health ministry"]},
        "hospital": {"name": "Mercy hospital", "aliases": ["the hospital"]},
        "army": {"name": "the Arlandic army", "aliases": ["the army"]},
    },
}
KIN_CLAIMS = [
    claim("week", "deaths", "arland", "ohchr", 58),
    claim("health", "deaths", "arland", "health", 212),
    claim("hospital", "deaths", "arland", "hospital", 31),
]


def test_a_parent_or_shorter_name_of_the_claimant_is_ambiguous_never_a_contradiction(desk):  # noqa: F811
    desk.curate(KIN_CATALOG, KIN_CLAIMS)
    assert desk.verdict("The UN said 58 civilians were killed in Arland.", "58")[:2] == ("article-ambiguous", "warning")
    (found,) = desk.findings("The UN said 58 civilians were killed in Arland.")
    assert "fits no claim of un" in found.message and found.related == ("week",)
    assert desk.verdict("The ministry said 212 were killed in Arland.", "212")[:2] == ("article-ambiguous", "warning")
    # a claimant whose names share nothing with the claim's is another one
    assert desk.verdict("The army said 31 were killed in Arland.", "31")[:2] == ("article-contradicts", "critical")


def test_an_organisations_long_name_is_read_whole_not_as_the_parent_it_holds(desk):  # noqa: F811
    desk.curate(KIN_CATALOG, KIN_CLAIMS)
    body = "The Office of the United Nations High Commissioner for Human Rights said 58 were killed in Arland."
    assert desk.verdict(body, "58") == ("article-backed", "info", "week")


def test_the_source_a_relaying_speaker_cites_is_the_claimant(desk):  # noqa: F811
    desk.curate(KIN_CATALOG, KIN_CLAIMS)
    body = "The army said on Monday, citing Mercy hospital, that 31 civilians were killed in Arland."
    assert desk.verdict(body, "31") == ("article-backed", "info", "hospital")
