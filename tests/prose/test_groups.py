"""A list of groups that shares one predicate (prose.groups): "three Greeks, four Spaniards and one Portuguese had
died" gives each group its count; a quote near a figure ties it only when the figure stands in the repeated words
(prose.verdicts.judge)."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

DUAL = "as well as two people holding both Greek and Spanish passports"
CATALOG = {
    "metrics": {
        "deaths": {"unit": "people", "description": "people killed", "terms": ["died", "dead"]},
        "foreign_deaths": {"unit": "people", "description": "foreigners killed", "terms": ["died", "foreigners"]},
    },
    "subjects": {
        "city": {"name": "Marlow", "aliases": ["Marlow"]},
        "greece": {"name": "Greek nationals", "aliases": ["Greeks"]},
        "spain": {"name": "Spanish nationals", "aliases": ["Spaniards", "Spain"]},
        "portugal": {"name": "Portuguese nationals", "aliases": ["Portuguese"]},
        "dual": {"name": "dual nationals", "aliases": ["both Greek and Spanish passports"]},
    },
    "claimants": {"ministry": {"name": "Ministry of Foreign Affairs", "aliases": ["the ministry"]}},
}


def _claims(spain: int = 4) -> list[dict]:
    return [
        claim("greece", "foreign_deaths", "greece", "ministry", 3),
        claim("spain", "foreign_deaths", "spain", "ministry", spain),
        claim("portugal", "foreign_deaths", "portugal", "ministry", 1),
        claim(
            "dual",
            "foreign_deaths",
            "dual",
            "ministry",
            2,
            source={"outlet": "The Courier", "published": "2024-06-11", "quote": DUAL},
        ),
        claim("toll", "deaths", "city", "ministry", 290),
    ]


def test_each_group_of_the_list_counts_what_its_predicate_names(desk):  # noqa: F811
    desk.curate(CATALOG, _claims())
    body = "The ministry said three Greeks, four Spaniards and one Portuguese had died."
    found = sorted((f.check, f.claim) for f in desk.findings(body))
    assert found == [("article-backed", "greece"), ("article-backed", "portugal"), ("article-backed", "spain")]


def test_a_changed_count_in_the_list_stands_out(desk):  # noqa: F811
    desk.curate(CATALOG, _claims())
    body = "The ministry said three Greeks, eight Spaniards and one Portuguese had died."
    assert desk.verdict(body, "eight")[0] != "article-backed"


def test_counts_of_things_before_a_toll_are_no_list_of_groups(desk):  # noqa: F811
    desk.curate(CATALOG, _claims())
    body = "In Marlow bombers struck three hotels and four churches, and 290 people died, the ministry said."
    assert [(f.check, f.claim) for f in desk.findings(body)] == [("article-backed", "toll")]


def test_a_quote_after_a_figure_is_not_that_figures(desk):  # noqa: F811
    desk.curate(CATALOG, _claims(spain=2))
    body = f"The ministry said three Greeks, two people from Spain and one Portuguese had died, {DUAL}."
    assert desk.verdict(body, "two people from Spain") == ("article-backed", "info", "spain")
