"""The terminal report: findings grouped by file, ruff-style `file:line`, then a one-line verdict."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

import click

from factcheck.floor.text import shown
from factcheck.report.findings import Finding, Report
from factcheck.reporters.compared import brief, heading, summary
from factcheck.reporters.words import SERIES_LISTED, hint_lines, lines_span, series_runs, verdict_line, why_sentence

_COLOURS = {"critical": "red", "warning": "yellow", "info": "blue"}


def _label(finding: Finding, colour: bool) -> str:
    if finding.status == "waived":
        text, fg = "waived", "cyan"
    elif finding.status == "corroborated":
        text, fg = "corroborated", "green"
    else:
        text, fg = finding.severity, _COLOURS[finding.severity]
    return click.style(f"{text:<8}", fg=fg, bold=finding.blocking) if colour else f"{text:<8}"


LISTED = 20  # claim changes and fixed findings listed in the terminal; the JSON report has every one


def comparison_lines(report: Report) -> list[str]:
    """With --baseline: what the findings were compared with, what changed, and what was fixed (escaped)."""
    if report.comparison is None:
        return []
    lines = []
    if heading(report):
        lines.append(shown(heading(report)))
    lines.append("  " + shown(summary(report)))
    if report.comparison.note:
        lines.append(f"  note: {shown(report.comparison.note)}")
    rows = []
    if report.changes is not None:
        for change in report.changes.claims:
            s = change.state
            rows.append(f"  {change.change:<8}{shown(s.file)}:{s.line} [{shown(change.claim)}]: {shown(brief(change))}")
        for edit in report.changes.files:
            rows.append(f"  {'edited':<8}{shown(edit.path)} ({edit.change})")
    for finding in report.fixed:
        claim = f" [{shown(finding.claim)}]" if finding.claim else ""
        rows.append(f"  {'fixed':<8}{shown(finding.location)}{claim} {shown(finding.check)}: {shown(finding.message)}")
    lines += rows[:LISTED]
    if len(rows) > LISTED:
        lines.append(f"  … {len(rows) - LISTED:,} more (the JSON report, --json, lists every one)")
    return lines


def render(report: Report, stream: TextIO, colour: bool = False, show_waived: bool = False) -> None:
    """Every finding that needs a look, by file; waived ones are counted per file unless `show_waived`.

    Every text from data (file names, claim ids, messages, hints, waiver reasons) is printed through
    `text.shown`: one line each, escaped, clipped, never the start of a workflow command. Compared with a
    base (`--baseline`), each finding says `new` or `existing`, and the comparison comes before the verdict."""
    compared = report.comparison is not None and report.comparison.kind != "none"
    for file, group in groupby(report.findings, key=lambda f: f.file):
        findings = list(group)
        shown_findings = [f for f in findings if show_waived or f.status != "waived"]
        waived = len(findings) - len(shown_findings)
        header = shown(file)
        stream.write(click.style(header, bold=True) + "\n" if colour else header + "\n")
        # Waived findings shown with --show-waived are listed one by one, as asked.
        runs = series_runs(report, [f for f in shown_findings if f.status != "waived"])
        cut = {id(f) for run in runs.values() for f in run[SERIES_LISTED:]}
        for finding in shown_findings:
            if id(finding) in cut:
                continue
            where = f"  {header}:{finding.line}" + (f":{finding.column}" if finding.column else "")
            claim = f" [{shown(finding.claim)}]" if finding.claim else ""
            message = shown(finding.message)
            state = f"{finding.baseline:<9}" if compared and finding.baseline else " " * 9 if compared else ""
            stream.write(f"{where}: {_label(finding, colour)} {state}{shown(finding.check)}{claim}: {message}\n")
            if finding.why:  # a figure in an article: the words that chose its reading, one line
                stream.write(f"      {shown(why_sentence(finding))}\n")
            *own, see = hint_lines(finding)  # the finding's own hint, if any, then `see `factcheck explain ID``
            for hint in own:
                stream.write(f"      {shown(hint)}\n")
            if finding.status == "waived" and finding.waiver:
                until = f" until {shown(finding.waiver.until.text)}" if finding.waiver.until else ""
                stream.write(f"      waived{until}: {shown(finding.waiver.reason)}\n")
            stream.write(f"      {shown(see)}\n")
        for (check, series), run in runs.items():
            rest = run[SERIES_LISTED:]
            stream.write(
                f"  … {len(rest):,} more {shown(check)} findings in the series {shown(series)} ({lines_span(rest)}; "
                "the JSON report, --json, lists every one)\n"
            )
        if waived:
            stream.write(f"  {waived} waived finding{'s' if waived != 1 else ''} (listed with --show-waived)\n")
        stream.write("\n")
    for text in comparison_lines(report):
        stream.write(text + "\n")
    if report.comparison is not None:
        stream.write("\n")
    line = verdict_line(report)
    if colour:
        line = click.style(line, fg="red" if report.blocked else "green", bold=True)
    stream.write(line + "\n")
