"""The plan of a run: which gates run, with which suites, on which dataset files, and which articles are
checked against which claims, before anything is read. `make` plans `factcheck validate`; `for_articles`
plans `factcheck article`, a plan without suites: its datasets are read for their claims, not checked.

Everything a plan names has been checked for what a pull request could do with it: every gate, suite and
dataset is inside the project (unless allowed), and no output of the command lands on any of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.floor.errors import ConfigError
from factcheck.model.format import Gate
from factcheck.model.layout import LAYOUT
from factcheck.pipeline import overrides, project, selection, write_guard
from factcheck.pipeline.load import file_name
from factcheck.pipeline.project import GateFile
from factcheck.pipeline.suites import Suite, read_suite
from factcheck.prose.check import is_article
from factcheck.report.findings import severity_rank
from factcheck.rules import STAGE_0


@dataclass(frozen=True)
class GatePlan:
    """One gate of the run: its file, its suites in order, and the dataset files it checks in this run."""

    file: GateFile
    suites: tuple[Suite, ...]  # narrowed to the checks the command line selects
    files: tuple[Path, ...]
    defined: frozenset[str]  # every check id its suites define, selected or not: what a waiver may name

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def settings(self) -> Gate:
        return self.file.gate

    def fail_on(self, override: str | None) -> str:
        return override or self.settings.fail_on


@dataclass(frozen=True)
class Draft:
    """An article the run checks: against the claims of `datasets` (file names, sorted), with the settings of
    the gate that names it. An article two gates name is planned once for each."""

    path: Path
    rel: str
    datasets: tuple[str, ...]
    fail_on: str
    unbacked: str  # the severity of a figure no claim backs (the gate's `article_unbacked`)


@dataclass(frozen=True)
class Plan:
    root: Path
    gates: tuple[GatePlan, ...]
    files: tuple[Path, ...]  # every dataset file some gate checks in this run, sorted
    covered: frozenset[Path]  # every file a gate reads, whichever the command line restricts the run to
    strictest: str  # the strictest fail_on of the gates: the schema stage's findings block at it
    restricted: bool = False  # the command line names dataset files: the run checks only those (no article)
    drafts: tuple[Draft, ...] = ()  # the articles checked, in the order of their gates
    checks_datasets: bool = True  # False for `factcheck article`: the datasets are read, not checked


def make(
    root: Path,
    targets: tuple[str, ...],
    allow_outside_root: bool,
    writes: tuple[write_guard.Output, ...] = (),
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> Plan:
    """The plan for `factcheck validate TARGETS...` (`--select`/`--ignore`: the checks it runs), or a
    `ConfigError` saying what is wrong with it."""
    project.max_file_bytes()  # a bad FACTCHECK_MAX_FILE_BYTES is exit 2 before anything is read
    gates, only = _select(root, targets, allow_outside_root)
    project.inside(root, Path(LAYOUT.catalog), "the catalog", allow_outside_root)

    suites: dict[Path, Suite] = {}  # each suite read once, however many gates run it
    covered: set[Path] = set()
    planned = []
    for gate in gates:
        files = project.expand(root, list(gate.gate.datasets), allow_outside_root)
        covered.update(files)
        files = [f for f in files if f != root / LAYOUT.catalog and (only is None or f in only)]
        chosen = []
        for suite_path in gate.gate.suites:
            path, name = project.suite_file(root, suite_path, gate.path, allow_outside_root)
            if path not in suites:
                suites[path] = read_suite(root, path, name)
            chosen.append(suites[path])
        _unique_check_ids(gate, chosen)
        chosen = overrides.apply(gate.path, chosen)
        defined = frozenset(c.id for s in chosen for c in s.checks)
        planned.append(GatePlan(gate, tuple(chosen), tuple(files), defined))
    if only is not None and not any(g.files for g in planned):
        raise ConfigError("no gate in checks/ covers the given datasets", "add their folder to a gate's `datasets`")
    selection.check(select, ignore, set().union(*(g.defined for g in planned)), STAGE_0)
    if select or ignore:
        narrowed = {path: selection.narrow(s, select, ignore) for path, s in suites.items()}
        planned = [replace(g, suites=tuple(selection.narrow(s, select, ignore) for s in g.suites)) for g in planned]
        suites = narrowed

    all_files = sorted({f for g in planned for f in g.files})
    # Refused before any dataset is read: an output onto or into what this run (or the next) reads.
    reads = write_guard.validate_inputs(root, gates, suites, all_files, allow_outside_root)
    write_guard.refuse_inputs(writes, reads)
    strictest = min((g.gate.fail_on for g in gates), key=severity_rank)
    drafts = () if only is not None else _gate_drafts(root, planned, allow_outside_root)
    return Plan(root, tuple(planned), tuple(all_files), frozenset(covered), strictest, only is not None, drafts)


def for_articles(
    root: Path, targets: tuple[str, ...], allow_outside_root: bool, writes: tuple[write_guard.Output, ...] = ()
) -> Plan:
    """The plan for `factcheck article TARGETS...`: each file given, against the claims of the gates that name
    it (of every gate, for a file none names), with the strictest `fail_on` of those gates and their most
    severe `article_unbacked`. No suite runs: the datasets are read for their claims, not checked."""
    project.max_file_bytes()
    gates = [project.read_gate(root, p) for p in project.gate_files(root)]
    project.inside(root, Path(LAYOUT.catalog), "the catalog", allow_outside_root)
    suites = [root / suite for gate in gates for suite in gate.gate.suites]  # never read, but never written
    reads = write_guard.validate_inputs(root, gates, suites, [], allow_outside_root)
    reads.files.update((Path.cwd() / target).absolute() for target in targets)
    write_guard.refuse_inputs(writes, reads)
    paths = []
    for target in targets:
        path = project.inside(root, Path.cwd() / target if not Path(target).is_absolute() else Path(target),
                              "article", allow_outside_root)  # fmt: skip
        if not path.is_file():
            raise ConfigError(f"{target}: no such article", "give the path of a Markdown or text file")
        paths.append(path)
    planned = []
    for gate in gates:
        files = [f for f in project.expand(root, list(gate.gate.datasets), allow_outside_root)
                 if f != root / LAYOUT.catalog]  # fmt: skip
        planned.append(GatePlan(gate, (), tuple(files), frozenset()))
    naming = {g.path: set(_articles(root, g.file, allow_outside_root)) for g in planned}
    strictest = min((g.settings.fail_on for g in planned), key=severity_rank)
    drafts = []
    for path in paths:
        chosen = [g for g in planned if path in naming[g.path]] or planned
        rels = tuple(sorted({file_name(root, f) for g in chosen for f in g.files}))
        fail_on = min((g.settings.fail_on for g in chosen), key=severity_rank)
        unbacked = max((g.settings.article_unbacked for g in chosen), key=severity_rank)
        drafts.append(Draft(path, file_name(root, path), rels, fail_on, unbacked))
    all_files = sorted({f for g in planned for f in g.files})
    return Plan(root, tuple(planned), tuple(all_files), frozenset(), strictest, drafts=tuple(drafts),
                checks_datasets=False)  # fmt: skip


def _articles(root: Path, gate: GateFile, allow_outside_root: bool) -> list[Path]:
    if not gate.gate.articles:
        return []
    return project.expand(root, list(gate.gate.articles), allow_outside_root, accept=is_article, what="article")


def _gate_drafts(root: Path, planned: list[GatePlan], allow_outside_root: bool) -> tuple[Draft, ...]:
    """The articles each gate names, each against the claims of the gate's datasets, with its settings."""
    drafts = []
    for gate in planned:
        rels = tuple(sorted({file_name(root, f) for f in gate.files}))
        for path in _articles(root, gate.file, allow_outside_root):
            drafts.append(
                Draft(path, file_name(root, path), rels, gate.settings.fail_on, gate.settings.article_unbacked)
            )
    return tuple(drafts)


