"""The JUnit XML report, for CI test reporters (GitLab, Jenkins, Azure, GitHub test-report actions).

One `testsuite` per check; in it, one `testcase` per dataset file the check ran over. A testcase fails
(`failure`) when the check has a failed finding in that file, and lists those findings in its body (at
most `LISTED` of them, then how many more); it is `skipped` when the file's findings of the check are all
waived; otherwise it passed. A dashboard then counts checks times files, numbers a person can read,
rather than claims times checks (a run over 22,000 claims was 470,000 tests), and the file stays small
however many findings there are. Corroborated findings are passes and are not listed.

A check of the suites ran over the files of every gate that runs it; an article check over every article
of the run; any other check the report knows (with no suite) is a check of the files themselves (stage 0),
which ran over every dataset file of the run.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.sax.saxutils import escape

from factcheck.floor.text import shown
from factcheck.report.findings import Finding, Report, severity_rank
from factcheck.reporters.words import plural, see_explain

# Every text from data is one line through `text.shown`: XML 1.0 cannot carry most control characters,
# which a YAML double-quoted string can ("\x01"), and a CI test reporter prints these texts to its log.

LISTED = 50  # findings a testcase lists; the JSON report lists every one


def _files_by_check(report: Report, listed: dict[str, dict[str, list[Finding]]]) -> dict[str, set[str]]:
    """The files each check ran over: a suite's check those of the gates that run it, a check of the files
    themselves (no suite) every file of the run, and for both every file where it has a finding."""
    files: dict[str, set[str]] = defaultdict(set)
    every = {file for gate in report.gates for file in gate.files}
    for gate in report.gates:
        for check in gate.checks:
            files[check].update(gate.files)
    articles = {article.file for article in report.articles}
    for check, meta in report.checks.items():
        if meta.runs_on == "articles":  # the article checks: every article of the run
            files[check].update(articles)
        elif not meta.suite:  # no suite runs it: a check of the files themselves
            files[check].update(every)
    for check, by_file in listed.items():
        files[check].update(by_file)
    return files


def _line(finding: Finding) -> str:
    claim = f" [{shown(finding.claim)}]" if finding.claim else ""
    where = f"{shown(finding.file)}:{finding.line}" + (f":{finding.column}" if finding.column else "")
    text = f"{where}{claim}: {shown(finding.message)}"
    if finding.status == "waived":
        waiver = finding.waiver
        until = f" until {shown(waiver.until.text)}" if waiver and waiver.until else ""
        text += f" (waived{until}: {shown(waiver.reason) if waiver else ''})"
    return text


def _testcase(report: Report, check: str, file: str, findings: list[Finding]) -> str:
    failed = [f for f in findings if f.status == "failed"]
    waived = [f for f in findings if f.status == "waived"]
    shown_file = shown(file)
    if not findings:
        return f"<testcase{_attributes(classname=shown_file, name=shown(check), file=shown_file, time='0')} />"
    first = (failed or waived)[0].line  # where a test-report action annotates the file
    attributes = _attributes(classname=shown_file, name=shown(check), file=shown_file, line=str(first), time="0")
    meta = report.checks.get(check)
    ordered = failed + waived
    body = []
    for finding in ordered[:LISTED]:
        body.append(_line(finding))
        if finding.hint:
            body.append(f"  hint: {shown(finding.hint)}")
    if len(ordered) > LISTED:
        body.append(f"… {plural(len(ordered) - LISTED, 'more finding')} of this check in this file: the JSON "
                    "report (--json) lists every one")  # fmt: skip
    title = shown(findings[0].title or (meta.title if meta else ""))
    explain = shown(findings[0].explain or (meta.explain if meta else ""))
    if title or explain:
        body.append(f"{title}: {explain}".strip(": "))
    body.append(shown(see_explain(check)))
    text = escape("\n".join(body))
    if failed:
        worst = max(failed, key=lambda f: severity_rank(f.severity))
        message = shown(failed[0].message) if len(failed) == 1 else (
            f"{plural(len(failed), 'finding')}, the first: {shown(failed[0].message)}")  # fmt: skip
        outcome = f"<failure{_attributes(message=shown(message), type=worst.severity)}>{text}</failure>"
    else:
        message = f"{plural(len(waived), 'finding')} waived"
        outcome = f"<skipped{_attributes(message=message)}>{text}</skipped>"
    return _element("testcase", attributes, [outcome], level=2)


def render(report: Report, stream: TextIO) -> None:
    """The testsuites element, written one testsuite at a time (a large report is never one tree)."""
    listed: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.findings:
        if finding.status in ("failed", "waived"):
            listed[finding.check][finding.file].append(finding)
    files = _files_by_check(report, listed)
    suites = []
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for check in sorted(c for c in files if files[c]):  # a check that ran over no file is no test
        by_file = listed.get(check, {})
        failing = sum(any(f.status == "failed" for f in group) for group in by_file.values())
        counts = {"tests": len(files[check]), "failures": failing, "skipped": len(by_file) - failing}
        suites.append((check, by_file, counts))
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
    for n, (check, by_file, counts) in enumerate(suites):
        text = _testsuite(report, check, sorted(files[check]), by_file, counts)
        stream.write(text + ("\n  " if n < len(suites) - 1 else "\n"))
    stream.write("</testsuites>\n")


def _testsuite(report: Report, check: str, files: list[str], by_file: dict[str, list[Finding]],
               counts: dict[str, int]) -> str:  # fmt: skip
    """One testsuite element, as ElementTree would write it indented at the document's second level.

    Written as text: building and serialising an element per testcase was most of the report's time."""
    attributes = _attributes(name=shown(check), tests=str(counts["tests"]), failures=str(counts["failures"]), errors="0",
                             skipped=str(counts["skipped"]), time="0")  # fmt: skip
    children = []
    meta = report.checks.get(check)
    if meta:
        properties = [
            f"<property{_attributes(name=key, value=shown(getattr(meta, key)))} />"
            for key in ("title", "severity", "suite")
            if getattr(meta, key)
        ]
        children.append(_element("properties", "", properties, level=2))
    children += [_testcase(report, check, file, by_file.get(file, [])) for file in files]
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
