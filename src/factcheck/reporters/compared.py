"""The words every reporter uses for a run compared with a base: what it was compared with, and what the
pull request changed, in one line ('3 claims added, 1 changed: 45,000 → 55,000; 1 new finding; 2 fixed').
Plain text: each reporter escapes it for its medium."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from factcheck.report.findings import Changes, ClaimChange, Finding, Report
from factcheck.reporters.words import plural

_FIELD_WORDS = {"value": "figure", "qualifier": "figure", "low": "figure", "high": "figure", "kind": "date"}


def brief(change: ClaimChange) -> str:
    """One claim change in a few words: '45,000 → 55,000', 'date 2026-02 → 2026-03', 'source', 'added'."""
    if change.change != "changed":
        s = change.state
        return f"{change.change}: {s.figure} ({s.date})"
    old, new = change.old, change.new
    assert old is not None and new is not None
    named = list(dict.fromkeys(_FIELD_WORDS.get(f, f) for f in change.fields))
    parts = []
    if "figure" in named:
        parts.append(f"{old.figure} → {new.figure}")
    if "date" in named:
        parts.append(f"date {old.date} → {new.date}")
    rest = [n for n in named if n not in ("figure", "date")]
    if rest:
        parts.append(", ".join(rest) + " changed")
    return "; ".join(parts)


LISTED_IN_SENTENCE = 3  # changed figures spelled out in the one-line summary


def claims_sentence(changes: Changes) -> str:
    """'3 claims added, 1 changed: 45,000 → 55,000, 2 removed', or 'no claim changed'."""
    added, removed, changed = changes.of("added"), changes.of("removed"), changes.of("changed")
    parts = []
    if added:
        parts.append(f"{plural(len(added), 'claim')} added")
    if changed:
        words = f"{len(changed):,} changed" if parts else f"{plural(len(changed), 'claim')} changed"
        figures = [
            f"{c.old.figure} → {c.new.figure}" for c in changed if c.old and c.new and c.old.figure != c.new.figure
        ]
        if figures and len(changed) <= LISTED_IN_SENTENCE:
            words += ": " + ", ".join(figures)
        parts.append(words)
    if removed:
        parts.append(f"{len(removed):,} removed" if parts else f"{plural(len(removed), 'claim')} removed")
    if not parts:
        parts.append("no claim changed")
    if changes.files:
        parts.append(
            f"{plural(len(changes.files), 'gate, suite or catalog file', 'gate, suite or catalog files')} edited"
        )
    return ", ".join(parts)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    found = Counter((f.status, f.baseline) for f in findings)
    return {"new": found["failed", "new"], "existing": found["failed", "existing"],
            "newly_waived": found["waived", "new"]}  # fmt: skip


def summary(report: Report) -> str:
    """'3 claims added, 1 changed: 45,000 → 55,000; 1 new finding; 2 fixed', for every reporter ('' when
    the run was not compared with a base). Plain text: each reporter escapes it for its medium."""
    comparison = report.comparison
    if comparison is None:
        return ""
    if comparison.kind == "none":
        return comparison.note
    parts = []
    if report.changes is not None:
        parts.append(claims_sentence(report.changes))
    found = counts(report.findings)
    new = plural(found["new"], "new finding")
    parts.append(new + (f", {found['existing']:,} existing" if found["existing"] else ""))
    if found["newly_waived"]:
        parts.append(f"{found['newly_waived']:,} newly waived")
    parts.append(f"{len(report.fixed):,} fixed")
    return "; ".join(parts)


def heading(report: Report) -> str:
    """'Compared with origin/main (1a2b3c4d5e6f)', and whether only new findings block."""
    comparison = report.comparison
    if comparison is None or comparison.kind == "none":
        return ""
    what = "the baseline file" if comparison.kind == "file" else "the base"
    text = f"Compared with {what} {comparison.label}"
    return text + (" (only new findings block: fail_on_new)" if comparison.fail_on_new else "")