def _select(root: Path, targets: tuple[str, ...], allow_outside_root: bool) -> tuple[list[GateFile], set[Path] | None]:
    """The gates to run, and the dataset files the command line restricts them to (None: all)."""
    gate_paths: list[Path] = []
    only: set[Path] | None = None
    for target in targets:
        path = (Path.cwd() / target).resolve()
        if not path.exists():
            raise ConfigError(f"{target}: no such file or folder")
        if not path.is_relative_to(root):
            raise ConfigError(f"{target} is outside the project root {root}", "run factcheck from inside the project")
        if path.is_relative_to(root / LAYOUT.gates):
            gate_paths += project.gate_files(root) if path.is_dir() else [path]
        else:
            rel = path.relative_to(root).as_posix()
            only = (only or set()) | set(project.expand(root, [rel], allow_outside_root))
    if not gate_paths:
        gate_paths = project.gate_files(root)
    for path in gate_paths:  # a gate symlinked to a file outside the root is refused before it is read
        project.inside(root, path.relative_to(root), "gate file", allow_outside_root)
    return [project.read_gate(root, p) for p in gate_paths], only


def _unique_check_ids(gate: GateFile, suites: list[Suite]) -> None:
    seen: dict[str, str] = {}
    for suite in suites:
        for check in suite.checks:
            if check.id in seen and seen[check.id] != suite.path:
                raise ConfigError(
                    f"{suite.path}:{check.line}: check id {check.id!r} is also defined in {seen[check.id]}",
                    f"the gate {gate.path} runs both suites; check ids must be unique",
                )
            seen[check.id] = suite.path
