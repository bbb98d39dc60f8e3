"""A desk's own small project for the article tests: a catalog, claims and one article, as a desk curates them
for a story (tests/prose/): the rules are tested on sentences written for them, never on the corpus's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from factcheck.pipeline.options import Options
from factcheck.pipeline.run import run
from factcheck.report.findings import Finding

GATE = """\
datasets: [datasets/**/*.yml]
articles: [articles/**/*.md]
suites: [factcheck:cumulative-totals, factcheck:source-attribution, factcheck:plausible-ranges, factcheck:cross-claim]
fail_on: critical
"""


class Desk:
    """A project of one catalog and one dataset: `findings(article)` checks an article against them."""

    def __init__(self, root: Path):
        self.root = root

    def curate(self, catalog: dict, claims: list[dict], origin: str = "2024-01-01") -> None:
        (self.root / "checks").mkdir(parents=True, exist_ok=True)
        (self.root / "checks" / "publication.yml").write_text(GATE, encoding="utf-8")
        (self.root / "datasets").mkdir(exist_ok=True)
        (self.root / "datasets" / "catalog.yml").write_text(yaml.safe_dump(catalog, sort_keys=False), encoding="utf-8")
        data = {"dataset": "story", "title": "The story's figures", "origin": origin, "claims": claims}
        (self.root / "datasets" / "claims.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    def findings(self, body: str, published: str = "2024-06-12", title: str = "A story") -> list[Finding]:
        path = self.root / "articles" / "story.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        report = run(Options(self.root, today=dt.date(2026, 3, 1), articles=(str(path),)))
        assert not [f for f in report.findings if f.file != "articles/story.md"], "the desk's own files are valid"
        return [f for f in report.findings if f.check.startswith("article-")]

    def verdict(self, body: str, figure: str, **front) -> tuple[str, str, str | None]:
        """The check, severity and claim of the finding on `figure` (as written, its first occurrence)."""
        line = next(n for n, text in enumerate(body.split("\n"), start=5) if figure in text)
        column = body.split("\n")[line - 5].index(figure) + 1
        found = [f for f in self.findings(body, **front) if f.line == line and f.column == column]
        assert len(found) == 1, found
        return found[0].check, found[0].severity, found[0].claim


def claim(id: str, metric: str, subject: str, claimant: str, value: float, **fields) -> dict:
    """A claim dated 10 June 2024, published on the 11th, unless the fields say otherwise."""
    base = {"id": id, "metric": metric, "subject": subject, "claimant": claimant, "value": value,
            "as_of": "2024-06-10", "source": {"outlet": "The Courier", "published": "2024-06-11"}}  # fmt: skip
    base.update(fields)
    return base


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Desk:
    monkeypatch.chdir(tmp_path)
    return Desk(tmp_path)
