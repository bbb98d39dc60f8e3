"""The seed article end to end: every figure backed by its curated claim, and each kind of planted error
flagged on its line and column, through `run_articles` (`factcheck article`: a run of a plan without suites)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from article_helpers import SEED, SEED_DATASET, articles, located, run_articles, seed_text  # noqa: F401
from conftest import REPO
from factcheck.pipeline import load
from factcheck.prose.check import check_article
from factcheck.prose.match import ClaimIndex
from factcheck.prose.vocabulary import Vocabulary

# The seed report's figures as it words them, and the curated claim each reports (its phrase occurs once).
SEED_FIGURES = [
    ("estimated at 55,000", "55,000", "ua-military-killed-zelensky-2026-02"),
    ("conscripts, is 55,000", "55,000", "ua-military-killed-zelensky-2026-02"),
    ("more than 46,000", "46,000", "ua-military-killed-zelensky-2025-02"),
    ("nearly 400,000", "400,000", "ua-military-casualties-csis-2025"),
    ("2,514", "2,514", "ua-civilians-killed-hrmmu-2025"),
    ("12,142", "12,142", "ua-civilians-injured-hrmmu-2025"),
    ("some 420,000", "420,000", "ru-military-casualties-syrskyi-2025"),
    ("1.1 million", "1.1 million", "ru-military-casualties-uk-di-2025-10"),
    ("about 20%", "20%", "ua-occupied-share-al-jazeera-2026-02"),
]


@pytest.fixture(scope="module")
def shipped():
    """The shipped seed article against every shipped claim (22,000 of them), as `factcheck article` runs it."""
    return run_articles(REPO, [str(REPO / SEED)], dt.date(2026, 3, 1))


def test_every_figure_of_the_seed_is_backed_by_its_curated_claim(shipped):
    text = seed_text()
    expected = {located(text, phrase, figure): claim for phrase, figure, claim in SEED_FIGURES}
    found = {(f.line, f.column): f for f in shipped.findings}
    assert set(found) == set(expected), "a finding on another number, or a figure not found"
    for where, claim in expected.items():
        assert found[where].check == "article-backed", found[where].message
        assert found[where].status == "corroborated"
        assert found[where].claim == claim
    assert not shipped.blocked
    (article,) = shipped.articles
    assert len(article.marks) == len(SEED_FIGURES)  # years, "France 2", "list of 3", "World War II": no figures


def test_the_translations_spellings_and_demonyms_resolve_through_the_catalog(shipped):
    by_figure = {m.figure.phrase: m.context for m in shipped.articles[0].marks}
    assert by_figure["estimated at 55,000"].claimant == "zelensky"  # "Zelenskiy"
    assert by_figure["some 420,000"].claimant == "syrskyi"  # "Shirsky"
    assert by_figure["1.1 million"].claimant == "uk-defence-intelligence"  # "British Defense Intelligence Agency"
    assert by_figure["2,514"].claimant == "un-hrmmu"  # "United Nations Human Rights Observatory in Ukraine"
    assert by_figure["estimated at 55,000"].subject == "ukraine"  # "Ukrainian soldiers"
    assert by_figure["some 420,000"].subject == "russia"  # "Russian soldiers"
    assert by_figure["2,514"].metrics == {"civilians_killed"}  # "killed 2,514 civilians": the nearest terms
    assert by_figure["12,142"].metrics == {"civilians_injured"}  # "... and injured 12,142"
    assert by_figure["nearly 400,000"].metrics == {"military_casualties"}  # "killed or wounded"
    assert by_figure["nearly 400,000"].date.span.text == "2025-05/2025-08"  # "In mid-2025"
    assert by_figure["2,514"].date.span.text == "2025"  # "in 2025", not "Last month" or "in 2024"
    assert by_figure["about 20%"].date is None  # "the 2022 invasion" dates the invasion, not the figure


def test_the_seed_is_backed_by_its_context_alone_without_the_claims_quotes():
    loaded = load.load(REPO, [REPO / SEED_DATASET])
    unquoted = [dataclasses.replace(c, source=c.source.model_copy(update={"quote": None})) for c in loaded.claims]
    _, findings = check_article(REPO / SEED, SEED, ClaimIndex(unquoted), Vocabulary(loaded.catalog),
                                      loaded.catalog)  # fmt: skip
    assert [f.check for f in findings] == ["article-backed"] * len(SEED_FIGURES)
    assert [f.claim for f in findings] == [claim for _, _, claim in SEED_FIGURES]


def _planted(articles, old: str, new: str):  # noqa: F811
    text = seed_text()
    assert text.count(old) == 1
    changed = text.replace(old, new)
    report = articles.check(articles.article(changed))
    flagged = [f for f in report.findings if f.check != "article-backed"]
    backed = [f for f in report.findings if f.check == "article-backed"]
    return changed, report, flagged, backed


def test_a_changed_value_contradicts_its_claim_on_its_line_and_column(articles):  # noqa: F811
    text, report, flagged, backed = _planted(articles, "more than 46,000", "more than 64,000")
    (finding,) = flagged
    assert finding.check == "article-contradicts" and finding.severity == "critical" and finding.blocking
    assert (finding.line, finding.column) == located(text, "more than 64,000")
    assert finding.claim == "ua-military-killed-zelensky-2025-02"
    assert "the value differs" in finding.message
    assert "“more than 64,000”" in finding.message and "says more than 46,000" in finding.message
    lines = (REPO / SEED_DATASET).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.endswith("id: ua-military-killed-zelensky-2025-02"))
    assert f"{SEED_DATASET}:{line}" in finding.message
    assert len(backed) == len(SEED_FIGURES) - 1
    assert report.blocked


def test_a_changed_qualifier_contradicts_its_claim(articles):  # noqa: F811
    text, _, flagged, _ = _planted(articles, "nearly 400,000", "more than 400,000")
    (finding,) = flagged
    assert finding.check == "article-contradicts" and finding.claim == "ua-military-casualties-csis-2025"
    assert (finding.line, finding.column) == located(text, "more than 400,000")
    assert finding.message.startswith("the qualifier differs") and "says nearly 400,000" in finding.message


def test_a_swapped_claimant_contradicts_the_claim_it_reports(articles):  # noqa: F811
    text, _, flagged, _ = _planted(articles, "Ukrainian military commander Oleksandr Shirsky was quoted",
                                   "President Zelensky was quoted")  # fmt: skip
    (finding,) = flagged
    assert finding.check == "article-contradicts" and finding.claim == "ru-military-casualties-syrskyi-2025"
    assert (finding.line, finding.column) == located(text, "some 420,000")
    assert finding.message.startswith("the claimant differs") and "zelensky" in finding.message
    assert "Oleksandr Syrskyi" in finding.hint


def test_a_wrong_year_contradicts_the_claims_date(articles):  # noqa: F811
    text, _, flagged, _ = _planted(articles, "NBC in February 2025", "NBC in February 2024")
    (finding,) = flagged
    assert finding.check == "article-contradicts" and finding.claim == "ua-military-killed-zelensky-2025-02"
    assert (finding.line, finding.column) == located(text, "more than 46,000")
    assert finding.message.startswith("the date differs") and "February 2024: 2024-02" in finding.message


def test_a_new_figure_no_claim_backs_is_unbacked_with_a_hint(articles):  # noqa: F811
    sentence = "Ukraine also lost 300 tanks in 2025, the report said."
    text, report, flagged, _ = _planted(articles, "Russia has also suffered significant losses in the ongoing war.",
                                        f"Russia has also suffered significant losses in the ongoing war. {sentence}")  # fmt: skip
    (finding,) = flagged
    assert finding.check == "article-unbacked" and finding.severity == "warning" and not finding.blocking
    assert (finding.line, finding.column) == located(text, "lost 300 tanks", "300")
    assert "tanks_lost, ukraine" in finding.message
    assert "ignore:" in finding.hint and "metric: tanks_lost" in finding.hint
    assert not report.blocked


def test_two_sources_of_the_same_figure_back_it_together_and_a_binding_picks_one(articles):  # noqa: F811
    # A second source for Zelensky's 55,000: the sentence that quotes neither claim is backed by both.
    dataset = articles.root / SEED_DATASET
    dataset.write_text(
        dataset.read_text(encoding="utf-8")
        + """
  - id: ua-military-killed-zelensky-2026-02-le-monde
    metric: military_killed
    subject: ukraine
    claimant: zelensky
    value: 55000
    as_of: 2026-02
    source: {outlet: Le Monde, published: 2026-02, url: "https://www.lemonde.fr/"}
