"""The context of a figure (articles.context): its own clause is read before the rest of the sentence, for
its metric and its subject."""

from __future__ import annotations

import pytest

from article_helpers import articles  # noqa: F401
from factcheck.model.format import Catalog
from factcheck.prose.context import Reader
from factcheck.prose.sentences import sentences
from factcheck.prose.vocabulary import Vocabulary

CATALOG = Catalog.model_validate(
    {
        "metrics": {
            "killed": {"unit": "people", "description": "people killed", "terms": ["killed", "dead"]},
            "injured": {"unit": "people", "description": "people injured", "terms": ["injured", "wounded"]},
            "fans": {"unit": "people", "description": "fans by country", "terms": ["fans", "came from"]},
        },
        "subjects": {
            "chile": {"name": "Chile", "aliases": ["Chileans", "Chilean"]},
            "peru": {"name": "Peru", "aliases": ["Peruvians"]},
            "bolivia": {"name": "Bolivia", "aliases": ["Bolivians"]},
        },
        "claimants": {
            "police": {"name": "the police", "affiliation": "chile", "aliases": ["police"]},
            "radio": {"name": "Radio Andes", "affiliation": "chile", "aliases": ["Radio Andes"]},
            "mayor": {"name": "the mayor", "affiliation": "chile", "aliases": ["mayor"]},
        },
    }
)


def context_of(text: str, figure: str):
    vocabulary = Vocabulary(CATALOG)
    reader = Reader(text, sentences(text, 0, False), vocabulary.occurrences(text), [], vocabulary, lambda o: (1, o))
    start = text.index(figure)
    return reader.context(start, start + len(figure), None)


def test_each_figure_of_a_list_takes_the_subject_of_its_own_clause():
    text = "The police said 40 fans came from Chile, 25 were Peruvians and 12 were Bolivians."
    assert context_of(text, "40").subject == "chile"
    assert context_of(text, "25").subject == "peru"
    assert context_of(text, "12").subject == "bolivia"
    assert context_of(text, "25").metrics == {"fans"}  # its own clause names none: the sentence's


def test_a_figure_takes_the_metric_of_its_own_clause_before_a_nearer_one_across_a_comma():
    text = "By Sunday 310 were injured, and the police counted 27 dead."
    assert context_of(text, "27").metrics == {"killed"}
    assert context_of(text, "310").metrics == {"injured"}


def test_a_clause_that_names_no_subject_carries_the_one_before_it_not_the_one_after():
    text = "The quake killed 12 in Chile and injured 40 more, a day after it shook Peru."
    assert context_of(text, "40").subject == "chile"
    assert context_of(text, "40").metrics == {"injured"}
    assert context_of(text, "12").metrics == {"killed"}


def _counts(text: str, figure: str) -> bool:
    vocabulary = Vocabulary(CATALOG)
    reader = Reader(text, sentences(text, 0, False), vocabulary.occurrences(text), [], vocabulary, lambda o: (1, o))
    start = text.index(figure)
    return reader.counts_a_metric(start, start + len(figure), None)


@pytest.mark.parametrize(
    "text, figure, counts",
    [
        ("Twelve were killed in Chile and one in Peru.", "one", True),
        ("Chile reported 12 dead, and Peru confirmed two.", "two", True),
        ("Rescuers found four dead and are searching for three more.", "three", True),
        ("The police killed seven.", "seven", True),
        ("Two envoys met in Chile.", "Two", False),
        ("The dead lay in four provinces.", "four", False),
        ("Twelve were killed in Chile after two storms.", "two", False),
        ("Floods hit four provinces where the dead were found.", "four", False),  # it counts the provinces
        ("Seven fishermen were killed.", "Seven", True),
        ("Of the fans, 40 came from Chile, 25 were Peruvians and two were Bolivians.", "two", True),
        ("The dead included 12 Chileans, and two were from Peru.", "two", True),
        ("Twelve were killed, and two were very young.", "two", False),  # no name: not a list of places
        ("Twelve were killed; two were later named by the family of the mayor.", "two", False),
    ],
)
def test_a_number_in_words_counts_a_metric_near_it_or_the_one_its_clause_leaves_out(text, figure, counts):
    assert _counts(text, figure) is counts


