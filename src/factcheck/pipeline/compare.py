"""Comparing a run with a base: which findings are new, which existed already, which were fixed.

`factcheck validate --baseline REF` runs the base's own gates on the project as of git commit REF
(`factcheck.pipeline.gitbase`), in this process, with the Great Expectations already imported; `--baseline FILE`
reads the findings that `factcheck baseline -o FILE` stored. Either way, every failed or waived finding of
this run is then *new* or *existing*, and the base's failed findings whose problem this run no longer has
(no failing finding of that check on that claim against the same claims, whatever their figures) are
*fixed*. With `fail_on_new` (a gate's option, or `--fail-on-new`), an existing finding no longer blocks; it
is still in every report.

A finding's identity is what it is about, never where it is written: its check, its claim, the claims it
was compared with, and their figures (value, qualifier, bounds). A claim that moves down a file keeps its
findings; a figure that changes makes a new one, which is what a reviewer must look at. A finding with no
claim in the run (a file that does not parse, a claim that fails the schema) is identified by its check,
its file (when it has no claim id) and its message, with line numbers taken out. A figure in an article is
identified by its article, check, claims and message (what the article says, what the claims say), with
every line number taken out (`findings.identity`).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal, TextIO

from pydantic import Field, ValidationError

from factcheck import __version__
from factcheck.floor.errors import ConfigError
from factcheck.floor.severity import Severity
from factcheck.model.format import _Model
from factcheck.model.layout import LAYOUT
from factcheck.pipeline.options import Options, Source
from factcheck.report.findings import FORMAT, IDENTITY, Changes, Comparison, Finding, Report, fingerprint, severity_rank

VERSION = 1
_COMPARED = ("failed", "waived")  # corroborations are evidence, not findings to track


def source(value: str) -> Source:
    """`--baseline VALUE`: the path of an existing file (or of a `.json` file) is a baseline file, anything
    else a git revision, checked before git sees it."""
    from factcheck.pipeline.gitbase import check_ref

    if not value:
        check_ref(value)
    path = Path(value)
    if path.is_dir():
        raise ConfigError(f"--baseline {value}: this is a folder", "give a git revision or a baseline file")
    if path.is_file() or value.endswith(".json"):
        if not path.is_file():
            raise ConfigError(f"--baseline {value}: no such file", "make one with `factcheck baseline -o FILE`")
        return Source("file", value, path.absolute())
    return Source("git", check_ref(value))


def inputs(baseline: Source | None):
    """The baseline file as an input of the command, so that no output lands on it (`factcheck.pipeline.write_guard`)."""
    from factcheck.pipeline.write_guard import Inputs

    return Inputs(files={baseline.path} if baseline is not None and baseline.path is not None else set())


# ------------------------------------------------------------------------------------------------ comparing


def compare(report: Report, options: Options, run: Callable[[Options], Report]) -> Report:
    """Classify `report`'s findings against the base `options.baseline` names, list the fixed ones, and
    with `fail_on_new` keep existing findings from blocking. Does nothing when neither is asked for. `run` runs
    the base's own gates (`factcheck.pipeline.run.run`), given by the caller so that the run does not import this."""
    new_only = options.fail_on_new or any(g.fail_on_new for g in report.gates)
    if options.baseline is None:
        if new_only:
            report.comparison = Comparison(
                "none", "", fail_on_new=True,
                note="fail_on_new is set but no baseline was given (--baseline): every finding counts as new",
            )  # fmt: skip
        return report
    options.profiler.lap("findings")
    if options.baseline.kind == "file":
        assert options.baseline.path is not None
        recorded = read(options.baseline.path)
        base = [(r.fingerprint, r.status) for r in recorded]
        fixed = [(r.fingerprint, r.finding()) for r in recorded if r.status == "failed"]
        report.comparison = Comparison("file", options.baseline.text, fail_on_new=new_only)
    else:
        base_report, report.comparison, report.changes = _git_base(report, options, new_only, run)
        base, fixed = [], []
        if base_report is not None:
            for finding in base_report.findings:
                if finding.status in _COMPARED:
                    key = fingerprint(finding, base_report.claims)
                    base.append((key, finding.status))
                    if finding.status == "failed":
                        fixed.append((key, finding))
    _classify(report, base, fixed)
    if new_only:
        _existing_do_not_block(report, options.fail_on_new)
    options.profiler.lap("baseline")
    return report


