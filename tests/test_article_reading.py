"""Reading an article: which numbers are figures and what they state, date phrases, sentences, and when a
figure agrees with a claim. Each through the public function of its module."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.floor.spans import parse_span
from factcheck.prose.dates import find_dates
from factcheck.prose.figures import find_numerals
from factcheck.prose.sentences import sentences
from factcheck.prose.source import prose_of
from factcheck.rules.article_contradicts import disagreement

PUBLISHED = parse_span(dt.date(2026, 2, 4))  # a Wednesday


def figures(text: str, markdown: bool = True) -> list[tuple[str, float, str, float, bool]]:
    """The figures of `text` as (phrase, value, qualifier, half unit, percent), dates blanked as articles do."""
    prose = prose_of(text, 0, markdown).prose
    blanked = list(prose)
    for phrase in find_dates(prose, PUBLISHED):
        blanked[phrase.start : phrase.end] = " " * (phrase.end - phrase.start)
    found = find_numerals("".join(blanked))
    return [(text[n.phrase_start : n.end], n.value, n.qualifier, n.half_unit, n.percent) for n in found]


@pytest.mark.parametrize(
    "text, phrase, value, qualifier, half_unit, percent",
    [
        ("killed 55,000 soldiers", "55,000", 55000, "exact", 500, False),
        ("killed 55 000 soldiers", "55 000", 55000, "exact", 500, False),
        ("killed 55\u00a0000 soldiers", "55\u00a0000", 55000, "exact", 500, False),
        ("killed 1,325,460 soldiers", "1,325,460", 1325460, "exact", 5, False),
        ("at 1.1 million", "1.1 million", 1_100_000, "exact", 50_000, False),
        ("at 1.10 million", "1.10 million", 1_100_000, "exact", 5_000, False),  # a written 0 is a digit stated
        ("some 400k troops", "some 400k", 400_000, "about", 50_000, False),
        ("a 3bn budget", "3bn", 3e9, "exact", 5e8, False),
        ("about 20% of it", "about 20%", 20, "about", 5, True),
        ("12.5 percent of it", "12.5 percent", 12.5, "exact", 0.05, True),
        ("12 % of it", "12 %", 12, "exact", 0.5, True),
        ("some 12\u202f% of it", "some 12\u202f%", 12, "about", 0.5, True),
        ("12 per cent of it", "12 per cent", 12, "exact", 0.5, True),
        ("nearly 40 Percent of homes", "nearly 40 Percent", 40, "nearly", 5, True),
        ("was estimated at 55,000", "estimated at 55,000", 55000, "about", 500, False),
        ("an estimated 55,000", "an estimated 55,000", 55000, "about", 500, False),
        ("roughly 55,000", "roughly 55,000", 55000, "about", 500, False),
        ("nearly 400,000", "nearly 400,000", 400000, "nearly", 50000, False),
        ("almost 400,000", "almost 400,000", 400000, "nearly", 50000, False),
        ("more than 46,000", "more than 46,000", 46000, "more_than", 500, False),
        ("over 46,000", "over 46,000", 46000, "more_than", 500, False),
        ("at least 46,000", "at least 46,000", 46000, "at_least", 500, False),
        ("up to 1,000", "up to 1,000", 1000, "at_most", 500, False),
        ("fewer than 90", "fewer than 90", 90, "less_than", 5, False),
        ("~300 tanks", "~300", 300, "about", 50, False),
        ("some 4.5 lakh voters", "some 4.5 lakh", 450_000, "about", 5_000, False),
        ("3 lakhs of pilgrims", "3 lakhs", 300_000, "exact", 50_000, False),
        ("a 1.2 crore fund", "1.2 crore", 12_000_000, "exact", 500_000, False),
        ("a 7mn budget", "7mn", 7e6, "exact", 5e5, False),
        ("a $15m fall in revenue", "15m", 15e6, "exact", 5e5, False),  # a currency makes "m" a million
        ("15m people fled", "15m", 15e6, "exact", 5e5, False),
    ],
)
def test_a_figure_is_read_with_its_qualifier_and_the_precision_its_digits_imply(
    text, phrase, value, qualifier, half_unit, percent
):
    assert figures(text) == [(phrase, pytest.approx(value), qualifier, pytest.approx(half_unit), percent)]


@pytest.mark.parametrize(
    "text",
    [
        "in 2025, in February 2025, on 14 October 2025, mid-2025, 2022-02-24",  # dates
        "the 2022 invasion and the fourth anniversary and the first day",  # a year label; words
        "at 10:30, at 9 a.m., at 8.38 a.m. local time, at 11.05pm, a 3:1 ratio",  # times and ratios
        "the 4th anniversary, the 21st day",  # ordinals
        "World War II, France 2 television, list of 3 items",  # numerals, single digits
        "under Article 51 of the charter, the Minsk 2 deal",  # names
        "call +380 44 123 4567 or (044) 123-45-67",  # phone numbers
        "an F-16, COVID-19, the A320, 5G, a 40mm round, a 10-year plan",  # ids and units
        "the car fell 15m into the gorge, a 30m-high wall, waves 12m high, 8km away",  # metres glued
        "id 12345678901234567890123 and 007",  # a run of digits too long for a figure, a leading zero
        "see https://example.org/2025/55000 or www.example.org/12,000 or me@host123.org",  # URLs, e-mail
        "run `killed 55,000` in code",  # inline code
        "1. the first item",  # a numbered list
    ],
)
def test_numbers_that_are_not_figures_are_left_alone(text):
    assert figures(text) == []


def test_fenced_code_and_link_targets_are_not_prose_but_link_texts_are():
    text = "```\n55,000 killed\n```\nSee [the 2,514 figure](https://example.org/12,142).\n"
    assert [f[0] for f in figures(text)] == ["2,514"]
    assert [f[0] for f in figures(text, markdown=False)] == ["55,000", "2,514"]  # plain text has no fences


@pytest.mark.parametrize(
    "phrase, span",
    [
        ("in 2025 alone", "2025"),
        ("in February 2025", "2025-02"),
        ("on 14 October 2025", "2025-10-14"),
        ("on October 14, 2025", "2025-10-14"),
        ("in mid-2025", "2025-05/2025-08"),
        ("in early 2025", "2025-01/2025-04"),
        ("by the end of 2025", "2025-10/2025-12"),
        ("from 2022-2025", None),  # a bound: dates no figure
        ("last month", "2026-01"),
        ("In January", "2026-01"),  # the latest January on or before publication
        ("in March", "2025-03"),
        ("on Wednesday", "2026-02-04"),  # the publication day itself
        ("on Monday", "2026-02-02"),
        ("yesterday", "2026-02-03"),
        ("this year", "2026"),
        ("since 2022", None),
    ],
)
def test_date_phrases_mean_intervals_of_days_relative_ones_from_publication(phrase, span):
    (found,) = find_dates(phrase, PUBLISHED)
    assert (found.span.text if found.dates_figures and found.span else None) == span


def test_relative_dates_without_a_publication_date_date_nothing_and_are_still_not_figures():
    (found,) = find_dates("last month", None)
    assert found.span is None
    assert figures("on 3 May killed 2,514 civilians") == [("2,514", 2514, "exact", 0.5, False)]


def test_a_relative_date_against_a_published_month_spans_every_day_it_can_mean():
    (found,) = find_dates("on Wednesday", parse_span("2026-02"))
    assert (found.span.start, found.span.end) == (dt.date(2026, 1, 28), dt.date(2026, 2, 25))


def test_sentences_end_at_full_stops_but_not_after_initials_or_abbreviations():
    text = "In mid-2025, the Center in Washington, D.C., estimated that nearly 400,000 died. Dr. Smith agreed."
    found = sentences(text, 0, markdown=False)
    assert [text[s.start : s.end] for s in found] == [
        "In mid-2025, the Center in Washington, D.C., estimated that nearly 400,000 died.",
        "Dr. Smith agreed.",
    ]


def test_markdown_paragraphs_run_across_lines_and_end_at_blank_lines():
    text = "Zelensky said\nmore.\n\nNext one."
    paragraphs = [s.paragraph for s in sentences(text, 0, markdown=True)]
    assert paragraphs == [0, 1]
    assert [s.paragraph for s in sentences(text, 0, markdown=False)] == [0, 1, 2]  # plain text: a line each


@pytest.mark.parametrize(
    "article, claim, differs",
    [
        ((55000, "exact", 500), (55000, "exact"), ()),
        ((55000, "exact", 500), (55400, "exact"), ()),  # an article may round
        ((55400, "exact", 50), (55000, "about"), ("value",)),  # but never invent precision
        ((55000, "exact", 500), (55000, "about"), ()),  # may drop "about"
        ((55000, "about", 500), (55000, "exact"), ()),  # or add it
        ((1_100_000, "exact", 50_000), (1_100_000, "about"), ()),
        ((64000, "more_than", 500), (46000, "more_than"), ("value",)),
        ((46000, "more_than", 500), (46000, "exact"), ("qualifier",)),  # 46,000 is not more than 46,000
        ((46000, "at_least", 500), (46000, "exact"), ()),
        ((46000, "more_than", 500), (46400, "exact"), ()),
        ((46000, "exact", 500), (46000, "more_than"), ("qualifier",)),  # drops "more than"
        ((400000, "nearly", 50000), (400000, "nearly"), ()),
        ((400000, "nearly", 50000), (395000, "exact"), ()),
        ((400000, "nearly", 50000), (405000, "exact"), ("qualifier",)),
        ((400000, "more_than", 50000), (400000, "nearly"), ("qualifier",)),
        ((100, "less_than", 50), (90, "exact"), ()),
        ((100, "up_to_is_at_most", 50), (100, "exact"), ()),  # an unknown qualifier reads as exact
        ((64000, "exact", 500), (46000, "more_than"), ("value", "qualifier")),
    ],
)
def test_a_figure_agrees_with_a_claim_at_the_articles_precision_and_kind_of_qualifier(article, claim, differs):
    value, qualifier, half_unit = article
    assert disagreement(value, qualifier, half_unit, *claim) == differs


def test_a_claim_given_as_a_range_agrees_with_a_figure_within_it():
    assert disagreement(45000, "exact", 500, 45000, "exact", low=40000, high=50000) == ()
    assert disagreement(55000, "about", 500, 45000, "exact", low=40000, high=50000) == ("value",)
    assert disagreement(45000, "more_than", 500, 45000, "exact", low=40000, high=50000) == ("qualifier",)
