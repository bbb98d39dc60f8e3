"""The HTML report: one self-contained page for editors, claim-centric, readable offline.

Everything is inline (CSS and SVG): the page fetches nothing, needs no script (its Content-Security-Policy
forbids scripts outright) and looks the same with the network off. Every string from a dataset, a catalog
or a suite is escaped (`markup.e`), so a quote such as `<script>alert(1)</script>` reads as text.

Layout: a verdict banner with counts that names and links the first blocking findings (in the order of
`words.ranked`, which the GitHub annotations and job summary use too); the blocking findings, then (after
what a pull request changed, with `--baseline`) the others, each part grouped by file, then by check
(collapsible, capped
per group with a count of what is not shown, and the findings of one series beyond the first few summed
up in one row), each check with the command that explains it; under a
finding that compares its claim with others, a chart zoomed on those claims (`chart.zoom`); for every
series with a finding, a chart of its claims over time; waived findings with their reasons; corroborated
claims; and what passed. A claim the schema refused still shows its source as written (`Finding.source`),
and a quote that does not state its figure has the number that differs marked (`markup.marked_quote`).
Output is deterministic.

This module decides what the page shows; `page/report.html.j2` lays it out and `chart` draws the
series.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple, TextIO

import jinja2
from markupsafe import Markup

from factcheck import __version__
from factcheck.floor.columns import about_adversary, series_id
from factcheck.floor.numbers import format_figure
from factcheck.floor.text import clip
from factcheck.report.findings import Finding, Report, severity_rank
from factcheck.reporters import chart as charts
from factcheck.reporters import html_articles, html_comparison
from factcheck.reporters.markup import MAX_TEXT, e, marked_quote, url_is_wellformed
from factcheck.reporters.words import SERIES_LISTED, explain_command, lines_span, plural, ranked, series_runs

if TYPE_CHECKING:
    from factcheck.model.format import Claim

# Caps that keep a page with tens of thousands of findings usable: the JSON report has everything.
ROWS_PER_GROUP = 200
CHARTS_PER_FILE = 40
ZOOMS_PER_FILE = 40  # findings drawn zoomed on the claims they compare, in the order the page lists them
# A run over a thousand files with a finding or two each would otherwise draw two charts for each file.
CHARTS_PER_PAGE = 100
ZOOMS_PER_PAGE = 100
OPEN_CHARTS = 5
OPEN_GROUP_MAX = 30
LIST_ROWS = 500
BANNER_LISTED = 10  # blocking findings the banner names; the rest are counted, linking to their section
BANNER_MESSAGE = 160  # characters of a finding's message in the banner: the row below has all of it

_SEVERITY_WORDS = {"critical": "Critical", "warning": "Warning", "info": "Info"}
# The check whose findings get the differing number marked in their quote: the id of
# factcheck.rules.quote_states_figure (importing it would load every check, and pandas with them).
_QUOTE_CHECK = "quote-states-figure"


class _Zoom(NamedTuple):
    """A finding's chart, zoomed on the claims it names."""

    anchor: str
    svg: str
    first: str  # the window's dates
    last: str
    low: str  # the window's lowest value, when not 0


class _Claimed(NamedTuple):
    """What a finding's row shows of its claim: who said it, the figure, and the source."""

    where: str  # the claim's file:line
    who: str
    figure: str
    date: str
    partisan: bool
    chart: str | None  # the anchor of the chart of the claim's series
    outlet: str | None
    published: str | None
    via: str | None
    quote: str | None
    clipped: int  # the length of a quote longer than the page shows, else 0
    url: str | None
    link: bool  # the URL is an http(s) link
    marked: object = None  # the quote with the number that differs from the figure marked (Markup)
    zoom: _Zoom | None = None
    refused: bool = False  # the schema refused the claim: only its source as written is known