def test_the_outlet_that_relays_a_figure_is_not_its_claimant():
    text = "The police, quoted by the local station Radio Andes, said 14 were killed."
    assert context_of(text, "14").claimant == "police"
    alone = "Radio Andes reported 14 killed."
    assert context_of(alone, "14").claimant == "radio"


def test_the_claimant_who_says_a_figure_wins_over_one_the_figure_is_about():
    text = "On Sunday the mayor said, the police had arrested 14 protesters."
    assert context_of(text, "14").claimant == "mayor"
    plain = "The police had arrested 14 protesters."
    assert context_of(plain, "14").claimant == "police"


def test_the_claimant_of_the_figures_own_clause_wins_over_a_nearer_one_in_another():
    text = "According to Radio Andes, the mayor put the toll at 14 dead."
    assert context_of(text, "14").claimant == "mayor"


@pytest.mark.parametrize(
    "text",
    [
        "Chilean Interior Minister Radio Andes said 14 were killed.",  # title words between
        "Chile's interior ministry, Radio Andes, said 14 were killed.",  # a possessive title in apposition
    ],
)
def test_a_subject_that_describes_the_claimant_is_not_the_figures_subject(text):
    assert context_of(text, "14").subject is None


def test_a_subject_before_a_comma_and_a_claimant_stays_the_subject():
    assert context_of("14 Chileans were killed, Radio Andes said.", "14").subject == "chile"


def _why(text: str, figure: str) -> list[tuple[str, str, int]]:
    """The words that chose each part of the figure's reading: (part, words, column), columns from 1."""
    return [(cue.part, cue.words, cue.column) for cue in context_of(text, figure).cues]


def test_a_figure_names_the_words_that_chose_its_metric_subject_and_claimant_and_where_they_stand():
    text = "The mayor said 40 Chileans were killed."
    assert _why(text, "40") == [
        ("metric", "killed", text.index("killed")),  # `context_of` locates an offset at column offset + 0
        ("subject", "Chileans", text.index("Chileans")),
        ("claimant", "The mayor said", 0),  # the claimant's name ("the mayor"), and the verb that made it the speaker
    ]


def test_the_words_follow_the_reading_each_figure_of_a_list_names_its_own_subject():
    text = "The police said 40 fans came from Chile, 25 were Peruvians and 12 were Bolivians."
    assert ("subject", "Peruvians", text.index("Peruvians")) in _why(text, "25")
    assert ("subject", "Bolivians", text.index("Bolivians")) in _why(text, "12")
    assert [words for part, words, _ in _why(text, "12") if part == "metric"] == ["came from"]  # the nearest term


def test_a_figure_with_no_words_of_the_catalog_names_none():
    assert _why("In all, 40 arrived by bus.", "40") == []


@pytest.mark.parametrize(
    "text",
    [
        "The war began on Oct. 7 and has killed 300. Officials said so.",
        "By Nov. 16 the toll was 71. Officials said so.",
        "The count, as of Sept. 3 in the north, was 40. Officials said so.",
    ],
)
def test_a_month_abbreviation_before_a_day_ends_no_sentence(text):
    assert len(sentences(text, 0, False)) == 2


def test_a_date_in_another_clause_is_read_as_the_figures_only_when_it_stands_in_its_own(articles):  # noqa: F811
    def findings(sentence: str):
        name = articles.article(f"---\npublished: 2026-02-04\n---\n{sentence}\n")
        return [f for f in articles.check(name).findings if f.check.startswith("article-")]

    (elsewhere,) = findings("Zelensky told NBC that more than 46,000 Ukrainian soldiers had died, most of them "
                            "in the battles of February 2024.")  # fmt: skip
    assert elsewhere.check == "article-ambiguous" and "another clause" in elsewhere.message
    (own,) = findings("Zelensky told NBC that more than 46,000 Ukrainian soldiers had died by February 2024.")
    assert own.check == "article-contradicts" and own.message.startswith("the date differs")


def test_a_partitive_figure_counts_what_its_clause_says_of_the_set_not_the_set_itself():
    assert context_of("Police said 40 of the injured came from Chile.", "40").metrics == {"fans"}
    assert context_of("Police said 40 of the injured were in Chile.", "40").metrics == {"injured"}  # nothing else
    assert context_of("Police said 40 injured fans came from Chile.", "40").metrics == {"injured"}  # no partitive
