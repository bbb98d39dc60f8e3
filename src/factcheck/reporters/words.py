"""Wording more than one reporter prints, written once: the verdict line, counted nouns, and which of a
series' findings are listed.

The terminal report ends with the verdict line and the GitHub job summary opens with it; they must say
the same thing in the same words. The terminal and the HTML page list the same findings of a series. The
GitHub annotations, the job summary and the HTML page put findings in the same order of importance (`ranked`).
"""

from __future__ import annotations

from factcheck.report.findings import Finding, Report, severity_rank


def plural(n: int, word: str, plural: str | None = None) -> str:
    """`1 claim`, `1,234 claims`: the count with thousands separators, then the word it counts."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def ranked(report: Report) -> list[Finding]:
    """Failed findings, most important first: blocking, then severity, new before existing (`--baseline`),
    then file order."""
    failed = [f for f in report.findings if f.status == "failed"]
    return sorted(failed, key=lambda f: (not f.blocking, -severity_rank(f.severity), f.baseline == "existing",
                                         f.sort_key()))  # fmt: skip


# Findings of one check in one series (a daily table's falls) that the terminal and the HTML page list in a
# file's section; the rest are summed up in one line, so that thousands of them read as one problem. The
# JSON report has every one.
SERIES_LISTED = 10


def series_runs(report: Report, findings: list[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """The findings of each (check, series) among `findings` that has more than `SERIES_LISTED`, in their
    order: the first `SERIES_LISTED` of each are listed, the rest summed up. Only claims of a written
    `series:` count; a claim of its own is always listed."""
    runs: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        claim = report.claims.get(finding.claim) if finding.claim else None
        if claim is not None and claim.series:
            runs.setdefault((finding.check, claim.series), []).append(finding)
    return {key: run for key, run in runs.items() if len(run) > SERIES_LISTED}


def lines_span(findings: list[Finding]) -> str:
    """`line 12` or `lines 12 to 1,210`: where a run of findings is, first to last."""
    first, last = findings[0].line, findings[-1].line
    return f"line {first:,}" if len(findings) == 1 else f"lines {first:,} to {last:,}"


def verdict_line(report: Report) -> str:
    """`BLOCKED: 3 blocking findings (3 critical, 1 waived) in 5 claims` or `PUBLISHABLE: 5 claims checked (...)`."""
    counts = report.counts()
    parts = [f"{counts[s]} {s}" for s in ("critical", "warning", "info") if counts[s]]
    if counts["waived"]:
        parts.append(f"{counts['waived']} waived")
    if counts["corroborated"]:
        parts.append(f"{counts['corroborated']} corroborated")
    summary = ", ".join(parts) or "no findings"
    claims = plural(len(report.claims), "claim")
    if report.blocked:
        # Both counts, plainly: the claims the blocking findings are on, and the claims checked in all.
        on = len({f.claim for f in report.findings if f.blocking and f.claim})
        where = f" on {on:,} claim{'s' if on != 1 else ''}" if on else ""
        blocking = f"{counts['blocking']} blocking finding{'s' if counts['blocking'] != 1 else ''}"
        return f"BLOCKED: {blocking} ({summary}){where}; {claims} checked"
    return f"PUBLISHABLE: {claims} checked ({summary})"


def explain_command(check: str) -> str:
    """The command that prints a check's documentation and examples (`factcheck.cli.explain`)."""
    return f"factcheck explain {check}"


def see_explain(check: str) -> str:
    """The pointer that ends every finding's hint, in every report: `see `factcheck explain ID``."""
    return f"see `{explain_command(check)}`"


def hint_lines(finding: Finding) -> list[str]:
    """A finding's hint as reports print it: its own hint, when it has one, then the pointer to the
    explanation of its check (raw text: each reporter escapes it its own way)."""
    return [f"hint: {finding.hint}", see_explain(finding.check)] if finding.hint else [see_explain(finding.check)]


def why_sentence(finding: Finding) -> str:
    """The words that chose a figure's reading, on one line (raw text: each reporter escapes it), or "" for a
    finding that has none: `read as: metric “killed” (line 4), subject “Kharkiv” (line 4), ...`."""
    return "read as: " + ", ".join(cue.shown() for cue in finding.why) if finding.why else ""


def hint_sentence(finding: Finding) -> str:
    """`hint_lines` on one line, for a table cell or a one-line message: `hint: ...; see `factcheck explain ID``."""
    return "; ".join(hint_lines(finding))
