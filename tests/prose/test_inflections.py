"""Metric words as articles inflect them (prose.inflections): a catalog's "killed" is read in "kills",
"killing" and "kill", its "death toll" in "death tolls"; words that only look alike are not."""

from __future__ import annotations

import pytest

from factcheck.model.format import Catalog
from factcheck.prose.context import Reader
from factcheck.prose.inflections import MAX_STEMMED, Inflections
from factcheck.prose.sentences import sentences
from factcheck.prose.vocabulary import Vocabulary

CATALOG = Catalog.model_validate(
    {
        "metrics": {
            "killed": {"unit": "people", "description": "people killed", "terms": ["killed", "death toll"]},
            "injured": {"unit": "people", "description": "people injured", "terms": ["injured"]},
            "missing": {"unit": "people", "description": "people missing", "terms": ["missing"]},
        },
        "subjects": {"storm": {"name": "the storm", "aliases": ["Storm Ana"]}},
        "claimants": {"killian": {"name": "Mayor Killian", "aliases": ["Killian"]}},
    }
)


def metrics_of(text: str, figure: str) -> frozenset[str]:
    vocabulary = Vocabulary(CATALOG)
    reader = Reader(text, sentences(text, 0, False), vocabulary.occurrences(text), [], vocabulary, lambda o: (1, o))
    start = text.index(figure)
    return reader.context(start, start + len(figure), None).metrics


@pytest.mark.parametrize(
    "text, figure, metric",
    [
        ("Storm Ana kills 14 on the coast.", "14", "killed"),
        ("The storm swept the coast, killing 14.", "14", "killed"),
        ("The floods could kill 14 more, officials fear.", "14", "killed"),
        ("The death tolls of both storms reached 140.", "140", "killed"),
        ("The blast injures 38 at the market.", "38", "injured"),
        ("A fire injuring 38 broke out overnight.", "38", "injured"),
        ("Storm Ana KILLS 14.", "14", "killed"),
    ],
)
def test_an_inflected_metric_word_is_read_as_the_catalogs_term(text, figure, metric):
    assert metrics_of(text, figure) == {metric}


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Mayor Killian thanked the 14 volunteers.", "14"),  # a name that begins like "killed"
        ("The 14 rescuers had rare skills.", "14"),  # "skills" holds "kill" but is another word
        ("Crews met the deadline with 14 trucks.", "14"),
        ("The team has 14 players, and the killer app is a map.", "14"),  # "killer": another stem
    ],
)
def test_words_that_only_look_like_a_term_name_no_metric(text, figure):
    assert metrics_of(text, figure) == frozenset()


def test_a_word_written_as_a_term_stays_that_term_and_one_stem_of_two_terms_takes_the_first():
    inflections = Inflections(["missing", "missed"], ["missing", "missed"])
    canonical = inflections.reader()
    assert canonical("missing") == "missing" and canonical("missed") == "missed"
    assert canonical("misses") == "missed"  # sorted first of the two terms whose stem is "miss"


def test_an_article_stems_a_bounded_number_of_distinct_words():
    inflections = Inflections(["killed"], ["killed"])
    canonical = inflections.reader()
    strays = [f"kil{'x' * (n % 7)}{n}" for n in range(MAX_STEMMED + 50)]
    for word in strays:
        canonical(word)
    assert canonical("kills") == "kills"  # past the budget, a new word is read as written
    assert inflections.reader()("kills") == "killed"  # the next article has its own budget
