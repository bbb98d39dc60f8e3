"""The HTML report: self-contained, escaped, claim-centric, with charts, and usable at 10,000 findings."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixture import INJECTED, fixture_report, rendered

from factcheck.dates import parse_span
from factcheck.findings import Finding, GateRun, Report
from factcheck.models import Claim, Source
from factcheck.reporters import html


def test_banner_gives_the_verdict_and_counts():
    page = rendered(fixture_report(), "html")
    banner = page[page.index('<header class="banner') : page.index("</header>")]
    assert "blocked" in banner
    assert "Blocked: not ready to publish" in banner
    assert "<b>3</b> critical" in banner
    assert "<b>1</b> waived" in banner
    assert "5 claims checked" in banner


def test_findings_are_grouped_by_file_then_check_with_everything_a_reader_needs():
    page = rendered(fixture_report(), "html")
    section = page[page.index('<section class="file"') : page.index('<section id="waived">')]
    assert "<h3>datasets/war/casualties.yml" in section
    assert "Cumulative totals do not fall" in section  # check title
    assert "Overlapping dates are never compared" in section  # its explanation
    assert "<code>zel-2026-03</code>" in section
    assert "datasets/war/casualties.yml:27" in section  # file:line of the claim
    assert "falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)" in section
    assert "Volodymyr Zelensky" in section  # the claimant's name from the catalog
    assert "Hint: " in section and "zelenskiy" in section
    # Blocking findings come first within the file, grouped by check.
    assert section.count('<details class="check"') == 3


def test_everything_from_the_data_is_escaped():
    page = rendered(fixture_report(), "html")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 45,000 killed" in page
    assert "Le &lt;b&gt;Monde&lt;/b&gt;" in page
    assert "<b>Monde" not in page
    assert INJECTED not in page


def test_only_http_and_https_sources_are_links():
    page = rendered(fixture_report(), "html")
    hrefs = re.findall(r'href="([^"]*)"', page)
    external = [h for h in hrefs if not h.startswith("#")]
    assert external == ["https://www.nbcnews.com/interview"] * external.count("https://www.nbcnews.com/interview")
    assert not any("javascript" in h for h in hrefs)
    assert "javascript:alert(2) <em>(not an http/https link)</em>" in page


def test_the_page_fetches_nothing_and_runs_nothing():
    page = rendered(fixture_report(), "html")
    for forbidden in ("<link", "<script", "src=", "@import", "url(http", "<iframe", "<img"):
        assert forbidden not in page, forbidden
    assert "default-src 'none'" in page  # the CSP forbids scripts and fetches even if something slipped through


def test_a_chart_for_the_series_with_a_finding():
    page = rendered(fixture_report(), "html")
    charts = re.findall(r'<details class="chart" id="(chart-\d+)"', page)
    # Zelensky's series has a blocking fall; Syrskyi's only a waived one, which does not need a chart.
    assert charts == ["chart-1"]
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "military personnel killed (Ukraine), claimed by Volodymyr Zelensky" in svg
    assert svg.count('<g class="claim') == 3  # every claim of the series
    assert svg.count('<g class="claim bad">') == 1  # the one that falls, marked
    assert svg.count('<g class="claim rel">') == 1  # the one it falls below
    assert 'class="arrow"' in svg  # "more than 46,000" is drawn open upward
    assert ">more than 46,000</text>" in svg
    assert ">2025-03</text>" in svg and ">people</text>" in svg  # date and unit axes
    assert 'href="#chart-1"' in page  # the finding links to its chart


def test_waived_and_passed_sections():
    page = rendered(fixture_report(), "html")
    waived = page[page.index('<section id="waived">') : page.index('<section id="corroborated">')]
    assert "syr-2025-corrected" in waived
    assert "the count was corrected downward" in waived
    assert "2027-01-01" in waived
    passed = page[page.index('<section id="passed">') :]
    assert "Gate <code>publication</code>" in passed
    assert "cumulative-non-decreasing" in passed and "quote-states-figure" in passed


def test_the_same_report_renders_byte_identically():
    report = fixture_report()
    assert rendered(report, "html") == rendered(report, "html")
    assert "generated" not in rendered(report, "html")


def _big_report(n: int) -> Report:
    source = Source(outlet="Outlet", published="2025-01", quote="a figure")
    claims, findings = {}, []
    for i in range(n):
        cid = f"c{i:05d}"
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 700)
        claims[cid] = Claim(
            id=cid, file=f"datasets/f{i % 3}.yml", line=i + 1, dataset="d", origin=None, metric="military_killed",
            subject="ukraine", claimant=f"claimant{i % 300}", value=float(i), qualifier="exact", low=None,
            high=None, date=parse_span(day.isoformat()), kind="as_of", source=source,
        )  # fmt: skip
        findings.append(
            Finding("cumulative-non-decreasing", "critical", claims[cid].file, i + 1, f"falls <{i}>", claim=cid,
                    blocking=True)
        )  # fmt: skip
    findings.sort(key=Finding.sort_key)
    gate = GateRun("g", "checks/g.yml", "critical", ("datasets/f0.yml",), (), ("cumulative-non-decreasing",), n)
    return Report(findings=findings, claims=claims, gates=[gate])


def test_ten_thousand_findings_are_capped_per_group_with_counts():
    page = rendered(_big_report(10_000), "html")
    rows = page.count("<tr><td><code>c")
    assert rows == 3 * html.ROWS_PER_GROUP  # three files, one check each
    assert "3,134 more findings of this check in this file not shown" in page
    assert page.count('<details class="chart"') == 3 * html.CHARTS_PER_FILE
    assert "60 more series with findings in this file not drawn" in page
    assert '<details class="check">' in page and '<details class="check" open>' not in page  # collapsed
    assert len(page) < 5_000_000


def test_a_partys_claim_about_its_adversary_is_marked_on_its_row():
    import dataclasses

    report = fixture_report()
    assert "on its adversary" not in rendered(report, "html")
    claims = {**report.claims, "zel-2026-03": dataclasses.replace(report.claims["zel-2026-03"], subject="russia")}
    assert "A party to the conflict, on its adversary's losses" in rendered(
        dataclasses.replace(report, claims=claims), "html"
    )


def test_controls_and_bidi_controls_are_shown_and_a_long_quote_is_clipped_with_where_to_read_it():
    import dataclasses

    report = fixture_report()
    cid = "zel-2026-03"
    quote = "says \x1b[2J\u202e000,55\u202c\nnext line " + "q" * 10_000
    claim = report.claims[cid]
    claim = dataclasses.replace(claim, source=claim.source.model_copy(update={"quote": quote, "outlet": "TV\x07"}))
    page = rendered(dataclasses.replace(report, claims={**report.claims, cid: claim}), "html")
    assert "says \\x1b[2J\\u202e000,55\\u202c\nnext line qqq" in page  # the line feed is shown as a space
    assert "q" * html.MAX_TEXT not in page
    assert f"The quote is {len(quote):,} characters long; the whole of it is at {claim.file}:{claim.line}" in page
    assert "TV\\x07" in page
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", page)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("&<>\"'#\n\t\x1b\u202e"), max_size=80))
def test_each_value_is_escaped_as_html_escape_does_after_controls_and_clipping(text):
    from html import escape

    from factcheck.reporters.markup import e
    from factcheck.text import clip, escaped

    assert e(text) == escape(escaped(clip(text, html.MAX_TEXT), keep="\n\t"), quote=True)
    assert e(e(text)) == e(text)  # markup is never escaped twice


def test_a_long_value_is_clipped_before_it_is_escaped():
    from factcheck.reporters.markup import e

    assert e("<" * (html.MAX_TEXT + 10)) == "&lt;" * (html.MAX_TEXT - 1) + "…"
    assert e(12_345) == "12345"  # what is not text is printed as Python prints it


def test_the_template_escapes_every_value_and_marks_nothing_safe():
    from importlib import resources

    environment = html._template().environment
    assert environment.autoescape is True
    # A value the page builds from a finding (here a check title) reaches the page escaped.
    report = Report(
        findings=[Finding("x-check", "critical", "f.yml", 1, "m", title="<i>T</i>", blocking=True)], checks={}
    )
    page = rendered(report, "html")
    assert "<strong>&lt;i&gt;T&lt;/i&gt;</strong>" in page
    template = resources.files("factcheck.reporters").joinpath("templates/report.html.j2").read_text("utf-8")
    assert not re.search(r"\|\s*safe\b|autoescape\s+false", template, re.IGNORECASE)
