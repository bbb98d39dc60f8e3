"""The GitHub Actions report: annotations on the YAML lines, a job summary, and step outputs.

`factcheck validate --github` (automatic when `GITHUB_ACTIONS=true`) writes three things:

- workflow commands on stdout, `::error file=datasets/x.yml,line=12,title=...::message`, which GitHub turns
  into annotations on those lines of the pull request's diff: the claim, the sentence, the hint and the
  command that explains the check (`factcheck explain ID`), never the explanation itself, which would
  repeat on every annotation. A blocking finding is an `error` (it is what fails the check); a finding
  that does not block is a `warning` or, for severity `info`, a `notice`. Waived and corroborated
  findings are not annotated: they need no action on the diff, and annotations are scarce.
- a Markdown job summary appended to `$GITHUB_STEP_SUMMARY`: the verdict, the counts, a table of the
  `SUMMARY_ROWS` most important findings, and the waived and corroborated findings as counts per check
  (listed one by one, a clean run's 110 waivers were most of its summary: the HTML report lists them),
  within a byte budget far below GitHub's 1 MiB per step.
- step outputs appended to `$GITHUB_OUTPUT`: `verdict`, `blocking`, `critical`, `warning`, `info`,
  `waived`, `corroborated`, `claims`.

GitHub shows at most 10 annotations of each level (error, warning, notice) per step and drops the rest
silently. Findings are therefore annotated most important first (blocking, then severity, then file order),
and when some are left out, one last notice says how many and points to the summary and the report.

Paths are relative to the repository root (`$GITHUB_WORKSPACE`, else the nearest folder holding `.git`),
which is what GitHub matches annotations against; a project in a sub-folder of its repository gets that
folder as a prefix.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from factcheck.floor.errors import ConfigError
from factcheck.floor.text import shown, shown_lines
from factcheck.report.findings import Finding, Report
from factcheck.reporters.words import explain_command, hint_lines, plural, ranked, verdict_line

ANNOTATIONS_PER_LEVEL = 10
# GitHub refuses a step summary over 1 MiB; other steps of the job may write to it too.
SUMMARY_BUDGET = 256 * 1024
# The variables naming the files this reporter appends to; the command checks them like any output.
APPENDED_FILES = ("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT")
OUTPUT_NAMES = ("verdict", "blocking", "critical", "warning", "info", "waived", "corroborated", "claims")

LEVELS = ("error", "warning", "notice")
_LEVEL_BY_SEVERITY = {"critical": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF are encoded, as the Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, and `:` and `,` too, which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repository_prefix(root: Path, environ: Mapping[str, str]) -> str:
    """The project root's path inside its repository ('' when they are the same folder)."""
    root = root.resolve()
    workspace = environ.get("GITHUB_WORKSPACE")
    if workspace:
        try:
            base = Path(workspace).resolve()
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): no workspace
            return ""
    else:
        base = next((folder for folder in (root, *root.parents) if (folder / ".git").exists()), root)
    if base != root and root.is_relative_to(base):
        return root.relative_to(base).as_posix()
    return ""


def repository_path(file: str, prefix: str) -> str:
    return posixpath.normpath(posixpath.join(prefix, file)) if prefix else file


def level(finding: Finding) -> str:
    """The annotation level: error for what blocks, else by severity."""
    return "error" if finding.blocking else _LEVEL_BY_SEVERITY[finding.severity]


def annotation(finding: Finding, prefix: str = "") -> str:
    """One workflow command. Each text from data is one escaped line (`text.shown`) before the command's
    own encoding, so the lines the annotation shows are the ones it was built from, and none can be read
    by the runner as a command of its own."""
    title = f"{finding.check}: {finding.title}" if finding.title else finding.check
    if finding.baseline is not None:
        title += f" ({finding.baseline})"
    message = f"[{shown(finding.claim)}] {shown(finding.message)}" if finding.claim else shown(finding.message)
    # The hint and where the check is explained; the explanation itself would repeat on every annotation.
    for hint in hint_lines(finding):
        message += f"\n{shown(hint)}"
    properties = ",".join(
        f"{name}={escape_property(shown(value))}"
        for name, value in (
            ("file", repository_path(finding.file, prefix)),
            ("line", str(finding.line)),
            *((("col", str(finding.column)),) if finding.column else ()),
            ("title", title),
        )
    )
    return f"::{level(finding)} {properties}::{escape_data(message)}"


