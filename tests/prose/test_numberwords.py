"""Numbers in words (articles.numberwords): cardinals, compounds, dozens, shares; pronouns and vague plurals
are no figures; and a number in words is judged only when it counts what a metric word names."""

from __future__ import annotations

import pytest

from article_helpers import articles, located, seed_text  # noqa: F401
from factcheck.prose.numberwords import find_number_words


def _read(text: str) -> list[tuple[str, float, str, bool]]:
    return [(text[n.phrase_start : n.end], n.value, n.qualifier, n.percent) for n in find_number_words(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Seven fishermen drowned.", [("Seven", 7, "exact", False)]),
        ("Forty-two people were hurt.", [("Forty-two", 42, "exact", False)]),
        ("one hundred and twelve homes", [("one hundred and twelve", 112, "exact", False)]),
        ("at least twelve miners", [("at least twelve", 12, "at_least", False)]),
        ("some seven million residents", [("some seven million", 7_000_000, "about", False)]),
        ("two dozen sailors", [("two dozen", 24, "about", False)]),
        ("nearly a quarter of a million refugees", [("nearly a quarter of a million", 250_000, "nearly", False)]),
        ("two-thirds of the crops", [("two-thirds", 66.7, "about", True)]),
        ("a fifth of the schools", [("a fifth", 20, "about", True)]),
        ("nearly a million refugees", [("nearly a million", 1_000_000, "nearly", False)]),
        ("a hundred thousand voters", [("a hundred thousand", 100_000, "exact", False)]),
        ("about half the town flooded", [("about half", 50, "about", True)]),
        ("half its bridges fell", [("half", 50, "about", True)]),
        ("cases fell by a third", [("a third", 33.3, "about", True)]),
        ("the backlog was cut in half", [("half", 50, "about", True)]),
        ("they moved nearly four lakh residents", [("nearly four lakh", 400_000, "nearly", False)]),
        ("a fund of two crore rupees", [("two crore", 20_000_000, "exact", False)]),
        ("lakhs of homes were damaged", []),  # a vague plural: no figure
    ],
)
def test_number_words_are_read_as_figures(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was one of the worst floods.",
        "The mayor was the one who called.",
        "Hundreds of families and dozens of shops were hit.",
        "a three-year-old ferry",
        "Half an hour later the sirens stopped.",
        "It was over in half an hour.",
        "They met a third time.",
        "A half-built dam gave way.",
        "half an hour later",
        "a third consecutive day",
    ],
)
def test_pronouns_vague_plurals_and_compounds_are_no_figures(text):
    assert _read(text) == []


def test_a_number_in_words_is_judged_only_when_it_counts_a_metric(articles):  # noqa: F811
    text = seed_text().replace(
        "Russia has also suffered significant losses in the ongoing war.",
        "Russia has also suffered significant losses in the ongoing war. Two envoys met in Geneva.",
    )
    report = articles.check(articles.article(text))
    assert [f for f in report.findings if f.check != "article-backed"] == []
    planted = text.replace("Two envoys met in Geneva.", "Officials said seven tanks were lost in 2025.")
    flagged = [f for f in articles.check(articles.article(planted)).findings if f.check != "article-backed"]
    assert [(f.check, f.line, f.column) for f in flagged] == [
        ("article-unbacked", *located(planted, "said seven tanks", "seven"))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cranes lifted the slabs one by one as 40 soldiers were rescued.",
        "Rescuers pulled the victims out one after another; 40 soldiers were killed.",
        "The remaining units each lost one or two soldiers, and 40 soldiers were killed.",
    ],
)
def test_number_words_in_an_idiom_count_nothing(articles, sentence):  # noqa: F811
    name = articles.article(f"---\npublished: 2026-02-04\n---\n{sentence}\n")
    found = [f for f in articles.check(name).findings if f.check.startswith("article-") and f.column is not None]
    spelled = [f for f in found if sentence[f.column - 1].isalpha()]
    assert spelled == []
