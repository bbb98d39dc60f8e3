"""Articles in the reports: the HTML page marks every figure in the article's text by verdict, with a colour
and a symbol, each linking to its finding; the other reporters point at the article's line and column."""

from __future__ import annotations

import io
import json
import re

import jsonschema
from report_fixture import rendered
from test_json import schema as json_schema

from article_helpers import articles, located, seed_text  # noqa: F401
from factcheck.reporters import github, junit, terminal
from factcheck.reporters import json as json_reporter


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
        r'<a class="fig (\w+)" href="#([\w-]+)" title="[^"]*">(.*?)<span class="sym" aria-label="[^"]*">(.)</span>'
        r'(?:<span class="why" role="tooltip">(?:(?!</a>).)*)?</a>',
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


def _seed_contradiction(articles):  # noqa: F811
    """The planted seed report, its finding on "more than 64,000", and the line that states it."""
    report = _report(articles, _planted())
    [finding] = [f for f in report.findings if f.check == "article-contradicts"]
    line, _ = located(_planted(), "more than 64,000")
    return report, finding, line


def _column(line_text: str, words: str) -> int:
    return line_text.index(words) + 1


def test_an_article_finding_names_the_words_that_chose_its_metric_subject_claimant_and_date(articles):  # noqa: F811
    _, finding, line = _seed_contradiction(articles)
    text = _planted().split("\n")[line - 1]
    assert [(c.part, c.words, c.line, c.column) for c in finding.why] == [
        ("metric", "military personnel", line, _column(text, "military personnel")),
        ("metric", "died", line, _column(text, "died")),
        ("subject", "Ukrainian", line, _column(text, "Ukrainian")),
        ("claimant", "Zelensky", line, _column(text, "Zelensky")),
        ("date", "February 2025", line, _column(text, "February 2025")),
    ]


def test_a_claimant_carried_from_an_earlier_sentence_is_named_at_the_line_that_names_it(articles):  # noqa: F811
    text = "Zelensky spoke on Wednesday.\nHe added that 55,000 Ukrainian soldiers had been killed.\n"
    report = _report(articles, "---\npublished: 2026-02-04\n---\n" + text)
    [finding] = [f for f in report.findings if f.column is not None]
    assert ("claimant", "Zelensky", 4, 1) in [(c.part, c.words, c.line, c.column) for c in finding.why]
    assert finding.line == 5


def test_the_html_mark_and_row_the_terminal_json_and_sarif_reports_show_the_words(articles):  # noqa: F811
    report, finding, line = _seed_contradiction(articles)
    page = rendered(report, "html")
    mark = re.search(r'<a class="fig contradicts"[^>]*>more than 64,000.*?</a>', page).group(0)
    tip = re.search(r'<span class="why" role="tooltip">(.*)</span></a>', mark).group(1)
    assert (
        re.sub(r"<[^>]+>", " ", tip).split()
        == (
            f"Read as: metric “military personnel” (line {line}) metric “died” (line {line}) subject “Ukrainian” "
            f"(line {line}) claimant “Zelensky” (line {line}) date “February 2025” (line {line})"
        ).split()
    )
    # The row of each figure with a finding: the seed's nine and the 300 tanks, which name their metric.
    assert page.count('<div class="why-row">Read as: ') == sum(bool(f.why) for f in report.findings) == 10
    stream = io.StringIO()
    terminal.render(report, stream)
    assert (
        f"      read as: metric “military personnel” (line {line}), metric “died” (line {line}), subject "
        f"“Ukrainian” (line {line}), claimant “Zelensky” (line {line}), date “February 2025” (line {line})\n"
    ) in stream.getvalue()
    data = json.loads(rendered(report, "json"))
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    [found] = [f for f in data["findings"] if f["check"] == "article-contradicts"]
    assert found["why"][3] == {"part": "claimant", "words": "Zelensky", "line": line, "column": finding.why[3].column}
    assert all(f["why"] for f in data["findings"] if f["column"] is not None)
    sarif = json.loads(rendered(report, "sarif"))
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "article-contradicts"]
    assert [c["words"] for c in result["properties"]["why"]] == [c.words for c in finding.why]
    cue_locations = [r for r in result["relatedLocations"] if r["message"]["text"].startswith("date: ")]
    assert cue_locations[0]["physicalLocation"]["region"] == {"startLine": line, "startColumn": finding.why[4].column}
    assert json_reporter.SCHEMA_VERSION == "1.4"
