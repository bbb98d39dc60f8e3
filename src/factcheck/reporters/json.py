"""The JSON report: the terminal report's findings as data, for scripts and dashboards.

The shape is versioned (`schema_version`) and described by `factcheck/report/schema/report.schema.json`
(docs/report.md). A change that removes or renames a field raises the major version; a new field does not.
Output is deterministic: keys in a fixed order, findings sorted, no timestamp unless one was asked for.
"""

from __future__ import annotations

import json
import math
from typing import TextIO

from factcheck import __version__
from factcheck.floor.numbers import bounds
from factcheck.model.format import Catalog, Claim, about_adversary
from factcheck.report.findings import ClaimState, Finding, Report
from factcheck.reporters import compared
from factcheck.reporters.words import explain_command

# 1.1: `baseline` on each finding, `comparison` (--baseline); 1.2: `column`; 1.3: `explain_command` and `source`;
# 1.4: `why`
SCHEMA_VERSION = "1.4"


def finding_data(finding: Finding) -> dict:
    waiver = None
    if finding.waiver is not None:
        waiver = {
            "check": finding.waiver.check,
            "reason": finding.waiver.reason,
            "until": finding.waiver.until.text if finding.waiver.until else None,
        }
    return {
        "check": finding.check,
        "severity": finding.severity,
        "status": finding.status,
        "blocking": finding.blocking,
        "claim": finding.claim,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "title": finding.title,
        "explain": finding.explain,
        "hint": finding.hint or None,
        "related": list(finding.related),
        "waiver": waiver,
        "baseline": finding.baseline,
        "explain_command": explain_command(finding.check),
        # The source as written of a claim the schema refused (it is not in `claims`); null otherwise.
        "source": dict(finding.source) if finding.source else None,
        # A figure in an article: the words that chose its metric, subject, claimant and date; empty otherwise.
        "why": [{"part": c.part, "words": c.words, "line": c.line, "column": c.column} for c in finding.why],
    }


def claim_data(claim: Claim, catalog: Catalog | None = None) -> dict:
    lower, upper = bounds(claim.value, claim.qualifier, claim.low, claim.high)
    source = claim.source
    return {
        "id": claim.id,
        "file": claim.file,
        "line": claim.line,
        "dataset": claim.dataset,
        "series": claim.series,
        "metric": claim.metric,
        "subject": claim.subject,
        "claimant": claim.claimant,
        "about_adversary": about_adversary(claim, catalog),
        "value": _number(claim.value),
        "qualifier": claim.qualifier,
        "low": _number(claim.low),
        "high": _number(claim.high),
        "lower": _number(lower),
        # JSON has no infinity: an open upper bound ("more than 46,000") is null.
        "upper": None if math.isinf(upper) else _number(upper),
        "kind": claim.kind,
        "date": {"text": claim.date.text, "start": claim.date.start.isoformat(), "end": claim.date.end.isoformat()},
        "source": {
            "outlet": source.outlet,
            "published": source.published.text if source.published else None,
            "url": source.url,
            "quote": source.quote,
            "via": source.via,
        },
    }


def _number(value: float | None) -> int | float | None:
    """55000.0 -> 55000: whole figures as JSON integers, as the curator wrote them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _summary(report: Report) -> dict:
    """Everything but the findings and the claims, in the report's key order."""
    data: dict = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "verdict": report.verdict,
        "today": report.today.isoformat() if report.today else None,
    }
    if report.timestamp:
        data["generated_at"] = report.timestamp
    data.update(
        {
            "counts": {**report.counts(), "claims": len(report.claims), "findings": len(report.findings)},
            "gates": [
                {
                    "name": gate.name,
                    "path": gate.path,
                    "fail_on": gate.fail_on,
                    "files": list(gate.files),
                    "suites": list(gate.suites),
                    "checks": list(gate.checks),
                    "claims": gate.claims,
                }
                for gate in report.gates
            ],
            "checks": {
                check_id: {"title": meta.title, "explain": meta.explain, "severity": meta.severity}
                for check_id, meta in sorted(report.checks.items())
            },
            "comparison": comparison_data(report),
        }
    )
    return data


def _state(state: ClaimState | None) -> dict | None:
    if state is None:
        return None
    return {
        "file": state.file, "line": state.line, "figure": state.figure, "value": _number(state.value),
        "qualifier": state.qualifier, "low": _number(state.low), "high": _number(state.high), "date": state.date,
        "kind": state.kind, "metric": state.metric, "subject": state.subject, "claimant": state.claimant,
        "source": {"outlet": state.outlet, "published": state.published, "url": state.url, "quote": state.quote,
                   "via": state.via},
        "fall": state.fall,
        "waivers": [{"check": c, "reason": r, "until": u} for c, r, u in state.waivers],
    }  # fmt: skip


def comparison_data(report: Report) -> dict | None:
    """With --baseline: the base, the counts, the fixed findings and (for a git base) what changed."""
    comparison = report.comparison
    if comparison is None:
        return None
    changes = None
    if report.changes is not None:
        changes = {
            "claims": [{"change": c.change, "claim": c.claim, "fields": list(c.fields), "old": _state(c.old),
                        "new": _state(c.new)} for c in report.changes.claims],
            "files": [{"path": f.path, "change": f.change} for f in report.changes.files],
        }  # fmt: skip
    return {
        "base": {"kind": comparison.kind, "label": comparison.label, "ref": comparison.ref,
                 "commit": comparison.commit, "note": comparison.note or None},
        "fail_on_new": comparison.fail_on_new,
        "summary": compared.summary(report),
        "counts": {**compared.counts(report.findings), "fixed": len(report.fixed)},
        "fixed": [finding_data(f) for f in report.fixed],
        "changes": changes,
    }  # fmt: skip


def _referenced(report: Report) -> list[str]:
    """The claims the findings name, which the report describes."""
    ids = {f.claim for f in report.findings if f.claim} | {r for f in report.findings for r in f.related}
    return sorted(cid for cid in ids if cid in report.claims)


def report_data(report: Report) -> dict:
    return {
        **_summary(report),
        "findings": [finding_data(f) for f in report.findings],
        "claims": {cid: claim_data(report.claims[cid], report.catalog) for cid in _referenced(report)},
    }


def render(report: Report, stream: TextIO) -> None:
    """`report_data`, indented, except that each finding and each claim is one line.

    One line per finding keeps the file readable and diffable; it also lets json's C encoder write them,
    which is many times faster than the pure-Python one that indentation needs. Findings and claims are
    written as they are described, never all held at once.
    """
    head = json.dumps(_summary(report), indent=2, ensure_ascii=False, allow_nan=False)
    stream.write(head[: -len("\n}")])
    line = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode

    stream.write(',\n  "findings": [')
    for n, finding in enumerate(report.findings):
        stream.write(f"{',' if n else ''}\n    {line(finding_data(finding))}")
    stream.write("\n  ],\n" if report.findings else "],\n")
    stream.write('  "claims": {')
    referenced = _referenced(report)
    for n, cid in enumerate(referenced):
        stream.write(f"{',' if n else ''}\n    {line(cid)}: {line(claim_data(report.claims[cid], report.catalog))}")
    stream.write("\n  }\n}\n" if referenced else "}\n}\n")
