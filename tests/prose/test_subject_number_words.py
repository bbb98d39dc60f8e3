"""A number in words heading its sentence's subject (prose.subjects): "Forty-one people, most of them pilgrims,
drowned" counts what its verb names past the noun, an "of" phrase and an aside; and a source after "but" speaks
for its own clause, not the figure's (prose.context)."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "drowned": {"unit": "people", "description": "people drowned", "terms": ["drowned"]},
        "injured": {"unit": "people", "description": "people injured", "terms": ["injured"]},
        "ferries": {"unit": "ferries", "description": "ferries sunk", "terms": ["sank"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {
        "coastguard": {"name": "Marlow coastguard", "aliases": ["the coastguard"]},
        "navy": {"name": "the Navy", "aliases": ["the Navy"]},
    },
}
CLAIMS = [
    claim("drowned", "drowned", "marlow", "coastguard", 41),
    claim("injured", "injured", "marlow", "coastguard", 13),
]


@pytest.mark.parametrize(
    "body, figure",
    [
        ("Forty-one people, most of them pilgrims, drowned off Marlow, the coastguard said on Monday.", "Forty-one"),
        ("The coastguard said on Monday that Thirteen others were injured off Marlow.", "Thirteen"),
        ("Off Marlow, forty-one members of the Haldane choir drowned, the coastguard said on Monday.", "forty-one"),
    ],
)
def test_a_number_heading_the_subject_counts_what_its_verb_names(curated, body, figure):
    assert curated.verdict(body, figure)[0] == "article-backed"


def test_a_changed_number_heading_the_subject_stands_out(curated):
    body = "Fourteen people, most of them pilgrims, drowned off Marlow, the coastguard said on Monday."
    assert curated.verdict(body, "Fourteen")[0] == "article-contradicts"


def test_a_noun_that_is_not_of_people_is_still_its_own_count(curated):
    # "two ferries carrying pilgrims sank": no count of people, and no metric word the number heads
    body = "Two trawlers, both of them old, drowned in the storm off Marlow, the coastguard said on Monday."
    assert not [f for f in curated.findings(body) if f.line == 5]


def test_a_source_after_but_speaks_for_its_own_clause(curated):
    body = ("The coastguard said on Monday 41 people drowned off Marlow. "
            "Forty-one people were believed drowned, but the Navy said everyone else was found.")  # fmt: skip
    assert curated.verdict(body, "Forty-one")[0] == "article-backed"
    named = "Forty-one people were believed drowned off Marlow, the Navy said on Monday."
    assert curated.verdict(named, "Forty-one")[0] == "article-contradicts"
