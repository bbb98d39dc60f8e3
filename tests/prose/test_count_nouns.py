"""A count named by its kind ("death toll", "casualty tally") is named by its head noun alone (prose.vocabulary):
"the toll rose to 4,371" counts what "death toll" counts; a catalog that files "toll" itself keeps its own. And
"died", "dead", "deaths", "killed", which inflection keeps apart, name one count when one metric alone lists any
of them."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.model.format import Catalog
from factcheck.prose.vocabulary import Vocabulary

CATALOG = {
    "metrics": {
        "quake_deaths": {"unit": "people", "description": "people killed", "terms": ["death toll", "killed"]},
        "quake_injured": {"unit": "people", "description": "people injured",
                          "terms": ["injured", "casualty tally"]},
    },
    "subjects": {"ardena": {"name": "Ardena"}},
    "claimants": {"civil-protection": {"name": "Ardena civil protection", "aliases": ["civil protection"]}},
}  # fmt: skip
CLAIMS = [
    claim("deaths", "quake_deaths", "ardena", "civil-protection", 4371),
    claim("injured", "quake_injured", "ardena", "civil-protection", 1948),
]


@pytest.mark.parametrize(
    "body, figure, claim_id",
    [
        ("Civil protection said the toll in Ardena had risen to 4,371.", "4,371", "deaths"),
        ("In Ardena the toll stood at 4,371 on Monday, civil protection said.", "4,371", "deaths"),
        ("# Ardena's toll passes 4,300", "4,300", "deaths"),
        ("Civil protection said the tally in Ardena had reached 1,948.", "1,948", "injured"),
    ],
)  # fmt: skip
def test_the_head_noun_alone_names_the_count(curated, body, figure, claim_id):
    assert curated.verdict(body, figure) == ("article-backed", "info", claim_id)


@pytest.mark.parametrize(
    "body, figure",
    [
        ("Civil protection said the toll in Ardena had risen to 4,471.", "4,471"),
        ("Civil protection said the tally in Ardena had reached 1,848.", "1,848"),
    ],
)  # fmt: skip
def test_a_changed_figure_still_stands_out(curated, body, figure):
    assert curated.verdict(body, figure)[0] != "article-backed"


def _metrics(catalog: dict, phrase: tuple[str, ...]) -> frozenset[str] | None:
    entry = Vocabulary(Catalog.model_validate(catalog)).phrases.get(phrase)
    return None if entry is None else entry.metrics


def test_only_nouns_of_a_count_and_never_over_the_catalogs_own_phrase():
    assert _metrics(CATALOG, ("toll",)) == {"quake_deaths"}
    assert _metrics(CATALOG, ("tally",)) == {"quake_injured"}
    other = {**CATALOG, "metrics": {"quake_deaths": {"unit": "people", "description": "people killed",
                                                     "terms": ["death toll", "killed people"]}}}  # fmt: skip
    assert _metrics(other, ("people",)) is None  # "killed people" is no count of people named by its kind
    road = {**CATALOG, "metrics": {**CATALOG["metrics"], "road_tolls": {"unit": "USD", "description": "road tolls",
                                                                        "terms": ["toll"]}}}  # fmt: skip
    assert _metrics(road, ("toll",)) == {"road_tolls"}


def test_the_words_of_one_count_that_inflection_keeps_apart():
    dead = {**CATALOG, "metrics": {**CATALOG["metrics"], "quake_deaths": {
        "unit": "people", "description": "people killed", "terms": ["dead", "killed"]}}}  # fmt: skip
    assert _metrics(dead, ("died",)) == _metrics(dead, ("deaths",)) == {"quake_deaths"}
    only_dead = {**CATALOG, "metrics": {"quake_deaths": {"unit": "people", "description": "people killed",
                                                         "terms": ["dead", "bodies"]}}}  # fmt: skip
    assert _metrics(only_dead, ("killed",)) == {"quake_deaths"}
    # two metrics list them: none of the words is given to the other
    split = {**dead, "metrics": {**dead["metrics"], "hospital_deaths": {
        "unit": "people", "description": "people who died in hospital", "terms": ["died"]}}}  # fmt: skip
    assert _metrics(split, ("deaths",)) is None
    assert _metrics(split, ("killed",)) == {"quake_deaths"}  # the catalog's own term, not one added
    assert _metrics(split, ("died",)) == {"hospital_deaths"}


@pytest.fixture
def dead_desk(desk):  # noqa: F811
    catalog = {**CATALOG, "metrics": {**CATALOG["metrics"], "quake_deaths": {
        "unit": "people", "description": "people killed", "terms": ["dead", "killed"]}}}  # fmt: skip
    desk.curate(catalog, CLAIMS)
    return desk


def test_died_counts_what_the_catalogs_dead_counts(dead_desk):
    body = "More than 4,300 people are now known to have died in Ardena, civil protection said."
    assert dead_desk.verdict(body, "4,300") == ("article-backed", "info", "deaths")
    changed = "More than 4,400 people are now known to have died in Ardena, civil protection said."
    assert dead_desk.verdict(changed, "4,400")[0] != "article-backed"
