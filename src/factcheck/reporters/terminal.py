"""The terminal report: findings grouped by file, ruff-style `file:line`, then a one-line verdict."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

import click

from factcheck.findings import Finding, Report
from factcheck.text import shown

_COLOURS = {"critical": "red", "warning": "yellow", "info": "blue"}


def _label(finding: Finding, colour: bool) -> str:
    if finding.status == "waived":
        text, fg = "waived", "cyan"
    elif finding.status == "corroborated":
        text, fg = "corroborated", "green"
    else:
        text, fg = finding.severity, _COLOURS[finding.severity]
    return click.style(f"{text:<8}", fg=fg, bold=finding.blocking) if colour else f"{text:<8}"


def verdict_line(report: Report) -> str:
    counts = report.counts()
    parts = [f"{counts[s]} {s}" for s in ("critical", "warning", "info") if counts[s]]
    if counts["waived"]:
        parts.append(f"{counts['waived']} waived")
    if counts["corroborated"]:
        parts.append(f"{counts['corroborated']} corroborated")
    summary = ", ".join(parts) or "no findings"
    claims = f"{len(report.claims):,} claim{'s' if len(report.claims) != 1 else ''}"
    if report.blocked:
        return f"BLOCKED: {counts['blocking']} blocking finding{'s' if counts['blocking'] != 1 else ''} ({summary}) in {claims}"
    return f"PUBLISHABLE: {claims} checked ({summary})"


def render(report: Report, stream: TextIO, colour: bool = False, show_waived: bool = False) -> None:
    """Every finding that needs a look, by file; waived ones are counted per file unless `show_waived`.

    Every text from data (file names, claim ids, messages, hints, waiver reasons) is printed through
    `text.shown`: one line each, escaped, clipped, never the start of a workflow command."""
    for file, group in groupby(report.findings, key=lambda f: f.file):
        findings = list(group)
        shown_findings = [f for f in findings if show_waived or f.status != "waived"]
        waived = len(findings) - len(shown_findings)
        header = shown(file)
        stream.write(click.style(header, bold=True) + "\n" if colour else header + "\n")
        for finding in shown_findings:
            where = f"  {header}:{finding.line}" + (f":{finding.column}" if finding.column else "")
            claim = f" [{shown(finding.claim)}]" if finding.claim else ""
            message = shown(finding.message)
            stream.write(f"{where}: {_label(finding, colour)} {shown(finding.check)}{claim}: {message}\n")
            if finding.hint:
                stream.write(f"      hint: {shown(finding.hint)}\n")
            if finding.status == "waived" and finding.waiver:
                until = f" until {shown(finding.waiver.until.text)}" if finding.waiver.until else ""
                stream.write(f"      waived{until}: {shown(finding.waiver.reason)}\n")
        if waived:
            stream.write(f"  {waived} waived finding{'s' if waived != 1 else ''} (listed with --show-waived)\n")
        stream.write("\n")
    line = verdict_line(report)
    if colour:
        line = click.style(line, fg="red" if report.blocked else "green", bold=True)
    stream.write(line + "\n")
