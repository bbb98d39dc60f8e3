"""Helpers for the article tests: small projects with the shipped gate, catalog and seed dataset."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import REPO, Project
from factcheck.pipeline.options import Options
from factcheck.pipeline.run import run
from factcheck.report.findings import Report

SEED = "articles/zelensky-55000-soldiers-killed.md"
SEED_DATASET = "datasets/russo-ukrainian-war/casualties.yml"


def seed_text() -> str:
    return (REPO / SEED).read_text(encoding="utf-8")


def located(text: str, phrase: str, figure: str | None = None) -> tuple[int, int]:
    """The line and column of `figure` (default: the digits of `phrase`) inside the only `phrase` in `text`."""
    assert text.count(phrase) == 1, f"{phrase!r} must occur once"
    at = text.index(phrase)
    if figure is None:
        figure = phrase.lstrip("abcdefghijklmnopqrstuvwxyz ")
    at += phrase.index(figure)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def run_articles(root: Path, targets: list[str], today: dt.date, fail_on: str | None = None,
                 allow_outside: bool = False) -> Report:  # fmt: skip
    """What `factcheck article TARGETS...` reports: the run of a plan without suites."""
    return run(Options(root, today=today, fail_on=fail_on, allow_outside_root=allow_outside, articles=tuple(targets)))


class ArticleProject(Project):
    """A project with the shipped gate, suites, catalog and seed dataset, and articles the test writes."""

    def __init__(self, root: Path):
        super().__init__(root)
        (root / SEED_DATASET).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / SEED_DATASET, root / SEED_DATASET)

    def article(self, text: str, name: str = "articles/draft.md") -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return name

    def check(self, *names: str, fail_on: str | None = None):
        return run_articles(self.root, list(names), dt.date(2026, 3, 1), fail_on)


@pytest.fixture
def articles(tmp_path, monkeypatch) -> ArticleProject:
    monkeypatch.chdir(tmp_path)
    return ArticleProject(tmp_path)


SEED_FIGURES_COUNT = 9  # the seed's figures, each backed (tests/test_articles.py lists them)


DESK_GATE = """\
description: the desk's gate
datasets: [datasets/**/*.yml]
articles: [articles/**/*.md]
suites: [factcheck:cumulative-totals]
fail_on: critical
"""


def desk_findings(root: Path, catalog: str, claims: str, body: str,
                  published: str = "2025-10-09") -> list[tuple[str, str, str | None]]:  # fmt: skip
    """A desk's own project (its catalog and claims, the shipped suites) and one article: the article's findings
    as (check, severity, claim)."""
    for rel, text in (("datasets/catalog.yml", catalog), ("datasets/claims.yml", claims),
                      ("checks/publication.yml", DESK_GATE),
                      ("articles/story.md", f"---\ntitle: Story\npublished: {published}\n---\n{body}\n")):  # fmt: skip
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    report = run_articles(root, [str(root / "articles/story.md")], dt.date(2026, 3, 1))
    return [(f.check, f.severity, f.claim) for f in report.findings if f.check.startswith("article-")]
