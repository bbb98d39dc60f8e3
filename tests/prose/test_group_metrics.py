"""A group the figure's own noun names as a metric (prose.context, prose.readings): in "the toll includes 61
children who have died", "children" is the figure's metric and "died" names the toll it is part of; both are
readings, so the figure is backed by the part's claim and never contradicts the whole toll."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed", "terms": ["toll", "died", "killed"]},
        "child_deaths": {"unit": "people", "description": "children among the dead", "terms": ["children"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}
CLAIMS = [
    claim("toll", "flood_deaths", "marlow", "council", 418),
    claim("children", "child_deaths", "marlow", "council", 61),
]


def test_a_group_noun_that_is_a_metric_backs_its_own_claim(curated):
    body = "In Marlow, the council said, the toll includes 61 children who have died since Monday."
    assert curated.verdict(body, "61") == ("article-backed", "info", "children")


def test_a_changed_figure_of_that_group_is_flagged_but_not_as_the_whole_toll(curated):
    body = "In Marlow, the council said, the toll includes 16 children who have died since Monday."
    check, _, claim_id = curated.verdict(body, "16")
    assert check != "article-backed" and claim_id != "toll"
