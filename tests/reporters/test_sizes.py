"""Every reporter's output stays bounded at 50,000 findings: what a person reads (the job summary, the
annotations, the JUnit dashboard, the HTML page) by caps, and what lists every finding (terminal, JSON,
SARIF) by a bounded size per finding. The texts are as long as a run makes them: a message of a few
hundred characters (each value in it is cut at 300), a suite's explanation of up to 1,000, long quotes."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from factcheck.floor.spans import parse_span
from factcheck.floor.text import clip
from factcheck.model.format import Claim, Source, Waiver
from factcheck.report.findings import CheckInfo, Finding, GateRun, Report
from factcheck.reporters import REPORTERS, get, github

FINDINGS = 50_000
FILES = [f"datasets/desk-{n}.yml" for n in range(5)]
CHECKS = ["cumulative-non-decreasing", "conflict", "quote-states-figure", "source-outlet", "schema"]
pytestmark = pytest.mark.slow  # reports of 50,000 findings, rendered by every reporter

LONG = "a text from the data, long enough to be clipped " * 100
MESSAGE, EXPLAIN, HINT = clip(LONG, 600), clip(LONG, 1000), clip(LONG, 300)  # as long as a run makes them


def _report() -> Report:
    claims: dict[str, Claim] = {}
    for n in range(FINDINGS // 10):
        file = FILES[n % len(FILES)]
        cid = f"claim-{n:05d}"
        claims[cid] = Claim(
            id=cid, file=file, line=n + 1, dataset="d", origin=None, metric="military_killed", subject="ukraine",
            claimant=f"claimant-{n % 50}", value=float(1000 + n), qualifier="exact", low=None, high=None,
            date=parse_span((dt.date(2022, 3, 1) + dt.timedelta(days=n % 1400)).isoformat()), kind="as_of",
            source=Source(outlet="Outlet", quote=LONG, url="https://example.org/" + "x" * 500),
        )  # fmt: skip
    ids = list(claims)
    findings = []
    for n in range(FINDINGS):
        claim = claims[ids[n % len(ids)]]
        check = CHECKS[n % len(CHECKS)]
        status = "waived" if n % 7 == 0 else "corroborated" if n % 11 == 0 else "failed"
        waiver = Waiver(check=check, reason=HINT, until="2027-01-01") if status == "waived" else None
        findings.append(
            Finding(check, "critical", claim.file, claim.line, f"{MESSAGE} {n}", status=status, claim=claim.id,
                    related=(ids[(n + 1) % len(ids)],), title="A title", explain=EXPLAIN, hint=HINT, waiver=waiver,
                    blocking=status == "failed")
        )  # fmt: skip
    findings.sort(key=Finding.sort_key)
    meta = {check: CheckInfo("A title", EXPLAIN, "critical", "s.yml") for check in CHECKS}
    gate = GateRun("g", "checks/g.yml", "critical", tuple(FILES), ("s.yml",), tuple(CHECKS), len(claims))
    return Report(findings=findings, claims=claims, gates=[gate], checks=meta, today=dt.date(2026, 11, 26))


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    report = _report()
    rendered = {}
    for name in REPORTERS:
        stream = io.StringIO()
        get(name).render(report, stream)
        rendered[name] = stream.getvalue()
    rendered["summary"] = github.summary(report)
    return rendered


def _kb(text: str) -> float:
    return len(text.encode("utf-8")) / 1024


def test_what_a_person_reads_is_capped(outputs):
    assert _kb(outputs["summary"]) < 256  # the job summary: 100 findings listed, the rest counted
    assert outputs["summary"].count("\n| **critical** |") == github.SUMMARY_ROWS
    assert len(outputs["github"].splitlines()) <= 3 * github.ANNOTATIONS_PER_LEVEL  # annotations
    assert max(len(line) for line in outputs["github"].splitlines()) < 1_200  # no explanation in them
    assert _kb(outputs["junit"]) < 250  # one testcase per check and file, 50 findings listed in each
    assert outputs["junit"].count("<testcase ") == len(CHECKS) * len(FILES)
    # capped groups (200 rows, each with up to 2,000 characters of quote), charts and zooms (40 a file each)
    assert _kb(outputs["html"]) < 10 * 1024


@pytest.mark.parametrize("name", ["terminal", "json", "sarif"])
def test_what_lists_every_finding_costs_a_bounded_size_per_finding(outputs, name):
    per_finding = len(outputs[name].encode("utf-8")) / FINDINGS
    assert per_finding < {"terminal": 1_200, "json": 4_000, "sarif": 2_000}[name], per_finding
