"""The HTML report in a real browser (Debian's chromium, headless, through playwright).

It renders, shows the claim ids and the charts, makes no network request, and runs no injected script;
its charts take the width of the page and keep every label inside the drawing, a zoomed chart holds the
claims its finding compares, and a quote's differing number is marked with a cue; what blocks comes first on
the page, and the banner links each blocking finding; a marked figure of an article shows, when hovered or
focused, the words that chose its reading. Without chromium this test fails (it never skips):
.ci/run installs it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import hand_built
import pytest
from browser import chromium_missing, hovered, visit
from report_fixture import INJECTED, fixture_report, rendered

from article_helpers import ArticleProject, seed_text
from conftest import TODAY, Project
from conftest import claim as new_claim
from factcheck.pipeline.compare import compare, source
from factcheck.pipeline.options import Options
from factcheck.pipeline.run import run
from factcheck.prose.check import run_articles

pytestmark = pytest.mark.slow  # a real browser (chromium) renders each page


def _visit(tmp_path_factory, report, width: int = 1200):
    missing = chromium_missing()
    if missing:
        pytest.fail(missing, pytrace=False)
    path = tmp_path_factory.mktemp("browser") / "report.html"
    path.write_text(rendered(report, "html"), encoding="utf-8")
    return path, visit(path, width=width)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return _visit(tmp_path_factory, fixture_report())


@pytest.fixture(scope="module")
def hand_built_pages(tmp_path_factory):
    """The hand-built report (every part of the page) on a wide and on a narrow window."""
    return {width: _visit(tmp_path_factory, hand_built.blocked(), width)[1] for width in (1200, 640)}


@pytest.fixture(scope="module")
def small_fall(tmp_path_factory):
    return _visit(tmp_path_factory, hand_built.daily_series(4 * 365, fall_on=1000, fall=50))[1]


def test_renders_the_verdict_claim_ids_and_a_chart(loaded):
    _, page = loaded
    assert page.title == "factcheck: blocked"
    assert "Blocked: not ready to publish" in page.text
    for claim_id in ("zel-2026-03", "typo", "syr-2025-corrected"):
        assert claim_id in page.text
    assert page.svg_charts == 2  # the fall zoomed in, and its whole series
    assert page.console_errors == []


def test_makes_no_network_request(loaded):
    path, page = loaded
    others = [url for url in page.requests if url != path.resolve().as_uri() and not url.startswith("data:")]
    assert others == []


def test_an_injected_script_shows_as_text_and_runs_nothing(loaded):
    _, page = loaded
    assert INJECTED in page.text
    assert page.scripts == 0
    assert page.dialogs == []


def test_every_chart_takes_the_width_of_its_container_and_follows_the_page(hand_built_pages):
    for page in hand_built_pages.values():
        assert page.chart_widths and page.console_errors == []
        for chart, container in page.chart_widths:
            assert abs(chart - container) <= 1, (chart, container)
    wide, narrow = (max(w for w, _ in hand_built_pages[n].chart_widths) for n in (1200, 640))
    assert narrow < 640 < wide


def test_no_label_of_any_chart_leaves_the_drawing(hand_built_pages, small_fall, loaded):
    for page in (*hand_built_pages.values(), small_fall, loaded[1]):
        assert page.overflowing == []


def test_a_zoomed_chart_holds_the_claims_its_finding_compares(loaded, small_fall):
    for page, later, earlier in (
        (loaded[1], "zel-2026-03", "zel-2026-02"),
        (small_fall, "art@2024-11-25", "art@2024-11-24"),
    ):
        [zoom] = page.zooms.values()
        left, top, right, bottom = zoom["plot"]
        for claim in (later, earlier):
            x0, y0, x1, y1 = zoom["claims"][claim]
            assert left <= x0 < x1 <= right and top <= y0 <= y1 <= bottom, (claim, zoom["claims"][claim], zoom["plot"])
    # a fall of 9 on a total of 60,000: a good part of the plot's height apart, where the whole chart had none
    zoom = next(iter(small_fall.zooms.values()))
    assert zoom["claims"]["art@2024-11-25"][1] - zoom["claims"]["art@2024-11-24"][1] > 0.2 * (
        zoom["plot"][3] - zoom["plot"][1]
    )


def test_the_number_that_differs_in_a_quote_is_marked_with_a_text_cue(hand_built_pages):
    page = hand_built_pages[1200]
    assert page.marks == [
        {"text": "45,000", "cue": " [differs from the claimed more than 46,000]", "bold": ["5"],
         "background": "rgb(253, 230, 138)"}
    ]  # fmt: skip
    assert "more than 45,000 [differs from the claimed more than 46,000]" in page.text


def test_a_claim_the_schema_refused_shows_its_source_and_quote(hand_built_pages):
    text = hand_built_pages[1200].text
    assert "Not read: the entry does not follow the dataset format. Its source, as written:" in text
    assert "France <i>2</i>, 2026-02" in text and "is 55,000\\u202e" in text


def _git(root: Path, *args: str) -> None:
    """Real git, with an identity of its own and no user or system configuration."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org"}  # fmt: skip
    subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=True)


def _said(id: str, value: int, month: str) -> dict:
    return new_claim(
        id, value=value, as_of=month, source={"outlet": "France 2", "published": month, "quote": f"is {value:,}"}
    )


