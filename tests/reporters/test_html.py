"""The HTML report: self-contained, escaped, claim-centric, with charts, and usable at 10,000 findings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import hand_built
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixture import INJECTED, fixture_report, rendered

from factcheck.floor.spans import parse_span
from factcheck.model.format import Claim, Source
from factcheck.report.findings import Finding, GateRun, Report
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
    whole = page[page.index('<details class="chart" id="chart-1"') :]
    svg = whole[whole.index("<svg") : whole.index("</svg>")]
    assert 'class="whole"' in svg and "width=" not in svg.split(">", 1)[0]  # a viewBox: the page sets its width
    assert "military personnel killed (Ukraine), claimed by Volodymyr Zelensky" in svg
    assert svg.count('<g class="claim') == 3  # every claim of the series
    assert svg.count('<g class="claim bad" ') == 1  # the one that falls, marked
    assert svg.count('<g class="claim rel" ') == 1  # the one it falls below
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
    rows = re.findall(r'<tr id="blocking-\d+"><td><code>c', page)
    assert len(rows) == 3 * html.ROWS_PER_GROUP  # three files, one check each
    assert "3,134 more findings of this check in this file not shown" in page
    # 40 charts in each of the first two files, then the 20 the page has left
    assert page.count('<details class="chart"') == html.CHARTS_PER_PAGE == 100
    assert page.count("60 more series with findings in this file not drawn.") == 2
    assert "80 more series with findings in this file not drawn: the page draws at most 100 charts." in page
    assert '<details class="check">' in page and '<details class="check" open>' not in page  # collapsed
    assert len(page) < 5_000_000


def test_the_banner_names_the_first_blocking_findings_and_counts_the_rest():
    page = rendered(_big_report(10_000), "html")
    banner = page[page.index("<header") : page.index("</header>")]
    links = re.findall(
        r'<li><a href="#(blocking-\d+)">([^<]+)</a> <code>cumulative-non-decreasing</code> <code>(c\d+)</code>: falls &lt;\d+&gt;</li>',
        banner,
    )
    # the order of the job summary: file order among findings that all block at the same severity
    assert [where for _, where, _ in links] == [f"datasets/f0.yml:{n}" for n in range(1, 30, 3)]
    assert len(links) == html.BANNER_LISTED
    assert '<a href="#blocking">… and 9,990 more blocking findings</a>' in banner
    for anchor, where, claim in links:  # each lands on the row of its finding
        row = page[page.index(f'<tr id="{anchor}">') :].split("</tr>", 1)[0]
        assert f"<code>{claim}</code>" in row and where in row
    assert page.count('<section id="blocking">') == 1


def test_a_long_message_is_clipped_in_the_banner_and_whole_in_its_row():
    report = hand_built.blocked()
    long = "falls " + "very " * 100 + "far"
    report.findings[:] = [dataclasses.replace(f, message=long) if f.blocking else f for f in report.findings]
    page = rendered(report, "html")
    banner = page[page.index("<header") : page.index("</header>")]
    assert long not in banner and long[: html.BANNER_MESSAGE - 1] in banner
    assert long in page[page.index('<section id="blocking">') :]


def test_a_publishable_page_has_no_blocking_part():
    page = rendered(hand_built.publishable(), "html")
    assert 'id="blocking' not in page and "<h2>Findings</h2>" in page


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

    from factcheck.floor.text import clip, escaped
    from factcheck.reporters.markup import e

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
    template = resources.files("factcheck.reporters").joinpath("page/report.html.j2").read_text("utf-8")
    assert not re.search(r"\|\s*safe\b|autoescape\s+false", template, re.IGNORECASE)


def _zoom_svg(page: str, anchor: str) -> str:
    figure = page[page.index(f'<figure id="{anchor}">') :]
    return figure[: figure.index("</figure>")]


def _bar_y(svg: str, claim_id: str) -> float:
    """The top of a claim's bar in a chart (its `rect`'s y)."""
    group = re.search(rf'<g class="claim \w+" data-claim="{re.escape(claim_id)}"[^>]*>(.*?)</g>', svg).group(1)
    return float(re.search(r'<rect x="[\d.-]+" y="([\d.-]+)"', group).group(1))


def test_every_check_names_the_command_that_explains_it():
    page = rendered(fixture_report(), "html")
    groups = re.findall(r'<details class="check"[^>]*>.*?</details>', page, re.DOTALL)
    assert groups
    for group in groups:
        check = re.search(r"<code>([a-z0-9-]+)</code>", group).group(1)
        assert f"See <code>factcheck explain {check}</code> for a passing and a failing example." in group


def test_a_finding_that_compares_claims_gets_a_chart_zoomed_on_them():
    page = rendered(fixture_report(), "html")
    assert 'href="#zoom-1">See the claims it compares, zoomed in</a>' in page
    svg = _zoom_svg(page, "zoom-1")
    assert 'data-claim="zel-2026-03"' in svg and 'data-claim="zel-2026-02"' in svg  # the fall and the claim above
    assert 'data-claim="zel-2025-02"' not in svg  # a year earlier: outside the window
    assert ">Zoomed in: 2026-01-18 to 2026-04-14 · the value axis starts at 40,000, not 0</text>" in svg
    assert "the value axis starting at 40,000, not 0" in svg  # said in the caption too
    assert page.count('<tr class="zoom">') == 1  # only the fall compares claims


def test_a_fall_of_ten_on_a_total_of_sixty_thousand_is_tall_in_the_zoomed_chart():
    report = hand_built.daily_series(4 * 365, fall_on=1000, fall=50)  # the day before is 41 higher: a fall of 9 or so
    later, earlier = report.findings[0].claim, report.findings[0].related[0]
    assert 0 < report.claims[earlier].value - report.claims[later].value <= 10
    page = rendered(report, "html")
    whole = page[page.index('<details class="chart"') :]
    whole_svg = whole[whole.index("<svg") : whole.index("</svg>")]
    assert abs(_bar_y(whole_svg, later) - _bar_y(whole_svg, earlier)) < 1  # on the whole axis: not a pixel
    zoomed = _zoom_svg(page, "zoom-1")
    assert _bar_y(zoomed, later) - _bar_y(zoomed, earlier) > 40  # zoomed: a good part of the plot's height
    assert "the value axis starts at" in zoomed
    # the neighbours above and below the window are triangles on its edges, not bars at a false value
    assert 'class="beyond"' in zoomed and "above this window" in zoomed and "below this window" in zoomed


def test_zoomed_charts_are_capped_per_file():
    report = hand_built.daily_series(400, fall_on=200, fall=5)
    template = report.findings[0]
    ids = list(report.claims)
    findings = [dataclasses.replace(template, claim=ids[n], related=(ids[n - 1],), line=n + 10) for n in range(1, 200)]
    page = rendered(dataclasses.replace(report, findings=findings), "html")
    assert page.count('<tr class="zoom">') == html.ZOOMS_PER_FILE


@pytest.mark.slow  # a thousand files, every page rendered
def test_a_thousand_files_with_a_fall_each_draw_at_most_a_page_of_charts_and_every_link_lands():
    report = hand_built.daily_series(30, fall_on=20, fall=5)
    claims, findings = {}, []
    for n in range(1_000):
        file = f"datasets/region-{n:04d}.yml"
        ids = []
        for claim in report.claims.values():
            claim = dataclasses.replace(claim, id=f"r{n}-{claim.id}", file=file, subject=f"region-{n}")
            claims[claim.id] = claim
            ids.append(claim.id)
        template = report.findings[0]
        findings.append(dataclasses.replace(template, file=file, claim=ids[20], related=(ids[19],)))
    page = rendered(dataclasses.replace(report, claims=claims, findings=findings), "html")
    assert page.count('<details class="chart"') == html.CHARTS_PER_PAGE
    assert page.count('<tr class="zoom">') == html.ZOOMS_PER_PAGE
    assert page.count("with findings in this file not drawn: the page draws at most 100 charts.") == 900
    links = set(re.findall(r'href="#((?:chart|zoom)-\d+)"', page))
    assert links and all(f'id="{anchor}"' in page for anchor in links)


def test_thousands_of_findings_of_one_series_are_summed_up_in_one_row():
    report = hand_built.daily_series(1_300, fall_on=20, fall=5)
    claims = {cid: dataclasses.replace(c, series="art") for cid, c in report.claims.items()}
    ids = list(claims)
    one_off = dataclasses.replace(claims[ids[0]], id="one-off", series=None, line=5)
    claims["one-off"] = one_off
    template = report.findings[0]
    findings = [dataclasses.replace(template, claim="one-off", line=5, related=())]
    findings += [dataclasses.replace(template, claim=ids[n], line=n + 10, related=()) for n in range(1, 1_201)]
    page = rendered(dataclasses.replace(report, claims=claims, findings=findings), "html")
    assert (
        len(re.findall(r"<tr(?: id=\"[^\"]+\")?><td><code>", page)) == 1 + html.SERIES_LISTED
    )  # the one-off, then the series' first ten
    rest = re.search(r'<tr class="rest"><td colspan="4">(.*?)</td></tr>', page).group(1)
    assert rest.startswith(
        "… 1,190 more findings of this check in the series <code>art</code> (lines 21 to 1,210, 2022-03-12 to "
        "2025-06-13), summed up here as one problem."
    )
    chart = re.search(r'href="#(chart-\d+)"', rest).group(1)
    assert f'<details class="chart" id="{chart}"' in page
    assert "more findings of this check in this file not shown" not in page  # each one is listed or summed up
    assert "1,201 findings" in page


def test_a_claim_the_schema_refused_still_shows_its_source_and_quote():
    page = rendered(fixture_report(), "html")
    [row] = [
        r for r in re.findall(r"<tr(?: id=\"[^\"]+\")?><td>.*?</td></tr>", page, re.DOTALL) if "<code>typo</code>" in r
    ]
    assert "Not read: the entry does not follow the dataset format." in row
    assert '<div class="outlet">France 2, 2026-02' in row and "<blockquote>is 55,000</blockquote>" in row


def test_a_refused_claims_source_is_escaped_and_a_bad_url_is_no_link():
    finding = Finding("schema", "critical", "datasets/x.yml", 4, "unknown field `valeu`", claim="c", blocking=True,
                      source=(("outlet", "<b>TV</b>"), ("url", "javascript:alert(1)"), ("quote", "<script>x</script>")))  # fmt: skip
    page = rendered(Report(findings=[finding]), "html")
    assert "&lt;b&gt;TV&lt;/b&gt;" in page and "&lt;script&gt;x&lt;/script&gt;" in page and "<script" not in page
    assert 'href="javascript' not in page and "(not an http/https link)" in page


def _quote_report(quote: str, value: float) -> Report:
    claim = Claim(
        id="c", file="datasets/war.yml", line=3, dataset="d", origin=None, metric="military_killed",
        subject="ukraine", claimant="zelensky", value=value, qualifier="exact", low=None, high=None,
        date=parse_span("2026-02"), kind="as_of", source=Source(outlet="TV", quote=quote),
    )  # fmt: skip
    finding = Finding("quote-states-figure", "critical", claim.file, 3, "the quote does not state it", claim="c",
                      blocking=True)  # fmt: skip
    return Report(findings=[finding], claims={"c": claim})


def test_the_number_of_a_quote_that_differs_from_the_figure_is_marked_with_a_text_cue():
    page = rendered(_quote_report("<i>on 24 February</i> the toll is 55,000 soldiers", 65_000), "html")
    assert (
        '&lt;i&gt;on 24 February&lt;/i&gt; the toll is <mark class="differs"><b class="digit">5</b>5,000</mark>'
        '<span class="cue"> [differs from the claimed 65,000]</span> soldiers' in page
    )
    # the number nearest the figure is the one marked, whatever comes first; a quote of another length of
    # digits is marked whole
    page = rendered(_quote_report("in 2022, 3 reports said 5,500", 55_000), "html")
    assert '<mark class="differs">5,500</mark><span class="cue"> [differs from the claimed 55,000]</span>' in page


def test_a_quote_that_states_its_figure_or_no_number_is_not_marked():
    assert "<mark" not in rendered(_quote_report("the toll is 65 thousand", 65_000), "html")
    assert "<mark" not in rendered(_quote_report("many soldiers", 65_000), "html")


def _labels_inside(svg: str) -> None:
    from factcheck.reporters import chart

    labels = re.findall(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">([^<]*)<', svg)
    assert labels
    for x, anchor, text in labels:
        width = len(text) * chart._CHAR_W
        start = float(x) - {"start": 0, "middle": width / 2, "end": width}[anchor]
        assert start >= 0 and start + width <= 760, (text, x, anchor)


def test_a_label_at_the_right_edge_stays_inside_the_drawing():
    """A wide bar (a claim for a whole year) whose label does not fit on either side of it: the label is
    moved in, not drawn past the edge ("nearly" was cut there)."""
    from factcheck.reporters import chart

    def claim(cid: str, date: str, value: float, qualifier: str = "exact") -> Claim:
        return Claim(
            id=cid, file="d.yml", line=1, dataset="d", origin=None, metric="m", subject="s", claimant="c",
            value=value, qualifier=qualifier, low=None, high=None, date=parse_span(date), kind="as_of",
            source=Source(),
        )  # fmt: skip

    claims = [claim("a", "2025-01", 1_000_000), claim("b", "2025", 1_234_567, "nearly")]
    figure = lambda c: f"{'nearly ' if c.qualifier == 'nearly' else ''}{c.value:,.0f}"  # noqa: E731
    svg = chart.svg("c", claims, {"b"}, {"a"}, "people", "caption", figure)
    assert ">nearly 1,234,567</text>" in svg
    _labels_inside(svg)
    _labels_inside(chart.zoom("z", claims, claims, {"b"}, {"a"}, "people", "caption", figure)[0])
    for svg in re.findall(
        r"<svg.*?</svg>", rendered(hand_built.daily_series(30, fall_on=29, fall=2000), "html"), re.DOTALL
    ):
        _labels_inside(svg)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(min_value=-1e308, max_value=1e308, allow_nan=False),
            st.sampled_from(["exact", "about", "nearly", "at_least", "more_than", "at_most"]),
            st.integers(min_value=0, max_value=3000),
            st.integers(min_value=0, max_value=400),
        ),
        min_size=2,
        max_size=6,
    )
)
def test_a_zoomed_window_of_any_claims_is_drawn_with_its_named_claims_inside(specs):
    """Whatever the figures (0, negative, near the largest float, open upward) and dates, the window holds
    the claims it is zoomed on, and the chart is drawn with finite coordinates."""
    from factcheck.reporters import chart

    claims = []
    for n, (value, qualifier, start, length) in enumerate(specs):
        first = dt.date(2020, 1, 1) + dt.timedelta(days=start)
        span = f"{first.isoformat()}/{(first + dt.timedelta(days=length)).isoformat()}" if length else first.isoformat()
        claims.append(
            Claim(id=f"c{n}", file="d.yml", line=n + 1, dataset="d", origin=None, metric="m", subject="s",
                  claimant="c", value=value, qualifier=qualifier, low=None, high=None, date=parse_span(span),
                  kind="as_of", source=Source())
        )  # fmt: skip
    named = claims[:2]
    svg, window = chart.zoom("z", claims, named, {"c0"}, {"c1"}, "", "caption", lambda c: f"{c.value:g}")
    from factcheck.floor.numbers import bounds

    for claim in named:
        assert window.first <= claim.date.start and claim.date.end < window.last
        lower, upper = bounds(claim.value, claim.qualifier)
        if max(abs(lower), abs(upper) if upper != float("inf") else 0) <= 1e300:  # the axis's own limit
            assert window.low <= lower and (upper == float("inf") or upper <= window.high)
    assert "nan" not in svg and "inf" not in svg
    assert 'data-claim="c0"' in svg and 'data-claim="c1"' in svg


@pytest.mark.parametrize(
    "dates",
    [
        ["9999-12-31"],  # a date in the future: a finding, and its claim charted
        ["2026-03", "9999-12-31"],
        ["9999-12-20", "9999-12-31"],  # days apart: ticks a day or a week apart
        ["9999-01", "9999-12-31"],  # months apart: ticks on the months
        ["0001-01-01", "0001-01-02"],
        ["0001-01-01", "9999-12-31"],
    ],
)
def test_claims_at_either_end_of_the_calendar_are_charted(dates):
    """A window reaches a day past its claims and pads them: it stops at the calendar's ends (years 1 and
    9999) instead of failing to make a date, and the claims a zoom names are drawn."""
    from factcheck.reporters import chart

    claims = [
        Claim(id=f"c{n}", file="d.yml", line=n + 1, dataset="d", origin=None, metric="m", subject="s",
              claimant="c", value=100.0 + n, qualifier="exact", low=None, high=None, date=parse_span(date),
              kind="as_of", source=Source())
        for n, date in enumerate(dates)
    ]  # fmt: skip
    figure = lambda c: f"{c.value:g}"  # noqa: E731
    whole = chart.svg("c", claims, {claims[-1].id}, set(), "", "caption", figure)
    svg, window = chart.zoom("z", claims, claims, {claims[-1].id}, set(), "", "caption", figure)
    assert window.first <= min(c.date.start for c in claims) and window.end <= dt.date.max
    for drawn in (whole, svg):
        assert "nan" not in drawn and "inf" not in drawn
        assert all(f'data-claim="{c.id}"' in drawn for c in claims)
