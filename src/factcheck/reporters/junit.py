"""The JUnit XML report, for CI test reporters (GitLab, Jenkins, Azure, GitHub test-report actions).

One `testsuite` per check; one `testcase` per claim x check that failed (`failure`) or was waived
(`skipped`). Claims that passed a check are counted in the testsuite's `tests` attribute, not listed, so
a run over 100,000 claims stays a small file. Corroborated findings are passes and are not listed either.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.sax.saxutils import escape

from factcheck.findings import Finding, Report
from factcheck.text import shown

# Every text from data is one line through `text.shown`: XML 1.0 cannot carry most control characters,
# which a YAML double-quoted string can ("\x01"), and a CI test reporter prints these texts to its log.


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


def _testcase(finding: Finding) -> str:
    file = shown(finding.file)
    where = f"{file}:{finding.line}" + (f":{finding.column}" if finding.column else "")
    name = shown(finding.claim) if finding.claim else where
    attributes = _attributes(
        classname=file, name=f"{shown(finding.check)} [{name}]", file=file, line=str(finding.line), time="0"
    )
    message = shown(finding.message)
    body = [f"{where}: {message}"]
    if finding.title:
        body.append(f"{shown(finding.title)}: {shown(finding.explain)}".rstrip(": "))
    if finding.hint:
        body.append(f"hint: {shown(finding.hint)}")
    if finding.related:
        body.append("compared with: " + shown(", ".join(finding.related)))
    text = escape("\n".join(body))
    if finding.status == "waived":
        waiver = finding.waiver
        until = f" until {shown(waiver.until.text)}" if waiver and waiver.until else ""
        reason = shown(waiver.reason) if waiver else ""
        outcome = f"<skipped{_attributes(message=f'waived{until}: {reason}')}>{text}</skipped>"
    else:
        outcome = f"<failure{_attributes(message=message, type=finding.severity)}>{text}</failure>"
    return _element("testcase", attributes, [outcome], level=2)


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
    timestamp = {"timestamp": report.timestamp} if report.timestamp else {}
    root = _attributes(name="factcheck", tests=str(totals["tests"]), failures=str(totals["failures"]), errors="0",
                       skipped=str(totals["skipped"]), **timestamp)  # fmt: skip
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    if not suites:
        stream.write(f"<testsuites{root} />\n")
        return
    stream.write(f"<testsuites{root}>\n  ")
    for n, (check, findings, counts) in enumerate(suites):
        stream.write(_testsuite(report, check, findings, counts) + ("\n  " if n < len(suites) - 1 else "\n"))
    stream.write("</testsuites>\n")


def _testsuite(report: Report, check: str, findings: list[Finding], counts: dict[str, int]) -> str:
    """One testsuite element, as ElementTree would write it indented at the document's second level.

    Written as text: building and serialising an element per testcase was most of the report's time."""
    attributes = _attributes(name=shown(check), tests=str(counts["tests"]), failures=str(counts["failures"]), errors="0",
                             skipped=str(counts["skipped"]), time="0")  # fmt: skip
    children = []
    meta = report.checks.get(check, {})
    if meta:
        properties = [
            f"<property{_attributes(name=key, value=shown(meta[key]))} />"
            for key in ("title", "severity", "suite")
            if meta.get(key)
        ]
        children.append(_element("properties", "", properties, level=2))
    children += [_testcase(finding) for finding in findings]
    return _element("testsuite", attributes, children, level=1)


def _element(tag: str, attributes: str, children: list[str], level: int) -> str:
    if not children:
        return f"<{tag}{attributes} />"
    inside = "\n" + "  " * (level + 1)
    return f"<{tag}{attributes}>{inside}{inside.join(children)}\n{'  ' * level}</{tag}>"


def _attributes(**values: str) -> str:
    return "".join(f' {name}="{escape(value, _ATTRIBUTE_ENTITIES)}"' for name, value in values.items())


# ElementTree escapes attribute values as character data, plus quotes, line breaks and tabs as references.
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
