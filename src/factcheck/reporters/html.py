"""The HTML report: one self-contained page for editors, claim-centric, readable offline.

Everything is inline (CSS and SVG): the page fetches nothing, needs no script (its Content-Security-Policy
forbids scripts outright) and looks the same with the network off. Every string from a dataset, a catalog
or a suite is escaped, so a quote such as `<script>alert(1)</script>` reads as text.

Layout: a verdict banner with counts; findings grouped by dataset file, then by check (collapsible, capped
per group with a count of what is not shown); for every series with a finding, a chart of its claims over
time; waived findings with their reasons; corroborated claims; and what passed. Output is deterministic.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from html import escape
from itertools import groupby
from typing import TextIO

from factcheck import __version__
from factcheck.figures import bounds, format_figure, format_number
from factcheck.findings import Finding, Report, about_adversary, series_key
from factcheck.models import Claim, url_is_wellformed
from factcheck.reporters import html_articles
from factcheck.text import clip, escaped

# Caps that keep a page with tens of thousands of findings usable: the JSON report has everything.
ROWS_PER_GROUP = 200
CHARTS_PER_FILE = 40
POINTS_PER_CHART = 1500
OPEN_GROUP_MAX = 30
LIST_ROWS = 500

_SEVERITY_WORDS = {"critical": "Critical", "warning": "Warning", "info": "Info"}


# The most of one text the page shows: a long quote is a paragraph, never a whole file.
MAX_TEXT = 2000


def e(value: object) -> str:
    """Text for the page: at most `MAX_TEXT` characters, controls and bidi controls shown as escapes (they
    would be invisible, or show the text around them in another order), then HTML-escaped. Line feeds
    and tabs stay: the page shows them as spaces."""
    return escape(escaped(clip(str(value), MAX_TEXT), keep="\n\t"), quote=True)


class _Page:
    """Shared lookups for one render: claim names, the series index, and the chart anchors."""

    def __init__(self, report: Report) -> None:
        self.report = report
        catalog = report.catalog
        self.claimants = {k: c.name for k, c in catalog.claimants.items()} if catalog else {}
        self.metrics = catalog.metrics if catalog else {}
        self.subjects = {k: s.name for k, s in catalog.subjects.items()} if catalog else {}
        self.series: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in report.claims.values():
            self.series[_series_id(claim)].append(claim)
        for claims in self.series.values():
            claims.sort(key=lambda c: (c.date.start, c.date.end, c.id))
        self.anchors: dict[tuple, str] = {}

    def unit(self, claim: Claim) -> str:
        metric = self.metrics.get(claim.metric)
        return metric.unit if metric else ""

    def figure(self, claim: Claim) -> str:
        return format_figure(claim.value, claim.qualifier, self.unit(claim))


def _series_id(claim: Claim) -> tuple:
    return (claim.kind, *series_key(claim))


def render(report: Report, stream: TextIO) -> None:
    page = _Page(report)
    failed = [f for f in report.findings if f.status == "failed"]
    waived = [f for f in report.findings if f.status == "waived"]
    corroborated = [f for f in report.findings if f.status == "corroborated"]
    title = f"factcheck: {'blocked' if report.blocked else 'publishable'}"
    out: list[str] = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n",
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{e(title)}</title>\n<style>{_CSS}{html_articles.CSS}</style>\n</head>\n<body>\n",
    ]
    out.append(_banner(report))
    out.append(_contents(report, failed, waived, corroborated))
    out.append('<main>\n<section id="findings">\n<h2>Findings</h2>\n')
    if not failed:
        out.append('<p class="none">No claim fails a check.</p>\n')
    for file, group in groupby(failed, key=lambda f: f.file):
        out.append(_file_section(page, file, list(group)))
    out.append("</section>\n")
    out.append(html_articles.section(report))
    out.append(_waived_section(waived))
    out.append(_corroborated_section(page, corroborated))
    out.append(_passed_section(page, failed, waived))
    out.append("</main>\n")
    footer = f"factcheck {e(__version__)}"
    if report.today:
        footer += f" · dates judged against {e(report.today.isoformat())}"
    if report.timestamp:
        footer += f" · generated {e(report.timestamp)}"
    out.append(f"<footer>{footer}</footer>\n</body>\n</html>\n")
    stream.write("".join(out))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _banner(report: Report) -> str:
    counts = report.counts()
    if report.blocked:
        head = "Blocked: not ready to publish"
        lead = f"{_plural(counts['blocking'], 'finding')} at or above the gate's threshold must be fixed or waived."
    else:
        head = "Publishable"
        lead = "No finding blocks publication."
    pills = []
    for key in ("critical", "warning", "info", "waived", "corroborated"):
        pills.append(f'<li class="pill {key}"><b>{counts[key]:,}</b> {key}</li>')
    return (
        f'<header class="banner {e(report.verdict)}" role="banner">\n<h1>{e(head)}</h1>\n<p>{e(lead)} '
        f"{_plural(len(report.claims), 'claim')} checked.</p>\n"
        f'<ul class="counts">{"".join(pills)}</ul>\n</header>\n'
    )


def _contents(report: Report, failed: list[Finding], waived: list[Finding], corroborated: list[Finding]) -> str:
    items = []
    per_file: dict[str, int] = defaultdict(int)
    for finding in failed:
        per_file[finding.file] += 1
    for file, n in per_file.items():
        items.append(f'<li><a href="#{e(_file_anchor(file))}">{e(file)}</a> ({n:,})</li>')
    items.append(html_articles.nav_item(report))
    items.append(f'<li><a href="#waived">Waived</a> ({len(waived):,})</li>')
    items.append(f'<li><a href="#corroborated">Corroborated</a> ({len(corroborated):,})</li>')
    items.append('<li><a href="#passed">What passed</a></li>')
    return f'<nav aria-label="Contents"><ul>{"".join(items)}</ul></nav>\n'


def _file_anchor(file: str) -> str:
    return "file-" + "".join(ch if ch.isalnum() else "-" for ch in file)


def _file_section(page: _Page, file: str, findings: list[Finding]) -> str:
    out = [
        f'<section class="file" id="{e(_file_anchor(file))}">\n<h3>{e(file)} <small>{_plural(len(findings), "finding")}</small></h3>\n'
    ]
    # Charts first get their anchors, so that each finding can link to its series' chart.
    series_ids: list[tuple] = []
    for finding in findings:
        claim = page.report.claims.get(finding.claim) if finding.claim else None
        if claim is not None:
            sid = _series_id(claim)
            if sid not in page.anchors:
                page.anchors[sid] = f"chart-{len(page.anchors) + 1}"
                series_ids.append(sid)
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_check[finding.check].append(finding)
    order = sorted(by_check, key=lambda c: (-max(_rank(f) for f in by_check[c]), c))
    for check in order:
        out.append(_check_group(page, check, by_check[check]))
    if series_ids:
        out.append(_charts(page, series_ids, findings))
    out.append("</section>\n")
    return "".join(out)


def _rank(finding: Finding) -> int:
    return {"critical": 3, "warning": 2, "info": 1}[finding.severity] + (10 if finding.blocking else 0)


def _badge(finding: Finding) -> str:
    label = _SEVERITY_WORDS[finding.severity] + (" · blocks" if finding.blocking else "")
    return f'<span class="badge {e(finding.severity)}{" blocking" if finding.blocking else ""}">{e(label)}</span>'


def _check_group(page: _Page, check: str, findings: list[Finding]) -> str:
    first = findings[0]
    meta = page.report.checks.get(check, {})
    title = first.title or meta.get("title") or check
    explain = first.explain or meta.get("explain") or ""
    worst = max(findings, key=_rank)
    opened = " open" if len(findings) <= OPEN_GROUP_MAX else ""
    out = [
        f'<details class="check"{opened}>\n<summary>{_badge(worst)} <strong>{e(title)}</strong> '
        f'<code>{e(check)}</code> <span class="n">{_plural(len(findings), "finding")}</span></summary>\n'
    ]
    if explain:
        out.append(f'<p class="explain">{e(explain)}</p>\n')
    out.append(
        '<table class="findings">\n<thead><tr><th>Claim</th><th>What is wrong</th><th>Who said it</th>'
        "<th>Source</th></tr></thead>\n<tbody>\n"
    )
    for finding in findings[:ROWS_PER_GROUP]:
        out.append(_finding_row(page, finding))
    out.append("</tbody>\n</table>\n")
    hidden = len(findings) - ROWS_PER_GROUP
    if hidden > 0:
        out.append(
            f'<p class="more">{_plural(hidden, "more finding")} of this check in this file not shown here; '
            "the JSON report (--json) lists every one.</p>\n"
        )
    out.append("</details>\n")
    return "".join(out)


def _finding_row(page: _Page, finding: Finding) -> str:
    claim = page.report.claims.get(finding.claim) if finding.claim else None
    ident = f"<code>{e(finding.claim)}</code>" if finding.claim else "<em>the file itself</em>"
    if finding.column is not None and not finding.claim:  # a figure of an article that no claim backs
        ident = "<em>a figure of the article</em>"
    where = f'<div class="where">{e(finding.location)}</div>'
    what = [f"{_badge(finding)} {e(finding.message)}"]
    if finding.hint:
        what.append(f'<div class="hint">Hint: {e(finding.hint)}</div>')
    if finding.waiver is not None and finding.waiver.until is not None:
        what.append(f'<div class="hint">Waiver expired on {e(finding.waiver.until.text)}</div>')
    if claim is not None:
        anchor = page.anchors.get(_series_id(claim))
        if anchor:
            what.append(f'<div class="chartlink"><a href="#{anchor}">See the chart of this series</a></div>')
    if claim is None:
        return f"<tr><td>{ident}{where}</td><td>{''.join(what)}</td><td></td><td></td></tr>\n"
    who = [f"<strong>{e(page.claimants.get(claim.claimant, claim.claimant))}</strong>"]
    who.append(f'<div class="figure">{e(page.figure(claim))} · {e(claim.date.text)}</div>')
    if about_adversary(claim, page.report.catalog):
        who.append('<div class="partisan">A party to the conflict, on its adversary\'s losses</div>')
    return f"<tr><td>{ident}{where}</td><td>{''.join(what)}</td><td>{''.join(who)}</td><td>{_source(claim)}</td></tr>\n"


def _source(claim: Claim) -> str:
    source = claim.source
    parts = []
    outlet = e(source.outlet) if source.outlet else "<em>no outlet</em>"
    published = f", {e(source.published.text)}" if source.published else ""
    via = f" (via {e(source.via)})" if source.via else ""
    parts.append(f'<div class="outlet">{outlet}{published}{via}</div>')
    if source.quote:
        parts.append(f"<blockquote>{e(source.quote)}</blockquote>")
        if len(source.quote) > MAX_TEXT:
            parts.append(
                f'<div class="more">The quote is {len(source.quote):,} characters long; the whole of it is at '
                f"{e(claim.file)}:{claim.line} and in the JSON report (--json).</div>"
            )
    if source.url:
        if url_is_wellformed(source.url):
            parts.append(f'<a class="url" href="{e(source.url)}" rel="noopener noreferrer">{e(source.url)}</a>')
        else:
            parts.append(f'<div class="url bad">{e(source.url)} <em>(not an http/https link)</em></div>')
    return "".join(parts)


# ---------------------------------------------------------------------------------------------- charts

_W, _H = 760, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 86, 24, 18, 46


def _charts(page: _Page, series_ids: list[tuple], findings: list[Finding]) -> str:
    offending: dict[tuple, set[str]] = defaultdict(set)
    related: dict[tuple, set[str]] = defaultdict(set)
    for finding in findings:
        claim = page.report.claims.get(finding.claim) if finding.claim else None
        if claim is None:
            continue
        sid = _series_id(claim)
        offending[sid].add(claim.id)
        related[sid].update(finding.related)
    out = ['<div class="charts">\n<h4>Series with findings</h4>\n']
    for n, sid in enumerate(series_ids):
        if n >= CHARTS_PER_FILE:
            rest = len(series_ids) - CHARTS_PER_FILE
            out.append(
                f'<p class="more">{_plural(rest, "more series", "more series")} with findings in this file not drawn.</p>\n'
            )
            break
        out.append(_chart(page, sid, offending[sid], related[sid] - offending[sid], open_=n < 5))
    out.append("</div>\n")
    return "".join(out)


def _chart(page: _Page, sid: tuple, offending: set[str], related: set[str], open_: bool) -> str:
    claims = page.series[sid]
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
    shown = _sample(claims, offending | related)
    note = ""
    if len(shown) < len(claims):
        note = f" Showing {len(shown):,} of {len(claims):,} claims (every one with a finding)."
    svg = _svg(page, anchor, shown, offending, related, unit, caption)
    return (
        f'<details class="chart" id="{anchor}"{" open" if open_ else ""}>\n<summary>{e(caption)} '
        f'<span class="n">{_plural(len(claims), "claim")}, {len(offending):,} with findings</span></summary>\n'
        f"<figure>{svg}<figcaption>Each bar spans the dates a claim covers (horizontally) and the values it "
        f"allows (vertically). Red: a claim with a finding; orange: a claim it was compared with; a bar "
        f"fading upward with an arrow has no upper limit (“more than”, “at least”).{e(note)}</figcaption>"
        "</figure>\n</details>\n"
    )


def _sample(claims: list[Claim], keep: set[str]) -> list[Claim]:
    if len(claims) <= POINTS_PER_CHART:
        return claims
    others = [c for c in claims if c.id not in keep]
    room = max(POINTS_PER_CHART - (len(claims) - len(others)), 0)
    step = len(others) / room if room else math.inf
    chosen = {others[int(i * step)].id for i in range(room)} if room else set()
    return [c for c in claims if c.id in keep or c.id in chosen]


_LARGEST_AXIS = 1e300


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / target if span > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def _date_ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    days = (last - first).days
    ticks: list[tuple[dt.date, str]] = []
    if days > 3 * 366:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if days / 365.25 / s <= 8)
        year = first.year + (1 if first > dt.date(first.year, 1, 1) else 0)
        year += (-year) % step
        while year <= last.year:
            ticks.append((dt.date(year, 1, 1), str(year)))
            year += step
    elif days > 62:
        step = next(s for s in (1, 2, 3, 6, 12) if days / 30.4 / s <= 8)
        month = first.year * 12 + first.month - 1 + (1 if first.day > 1 else 0)
        month += (-month) % step
        while True:
            day = dt.date(month // 12, month % 12 + 1, 1)
            if day > last:
                break
            ticks.append((day, day.strftime("%Y-%m")))
            month += step
    else:
        step = next(s for s in (1, 2, 7, 14, 31) if days / s <= 8)
        day = first
        while day <= last:
            ticks.append((day, day.isoformat()))
            day += dt.timedelta(days=step)
    return ticks


def _fmt(value: float, unit: str) -> str:
    text = format_number(round(value, 6))
    return text + "%" if unit == "percent" else text


def _svg(page: _Page, anchor: str, claims: list[Claim], offending: set[str], related: set[str], unit: str,
         caption: str) -> str:  # fmt: skip
    spans = [bounds(c.value, c.qualifier, c.low, c.high) for c in claims]
    finite = [v for lower, upper in spans for v in (lower, upper) if math.isfinite(v)]
    # A figure near the largest float (1e308, a finding of its own) would make the axis overflow.
    top = min(max(finite + [c.value for c in claims] + [1.0]), _LARGEST_AXIS) * 1.08
    step = _nice_step(top)
    top = math.ceil(top / step) * step
    x_first = min(c.date.start for c in claims)
    x_last = max(c.date.end for c in claims) + dt.timedelta(days=1)
    pad = max((x_last - x_first).days // 30, 1)
    x_first -= dt.timedelta(days=pad)
    x_last += dt.timedelta(days=pad)
    x0, x1 = x_first.toordinal(), x_last.toordinal()
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(day: dt.date) -> float:
        return _LEFT + (day.toordinal() - x0) / (x1 - x0) * plot_w

    def y(value: float) -> float:
        return _TOP + plot_h - min(value, top) / top * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" '
        f'role="img" aria-labelledby="{anchor}-t"><title id="{anchor}-t">{e(caption)}</title>',
        f'<defs><linearGradient id="{anchor}-fade" x1="0" y1="1" x2="0" y2="0">'
        '<stop offset="0" stop-color="#4c6a8a" stop-opacity="0.6"/>'
        '<stop offset="1" stop-color="#4c6a8a" stop-opacity="0"/></linearGradient></defs>',
    ]
    # Axes, grid and labels.
    value = 0.0
    while value <= top + step / 2:
        yy = y(value)
        parts.append(f'<line class="grid" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        parts.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">{e(_fmt(value, unit))}</text>'
        )
        value += step
    for day, label in _date_ticks(x_first, x_last):
        xx = x(day)
        parts.append(f'<line class="axis" x1="{xx:.1f}" x2="{xx:.1f}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h + 5}"/>')
        parts.append(f'<text class="tick" x="{xx:.1f}" y="{_TOP + plot_h + 18}" text-anchor="middle">{e(label)}</text>')
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h}"/>')
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{_TOP + plot_h}"/>')
    parts.append(
        f'<text class="label" x="{_LEFT + plot_w / 2:.1f}" y="{_H - 6}" text-anchor="middle">date the figure counts to</text>'
    )
    parts.append(
        f'<text class="label" transform="translate(14 {_TOP + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle">'
        f"{e(unit or 'value')}</text>"
    )
    # Claims: normal ones first, so that claims with findings are drawn on top.
    order = sorted(range(len(claims)), key=lambda i: (claims[i].id in offending, claims[i].id in related))
    for i in order:
        claim = claims[i]
        lower, upper = spans[i]
        cls = "bad" if claim.id in offending else "rel" if claim.id in related else "ok"
        left, right = x(claim.date.start), x(claim.date.end + dt.timedelta(days=1))
        width = max(right - left, 3.0)
        if width == 3.0:
            left = (left + right) / 2 - 1.5
        tip = f"{claim.id}: {page.figure(claim)} ({claim.date.text})"
        parts.append(f'<g class="claim {cls}"><title>{e(tip)}</title>')
        if math.isinf(upper):
            y_low = y(lower)
            parts.append(
                f'<rect x="{left:.1f}" y="{_TOP}" width="{width:.1f}" height="{max(y_low - _TOP, 1):.1f}" '
                f'fill="url(#{anchor}-fade)" stroke="none"/>'
            )
            parts.append(
                f'<line x1="{left:.1f}" x2="{left + width:.1f}" y1="{y_low:.1f}" y2="{y_low:.1f}" class="edge"/>'
            )
            cx = left + width / 2
            parts.append(
                f'<path class="arrow" d="M{cx - 5:.1f} {_TOP + 9} L{cx:.1f} {_TOP} L{cx + 5:.1f} {_TOP + 9} Z"/>'
            )
        else:
            y_top, y_low = y(upper), y(lower)
            height = max(y_low - y_top, 3.0)
            if height == 3.0:
                y_top = (y_top + y_low) / 2 - 1.5
            parts.append(f'<rect x="{left:.1f}" y="{y_top:.1f}" width="{width:.1f}" height="{height:.1f}"/>')
        if cls == "bad":
            cy = y(claim.value)
            parts.append(f'<circle cx="{left + width / 2:.1f}" cy="{cy:.1f}" r="5"/>')
        if cls != "ok" or (math.isinf(upper) and len(claims) <= 40):
            # Label the claims a reader must find; the others keep their figure in the hover title.
            label_y = (_TOP + 24) if math.isinf(upper) else max(y(upper) - 8, _TOP + 10)
            anchor_at = "end" if left + width / 2 > _LEFT + plot_w * 0.8 else "start"
            label_x = left + width + 4 if anchor_at == "start" else left - 4
            parts.append(
                f'<text class="val" x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor_at}">'
                f"{e(page.figure(claim))}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------- sections


def _waived_section(waived: list[Finding]) -> str:
    out = ['<section id="waived">\n<h2>Waived findings</h2>\n']
    if not waived:
        out.append('<p class="none">No finding is waived.</p>\n</section>\n')
        return "".join(out)
    out.append(
        "<p>Failures a curator has acknowledged in the dataset. They do not block publication until their "
        "waiver expires.</p>\n<table>\n<thead><tr><th>Claim</th><th>Check</th><th>Finding</th><th>Reason</th>"
        "<th>Until</th></tr></thead>\n<tbody>\n"
    )
    for finding in waived[:LIST_ROWS]:
        waiver = finding.waiver
        until = e(waiver.until.text) if waiver and waiver.until else "no expiry"
        reason = e(waiver.reason) if waiver else ""
        out.append(
            f'<tr><td><code>{e(finding.claim or "")}</code><div class="where">{e(finding.location)}</div></td>'
            f"<td>{e(finding.title or finding.check)} <code>{e(finding.check)}</code></td>"
            f"<td>{e(finding.message)}</td><td>{reason}</td><td>{until}</td></tr>\n"
        )
    out.append("</tbody>\n</table>\n")
    if len(waived) > LIST_ROWS:
        out.append(f'<p class="more">{_plural(len(waived) - LIST_ROWS, "more waived finding")} not shown.</p>\n')
    out.append("</section>\n")
    return "".join(out)


def _corroborated_section(page: _Page, corroborated: list[Finding]) -> str:
    out = ['<section id="corroborated">\n<h2>Corroborated claims</h2>\n']
    if not corroborated:
        out.append('<p class="none">No check reported corroborating evidence in this run.</p>\n</section>\n')
        return "".join(out)
    out.append('<p>Claims that another source confirms: evidence in their favour.</p>\n<ul class="good">\n')
    for finding in corroborated[:LIST_ROWS]:
        out.append(
            f'<li><code>{e(finding.claim or "")}</code> <span class="where">{e(finding.location)}</span>: '
            f"{e(finding.message)} <small>({e(finding.title or finding.check)})</small></li>\n"
        )
    out.append("</ul>\n")
    if len(corroborated) > LIST_ROWS:
        out.append(f'<p class="more">{_plural(len(corroborated) - LIST_ROWS, "more")} not shown.</p>\n')
    out.append("</section>\n")
    return "".join(out)


def _passed_section(page: _Page, failed: list[Finding], waived: list[Finding]) -> str:
    report = page.report
    failing_claims: dict[str, set[str]] = defaultdict(set)
    for finding in failed:
        failing_claims[finding.check].add(finding.claim or finding.location)
    waived_n: dict[str, int] = defaultdict(int)
    for finding in waived:
        waived_n[finding.check] += 1
    claims_per_file: dict[str, int] = defaultdict(int)
    for claim in report.claims.values():
        claims_per_file[claim.file] += 1
    out = [
        '<section id="passed">\n<h2>What passed</h2>\n',
        f"<p>{_plural(len(report.claims), 'claim')} in {_plural(len(page.series), 'series', 'series')} "
        f"passed the format checks and went through the gates below.</p>\n",
    ]
    for gate in report.gates:
        claims = sum(claims_per_file[f] for f in gate.files)
        out.append(
            f"<h3>Gate <code>{e(gate.name)}</code> <small>{e(gate.path)} · blocks at {e(gate.fail_on)} · "
            f"{_plural(len(gate.files), 'file')} · {_plural(claims, 'claim')}</small></h3>\n"
            "<table>\n<thead><tr><th>Check</th><th>Severity</th><th>Passed</th><th>Failed</th><th>Waived</th>"
            "</tr></thead>\n<tbody>\n"
        )
        for check in gate.checks:
            meta = report.checks.get(check, {})
            bad = len(failing_claims.get(check, ()))
            passed = max(claims - bad - waived_n.get(check, 0), 0)
            out.append(
                f"<tr><td>{e(meta.get('title', check))} <code>{e(check)}</code></td>"
                f'<td>{e(meta.get("severity", ""))}</td><td class="num">{passed:,}</td>'
                f'<td class="num">{bad:,}</td><td class="num">{waived_n.get(check, 0):,}</td></tr>\n'
            )
        out.append("</tbody>\n</table>\n")
    out.append("</section>\n")
    return "".join(out)


_CSS = """
:root{--ink:#1b1f24;--muted:#5b6470;--line:#d9dde3;--bg:#fff;--soft:#f5f6f8;--red:#b42318;--amber:#9a5b00;
--blue:#1f5fad;--green:#1d7a3c;--grey:#6b7280}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
main,nav,footer{max-width:1180px;margin:0 auto;padding:0 20px}
.banner{padding:22px 20px 18px;color:#fff}
.banner>*{max-width:1140px;margin-left:auto;margin-right:auto}
.banner.blocked{background:var(--red)}.banner.publishable{background:var(--green)}
.banner h1{margin:0 auto 4px;font-size:30px}.banner p{margin-top:0;margin-bottom:10px;font-size:18px}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.pill{background:rgba(255,255,255,.18);border:1px solid rgba(255,255,255,.5);border-radius:999px;padding:2px 12px}
nav ul{list-style:none;padding:10px 0;margin:0;display:flex;flex-wrap:wrap;gap:6px 18px;border-bottom:1px solid var(--line)}
nav a{color:var(--blue)}
h2{margin:28px 0 10px;font-size:24px;border-bottom:2px solid var(--ink);padding-bottom:4px}
h3{margin:22px 0 8px;font-size:19px}h3 small,h4 small{font-weight:normal;color:var(--muted);font-size:14px}
h4{margin:18px 0 6px}
code{font:14px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;
border-radius:3px;overflow-wrap:anywhere}
details{border:1px solid var(--line);border-radius:6px;margin:10px 0;background:#fff}
summary{cursor:pointer;padding:8px 12px;background:var(--soft);border-radius:6px}
details[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.n{color:var(--muted);font-size:14px;margin-left:6px}
.explain{margin:8px 12px;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:15px}
th,td{text-align:left;vertical-align:top;padding:7px 10px;border-top:1px solid var(--line)}
th{background:var(--soft);font-size:13px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
table.findings td:first-child{width:22%}table.findings td:nth-child(2){width:34%}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.where{color:var(--muted);font-size:13px;font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.badge{display:inline-block;font-size:12px;font-weight:600;border-radius:4px;padding:0 6px;margin-right:4px;color:#fff}
.badge.critical{background:var(--red)}.badge.warning{background:var(--amber)}.badge.info{background:var(--blue)}
.badge.blocking{outline:2px solid var(--ink);outline-offset:1px}
.hint{color:var(--muted);font-size:14px;margin-top:4px}
.partisan{color:var(--muted);font-size:13px;font-style:italic}
.chartlink{font-size:14px;margin-top:4px}.chartlink a,a.url{color:var(--blue)}
.figure{font-size:14px;color:var(--muted)}
.outlet{font-weight:600}
blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid var(--line);font-style:italic;overflow-wrap:anywhere;
white-space:pre-wrap}
a.url{font-size:13px;overflow-wrap:anywhere}.url.bad{font-size:13px;color:var(--muted);overflow-wrap:anywhere}
.more{margin:8px 12px;font-style:italic;color:var(--muted)}
.none{color:var(--muted)}
.charts{margin-top:14px}
figure{margin:10px 12px}figcaption{font-size:14px;color:var(--muted);max-width:760px}
svg{max-width:100%;height:auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg .grid{stroke:#eceef1}svg .axis{stroke:#8a929c}
svg .tick{font-size:12px;fill:#4b5563}svg .label{font-size:13px;fill:#1b1f24}
svg .claim{color:#4c6a8a;fill:#4c6a8a;stroke:#2f4b68;stroke-width:.6}
svg .claim.bad{color:var(--red);fill:var(--red);stroke:#7a1710;stroke-width:1.2}
svg .claim.rel{color:#d97706;fill:#d97706;stroke:#92400e;stroke-width:1}
svg .claim circle{fill:#fff;stroke:var(--red);stroke-width:2.5}
svg .claim .edge{stroke:currentColor;stroke-width:2.5}
svg .claim .arrow{stroke:none}
svg .claim .val{font-size:12px;stroke:none;font-weight:600}
ul.good li{margin:4px 0}ul.good{border-left:4px solid var(--green);padding-left:26px}
footer{color:var(--muted);font-size:13px;padding:30px 20px}
@media print{details{break-inside:avoid}summary{background:none}}
"""
