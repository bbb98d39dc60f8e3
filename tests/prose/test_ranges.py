"""Ranges read as one figure with two ends (prose.figures, prose.ranges): "14-16 workers", "between 700 and
750", "from 30,000 to 45,000", "2 to 3 million"; compared whole, never one end alone
(rules.article_contradicts.range_disagreement)."""

from __future__ import annotations

import pytest

from article_helpers import articles  # noqa: F401
from conftest import claim
from factcheck.prose.figures import find_numerals
from factcheck.prose.ranges import join_ranges
from factcheck.rules.article_contradicts import range_disagreement


def read(text: str) -> list[tuple[str, float | None, float | None, str]]:
    """Each figure of `text` as (its phrase, its low end, its high end, its qualifier)."""
    return [(text[n.phrase_start : n.end], n.low, n.high, n.qualifier) for n in join_ranges(text, find_numerals(text))]


@pytest.mark.parametrize(
    "text, phrase, low, high, qualifier",
    [
        ("Rescuers found 14-16 workers alive.", "14-16", 14, 16, "exact"),
        ("Rescuers found 14–16 workers alive.", "14–16", 14, 16, "exact"),
        ("Some 2,500-3,000 homes flooded.", "Some 2,500-3,000", 2500, 3000, "about"),
        ("The boat carried between 700 and 750 people.", "between 700 and 750", 700, 750, "exact"),
        ("Estimates run from 30,000 to 45,000 dead.", "from 30,000 to 45,000", 30000, 45000, "exact"),
        ("An estimated 20 to 30 villagers are missing.", "An estimated 20 to 30", 20, 30, "about"),
        ("The fire left 2 to 3 million without power.", "2 to 3 million", 2e6, 3e6, "exact"),
        ("Between 10 and 15 percent of homes were lost.", "Between 10 and 15 percent", 10, 15, "exact"),
        ("Prices rose, and 10-15% of stalls shut.", "10-15%", 10, 15, "exact"),
        ("About 1.5-2 million fled.", "About 1.5-2 million", 1.5e6, 2e6, "about"),
    ],
)
def test_a_range_is_one_figure_with_two_ends(text, phrase, low, high, qualifier):
    assert read(text) == [(phrase, pytest.approx(low), pytest.approx(high), qualifier)]


@pytest.mark.parametrize(
    "text, figures",
    [
        ("The toll rose from 114 to 143 overnight.", ["114", "143"]),  # a change: before and after
        ("Officials revised the count from 79 to 78.", ["79", "78"]),
        ("Police raised the number of dead from 12 to 19.", ["12", "19"]),
        ("It killed 700 and injured 750.", ["700", "750"]),  # "and" without "between": two figures
        ("Between them, 120 and 300 were flown out.", ["120", "300"]),
        ("Call 555-0199 or 123-4567 for help.", []),  # phone numbers
        ("A Boeing 737-800 and an A320-200 landed.", []),  # models
        ("Scores of 30-12 and 45-1000 were posted.", []),  # falling, or too far apart for a span
        ("It moved 300 to 40 people.", ["300", "40"]),  # the second end below the first
    ],
)
def test_numbers_that_are_no_range_stay_apart(text, figures):
    assert [phrase for phrase, *_ in read(text)] == figures


@pytest.mark.parametrize(
    "low, high, half, claim_value, qualifier, claim_low, claim_high, differs",
    [
        (700, 750, 0.5, 700, "exact", 700, 750, ()),  # a range claim with the same ends
        (700, 800, 0.5, 700, "exact", 700, 750, ("value",)),  # one end changed
        (650, 750, 0.5, 700, "exact", 700, 750, ("value",)),
        (2500, 3000, 50, 2800, "about", None, None, ()),  # a claim of one value the range covers
        (2500, 3000, 50, 3400, "about", None, None, ("value",)),
        (2500, 3000, 50, 2500, "at_least", None, None, ()),  # "at least" its low end
        (2500, 3000, 50, 3000, "at_least", None, None, ("value", "qualifier")),
        (2500, 3000, 50, 3000, "at_most", None, None, ()),  # "up to" its high end
    ],
)
def test_a_range_agrees_with_a_range_claim_at_both_ends_or_a_claim_it_covers(
    low, high, half, claim_value, qualifier, claim_low, claim_high, differs
):
    assert range_disagreement(low, high, half, claim_value, qualifier, claim_low, claim_high) == differs


def _findings(articles, sentence: str):  # noqa: F811
    articles.dataset([claim("ua-range", value=54000, low=54000, high=56000, as_of="2026-01",
                            source={"outlet": "Test", "published": "2026-01"})])  # fmt: skip
    name = articles.article(f"---\npublished: 2026-02-04\n---\n{sentence}\n")
    return [f for f in articles.check(name).findings if f.check.startswith("article-")]


def test_a_range_is_backed_by_its_range_claim_and_a_changed_end_contradicts_it(articles):  # noqa: F811
    (backed,) = _findings(
        articles, "Zelensky said in January 2026 that between 54,000 and 56,000 Ukrainian soldiers were killed."
    )
    assert backed.check == "article-backed" and backed.claim == "ua-range"
    assert backed.column == len("Zelensky said in January 2026 that between ") + 1


def test_a_range_whose_end_differs_is_flagged_not_backed_by_the_end_that_agrees(articles):  # noqa: F811
    (found,) = _findings(articles, "Zelensky said in January 2026 that 54,000-59,000 Ukrainian soldiers were killed.")
    assert found.check == "article-contradicts" and found.claim == "ua-range"
    assert "“54,000-59,000”" in found.message