def _same_problem(finding: Finding, key: str) -> tuple:
    """What a fixed finding must no longer have: a failing finding of its check on its claim against the same
    claims, whatever their figures now (a fall from 45,000 that is now a fall from 55,000 is new, since its
    figures changed, but nothing was fixed). A finding without a claim: its identity."""
    if not finding.claim:
        return (key,)
    article = finding.file if finding.column is not None else None  # another article's figure is its own
    return (finding.check, finding.claim, tuple(sorted(finding.related)), article)


def _classify(report: Report, base: list[tuple[str, str]], fixed: list[tuple[str, Finding]]) -> None:
    """Each failed or waived finding is existing when the base had one of the same identity and status (as
    many times as the base had it), else new; the base's failed findings whose problem is gone are fixed."""
    left = Counter(base)
    classified = []
    failing_now: Counter = Counter()
    for finding in report.findings:
        if finding.status not in _COMPARED:
            classified.append(finding)
            continue
        key = (fingerprint(finding, report.claims), finding.status)
        if finding.status == "failed":
            failing_now[_same_problem(finding, key[0])] += 1
        state = "existing" if left[key] > 0 else "new"
        left[key] -= state == "existing"
        classified.append(replace(finding, baseline=state))
    report.findings = classified
    gone = []
    for key, finding in fixed:
        problem = _same_problem(finding, key)
        if failing_now[problem] > 0:
            failing_now[problem] -= 1
        else:
            gone.append(replace(finding, blocking=False, baseline=None))
    report.fixed = sorted(gone, key=Finding.sort_key)


def _existing_do_not_block(report: Report, everywhere: bool) -> None:
    """An existing finding blocks only through a gate that covers its file, does not have `fail_on_new`
    and blocks at its severity; a finding of no gate's files (the catalog, a stray file) blocks unless every
    gate has `fail_on_new`. Nothing that did not block starts to."""
    files = [(set(g.files), g) for g in report.gates]
    all_new_only = everywhere or (bool(report.gates) and all(g.fail_on_new for g in report.gates))

    def still_blocks(finding: Finding) -> bool:
        covering = [g for names, g in files if finding.file in names]
        if not covering:
            return not all_new_only
        rank = severity_rank(finding.severity)
        return any(not g.fail_on_new and rank >= severity_rank(g.fail_on) for g in covering)

    report.findings = [
        replace(f, blocking=False) if f.blocking and f.baseline == "existing" and not still_blocks(f) else f
        for f in report.findings
    ]


def _git_base(report: Report, options: Options, new_only: bool, run: Callable[[Options], Report]):
    """The base run at the commit `options.baseline` names, its `Comparison` and what changed."""
    from factcheck.pipeline import changes, gitbase

    assert options.baseline is not None
    commit = gitbase.resolve(options.root, options.baseline.text)
    label = (
        f"{options.baseline.text} ({commit.short})"
        if not commit.sha.startswith(options.baseline.text)
        else commit.short
    )
    note = ""
    with tempfile.TemporaryDirectory(prefix="factcheck-base-") as temp:
        base_root = Path(temp) / "repository"
        base_root.mkdir()
        base_report: Report | None = None
        try:
            base_root = gitbase.materialise(commit, base_root)
            if not LAYOUT.gate_files(base_root):
                _borrow_gates(options.root, base_root)
                note = f"the base {label} has no gates in checks/: it was checked with this tree's gates and suites"
            targets = _targets_in(options, base_root)
            if targets is None:
                note = f"the base {label} has none of the files given on the command line: every finding counts as new"
                base_report = Report(findings=[])
            else:
                base_report = run(
                    replace(options, root=base_root, targets=targets, today=report.today, baseline=None,
                            fail_on_new=False, writes=(), data_docs=None, every_claim=True)
                )  # fmt: skip
        except ConfigError as error:
            from factcheck.floor.text import clip

            reason = clip(str(error).replace(str(base_root) + "/", "").replace(str(base_root), "."), 300)
            note = f"the base {label} could not be validated ({reason}): every finding counts as new"
            base_report = None
        found = None
        if base_report is not None:
            claims = changes.compare_claims(base_report.claims, report.claims, base_report.catalog, report.catalog)
            files = changes.compare_files(
                base_root, options.root, _configuration(base_root) | _configuration(options.root)
            )
            found = Changes(claims, files)
    comparison = Comparison("git", label, options.baseline.text, commit.sha, new_only, note)
    return base_report, comparison, found