class _SeriesRest(NamedTuple):
    """The findings of one check in one series beyond the first `SERIES_LISTED`, summed up in one row."""

    series: str
    n: int
    lines: str  # `lines 21 to 1,210`
    first: str  # the dates of the first and the last of their claims
    last: str
    chart: str | None  # the anchor of the series' chart, when it is drawn


class _Group(NamedTuple):
    """The findings of one check in one file."""

    check: str
    title: str
    explain: str
    command: str  # `factcheck explain ID`
    worst: Finding
    n: int
    open: bool
    # A listed finding, what its row shows of its claim (None: a finding on the file itself), the rest of its
    # series' findings after it when it is the last of them listed, and the row's anchor (blocking rows only).
    rows: list[tuple[Finding, _Claimed | None, _SeriesRest | None, str | None]]
    hidden: int  # findings neither listed nor summed up in a series' row


class _Blocker(NamedTuple):
    """A blocking finding as the banner names it, linking to its row."""

    href: str
    where: str
    check: str
    claim: str | None
    message: str


class _Chart(NamedTuple):
    anchor: str
    open: bool
    caption: str
    claims: int
    offending: int
    svg: str
    note: str


class _Section(NamedTuple):
    file: str
    anchor: str
    n: int
    groups: list[_Group]
    charts: list[_Chart]
    undrawn: int  # series with findings beyond `CHARTS_PER_FILE`, or beyond what the page has left
    page_full: bool  # the page has drawn `CHARTS_PER_PAGE` charts


class _CheckPassed(NamedTuple):
    id: str
    title: str
    severity: str
    passed: int
    failed: int
    waived: int


class _GatePassed(NamedTuple):
    name: str
    path: str
    fail_on: str
    files: int
    claims: int
    checks: list[_CheckPassed]


class _Page:
    """Shared lookups for one render: claim names, the series index, and the chart anchors."""

    def __init__(self, report: Report) -> None:
        self.report = report
        catalog = report.catalog
        self.claimants = {k: c.name for k, c in catalog.claimants.items()} if catalog else {}
        self.metrics = catalog.metrics if catalog else {}
        self.subjects = {k: s.name for k, s in catalog.subjects.items()} if catalog else {}
        # The claims that findings name and compare, each looked up once, and only those: a run's other
        # claims are never made (claimset.ClaimSet holds a series' points as columns).
        self.claims: dict[str, Claim] = {}
        for finding in report.findings:
            for cid in (finding.claim, *finding.related):
                claim = report.claims.get(cid) if cid and cid not in self.claims else None
                if claim is not None:
                    self.claims[cid] = claim
        self.series_of: dict[str | None, tuple] = {cid: series_id(c) for cid, c in self.claims.items()}
        # The claims' own index of their series: loaded with the claims it reads, never by importing this module.
        from factcheck.model.claimset import SeriesIndex

        self.index = SeriesIndex(report.claims)
        self._series: dict[tuple, list[Claim]] = {}
        self.anchors: dict[tuple, str] = {}  # the series drawn as charts
        self.zooms = 0  # drawn on the whole page, for their anchors
        self.zooms_left = 0  # still to draw in this file

    def series(self, sid: tuple) -> list[Claim]:
        """The claims of a series by date, made when the page first draws it."""
        claims = self._series.get(sid)
        if claims is None:
            claims = self._series[sid] = sorted(self.index.claims(sid), key=lambda c: (c.date.start, c.date.end, c.id))
        return claims

    def unit(self, claim: Claim) -> str:
        metric = self.metrics.get(claim.metric)
        return metric.unit if metric else ""

    def figure(self, claim: Claim) -> str:
        return format_figure(claim.value, claim.qualifier, self.unit(claim))


def _importance(finding: Finding) -> tuple[bool, int]:
    return (finding.blocking, severity_rank(finding.severity))


def _file_anchor(file: str) -> str:
    return "file-" + "".join(ch if ch.isalnum() else "-" for ch in file)