def _uk(id: str, value: int, period: str, published: str) -> dict:
    return {"id": id, "metric": "military_casualties", "subject": "russia", "claimant": "uk-defence-intelligence",
            "value": value, "qualifier": "about", "period": period,
            "source": {"outlet": "UK MoD", "published": published, "quote": f"about {value:,}"}}  # fmt: skip


@pytest.fixture(scope="module")
def desk_pages(tmp_path_factory):
    """A desk's project whose files sort the blocking findings last: an article with figures no claim backs
    (warnings), a context file whose other-party comparisons are information, each drawn as a chart, then a
    file with three falls (critical). Rendered as a plain report, and as a pull request's report (`--baseline`)
    where the base had the article, the context and the first figure, and the pull request adds the falls."""
    root = tmp_path_factory.mktemp("desk")
    project = Project(root)
    project.write("articles/a-draft.md", "# Draft\n\nUkraine lost 300 tanks in 2025, and 17 bridges.\n")
    project.dataset(
        name="a-context.yml",
        series=[{"id": "gs", "metric": "military_casualties", "subject": "russia", "claimant": "general-staff",
                 "source": {"outlet": "General Staff", "url": "https://www.facebook.com/GeneralStaff.ua"},
                 "points": [["2024-12-31", 789550], ["2025-06-30", 1000000], ["2025-12-31", 1207910]]}],
        claims=[_uk("uk-2025", 300000, "2025", "2026-01"), _uk("uk-2025-h1", 100000, "2025-01-01/2025-06-30", "2025-07")],
    )  # fmt: skip
    project.dataset([_said("z-02", 55000, "2026-02")], name="z-war.yml")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    falls = [_said("z-03", 45000, "2026-03"), _said("z-04", 40000, "2026-04"), _said("z-05", 35000, "2026-05")]
    project.dataset([_said("z-02", 55000, "2026-02"), *falls], name="z-war.yml")
    today = dt.date.fromisoformat(TODAY)
    pages = {}
    for name, baseline in (("plain", None), ("pull request", source("HEAD"))):
        options = Options(root=root, today=today, baseline=baseline)
        report = compare(run(options), options, run)
        failed = [f for f in report.findings if f.status == "failed"]
        # The report this test is about: three criticals after article warnings and informational charts.
        assert [f.check for f in failed if f.blocking] == ["cumulative-non-decreasing"] * 3
        assert {(f.check, f.severity) for f in failed if not f.blocking} == {
            ("article-unbacked", "warning"),
            ("period-vs-cumulative-other-party", "info"),
        }
        assert all(f.file > "articles/" for f in failed if f.blocking)
        assert (report.comparison is not None) == (baseline is not None)
        path = root.parent / f"{root.name}-{name.replace(' ', '-')}.html"
        path.write_text(rendered(report, "html"), encoding="utf-8")
        pages[name] = visit(path)
    return pages


@pytest.mark.parametrize("name", ["plain", "pull request"])
def test_blocking_findings_come_first_and_the_banner_links_each_of_them(desk_pages, name):
    page = desk_pages[name]
    assert page.console_errors == []
    rows = page.finding_rows
    assert len(rows) > 3  # the article's warnings and the information are on the page too
    assert [row["blocking"] for row in rows] == [True] * 3 + [False] * (len(rows) - 3)
    assert max(row["top"] for row in rows[:3]) < min(row["top"] for row in rows[3:])
    assert page.svg_charts >= 5  # three zoomed falls, the falls' series, and the information's
    blocking_links = [link for link in page.banner_links if link["href"].startswith("#blocking-")]
    assert [link["text"] for link in blocking_links] == [f"datasets/z-war.yml:{n}" for n in (15, 25, 35)]
    tops = {row["id"]: row["top"] for row in rows}
    for link in page.banner_links:
        assert link["target"] is not None, link  # every link of the banner lands somewhere
    for link in blocking_links:
        assert link["target"] == "tr" and link["top"] == tops[link["href"][1:]]
    assert "3 findings at or above the gate's threshold must be fixed or waived" in page.text


def test_a_marked_figure_shows_the_words_that_chose_its_reading_when_hovered_or_focused(tmp_path_factory):
    """The seed report with one figure changed: the contradiction's mark names, on hover and on keyboard focus,
    the words that chose its metric, subject, claimant and date, with their line, and hides them otherwise."""
    missing = chromium_missing()
    if missing:
        pytest.fail(missing, pytrace=False)
    root = tmp_path_factory.mktemp("why")
    project = ArticleProject(root)
    text = seed_text().replace("more than 46,000", "more than 64,000")
    name = project.article(text)
    line = text[: text.index("more than 64,000")].count("\n") + 1
    report = run_articles(root, [str(root / name)], dt.date.fromisoformat(TODAY))
    path = root / "report.html"
    path.write_text(rendered(report, "html"), encoding="utf-8")
    seen = hovered(path, "a.fig.contradicts", ".why")
    assert (seen["before"], seen["hover"], seen["away"], seen["focus"]) == (False, True, False, True)
    assert seen["text"].splitlines() == [
        "Read as:",
        f"metric “military personnel” (line {line})",
        f"metric “died” (line {line})",
        f"subject “Ukrainian” (line {line})",
        f"claimant “Zelensky” (line {line})",
        f"date “February 2025” (line {line})",
    ]
    box = seen["box"]
    assert box is not None and box["width"] > 100 and box["x"] >= 0 and box["x"] + box["width"] <= seen["width"]
