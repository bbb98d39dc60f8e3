"""A clause of time inside a toll's subject (prose.embedded): in "The number of people killed after raiders from
the Red Band burned the market has risen to 38", the raiders and the Red Band are actors of the clause of time;
the figure counts the subject's dead, and its source is not the band."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.embedded import embedded_clause

CATALOG = {
    "metrics": {
        "deaths": {"unit": "people", "description": "people killed", "terms": ["killed", "number of people killed"]},
        "raiders_killed": {"unit": "people", "description": "raiders killed", "terms": ["raiders"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {
        "council": {"name": "Marlow county council", "aliases": ["the council"]},
        "red-band": {"name": "the Red Band", "aliases": ["Red Band"]},
    },
}
SENTENCE = "The number of people killed after raiders from the Red Band burned the market in Marlow has risen to {}."


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("deaths", "deaths", "marlow", "council", 38),
                          claim("raiders", "raiders_killed", "marlow", "council", 4)])  # fmt: skip
    return desk


@pytest.mark.parametrize(
    "text, inside",
    [
        (SENTENCE.format(38), "after raiders from the Red Band burned the market in Marlow"),
        ("The death toll since the storm hit Marlow stands at 38.", "since the storm hit Marlow"),
        ("The number of people killed has risen to 38.", None),
        ("After raiders burned the market, the number of people killed rose to 38.", None),
    ],
)
def test_the_clause_of_time_between_subject_and_verb(text, inside):
    start = text.index("38")
    clause_start = text.rfind(", ", 0, start) + 2 if ", " in text[:start] else 0
    found = embedded_clause(text, clause_start, start)
    assert (text[found[0] : found[1]] if found else None) == inside


def test_the_toll_is_the_subjects_and_not_the_actors(curated):
    assert curated.verdict(SENTENCE.format(38), "38") == ("article-backed", "info", "deaths")


def test_a_changed_toll_still_stands_out(curated):
    assert curated.verdict(SENTENCE.format(83), "83")[0] == "article-contradicts"
