"""Wording more than one reporter prints, written once: the verdict line and counted nouns.

The terminal report ends with the verdict line and the GitHub job summary opens with it; they must say
the same thing in the same words.
"""

from __future__ import annotations

from factcheck.findings import Finding, Report


def plural(n: int, word: str, plural: str | None = None) -> str:
    """`1 claim`, `1,234 claims`: the count with thousands separators, then the word it counts."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


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
    """The command that prints a check's documentation and examples (`factcheck.explain`)."""
    return f"factcheck explain {check}"


def see_explain(check: str) -> str:
    """The pointer that ends every finding's hint, in every report: `see `factcheck explain ID``."""
    return f"see `{explain_command(check)}`"


def hint_lines(finding: Finding) -> list[str]:
    """A finding's hint as reports print it: its own hint, when it has one, then the pointer to the
    explanation of its check (raw text: each reporter escapes it its own way)."""
    return [f"hint: {finding.hint}", see_explain(finding.check)] if finding.hint else [see_explain(finding.check)]


def hint_sentence(finding: Finding) -> str:
    """`hint_lines` on one line, for a table cell or a one-line message: `hint: ...; see `factcheck explain ID``."""
    return "; ".join(hint_lines(finding))
