"""docs/articles.md's session is a real run: its draft, against the shipped datasets, prints what it shows."""

from __future__ import annotations

import re
import shutil

from click.testing import CliRunner

from conftest import REPO
from factcheck.cli.commands import cli


def _session() -> tuple[str, str, str]:
    text = (REPO / "docs/articles.md").read_text(encoding="utf-8")
    section = text.split("## A session", 1)[1].split("\n## ", 1)[0]
    draft, output = re.findall(r"```[a-z]*\n(.*?)```", section, re.DOTALL)
    command, _, printed = output.partition("\n")
    return draft, command, printed


def test_the_articles_session_prints_what_the_docs_show(tmp_path, monkeypatch):
    for name in ("checks", "expectations", "datasets"):
        shutil.copytree(REPO / name, tmp_path / name)
    draft, command, printed = _session()
    assert command == "$ factcheck article articles/draft.md"
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles/draft.md").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["article", "articles/draft.md", "--no-color"])
    assert result.output == printed
    assert result.exit_code == 1


def test_the_docs_show_every_verdict_and_link_the_checks_page():
    text = (REPO / "docs/articles.md").read_text(encoding="utf-8")
    _, _, printed = _session()
    for check in ("article-backed", "article-contradicts", "article-ambiguous", "article-unbacked"):
        assert f" {check} " in printed or f" {check}:" in printed
    assert "(checks.md)" in text and "article_unbacked: critical" in text
