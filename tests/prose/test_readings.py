"""Readings, not one guess (prose.verdicts): a subject read from the nearest name is one reading; when no claim
of it fits the figure but a claim of another subject does, the figure is ambiguous, never a contradiction."""

from __future__ import annotations

from article_helpers import articles  # noqa: F401
from conftest import claim


def _findings(articles, sentence: str):  # noqa: F811
    articles.dataset([claim("ru-killed-zelensky", subject="russia", value=12000, as_of="2026-02")])
    name = articles.article(f"---\npublished: 2026-02-04\n---\n{sentence}\n")
    return [f for f in articles.check(name).findings if f.check.startswith("article-")]


def test_a_figure_no_claim_of_its_named_subject_fits_but_anothers_does_is_ambiguous(articles):  # noqa: F811
    (found,) = _findings(articles, "Zelensky said on Wednesday that 55,000 Russian soldiers had been killed.")
    assert found.check == "article-ambiguous" and found.severity == "warning"
    assert "fits no claim of russia" in found.message and found.related == ("ua-military-killed-zelensky-2026-02",)


def test_a_changed_figure_of_that_subject_still_contradicts_its_claim(articles):  # noqa: F811
    (found,) = _findings(articles, "Zelensky said on Wednesday that 14,000 Russian soldiers had been killed.")
    assert found.check == "article-contradicts" and found.claim == "ru-killed-zelensky"
    (backed,) = _findings(articles, "Zelensky said on Wednesday that 12,000 Russian soldiers had been killed.")
    assert backed.check == "article-backed" and backed.claim == "ru-killed-zelensky"