def _borrow_gates(root: Path, base_root: Path) -> None:
    """A base from before the project had gates is checked with this tree's gates and their suites (the
    base's own suite of a path is kept). Written as the base itself is, never through a symlink the base
    holds (`basecopy.Folder`): a base whose `checks` is not a folder cannot be validated."""
    from factcheck.pipeline import project
    from factcheck.pipeline.basecopy import BaseRefused, Folder, safe

    with Folder(base_root) as folder:
        for path in LAYOUT.gate_files(root):
            _copy_into(folder, path, f"{LAYOUT.gates}/{path.name}")
            try:
                suites = project.read_gate(root, path).gate.suites
            except ConfigError:
                continue
            for suite in suites:
                source = (root / suite).resolve()
                if not safe(suite) or not source.is_relative_to(root) or os.path.lexists(base_root / suite):
                    continue
                try:
                    _copy_into(folder, source, suite)
                except BaseRefused:
                    continue  # the base holds a file where this suite's folder is: its run says what is missing


def _copy_into(folder, source: Path, rel: str) -> None:
    from factcheck.reading.yamlfile import max_bytes

    if not source.is_file() or source.stat().st_size > max_bytes():
        return
    fd = folder.create(rel)
    with open(fd, "wb") as handle:
        handle.write(source.read_bytes())


def _targets_in(options: Options, base_root: Path) -> tuple[str, ...] | None:
    """The command line's targets as paths in the base (those it has); None when it has none of them."""
    if not options.targets:
        return ()
    found = []
    for target in options.targets:
        rel = (Path.cwd() / target).resolve().relative_to(options.root)
        if (base_root / rel).exists():
            found.append(str(base_root / rel))
    return tuple(found) or None


def _configuration(root: Path) -> set[str]:
    """The files that decide what is checked: the gates, the suites (checks/ and expectations/, without
    entering a symlinked folder), the catalog."""
    found = {LAYOUT.catalog}
    for folder in (LAYOUT.gates, LAYOUT.suites):
        for where, dirs, files in os.walk(root / folder, followlinks=False):
            dirs.sort()
            for name in files:
                if name.endswith((".yml", ".yaml")):
                    found.add((Path(where) / name).relative_to(root).as_posix())
    return found


# ---------------------------------------------------------------------------------------- the baseline file

_Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
_Text = Annotated[str, Field(max_length=100_000)]


class Recorded(_Model):
    """One finding in a baseline file."""

    fingerprint: _Fingerprint
    check: _Text
    severity: Severity
    status: Literal["failed", "waived"]
    claim: _Text | None
    related: list[_Text]
    file: _Text
    line: Annotated[int, Field(ge=0)]
    message: _Text
    title: _Text = ""

    def finding(self) -> Finding:
        return Finding(self.check, self.severity, self.file, self.line, self.message, status=self.status,
                       claim=self.claim, related=tuple(self.related), title=self.title)  # fmt: skip


class _Tool(_Model):
    name: Literal["factcheck"]
    version: str


class BaselineFile(_Model):
    format: Literal["factcheck-baseline"]
    version: Literal[1]
    identity: Literal[2]
    tool: _Tool
    today: str | None
    findings: list[Recorded]