""",
        encoding="utf-8",
    )
    text, _, flagged, backed = _planted(articles, "estimated at 55,000", "estimated at 55,000")
    assert flagged == []
    (finding,) = [f for f in backed if (f.line, f.column) == located(text, "estimated at 55,000")]
    assert {finding.claim, *finding.related} == {
        "ua-military-killed-zelensky-2026-02",
        "ua-military-killed-zelensky-2026-02-le-monde",
    }
    # The other 55,000 repeats the France 2 claim's quote: that ties it to one claim.
    assert "ua-military-killed-zelensky-2026-02" in {f.claim for f in backed}
    bound = text.replace(
        "estimated at 55,000", "estimated at 55,000{claim:ua-military-killed-zelensky-2026-02-le-monde}"
    )
    report = articles.check(articles.article(bound, "articles/bound.md"))
    assert {f.check for f in report.findings} == {"article-backed"}
    assert located(bound, "estimated at 55,000") in {(f.line, f.column) for f in report.findings
                                                     if f.claim.endswith("le-monde")}  # fmt: skip


def test_the_untouched_seed_has_no_contradiction_and_no_unbacked_figure(articles):  # noqa: F811
    report = articles.check(articles.article(seed_text()))
    assert {f.check for f in report.findings} == {"article-backed"}
    assert len(report.findings) == len(SEED_FIGURES)