def _count(n: int) -> str:
    return f"{n:,}"


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.reporters", "page"),
        autoescape=True,
        finalize=e,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.filters.update(count=_count, plural=plural)
    return environment.get_template("report.html.j2")


def render(report: Report, stream: TextIO) -> None:
    """The page, written to `stream` at once (every part is capped, so a page stays a few megabytes)."""
    page = _Page(report)
    failed = [f for f in report.findings if f.status == "failed"]
    waived = [f for f in report.findings if f.status == "waived"]
    corroborated = [f for f in report.findings if f.status == "corroborated"]
    counts = report.counts()
    blocking = [f for f in ranked(report) if f.blocking]
    anchors = {id(f): f"blocking-{n}" for n, f in enumerate(blocking, 1)}
    # Blocking findings first, files in the order of their most important finding; the others in file order.
    # A series' chart is drawn in the first section that has a finding of it, so blocking ones come first too.
    blocking_sections = [_section(page, file, group, "blocking-" + _file_anchor(file), anchors)
                         for file, group in _by_file(blocking).items()]  # fmt: skip
    other_sections = [_section(page, file, group, _file_anchor(file), anchors)
                      for file, group in _by_file([f for f in failed if not f.blocking]).items()]  # fmt: skip
    contents: dict[str, tuple[str, int]] = {}  # file -> the anchor of its first section, its findings
    for section in blocking_sections + other_sections:
        anchor, n = contents.get(section.file, (section.anchor, 0))
        contents[section.file] = (anchor, n + section.n)
    if report.blocked:
        head = "Blocked: not ready to publish"
        lead = f"{plural(counts['blocking'], 'finding')} at or above the gate's threshold must be fixed or waived."
    else:
        head, lead = "Publishable", "No finding blocks publication."
    text = _template().render(
        report=report,
        title=f"factcheck: {report.verdict}",
        head=head,
        lead=lead,
        claims_checked=plural(len(report.claims), "claim"),
        counts=counts,
        contents=contents.items(),
        blockers=_blockers(blocking),
        blocking_n=len(blocking),
        blocking_sections=blocking_sections,
        sections=other_sections,
        waived=waived,
        corroborated=corroborated,
        series=len(page.index),
        gates=_gates(page, failed, waived),
        version=__version__,
        severity_words=_SEVERITY_WORDS,
        list_rows=LIST_ROWS,
        charts_per_page=CHARTS_PER_PAGE,
        comparison=html_comparison.data(report),
        # The articles' text with its figures marked, escaped by `html_articles` as it builds it.
        articles_nav=Markup(html_articles.nav_item(report)),
        articles_section=Markup(html_articles.section(report)),
    )
    stream.write(text)


def _by_file(findings: list[Finding]) -> dict[str, list[Finding]]:
    """`findings` by file, files in the order of their first finding, each file's findings in their order."""
    files: dict[str, list[Finding]] = {}
    for finding in findings:
        files.setdefault(finding.file, []).append(finding)
    return files


def _blockers(blocking: list[Finding]) -> list[_Blocker]:
    """The first `BANNER_LISTED` blocking findings, each linking to its row. Their rows are always listed: in
    each group the rows are in `ranked` order, and a group lists its first `SERIES_LISTED` of a series and its
    first `ROWS_PER_GROUP` rows, each at least as many as the banner names."""
    return [_Blocker(f"blocking-{n}", f.location, f.check, f.claim, clip(f.message, BANNER_MESSAGE))
            for n, f in enumerate(blocking[:BANNER_LISTED], 1)]  # fmt: skip


