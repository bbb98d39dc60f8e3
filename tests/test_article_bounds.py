"""An article run's reports are bounded in bytes whatever the article and datasets hold (issue 23, class 8):
a figure that fits thousands of claims relates a few of them, and the JSON report stays small."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from article_helpers import articles  # noqa: F401
from factcheck.cli.commands import cli
from factcheck.prose.messages import MAX_RELATED

SERIES = (
    "dataset: test\ntitle: Test\norigin: 2014-01-01\nseries:\n  - id: s\n    metric: military_killed\n"
    "    subject: ukraine\n    claimant: zelensky\n    source: {outlet: X}\n    points:\n"
)


@pytest.mark.slow  # 3,000 claims tied to every figure
def test_an_article_whose_figures_fit_thousands_of_claims_makes_a_small_report(articles, tmp_path):  # noqa: F811
    claims = 3_000
    points = "".join(f"      - [{dt.date(2015, 1, 1) + dt.timedelta(days=i)}, 55000]\n" for i in range(claims))
    articles.write("datasets/flood.yml", SERIES + points)
    figures = 300
    text = "Zelensky said 55,000 Ukrainian soldiers were killed.\n\n" * figures  # 16 KB
    articles.article(text, "articles/case.md")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["validate", "--json", str(out)], env={"FACTCHECK_TODAY": "2026-03-01"})
    assert result.exit_code == 1, result.output
    report = json.loads(out.read_text())
    # One claimant's series of one metric and subject: each figure is backed by one claim, the rest related.
    backed = [f for f in report["findings"] if f["check"] == "article-backed"]
    assert len(backed) == figures
    fits = f"{claims:,} more fit it"  # and the seed dataset's 55,000 of February 2026
    assert all(len(f["related"]) == MAX_RELATED and fits in f["message"] for f in backed)
    # Each finding relates MAX_RELATED ids, not 3,000: 2 KB a finding, where every claim listed made 100 KB;
    # and the claims they name, which the report holds whole, are those twenty. (The series' own findings,
    # a source without a URL on each point, are the dataset's and bounded as every dataset's are.)
    assert max(len(json.dumps(f)) for f in backed) < 2_000
    assert len({r for f in backed for r in f["related"]}) == MAX_RELATED
