"""Every reporter on hand-built reports (`hand_built`), compared byte for byte with golden files.

The golden files are in tests/reporters/snapshots/, one per reporter, output and report. A change to what a
reporter writes fails here with a diff; when the change is meant, rewrite them and review them in the diff:

    PYTHONPATH=src python -m pytest tests/reporters/test_snapshots.py --update-snapshots
"""

from __future__ import annotations

import io
from pathlib import Path

import hand_built
import pytest

from factcheck.reporters import REPORTERS, get, github, terminal

SNAPSHOTS = Path(__file__).parent / "snapshots"
REPORTS = {"blocked": hand_built.blocked, "publishable": hand_built.publishable}
# The summary links each finding to its line on GitHub, from the variables a workflow sets.
ENVIRON = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "newsroom/data", "GITHUB_SHA": "abc123"}


def _rendered(render, *args, **options) -> str:
    stream = io.StringIO()
    render(*args, stream, **options)
    return stream.getvalue()


# Golden file name -> the reporter and what it renders from a report: each output of every reporter.
OUTPUTS = {
    "terminal.txt": ("terminal", lambda report: _rendered(terminal.render, report)),
    "terminal-waived.txt": ("terminal", lambda report: _rendered(terminal.render, report, show_waived=True)),
    "terminal-colour.txt": ("terminal", lambda report: _rendered(terminal.render, report, colour=True)),
    "github-annotations.txt": ("github", lambda report: _rendered(github.render, report, prefix="newsroom")),
    "github-summary.md": ("github", lambda report: github.summary(report, "newsroom", ENVIRON)),
    "github-outputs.txt": (
        "github",
        lambda report: "".join(github.output_line(k, v) for k, v in github.outputs(report).items()),
    ),
    "report.json": ("json", lambda report: _rendered(get("json").render, report)),
    "junit.xml": ("junit", lambda report: _rendered(get("junit").render, report)),
    "report.html": ("html", lambda report: _rendered(get("html").render, report)),
    "report.sarif": ("sarif", lambda report: _rendered(get("sarif").render, report)),
}


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("name", REPORTS)
def test_output_matches_its_golden_file(name, output, snapshot):
    _, render = OUTPUTS[output]
    snapshot(SNAPSHOTS / f"{name}.{output}", render(REPORTS[name]()))


def test_every_reporter_is_snapshot_tested():
    assert {reporter for reporter, _ in OUTPUTS.values()} == set(REPORTERS)


def test_no_golden_file_is_left_over():
    expected = {f"{name}.{output}" for name in REPORTS for output in OUTPUTS}
    assert {path.name for path in SNAPSHOTS.iterdir()} == expected


def test_the_hand_built_report_reaches_every_part_of_the_html_page():
    page = OUTPUTS["report.html"][1](hand_built.blocked())
    for part in (
        "<em>the file itself</em>",  # a finding with no claim
        "Waiver expired on 2026-06-30",
        "See the chart of this series",
        "A party to the conflict, on its adversary's losses",
        "<em>no outlet</em>",
        "characters long; the whole of it is at",  # a quote clipped on the page
        '<a class="url" href="https://www.nbcnews.com/interview?id=1&amp;lang=en"',
        "(not an http/https link)",
        ": totals over a period",
        'class="arrow"',  # an open upper bound
        "12.5%",
        '<section id="corroborated">\n<h2>Corroborated claims</h2>\n<p>',
        "the count was &lt;corrected&gt; downward",
        "generated 2026-11-26T12:00:00Z",
        "See <code>factcheck explain cumulative-non-decreasing</code>",  # the command that explains a check
        '<tr class="zoom">',  # a finding's chart zoomed on the claims it compares
        "the value axis starts at 40,000, not 0",
        '<mark class="differs">4<b class="digit">5</b>,000</mark>',  # the quote's number that differs
        "Not read: the entry does not follow the dataset format.",  # a refused claim's source as written
        "France &lt;i&gt;2&lt;/i&gt;, 2026-02",
    ):
        assert part in page, part
    assert "<script" not in page and "<b>Monde" not in page and "\x1b" not in page and "\u202e" not in page
