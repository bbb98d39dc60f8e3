"""The catalog's phrases matched in prose (prose.vocabulary): a phrase that holds digits ("the 1998 flood",
"aged 70 and over") is matched whole, as any other, and names what its words name; the group a phrase of it
names after a figure is that figure's, not the one before it."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed", "terms": ["killed", "dead"]},
        "elderly_deaths": {"unit": "people", "description": "people aged 70 and over killed",
                           "terms": ["aged 70 and over"], "within": "flood_deaths"},
        "storms": {"unit": "storms", "description": "storms that struck", "terms": ["storms"]},
    },
    "subjects": {
        "flood-2024": {"name": "the 2024 flood", "aliases": ["the flood"]},
        "flood-1998": {"name": "the 1998 flood"},
    },
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}  # fmt: skip
CLAIMS = [
    claim("deaths-2024", "flood_deaths", "flood-2024", "council", 214),
    claim("deaths-1998", "flood_deaths", "flood-1998", "council", 214, as_of="1998"),
    claim("elderly-2024", "elderly_deaths", "flood-2024", "council", 90),
    claim("storms-2024", "storms", "flood-2024", "council", 4),
]


def test_a_phrase_that_holds_digits_is_matched_whole(curated):
    body = "The council recalled on Monday that the 1998 flood killed 214 people."
    assert curated.verdict(body, "214") == ("article-backed", "info", "deaths-1998")


def test_a_group_after_another_figure_is_that_figures(curated):
    body = "The council said on Monday that the flood killed 90 people aged 70 and over."
    assert curated.verdict(body, "90") == ("article-backed", "info", "elderly-2024")
    across = "The council said on Monday that across the four storms the flood killed 90 people aged 70 and over."
    assert curated.verdict(across, "four") == ("article-backed", "info", "storms-2024")
