"""`Finding` and `Report`: the one contract between checking and reporting.

Checks (the schema stage and Great Expectations) produce findings (`factcheck.messages` words them);
reporters only read a `Report`. Nothing here imports Great Expectations, and nothing here renders.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from factcheck.models import SEVERITIES, Catalog, Claim, Severity, Waiver

if TYPE_CHECKING:
    from factcheck.articles.model import CheckedArticle

Status = Literal["failed", "waived", "corroborated"]


@dataclass(frozen=True)
class Finding:
    """One rule broken (or waived, or one claim corroborated) at one place."""

    check: str
    severity: Severity
    file: str
    line: int
    message: str
    status: Status = "failed"
    claim: str | None = None
    related: tuple[str, ...] = ()
    title: str = ""
    explain: str = ""
    hint: str = ""
    waiver: Waiver | None = None
    blocking: bool = False
    column: int | None = None  # 1-based, in characters: a figure in an article; None for a YAML line

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.column is None else f"{self.file}:{self.line}:{self.column}"

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column or 0, self.check, self.claim or "", self.message)


@dataclass(frozen=True)
class GateRun:
    """What one gate covered: reporters show it in the summary of what passed."""

    name: str
    path: str
    fail_on: Severity
    files: tuple[str, ...]
    suites: tuple[str, ...]
    checks: tuple[str, ...]
    claims: int


@dataclass
class Report:
    """Everything a reporter needs, built once per run."""

    findings: list[Finding]
    claims: dict[str, Claim] = field(default_factory=dict)
    catalog: Catalog | None = None
    gates: list[GateRun] = field(default_factory=list)
    checks: dict[str, dict] = field(default_factory=dict)
    today: dt.date | None = None
    timestamp: str | None = None
    articles: list[CheckedArticle] = field(default_factory=list)  # each article's text and figures (HTML)

    @property
    def blocked(self) -> bool:
        return any(f.blocking for f in self.findings)

    @property
    def verdict(self) -> str:
        return "blocked" if self.blocked else "publishable"

    def counts(self) -> dict[str, int]:
        """Failed findings by severity, plus waived and corroborated, always with every key."""
        failed = Counter(f.severity for f in self.findings if f.status == "failed")
        counts = {severity: failed.get(severity, 0) for severity in SEVERITIES}
        counts["waived"] = sum(f.status == "waived" for f in self.findings)
        counts["corroborated"] = sum(f.status == "corroborated" for f in self.findings)
        counts["blocking"] = sum(f.blocking for f in self.findings)
        return counts


def series_key(claim: Claim) -> tuple:
    origin = claim.origin.text if claim.origin else ""
    return (claim.metric, claim.subject, claim.claimant, origin)


def severity_rank(severity: str) -> int:
    """critical 3, warning 2, info 1: a finding blocks when its rank reaches the gate's `fail_on`."""
    return {"critical": 3, "warning": 2, "info": 1}[severity]


def about_adversary(claim: Claim, catalog: Catalog | None) -> bool:
    """A party to the conflict reporting its adversary's losses: a partisan figure, marked in reports."""
    claimant = catalog.claimants.get(claim.claimant) if catalog else None
    return claimant is not None and claimant.affiliation not in ("independent", claim.subject)
