"""Articles in the reports: the HTML page marks every figure in the article's text by verdict, with a colour
and a symbol, each linking to its finding; the other reporters point at the article's line and column."""

from __future__ import annotations

import io
import re

from report_fixture import rendered

from article_helpers import articles, located, seed_text  # noqa: F401
from factcheck.reporters import github, junit, terminal


def _report(articles, text: str):  # noqa: F811
    return articles.check(articles.article(text))


def _planted() -> str:
    return (
        seed_text()
        .replace("more than 46,000", "more than 64,000")
        .replace("Russia has also suffered significant losses in the ongoing war.", "Ukraine lost 300 tanks in 2025.")
    )


def test_the_html_report_marks_every_figure_by_verdict_with_a_symbol_and_links_each_to_its_finding(articles):  # noqa: F811
    report = _report(articles, _planted())
    page = rendered(report, "html")
    section = page[page.index('<section id="articles">') : page.index('<section id="waived">')]
    text = section[section.index('<div class="text">') : section.index("</div>", section.index('<div class="text">'))]
    marks = re.findall(
        r'<a class="fig (\w+)" href="#([\w-]+)" title="[^"]*">(.*?)<span class="sym" aria-label="[^"]*">(.)</span></a>',
        text,
    )
    assert [(verdict, shown) for verdict, _, shown, _ in marks].count(("contradicts", "more than 64,000")) == 1
    assert ("unbacked", "300") in [(verdict, shown) for verdict, _, shown, _ in marks]
    assert sum(verdict == "backed" for verdict, *_ in marks) == 8
    symbols = {verdict: symbol for verdict, _, _, symbol in marks}
    assert symbols == {"backed": "✓", "contradicts": "✗", "unbacked": "?"}  # not colour alone
    assert all(section.count(f'<tr id="{anchor}"') == 1 for _, anchor, _, _ in marks)  # each mark's finding
    contradiction = next(anchor for verdict, anchor, _, _ in marks if verdict == "contradicts")
    row = section[section.index(f'<tr id="{contradiction}"') :].split("</tr>", 1)[0]
    line, column = located(_planted(), "more than 64,000")
    assert f"articles/draft.md:{line}:{column}" in row
    assert (
        "<code>ua-military-killed-zelensky-2025-02</code>" in row
        and "datasets/russo-ukrainian-war/casualties.yml:10" in row
    )
    assert '<a href="#articles">Articles</a> (1)' in page


def test_the_html_report_shows_an_articles_text_escaped(articles):  # noqa: F811
    page = rendered(_report(articles, "<script>alert(1)</script> Ukraine lost 300 tanks in 2025.\u202e\n"), "html")
    section = page[page.index('<section id="articles">') : page.index('<section id="waived">')]
    assert "<script>" not in section and "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "\u202e" not in section and "\\u202e" in section


def test_the_terminal_github_and_junit_reports_point_at_the_articles_line_and_column(articles):  # noqa: F811
    report = _report(articles, _planted())
    line, column = located(_planted(), "more than 64,000")
    stream = io.StringIO()
    terminal.render(report, stream)
    assert (
        f"  articles/draft.md:{line}:{column}: critical article-contradicts [ua-military-killed-zelensky-2025-02]: "
        in stream.getvalue()
    )
    annotations = github.annotations(report)
    assert any(
        a.startswith(f"::error file=articles/draft.md,line={line},col={column},title=article-contradicts")
        for a in annotations
    )
    xml = io.StringIO()
    junit.render(report, xml)
    assert re.search(rf"articles/draft.md:{line}:{column} \[[^\]]+\]: the value differs", xml.getvalue())
    [case] = [c for c in re.findall(r"<testcase [^>]*>", xml.getvalue()) if 'name="article-contradicts"' in c]
    assert 'file="articles/draft.md"' in case  # one test case of the check on the article