_LOCATED = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+): (?P<message>.*)$", re.DOTALL)


def configuration_error(message: str, hint: str = "") -> str:
    """An `::error` for a run that stopped on a configuration error (exit 2), on its file and line if known."""
    located = _LOCATED.match(message)
    properties = "title=factcheck configuration error"
    if located:
        message = located["message"]
        properties = f"file={escape_property(shown(located['file']))},line={located['line']},{properties}"
    message = "\n".join(shown_lines(message))
    if hint:
        message += f"\nhint: {shown(hint)}"
    return f"::error {properties}::{escape_data(message)}"


def annotations(report: Report, prefix: str = "") -> list[str]:
    """The workflow commands, at most `ANNOTATIONS_PER_LEVEL` of each level, then a notice for the rest."""
    findings = ranked(report)
    per_level = {name: sum(level(f) == name for f in findings) for name in LEVELS}
    room = dict.fromkeys(LEVELS, ANNOTATIONS_PER_LEVEL)
    if any(n > ANNOTATIONS_PER_LEVEL for n in per_level.values()):
        room["notice"] -= 1  # the closing notice takes one of the notice slots
    shown = dict.fromkeys(LEVELS, 0)
    left = dict.fromkeys(LEVELS, 0)
    lines = []
    for finding in findings:
        name = level(finding)
        if shown[name] < room[name]:
            shown[name] += 1
            lines.append(annotation(finding, prefix))
        else:
            left[name] += 1
    if any(left.values()):
        parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in left.items() if n]
        total = sum(left.values())
        lines.append(
            "::notice title=factcheck%3A more findings::"
            + escape_data(
                f"{total} more finding{'s' if total != 1 else ''} ({', '.join(parts)}) "
                "not annotated here: GitHub shows at most 10 annotations of each level per step. "
                f"The job summary lists the {SUMMARY_ROWS} most important; every finding is in the report "
                "uploaded with this run."
            )
        )
    return lines


def render(report: Report, stream: TextIO, prefix: str = "") -> None:
    """Write the annotations (workflow commands) to `stream`, normally stdout."""
    for line in annotations(report, prefix):
        stream.write(line + "\n")


# A table cell holds only inline Markdown, so the characters to neutralise are those of inline markup
# (emphasis, code, links and images through `[`, HTML, strikethrough, math), the cell separator `|`, and `&`.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~$])")


def cell(text: str) -> str:
    """Text safe in a Markdown table cell: one escaped line (`text.shown`), no table pipes, no markup, no HTML."""
    return _MARKDOWN.sub(r"\\\1", shown(text).replace("&", "&amp;"))