def records(report: Report) -> list[dict]:
    """The failed and waived findings of a run as baseline records, in an order that moving lines keeps."""
    out = []
    for f in report.findings:
        if f.status not in _COMPARED:
            continue
        out.append(
            {"fingerprint": fingerprint(f, report.claims), "check": f.check, "severity": f.severity,
             "status": f.status, "claim": f.claim, "related": list(f.related), "file": f.file, "line": f.line,
             "message": f.message, "title": f.title}
        )  # fmt: skip
    return sorted(out, key=lambda r: (r["check"], r["claim"] or "", r["file"], r["fingerprint"]))


def write(report: Report, stream: TextIO) -> None:
    """The baseline file: a versioned JSON object, one finding per line (readable, and small diffs)."""
    head = {"format": FORMAT, "version": VERSION, "identity": IDENTITY,
            "tool": {"name": "factcheck", "version": __version__},
            "today": report.today.isoformat() if report.today else None}  # fmt: skip
    stream.write(json.dumps(head, indent=2, ensure_ascii=False)[: -len("\n}")] + ',\n  "findings": [')
    line = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    found = records(report)
    for n, record in enumerate(found):
        stream.write(f"{',' if n else ''}\n    {line(record)}")
    stream.write("\n  ]\n}\n" if found else "]\n}\n")


def read(path: Path) -> list[Recorded]:
    """The findings of a baseline file. A baseline file is input like any other (a pull request can edit
    one): it is bounded in size and checked field by field, and anything wrong is a `ConfigError` (exit 2)."""
    from factcheck.reading import yamlfile

    shown = path.as_posix()
    try:
        size = path.stat().st_size
        if size > yamlfile.max_bytes():
            raise ConfigError(f"{shown}: the baseline file is {size:,} bytes, above the limit of "
                              f"{yamlfile.max_bytes():,}", "store the findings of one project only")  # fmt: skip
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read the baseline file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: the baseline file is not UTF-8 text", _REMAKE) from None
    _check_shape(text, shown)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"{shown}:{error.lineno}: not JSON: {error.msg}", _REMAKE) from None
    if isinstance(data, dict) and data.get("format") == FORMAT and data.get("identity") not in (None, IDENTITY):
        raise ConfigError(f"{shown}: made with another version of the finding identity", _REMAKE)
    try:
        return BaselineFile.model_validate(data).findings
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the top level"
        raise ConfigError(f"{shown}: not a factcheck baseline file: at {where}: {first['msg']}", _REMAKE) from None


_REMAKE = "make it again with `factcheck baseline -o FILE`"
_MAX_DEPTH = 16  # a baseline file nests 4 levels
_MAX_NUMBER = 30  # characters: a line number, a version
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|-?[0-9][0-9.eE+-]*|[{}\[\],\n]')


def _check_shape(text: str, shown: str) -> None:
    """What Python's JSON reader would not refuse clearly: nesting deep enough to exhaust its recursion,
    numbers of thousands of digits, and a key named twice in an object (it keeps the last one silently).
    One pass over the tokens, whatever the file holds; the rest of JSON's grammar is the reader's."""
    line = 1
    keys: list[set[str] | None] = []  # per open container: the keys seen (an object) or None (an array)
    expect_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "{[":
            keys.append(set() if token == "{" else None)
            expect_key = token == "{"
            if len(keys) > _MAX_DEPTH:
                raise ConfigError(f"{shown}:{line}: nested more than {_MAX_DEPTH} levels deep", _REMAKE)
        elif token in "}]":
            if keys:
                keys.pop()
            expect_key = False
        elif token == ",":
            expect_key = bool(keys) and keys[-1] is not None
        elif token.startswith('"'):
            if expect_key and keys and keys[-1] is not None:
                try:
                    key = json.loads(token)
                except ValueError:
                    key = token
                if key in keys[-1]:
                    raise ConfigError(f"{shown}:{line}: the key {token[:80]} is given twice in one object", _REMAKE)
                keys[-1].add(key)
            expect_key = False
        elif len(token) > _MAX_NUMBER:
            raise ConfigError(f"{shown}:{line}: a number of {len(token):,} characters", _REMAKE)


# --------------------------------------------------------------------------------------- words for reporters
