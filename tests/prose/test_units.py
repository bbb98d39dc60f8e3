"""The unit a figure's own noun names (prose.units): a phrase the catalog files under two metrics ("shelters"
for the shelters open and for the people in them) reads, as the noun right after a figure, as the metric whose
unit it names; elsewhere it leaves both readings as before."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "sheltered": {"unit": "people", "description": "people in shelters", "terms": ["sheltered", "shelters"]},
        "shelters_open": {"unit": "shelters", "description": "shelters open", "terms": ["shelters"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}
CLAIMS = [
    claim("people", "sheltered", "marlow", "council", 12480),
    claim("open", "shelters_open", "marlow", "council", 316),
]


def test_the_noun_after_the_figure_names_what_it_counts(curated):
    body = "In Marlow 12,480 people are sheltered in 316 shelters, the council said."
    assert curated.verdict(body, "316") == ("article-backed", "info", "open")
    assert curated.verdict(body, "12,480") == ("article-backed", "info", "people")


def test_a_changed_count_of_the_nouns_unit_is_still_flagged(curated):
    # "sheltered" in its clause is another reading: no claim fits any, so it is unbacked, not backed.
    body = "In Marlow 12,480 people are sheltered in 361 shelters, the council said."
    assert curated.verdict(body, "361")[0] == "article-unbacked"


def test_a_noun_after_the_figure_that_is_a_metrics_unit_beats_a_word_as_near_before_it(desk):  # noqa: F811
    catalog = {
        "metrics": {
            "sheltered": {
                "unit": "people",
                "description": "people in the shelters",
                "terms": ["sheltering in", "shelters"],
            },
            "shelters": {"unit": "shelters", "description": "shelters open", "terms": ["shelters"]},
        },
        "subjects": {"marlow": {"name": "Marlow"}},
        "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
    }
    desk.curate(catalog, [claim("sheltered", "sheltered", "marlow", "council", 5200),
                          claim("shelters", "shelters", "marlow", "council", 41)])  # fmt: skip
    body = "The council said on Monday that 5,200 people in Marlow were sheltering in 41 shelters."
    assert desk.verdict(body, "41") == ("article-backed", "info", "shelters")
    assert desk.verdict(body, "5,200") == ("article-backed", "info", "sheltered")
    # A catalog phrase that ends in the unit is that noun too: "41 emergency shelters" counts shelters.
    catalog["metrics"]["sheltered"]["terms"].append("emergency shelters")
    catalog["metrics"]["shelters"]["terms"].append("emergency shelters")
    desk.curate(catalog, [claim("sheltered", "sheltered", "marlow", "council", 5200),
                          claim("shelters", "shelters", "marlow", "council", 41)])  # fmt: skip
    body = "The council said on Monday that 5,200 people in Marlow were sheltering in 41 emergency shelters."
    assert desk.verdict(body, "41") == ("article-backed", "info", "shelters")
    assert desk.verdict(body.replace("41 emergency", "14 emergency"), "14")[0] != "article-backed"


def test_a_conjunction_inside_a_catalog_phrase_ends_no_clause(desk):  # noqa: F811
    catalog = {
        "metrics": {
            "sorties": {"unit": "sorties", "description": "army sorties flown", "terms": ["sorties"]},
            "premises": {"unit": "premises", "description": "sheds and barns searched",
                         "terms": ["sheds and barns", "searched"]},
        },
        "subjects": {"marlow": {"name": "Marlow"}},
        "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
    }  # fmt: skip
    desk.curate(catalog, [claim("sorties", "sorties", "marlow", "council", 1700),
                          claim("premises", "premises", "marlow", "council", 610)])  # fmt: skip
    body = "The council said on Monday that in Marlow the army flew 1,700 sorties; 610 sheds and barns were searched."
    assert desk.verdict(body, "610") == ("article-backed", "info", "premises")
    changed = body.replace("610", "650")
    assert desk.verdict(changed, "650") == ("article-contradicts", "critical", "premises")


def test_a_share_in_an_article_whose_catalog_counts_no_share_is_set_aside_not_a_crash(desk):  # noqa: F811
    catalog = {
        "metrics": {"stranded": {"unit": "people", "description": "people stranded", "terms": ["stranded"]}},
        "subjects": {"marlow": {"name": "Marlow"}},
        "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
    }
    desk.curate(catalog, [claim("stranded", "stranded", "marlow", "council", 3100)])
    body = "The council said 3,100 people were stranded in Marlow, and 40 percent of the town was searched."
    found = desk.findings(body)
    assert [(f.check, f.claim) for f in found] == [("article-backed", "stranded")]
