"""The SARIF 2.1.0 report (`--sarif PATH`): every finding on its YAML line, for GitHub code scanning.

GitHub code scanning reads SARIF uploaded by `github/codeql-action/upload-sarif` (docs/ci.md). Each failed
or waived finding is one `result`:

- `ruleId` is the check id; `tool.driver.rules` describes every check the run knows, with the suite's title
  (`shortDescription`), explanation (`fullDescription`; `help`, which also names `factcheck explain ID`)
  and severity (`defaultConfiguration.level`);
- `level` comes from the severity: critical -> error, warning -> warning, info -> note;
- the location is the claim's `file:line`, relative to the repository root (as the annotations are), with
  the claims it was compared with as `relatedLocations`; findings have no column, so none is given;
- a waived finding carries a `suppression` (in the dataset, with the waiver's reason), so code scanning
  shows it as dismissed rather than open;
- `partialFingerprints` hold the finding's identity (`factcheck.pipeline.compare`): check, claim, related claims
  and figures, never the line. `primaryLocationLineHash`, the one code scanning matches alerts by, is that
  identity too, so an alert follows its claim when lines move and closes when the finding is fixed.
- with `--baseline`, `baselineState` says `new` or `unchanged`.

Corroborations are evidence, not problems, and are left out. Text from data is plain text here: controls
and bidi controls are shown as escapes, and `[`/`]` are escaped as SARIF's message syntax asks. Output is
deterministic: rules sorted by id, results in the report's order.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from typing import TextIO
from urllib.parse import quote

from factcheck import __version__
from factcheck.floor.text import clip, escaped
from factcheck.report.findings import Finding, Report, fingerprint
from factcheck.reporters.words import explain_command, hint_sentence

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"critical": "error", "warning": "warning", "info": "note"}
_PROBLEM_SEVERITY = {"critical": "error", "warning": "warning", "info": "recommendation"}
BASELINE_STATES = {"new": "new", "existing": "unchanged"}
FINGERPRINT_KEY = "factcheckFinding/v1"
MAX_DESCRIPTION = 1024  # GitHub's limit on a rule's short and full description
MAX_RELATED = 10


def text(value: object, limit: int = 4000) -> str:
    """Plain SARIF message text: escaped controls, at most `limit` characters, and literal brackets escaped
    (SARIF reads `[text](id)` as a link), with a backslash before a bracket escaped first."""
    out = escaped(clip(str(value), limit))
    return re.sub(r"([\[\]])", r"\\\1", re.sub(r"\\(?=[\[\]])", r"\\\\", out))


def _name(check: str) -> str:
    """'cumulative-non-decreasing' -> 'CumulativeNonDecreasing', the PascalCase name SARIF suggests."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_]", check) if part) or check


def rules(report: Report) -> list[dict]:
    out = []
    for check, meta in sorted(report.checks.items()):
        title = meta.title or check
        explain = meta.explain or title
        severity = meta.severity
        properties = {"tags": ["factcheck"], "precision": "very-high",
                      "problem.severity": _PROBLEM_SEVERITY.get(severity, "error")}  # fmt: skip
        if meta.suite:
            properties["suite"] = meta.suite
        out.append(
            {
                "id": check,
                "name": _name(check),
                "shortDescription": {"text": text(title, MAX_DESCRIPTION)},
                "fullDescription": {"text": text(explain, MAX_DESCRIPTION)},
                # Text only: a suite's explanation is not ours to render as Markdown.
                "help": {
                    "text": text(
                        f"{explain.rstrip('. ')}. Run `{explain_command(check)}` for a passing and a failing example."
                    )
                },
                "defaultConfiguration": {"level": LEVELS.get(severity, "error")},
                "properties": properties,
            }
        )
    return out


