"""The HTML report's section on what a pull request changed (`--baseline`), and the new/existing badge.

Kept apart from `reporters/html.py` so that it is one fragment wherever the page's markup lives: `section`
returns the whole `<section>`, `badge` the marker on one finding, `CSS` the few rules they need. Every
text from data goes through the page's `e` (clipped, controls shown, HTML-escaped).
"""

from __future__ import annotations

from factcheck.findings import Finding, Report
from factcheck.reporters.compared import brief, heading, summary

ROWS = 500  # claim changes and fixed findings listed; the JSON report has every one

CSS = """
.compared{border-left:4px solid var(--blue);padding:2px 0 2px 16px}
.compared .sentence{font-size:18px;font-weight:600}
.badge.new{background:var(--ink)}.badge.existing{background:var(--grey)}
"""


def badge(finding: Finding) -> str:
    """'new' or 'existing' beside a finding's severity, when the run was compared with a base."""
    if finding.baseline is None:
        return ""
    return f' <span class="badge {finding.baseline}">{finding.baseline}</span>'


def section(report: Report) -> str:
    """'3 claims added, 1 changed: 45,000 → 55,000; 1 new finding; 2 fixed', then the changes and the
    fixed findings; '' when the run was not compared with a base."""
    from factcheck.reporters.html import e

    if report.comparison is None:
        return ""
    out = ['<section id="changes" class="compared">\n<h2>What this pull request changed</h2>\n']
    if heading(report):
        out.append(f"<p>{e(heading(report))}.</p>\n")
    out.append(f'<p class="sentence">{e(summary(report))}</p>\n')
    if report.comparison.note:
        out.append(f'<p class="hint">Note: {e(report.comparison.note)}</p>\n')
    claims = report.changes.claims if report.changes else []
    if claims:
        out.append(
            "<table>\n<thead><tr><th>Change</th><th>Claim</th><th>What</th><th>Source</th></tr></thead>\n<tbody>\n"
        )
        for change in claims[:ROWS]:
            state = change.state
            source = ", ".join(x for x in (state.outlet, state.published) if x)
            out.append(
                f"<tr><td>{e(change.change)}</td><td><code>{e(change.claim)}</code>"
                f'<div class="where">{e(state.file)}:{state.line}</div></td><td>{e(brief(change))}</td>'
                f"<td>{e(source)}</td></tr>\n"
            )
        out.append("</tbody>\n</table>\n")
        if len(claims) > ROWS:
            out.append(
                f'<p class="more">{len(claims) - ROWS:,} more claim changes: the JSON report lists every one.</p>\n'
            )
    if report.changes and report.changes.files:
        edited = ", ".join(f"<code>{e(f.path)}</code> ({e(f.change)})" for f in report.changes.files)
        out.append(f"<p>Gates, suites or catalog edited: {edited}. They decide what is checked: review them.</p>\n")
    if report.fixed:
        out.append("<h3>Fixed</h3>\n<p>Failed in the base, gone now.</p>\n<ul>\n")
        for finding in report.fixed[:ROWS]:
            claim = f"<code>{e(finding.claim)}</code> " if finding.claim else ""
            out.append(
                f'<li>{claim}<span class="where">{e(finding.location)}</span> <code>{e(finding.check)}</code>: '
                f"{e(finding.message)}</li>\n"
            )
        out.append("</ul>\n")
    out.append("</section>\n")
    return "".join(out)
