"""Article findings across a git base: what an article says keeps its identity when lines move or the text
changes elsewhere; a corrected figure is listed as fixed; a changed figure is new. Real git, as CI runs it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from article_helpers import articles, seed_text  # noqa: F401
from factcheck.cli.commands import cli
from test_baseline import git

WRONG = seed_text().replace("more than 46,000", "more than 64,000")  # contradicts Zelensky's 2025-02 claim


def committed(project, text: str, message: str) -> str:
    project.article(text)
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", message)
    return git(project.root, "rev-parse", "HEAD")


def compared(project, base: str) -> tuple[int, dict]:
    out = project.root.parent / "report.json"
    result = CliRunner().invoke(cli, ["validate", "--no-github", "--json", str(out), "--baseline", base,
                                      "--fail-on-new", "--fail-on", "warning"])  # fmt: skip
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["comparison"]["base"]["note"] is None, data["comparison"]["base"]["note"]  # the base validated
    return result.exit_code, data


def article_states(data: dict) -> list[tuple[str, str]]:
    return sorted(
        (f["check"], f["baseline"])
        for f in data["findings"]
        if f["file"] == "articles/draft.md" and f["status"] == "failed"
    )


def test_a_line_shift_and_an_edit_elsewhere_keep_an_article_finding_existing(articles):  # noqa: F811
    git(articles.root, "init", "-q", "-b", "main")
    base = committed(articles, WRONG, "base: a draft with a wrong figure")
    shifted = WRONG.replace("---\nA Kremlin", "---\n\n\nAn added paragraph.\n\nA Kremlin")
    shifted = shifted.replace("Russia has also suffered", "Russia, too, has suffered")
    committed(articles, shifted, "pull request: lines added above, a sentence edited below")
    code, data = compared(articles, base)
    assert article_states(data) == [("article-contradicts", "existing")]
    assert code == 0  # the existing finding does not block under --fail-on-new
    assert data["comparison"]["fixed"] == []


def test_a_corrected_article_figure_is_listed_as_fixed(articles):  # noqa: F811
    git(articles.root, "init", "-q", "-b", "main")
    base = committed(articles, WRONG, "base: a draft with a wrong figure")
    committed(articles, seed_text(), "pull request: the figure corrected")
    code, data = compared(articles, base)
    assert article_states(data) == []
    fixed = [(f["check"], f["file"]) for f in data["comparison"]["fixed"]]
    assert fixed == [("article-contradicts", "articles/draft.md")]
    assert code == 0


def test_a_changed_article_figure_is_new_and_blocks(articles):  # noqa: F811
    git(articles.root, "init", "-q", "-b", "main")
    base = committed(articles, WRONG, "base: a draft with a wrong figure")
    committed(articles, WRONG.replace("more than 64,000", "more than 65,000"), "pull request: another figure")
    code, data = compared(articles, base)
    assert article_states(data) == [("article-contradicts", "new")]
    assert code == 1
    # The claim is still contradicted in that article: nothing was fixed.
    assert data["comparison"]["fixed"] == []
