"""What the HTML report shows of a run compared with a base (`--baseline`): the section on what the pull
request changed, as plain data for `page/comparison.html.j2`, which escapes every value like the rest
of the page. The new/existing badge of each finding is in the page's template."""

from __future__ import annotations

from typing import NamedTuple

from factcheck.report.findings import Report
from factcheck.reporters.compared import brief, heading, summary

ROWS = 500  # claim changes and fixed findings listed; the JSON report has every one


class _Change(NamedTuple):
    change: str
    claim: str
    where: str
    brief: str
    source: str


class _Fixed(NamedTuple):
    claim: str | None
    location: str
    check: str
    message: str


class Comparison(NamedTuple):
    heading: str
    summary: str
    note: str
    changes: list[_Change]
    more_changes: int
    files: list[tuple[str, str]]
    fixed: list[_Fixed]


def data(report: Report) -> Comparison | None:
    """'3 claims added, 1 changed: 45,000 → 55,000; 1 new finding; 2 fixed', then the changes and the
    fixed findings; None when the run was not compared with a base."""
    if report.comparison is None:
        return None
    claims = report.changes.claims if report.changes else []
    changes = []
    for change in claims[:ROWS]:
        state = change.state
        source = ", ".join(x for x in (state.outlet, state.published) if x)
        changes.append(_Change(change.change, change.claim, f"{state.file}:{state.line}", brief(change), source))
    return Comparison(
        heading=heading(report),
        summary=summary(report),
        note=report.comparison.note,
        changes=changes,
        more_changes=max(0, len(claims) - ROWS),
        files=[(f.path, f.change) for f in (report.changes.files if report.changes else [])],
        fixed=[_Fixed(f.claim, f.location, f.check, f.message) for f in report.fixed[:ROWS]],
    )
