"""The JUnit XML report, for CI test reporters (GitLab, Jenkins, Azure, GitHub test-report actions).

One `testsuite` per check; one `testcase` per claim x check that failed (`failure`) or was waived
(`skipped`). Claims that passed a check are counted in the testsuite's `tests` attribute, not listed, so
a run over 100,000 claims stays a small file. Corroborated findings are passes and are not listed either.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TextIO
from xml.etree import ElementTree as ET

from factcheck.findings import Finding, Report

# XML 1.0 cannot carry most control characters, which a YAML double-quoted string can ("\x01").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _checked_claims(report: Report) -> dict[str, int]:
    """How many claims each check ran over: the claims of every gate that runs it (once each)."""
    files_by_check: dict[str, set[str]] = defaultdict(set)
    for gate in report.gates:
        for check in gate.checks:
            files_by_check[check].update(gate.files)
    claims_per_file: dict[str, int] = defaultdict(int)
    for claim in report.claims.values():
        claims_per_file[claim.file] += 1
    return {check: sum(claims_per_file[f] for f in files) for check, files in files_by_check.items()}


def _testcase(finding: Finding) -> ET.Element:
    name = finding.claim or f"{finding.file}:{finding.line}"
    case = ET.Element(
        "testcase",
        {
            "classname": _clean(finding.file),
            "name": _clean(f"{finding.check} [{name}]"),
            "file": _clean(finding.file),
            "line": str(finding.line),
            "time": "0",
        },
    )
    body = [f"{finding.location}: {finding.message}"]
    if finding.title:
        body.append(f"{finding.title}: {finding.explain}".rstrip(": "))
    if finding.hint:
        body.append(f"hint: {finding.hint}")
    if finding.related:
        body.append("compared with: " + ", ".join(finding.related))
    if finding.status == "waived":
        waiver = finding.waiver
        until = f" until {waiver.until.text}" if waiver and waiver.until else ""
        reason = waiver.reason if waiver else ""
        skipped = ET.SubElement(case, "skipped", {"message": _clean(f"waived{until}: {reason}")})
        skipped.text = _clean("\n".join(body))
    else:
        failure = ET.SubElement(case, "failure", {"message": _clean(finding.message), "type": finding.severity})
        failure.text = _clean("\n".join(body))
    return case


def render(report: Report, stream: TextIO) -> None:
    """The testsuites element, written one testsuite at a time (a large report is never one tree)."""
    checked = _checked_claims(report)
    listed: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        if finding.status in ("failed", "waived"):
            listed[finding.check].append(finding)
    suites = []
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for check in sorted(set(checked) | set(listed)):
        findings = listed.get(check, [])
        counts = {
            "failures": sum(f.status == "failed" for f in findings),
            "skipped": sum(f.status == "waived" for f in findings),
            # Schema checks run before claims exist: a claim they reject is not among the checked claims.
            "tests": max(checked.get(check, 0), len(findings)),
        }
        suites.append((check, findings, counts))
        for key, count in counts.items():
            totals[key] += count
    root = ET.Element("testsuites", {"name": "factcheck"})
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("skipped", str(totals["skipped"]))
    if report.timestamp:
        root.set("timestamp", report.timestamp)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    if not suites:
        stream.write(ET.tostring(root, encoding="unicode") + "\n")
        return
    root.text = "\n  "
    opening = ET.tostring(root, encoding="unicode")
    stream.write(opening[: opening.rindex("</testsuites>")])
    for n, (check, findings, counts) in enumerate(suites):
        suite = _testsuite(report, check, findings, counts)
        ET.indent(suite, level=1)
        suite.tail = "\n  " if n < len(suites) - 1 else "\n"
        stream.write(ET.tostring(suite, encoding="unicode"))
    stream.write("</testsuites>\n")


def _testsuite(report: Report, check: str, findings: list[Finding], counts: dict[str, int]) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        {
            "name": check,
            "tests": str(counts["tests"]),
            "failures": str(counts["failures"]),
            "errors": "0",
            "skipped": str(counts["skipped"]),
            "time": "0",
        },
    )
    meta = report.checks.get(check, {})
    if meta:
        properties = ET.SubElement(suite, "properties")
        for key in ("title", "severity", "suite"):
            if meta.get(key):
                ET.SubElement(properties, "property", {"name": key, "value": _clean(str(meta[key]))})
    for finding in findings:
        suite.append(_testcase(finding))
    return suite
