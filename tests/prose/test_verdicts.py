"""Verdicts (articles.verdicts, checks.article_contradicts): a headline's bare figure against a claim of "more
than"; "up to" and "at least" against a claim given as a range."""

from __future__ import annotations

from article_helpers import articles  # noqa: F401
from factcheck.rules.article_contradicts import disagreement

LEAD = "---\ntitle: Losses\npublished: 2025-02-20\n---\n"
BODY = "In February 2025 President Zelensky told NBC that {} Ukrainian soldiers had been killed.\n"


def _flags(articles, text: str) -> list[tuple[str, str | None]]:  # noqa: F811
    report = articles.check(articles.article(text))
    return [(f.check, f.claim) for f in report.findings]


def test_a_headline_or_a_round_figure_that_drops_more_than_is_backed_but_another_qualifier_is_not(articles):  # noqa: F811
    headline = LEAD + "# Zelensky: 46,000 Ukrainian soldiers killed\n\n" + BODY.format("more than 46,000")
    assert {check for check, _ in _flags(articles, headline)} == {"article-backed"}
    rounded = LEAD + BODY.format("46,000")
    assert _flags(articles, rounded) == [("article-backed", "ua-military-killed-zelensky-2025-02")]
    reversed_ = LEAD + BODY.format("fewer than 46,000")
    assert ("article-contradicts", "ua-military-killed-zelensky-2025-02") in _flags(articles, reversed_)
    other_value = LEAD + BODY.format("47,000")
    assert ("article-contradicts", "ua-military-killed-zelensky-2025-02") in _flags(articles, other_value)
    changed = LEAD + "# Zelensky: 64,000 Ukrainian soldiers killed\n\n" + BODY.format("more than 46,000")
    assert "article-contradicts" in {check for check, _ in _flags(articles, changed)}


def test_up_to_and_at_least_state_the_ends_of_a_range_claim():
    # A claim of 2.2 to 4.2 billion.
    assert disagreement(4e9, "at_most", 5e8, 3.2e9, "exact", 2.2e9, 4.2e9) == ()
    assert disagreement(3e9, "at_most", 5e8, 3.2e9, "exact", 2.2e9, 4.2e9) == ("qualifier",)
    assert disagreement(2.2e9, "at_least", 5e7, 3.2e9, "exact", 2.2e9, 4.2e9) == ()
    assert disagreement(3e9, "at_least", 5e8, 3.2e9, "exact", 2.2e9, 4.2e9) == ("qualifier",)
    assert disagreement(5e9, "at_most", 5e8, 3.2e9, "exact", 2.2e9, 4.2e9) == ("value", "qualifier")
    assert disagreement(3e9, "exact", 5e8, 3.2e9, "exact", 2.2e9, 4.2e9) == ()


def test_nearly_says_below_the_figure_so_an_exact_claim_of_it_is_another_figure():
    assert disagreement(261, "nearly", 0.5, 261, "exact") == ("qualifier",)
    assert disagreement(3000, "nearly", 500, 2980, "exact") == ()
    assert disagreement(3000, "nearly", 500, 3000, "about") == ()
    assert disagreement(261, "at_least", 0.5, 261, "exact") == ()