def _section(page: _Page, file: str, findings: list[Finding], anchor: str, anchors: dict[int, str]) -> _Section:
    # The charts to draw get their anchors first, so that each finding can link to its series' chart. A
    # series is drawn once, where it first has a finding.
    found = (page.series_of.get(finding.claim) for finding in findings)
    series_ids = list(dict.fromkeys(sid for sid in found if sid is not None and sid not in page.anchors))
    drawing = series_ids[: min(CHARTS_PER_FILE, CHARTS_PER_PAGE - len(page.anchors))]
    for sid in drawing:
        page.anchors[sid] = f"chart-{len(page.anchors) + 1}"
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_check[finding.check].append(finding)
    # The check with the most important finding first (blocking, then severity), then by id.
    worst = {check: max(group, key=_importance) for check, group in by_check.items()}
    order = sorted(sorted(by_check), key=lambda c: _importance(worst[c]), reverse=True)
    page.zooms_left = min(ZOOMS_PER_FILE, ZOOMS_PER_PAGE - page.zooms)
    groups = [_group(page, check, by_check[check], worst[check], anchors) for check in order]
    drawn = _charts(page, drawing, findings) if drawing else []
    undrawn = len(series_ids) - len(drawing)
    return _Section(
        file, anchor, len(findings), groups, drawn, undrawn, undrawn > 0 and len(page.anchors) >= CHARTS_PER_PAGE
    )


def _group(page: _Page, check: str, findings: list[Finding], worst: Finding, anchors: dict[int, str]) -> _Group:
    first = findings[0]
    meta = page.report.checks.get(check)
    # A series' findings past the first few are summed up after the last of them listed.
    rests: dict[int, _SeriesRest] = {}
    cut: set[int] = set()
    for (_, series), run in series_runs(page.report, findings).items():
        rest = run[SERIES_LISTED:]
        cut.update(id(f) for f in rest)
        rests[id(run[SERIES_LISTED - 1])] = _rest(page, series, rest)
    listed = [f for f in findings if id(f) not in cut][:ROWS_PER_GROUP]
    rows = [(*_row(page, f), rests.get(id(f)), anchors.get(id(f))) for f in listed]
    return _Group(
        check=check,
        title=first.title or (meta.title if meta else "") or check,
        explain=first.explain or (meta.explain if meta else ""),
        command=explain_command(check),
        worst=worst,
        n=len(findings),
        open=len(findings) <= OPEN_GROUP_MAX,
        rows=rows,
        hidden=len(findings) - len(rows) - sum(rest.n for _, _, rest, _ in rows if rest),
    )


def _rest(page: _Page, series: str, findings: list[Finding]) -> _SeriesRest:
    claims = [page.claims[f.claim] for f in findings]
    return _SeriesRest(
        series=series,
        n=len(findings),
        lines=lines_span(findings),
        first=claims[0].date.text,
        last=claims[-1].date.text,
        chart=page.anchors.get(page.series_of[claims[0].id]),
    )


def _row(page: _Page, finding: Finding) -> tuple[Finding, _Claimed | None]:
    claim = page.claims.get(finding.claim) if finding.claim else None
    if claim is None:
        return finding, _refused(finding) if finding.source else None
    source = claim.source
    figure = page.figure(claim)
    marked = None
    if finding.check == _QUOTE_CHECK and finding.status == "failed" and source.quote:
        marked = marked_quote(source.quote, claim.value, figure)
    return finding, _Claimed(
        where=f"{claim.file}:{claim.line}",
        who=page.claimants.get(claim.claimant, claim.claimant),
        figure=figure,
        date=claim.date.text,
        partisan=about_adversary(claim, page.report.catalog),
        chart=page.anchors.get(page.series_of[finding.claim]),
        outlet=source.outlet,
        published=source.published.text if source.published else None,
        via=source.via,
        quote=source.quote,
        clipped=len(source.quote) if source.quote and len(source.quote) > MAX_TEXT else 0,
        url=source.url,
        link=bool(source.url) and url_is_wellformed(source.url),
        marked=marked,
        zoom=_zoom(page, finding, claim),
    )