def _link(path: str, line: int, environ: Mapping[str, str]) -> str:
    server, repo, sha = (environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    text = cell(f"{path}:{line}")
    if not (server and repo and sha):
        return text
    # The workflow sets these, and a pull request can edit the workflow: each part is percent-encoded.
    url = f"{quote(server, safe=':/')}/{quote(repo)}/blob/{quote(sha, safe='')}/{quote(path)}#L{line}"
    return f"[{text}]({url})"


def _rows(findings: list[Finding], budget: int, row) -> list[str]:
    """The rows of the first findings, as many as fit in `budget` bytes."""
    rows: list[str] = []
    used = 0
    for finding in findings:
        text = row(finding)
        used += len(text.encode("utf-8")) + 1
        if used > budget:
            break
        rows.append(text)
    return rows


def summary(report: Report, prefix: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The job summary in Markdown, at most about `SUMMARY_BUDGET` bytes."""
    environ = environ if environ is not None else {}
    counts = report.counts()
    mark = "❌" if report.blocked else "✅"
    out = [
        f"## {mark} factcheck: {report.verdict}",
        "",
        cell(verdict_line(report)),
        "",
        "| blocking | critical | warning | info | waived | corroborated | claims |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {counts['blocking']} | {counts['critical']} | {counts['warning']} | {counts['info']} "
        f"| {counts['waived']} | {counts['corroborated']} | {len(report.claims)} |",
    ]
    if report.gates:
        gates = ", ".join(f"{cell(g.name)} (fail on {g.fail_on}, {g.claims} claims)" for g in report.gates)
        out += ["", f"Gates: {gates}"]
    if report.comparison is not None:
        out += _comparison(report, prefix, environ)
    budget = SUMMARY_BUDGET - len("\n".join(out).encode("utf-8")) - 16384  # room for headings, counts, notes

    def finding_row(f: Finding) -> str:
        where = _link(repository_path(f.file, prefix), f.line, environ)
        status = f"**{f.severity}**" if f.blocking else f.severity
        if f.baseline is not None:
            status += f" ({f.baseline})"
        return f"| {status} | {where} | {_code(f.check)} | {cell(f.claim or '')} | {cell(f.message)} ({_hint(f)}) |"

    failed = ranked(report)
    if failed:
        rows = _rows(failed[:SUMMARY_ROWS], budget, finding_row)
        out += ["", "### Findings", "", "| severity | where | check | claim | message |", "|---|---|---|---|---|"]
        out += rows
        unlisted = failed[len(rows) :]
        if unlisted:
            out += ["", f"{plural(len(unlisted), 'more finding')} ({_by_check(unlisted)}) not listed here, to keep "
                    f"the summary small: every one is in the HTML report {_uploaded(environ)}."]  # fmt: skip
    return "\n".join(out + _counted(report, environ)) + "\n"


SUMMARY_ROWS = 100  # failed findings listed, most important first: a longer table is not read, only scrolled
COUNTED_ROWS = 50  # checks in the table of waived and corroborated findings
_CHECK_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")


def _code(check: str) -> str:
    """A check id as inline code (ids are `[a-z0-9_-]`, which a code span shows as written), else as text."""
    return f"`{check}`" if _CHECK_ID.fullmatch(check) else cell(check)


def _hint(finding: Finding) -> str:
    """The hint in a table cell: the finding's own hint, then where its check is explained, as code."""
    own = f"hint: {cell(finding.hint)}; " if finding.hint else ""
    command = f"`{explain_command(finding.check)}`" if _CHECK_ID.fullmatch(finding.check) else cell(
        explain_command(finding.check))  # fmt: skip
    return f"{own}see {command}"


def _by_check(findings: list[Finding], most: int = 10) -> str:
    """'12 of cumulative-non-decreasing, 3 of schema, …': the most frequent checks first."""
    counted = Counter(f.check for f in findings).most_common()
    parts = [f"{n:,} of {_code(check)}" for check, n in counted[:most]]
    return ", ".join(parts) + (", …" if len(counted) > most else "")


def _uploaded(environ: Mapping[str, str]) -> str:
    """'uploaded with this run', linking the run's page (where its artifacts are) when the workflow says it."""
    server, repo, run = (environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    if not (server and repo and run):
        return "uploaded with this run (`--report`)"
    url = f"{quote(server, safe=':/')}/{quote(repo)}/actions/runs/{quote(run, safe='')}"
    return f"uploaded with [this run]({url}) (`--report`)"


def _counted(report: Report, environ: Mapping[str, str]) -> list[str]:
    """Waived and corroborated findings as counts per check: they ask nothing of the reviewer, and listed one
    by one they were most of a clean run's summary. The HTML and JSON reports list each one."""
    waived = Counter(f.check for f in report.findings if f.status == "waived")
    corroborated = Counter(f.check for f in report.findings if f.status == "corroborated")
    if not waived and not corroborated:
        return []
    first_end: dict[str, tuple] = {}
    for f in report.findings:
        if f.status == "waived" and f.waiver and f.waiver.until:
            end = (f.waiver.until.end, f.waiver.until.text)
            first_end[f.check] = min(first_end.get(f.check, end), end)
    out = ["", "### Waived and corroborated", "",
           "| check | waived | first waiver to end | corroborated |", "|---|---:|---|---:|"]  # fmt: skip
    checks = sorted(set(waived) | set(corroborated))
    for check in checks[:COUNTED_ROWS]:
        info = report.checks.get(check)
        title = info.title if info else ""
        name = _code(check) + (f" {cell(title)}" if title else "")
        end = cell(first_end[check][1]) if check in first_end else "no end date" if waived[check] else ""
        out.append(f"| {name} | {waived[check]:,} | {end} | {corroborated[check]:,} |")
    if len(checks) > COUNTED_ROWS:
        out += ["", f"{plural(len(checks) - COUNTED_ROWS, 'more check')} with waived or corroborated findings."]
    out += ["", "A waived finding is a failure the dataset acknowledges, with a reason; it does not block until "
            f"its waiver ends. Each one, with its reason, is listed in the HTML report {_uploaded(environ)}."]  # fmt: skip
    return out


COMPARISON_ROWS = 50  # claim changes and fixed findings in the summary; the JSON report has every one


def _comparison(report: Report, prefix: str, environ: Mapping[str, str]) -> list[str]:
    """The section on what the pull request changed, compared with its base (`--baseline`)."""
    from factcheck.reporters.compared import brief, heading
    from factcheck.reporters.compared import summary as sentence

    out = ["", "### What this pull request changed", ""]
    if heading(report):
        out += [cell(heading(report)), ""]
    out.append(f"**{cell(sentence(report))}**")
    if report.comparison and report.comparison.note:
        out += ["", f"Note: {cell(report.comparison.note)}"]
    changes = report.changes.claims if report.changes else []
    if changes:
        out += ["", "| change | where | claim | what |", "|---|---|---|---|"]
        for change in changes[:COMPARISON_ROWS]:
            s = change.state
            where = (
                _link(repository_path(s.file, prefix), s.line, environ) if change.new else cell(f"{s.file}:{s.line}")
            )
            out.append(f"| {change.change} | {where} | {cell(change.claim)} | {cell(brief(change))} |")
        if len(changes) > COMPARISON_ROWS:
            out += ["", f"{len(changes) - COMPARISON_ROWS:,} more claim changes in the JSON report."]
    if report.changes and report.changes.files:
        edited = ", ".join(f"{cell(f.path)} ({f.change})" for f in report.changes.files)
        out += ["", f"Gates, suites or catalog edited: {edited}. Review them: they decide what is checked."]
    if report.fixed:
        out += ["", "| fixed | check | claim | message |", "|---|---|---|---|"]
        for f in report.fixed[:COMPARISON_ROWS]:
            out.append(f"| {cell(f.location)} | {cell(f.check)} | {cell(f.claim or '')} | {cell(f.message)} |")
        if len(report.fixed) > COMPARISON_ROWS:
            out += ["", f"{len(report.fixed) - COMPARISON_ROWS:,} more fixed findings in the JSON report."]
    return out


def outputs(report: Report) -> dict[str, str]:
    """Step outputs for later steps: `steps.<id>.outputs.verdict` and the counts."""
    counts = report.counts()
    values = {"verdict": report.verdict, **{k: str(counts[k]) for k in OUTPUT_NAMES[1:-1]}}
    values["claims"] = str(len(report.claims))
    return {name: values[name] for name in OUTPUT_NAMES}


def output_line(name: str, value: str) -> str:
    """`name=value` for `$GITHUB_OUTPUT`. A line break would end the value and start another output, so a
    value holding one is refused: the outputs are counts and the verdict, and one with a line break is a bug."""
    if any(c in name + value for c in "\r\n") or "=" in name:
        raise ValueError(f"a step output must be one line: {name!r}={value!r}")
    return f"{name}={value}\n"


def _append(variable: str, path: str, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise ConfigError(
            f"cannot append to ${variable} ({path}): {error.strerror or error}",
            "outside GitHub Actions, run without --github",
        ) from None


def publish(report: Report, stream: TextIO, root: Path, environ: Mapping[str, str] | None = None) -> None:
    """The summary to `$GITHUB_STEP_SUMMARY` and outputs to `$GITHUB_OUTPUT` (when set), then annotations to
    `stream`: the files first, as the reader of `stream` may be gone before the annotations are written."""
    environ = environ if environ is not None else os.environ
    prefix = repository_prefix(root, environ)
    if environ.get("GITHUB_STEP_SUMMARY"):
        _append("GITHUB_STEP_SUMMARY", environ["GITHUB_STEP_SUMMARY"], summary(report, prefix, environ))
    if environ.get("GITHUB_OUTPUT"):
        text = "".join(output_line(name, value) for name, value in outputs(report).items())
        _append("GITHUB_OUTPUT", environ["GITHUB_OUTPUT"], text)
    render(report, stream, prefix)