def _location(
    path: str, line: int, prefix: str, message: str | None = None, ident: int | None = None, column: int | None = None
) -> dict:
    full = f"{prefix.rstrip('/')}/{path}" if prefix else path
    region = {"startLine": max(line, 1)} | ({"startColumn": column} if column else {})  # a figure in an article
    location: dict = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(full), "uriBaseId": "%SRCROOT%"},
            "region": region,
        }
    }
    if ident is not None:
        location = {"id": ident, **location}
    if message is not None:
        location["message"] = {"text": text(message)}
    return location


def result(report: Report, finding: Finding, index: dict[str, int], key: str, occurrence: int, prefix: str) -> dict:
    """One finding as a SARIF result; `key` is its fingerprint, `occurrence` how many times it came so far."""
    message = f"{finding.claim}: {finding.message}" if finding.claim else finding.message
    message += f" ({hint_sentence(finding)})"
    data: dict = {
        "level": LEVELS[finding.severity],
        "message": {"text": text(message)},
        "locations": [_location(finding.file, finding.line, prefix, column=finding.column)],
        "partialFingerprints": {"primaryLocationLineHash": f"{key}:{occurrence}", FINGERPRINT_KEY: key},
        "properties": {"severity": finding.severity, "blocking": finding.blocking, "claim": finding.claim},
    }
    rule = {"ruleId": finding.check}
    if finding.check in index:
        rule["ruleIndex"] = index[finding.check]
    data = {**rule, **data}
    related = [report.claims[r] for r in finding.related if r in report.claims][:MAX_RELATED]
    locations = [_location(c.file, c.line, prefix, f"compared with {c.id}", n) for n, c in enumerate(related, 1)]
    # A figure in an article: the words that chose its metric, subject, claimant and date, each where it stands.
    locations += [
        _location(finding.file, cue.line, prefix, f"{cue.part}: {cue.words}", n, cue.column)
        for n, cue in enumerate(finding.why, len(locations) + 1)
    ]
    if locations:
        data["relatedLocations"] = locations
    if finding.why:
        data["properties"]["why"] = [{"part": c.part, "words": escaped(c.words), "line": c.line, "column": c.column}
                                     for c in finding.why]  # fmt: skip
    if finding.baseline is not None:
        data["baselineState"] = BASELINE_STATES[finding.baseline]
    if finding.status == "waived":
        waiver = finding.waiver
        reason = waiver.reason if waiver else "waived in the dataset"
        until = f" (until {waiver.until.text})" if waiver and waiver.until else ""
        data["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": text(reason + until)}]
    return data


def _prefix(report: Report) -> str:
    if report.root is None:
        return ""
    from factcheck.reporters.github import repository_prefix

    return repository_prefix(report.root, os.environ)


def render(report: Report, stream: TextIO) -> None:
    """The SARIF log, indented, except that each result is one line (as the JSON report writes findings)."""
    described = rules(report)
    index = {rule["id"]: n for n, rule in enumerate(described)}
    prefix = _prefix(report)
    tool = {"driver": {"name": "factcheck", "semanticVersion": __version__, "version": __version__,
                       "rules": described}}  # fmt: skip
    head = {"$schema": SCHEMA, "version": "2.1.0"}
    stream.write(json.dumps(head, indent=2, ensure_ascii=False)[: -len("\n}")] + ',\n  "runs": [\n    {\n')
    tool_text = json.dumps(tool, indent=2, ensure_ascii=False, allow_nan=False).replace("\n", "\n      ")
    stream.write(f'      "tool": {tool_text},\n      "columnKind": "unicodeCodePoints",\n      "results": [')
    line = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    seen: Counter = Counter()
    n = 0
    for finding in report.findings:
        if finding.status not in ("failed", "waived"):
            continue
        key = fingerprint(finding, report.claims)
        seen[key] += 1
        stream.write(f"{',' if n else ''}\n        {line(result(report, finding, index, key, seen[key], prefix))}")
        n += 1
    stream.write("\n      ]\n    }\n  ]\n}\n" if n else "]\n    }\n  ]\n}\n")