def _refused(finding: Finding) -> _Claimed:
    """A claim the schema refused: its source fields as written (each clipped by stage 0), nothing else."""
    source = dict(finding.source)
    url = source.get("url")
    return _Claimed(
        where=finding.location, who="", figure="", date="", partisan=False, chart=None,
        outlet=source.get("outlet"), published=source.get("published"), via=source.get("via"),
        quote=source.get("quote"), clipped=0, url=url, link=bool(url) and url_is_wellformed(url), refused=True,
    )  # fmt: skip


def _zoom(page: _Page, finding: Finding, claim: Claim) -> _Zoom | None:
    """The chart zoomed on the claims a finding compares (its claim and the related ones), while the file
    has zooms left; the related claims are drawn even where they are of another series."""
    related = [page.claims[r] for r in finding.related if r in page.claims]
    if not related or page.zooms_left <= 0:
        return None
    page.zooms_left -= 1
    page.zooms += 1
    anchor = f"zoom-{page.zooms}"
    series = page.series(page.series_of[claim.id])
    others = [c for c in related if page.series_of.get(c.id) != page.series_of[claim.id]]
    unit = page.unit(claim)
    caption = f"{claim.id} and the claims it is compared with, zoomed in"
    svg, window = charts.zoom(anchor, series + others, [claim, *related], {claim.id}, {c.id for c in related},
                              unit, caption, page.figure)  # fmt: skip
    low = charts.axis_figure(window.low, unit) if window.low != 0 else ""
    return _Zoom(anchor, svg, window.first.isoformat(), window.end.isoformat(), low)


def _charts(page: _Page, series_ids: list[tuple], findings: list[Finding]) -> list[_Chart]:
    offending: dict[tuple, set[str]] = defaultdict(set)
    related: dict[tuple, set[str]] = defaultdict(set)
    for finding in findings:
        sid = page.series_of.get(finding.claim)
        if sid is not None:
            offending[sid].add(finding.claim)
            related[sid].update(finding.related)
    return [
        _chart(page, sid, offending[sid], related[sid] - offending[sid], open_=n < OPEN_CHARTS)
        for n, sid in enumerate(series_ids)
    ]


def _chart(page: _Page, sid: tuple, offending: set[str], related: set[str], open_: bool) -> _Chart:
    claims = page.series(sid)
    first = claims[0]
    metric = page.metrics.get(first.metric)
    unit = metric.unit if metric else ""
    what = metric.description if metric else first.metric
    who = page.claimants.get(first.claimant, first.claimant)
    subject = page.subjects.get(first.subject, first.subject)
    caption = f"{what} ({subject}), claimed by {who}"
    if first.kind == "period":
        caption += ": totals over a period"
    anchor = page.anchors[sid]
    drawn = charts.sample(claims, offending | related)
    note = ""
    if len(drawn) < len(claims):
        note = f" Showing {len(drawn):,} of {len(claims):,} claims (every one with a finding)."
    svg = charts.svg(anchor, drawn, offending, related, unit, caption, page.figure)
    return _Chart(anchor, open_, caption, len(claims), len(offending), svg, note)


def _gates(page: _Page, failed: list[Finding], waived: list[Finding]) -> list[_GatePassed]:
    """Per gate and check: claims that passed, failed and were waived."""
    report = page.report
    failing_claims: dict[str, set[str]] = defaultdict(set)
    for finding in failed:
        failing_claims[finding.check].add(finding.claim or finding.location)
    waived_n: dict[str, int] = defaultdict(int)
    for finding in waived:
        waived_n[finding.check] += 1
    gates = []
    for gate in report.gates:
        claims = gate.claims
        checks = []
        for check in gate.checks:
            meta = report.checks.get(check)
            bad = len(failing_claims.get(check, ()))
            passed = max(claims - bad - waived_n.get(check, 0), 0)
            checks.append(
                _CheckPassed(check, meta.title if meta else check, meta.severity if meta else "", passed, bad,
                             waived_n.get(check, 0))
            )  # fmt: skip
        gates.append(_GatePassed(gate.name, gate.path, gate.fail_on, len(gate.files), claims, checks))
    return gates
