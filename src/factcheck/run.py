"""One validation run: gates in, one `Report` out. The CLI and the tests call `run()`."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck import datasets, outputs, profiling, project, yamlfile
from factcheck.errors import ConfigError
from factcheck.findings import Finding, GateRun, Report, severity_rank
from factcheck.messages import (
    CLAIM_FIELDS,
    apply_waivers,
    claim_fields,
    decide,
    related_fields,
    render_message,
    template_fields,
)
from factcheck.models import Claim
from factcheck.project import GateFile
from factcheck.suites import Suite, read_suite


@dataclass(frozen=True)
class Options:
    root: Path
    targets: tuple[str, ...] = ()
    today: dt.date | None = None
    fail_on: str | None = None
    allow_outside_root: bool = False
    data_docs: Path | None = None  # also write GX's Data Docs site here
    writes: tuple[outputs.Output, ...] = ()  # every file and folder the command writes: never onto an input


def _select(options: Options) -> tuple[list[GateFile], set[Path] | None]:
    """The gates to run, and the dataset files the command line restricts them to (None: all)."""
    root = options.root
    gate_paths: list[Path] = []
    only: set[Path] | None = None
    for target in options.targets:
        path = (Path.cwd() / target).resolve()
        if not path.exists():
            raise ConfigError(f"{target}: no such file or folder")
        if not path.is_relative_to(root):
            raise ConfigError(f"{target} is outside the project root {root}", "run factcheck from inside the project")
        if path.is_relative_to(root / project.CHECKS_DIR):
            gate_paths += project.gate_files(root) if path.is_dir() else [path]
        else:
            rel = path.relative_to(root).as_posix()
            only = (only or set()) | set(project.expand(root, [rel], options.allow_outside_root))
    if not gate_paths:
        gate_paths = project.gate_files(root)
    for path in gate_paths:  # a gate symlinked to a file outside the root is refused before it is read
        project.inside(root, path.relative_to(root), "gate file", options.allow_outside_root)
    return [project.read_gate(root, p) for p in gate_paths], only


def run(options: Options) -> Report:
    root = options.root
    today = options.today or dt.date.today()
    try:
        yamlfile.max_bytes()
    except ValueError as error:
        raise ConfigError(str(error), "unset it for the default of 20 MiB") from None
    gates, only = _select(options)
    project.inside(root, Path(datasets.CATALOG), "the catalog", options.allow_outside_root)

    files_by_gate: dict[str, list[Path]] = {}
    suites_by_gate: dict[str, list[Suite]] = {}
    suites: dict[Path, Suite] = {}
    covered: set[Path] = set()  # every file a gate reads, whichever the command line restricts the run to
    for gate in gates:
        files = project.expand(root, list(gate.gate.datasets), options.allow_outside_root)
        covered.update(files)
        files = [f for f in files if f != root / datasets.CATALOG and (only is None or f in only)]
        files_by_gate[gate.path] = files
        chosen = []
        for suite_path in gate.gate.suites:
            path = project.inside(root, Path(suite_path), f"{gate.path}: suite", options.allow_outside_root)
            if not path.is_file():
                raise ConfigError(f"{gate.path}: suite {suite_path!r} does not exist", "suites live in expectations/")
            if path not in suites:
                suites[path] = read_suite(root, path)
            chosen.append(suites[path])
        _unique_check_ids(gate, chosen)
        suites_by_gate[gate.path] = chosen
    if only is not None and not any(files_by_gate.values()):
        raise ConfigError("no gate in checks/ covers the given datasets", "add their folder to a gate's `datasets`")

    all_files = sorted({f for files in files_by_gate.values() for f in files})
    # Refused before any dataset is read: an output onto or into what this run (or the next) reads.
    reads = outputs.validate_inputs(root, gates, suites, all_files, options.allow_outside_root)
    outputs.refuse_inputs(options.writes, reads)
    profiling.lap("config")
    # Great Expectations is imported while forked workers read the datasets (`datasets.load`), so that the
    # seconds of the import hide the reading. Stages then mean: `import`, this process importing; `parse`
    # and `schema`, what stage 0 still costs this process around the import (the catalog, forking, reading
    # the files left when the import is done, waiting for the workers and taking their results). The
    # stages still add up to the wall time; the reading done under the import shows in none of them.
    meanwhile = None if "factcheck.engine" in sys.modules else _import_engine
    loaded = datasets.load(root, all_files, meanwhile=meanwhile)
    profiling.lap("schema")
    claims = {c.id: c for c in loaded.claims}
    findings: dict[tuple, Finding] = {}

    def add(finding: Finding, fail_on: str) -> None:
        finding = decide(finding, fail_on)
        key = (finding.check, finding.claim, finding.file, finding.line, finding.column, finding.message)
        if key not in findings or finding.blocking:
            findings[key] = finding

    strictest = min((g.gate.fail_on for g in gates), key=severity_rank)
    for finding in loaded.findings:
        add(finding, options.fail_on or strictest)
    meta = datasets.SCHEMA_CHECKS["stray-file"]
    for rel, problem in project.stray_files(root, covered):
        hint = "datasets/ holds only the datasets its gates read and catalog.yml: move it, or add it to a gate"
        add(
            Finding("stray-file", "critical", rel, 1, problem, title=meta["title"], explain=meta["explain"], hint=hint),
            options.fail_on or strictest,
        )

    gate_runs = []
    checks_meta: dict[str, dict] = {k: {**v, "severity": "critical"} for k, v in datasets.SCHEMA_CHECKS.items()}
    if loaded.catalog is not None:
        from factcheck.engine import Engine  # imports Great Expectations: seconds, so only here
        from factcheck.frame import build

        profiling.lap("import")
        engine = Engine(keep_results=options.data_docs is not None)
        described: dict[str, dict] = {}

        def fields_of(claim: Claim) -> dict:
            if claim.id not in described:
                described[claim.id] = claim_fields(claim, loaded.catalog)
            return described[claim.id]

        for suite in suites.values():
            engine.prepare(suite)
        profiling.lap("gx-setup")
        for gate in gates:
            fail_on = options.fail_on or gate.gate.fail_on
            gate_suites = suites_by_gate[gate.path]
            in_gate = {
                f.relative_to(root).as_posix() if f.is_relative_to(root) else f.as_posix()
                for f in files_by_gate[gate.path]
            }
            gate_claims = [c for c in loaded.claims if c.file in in_gate]
            profiling.lap("findings")
            frame = build(gate_claims, loaded.catalog, gate.gate.about_tolerance)
            profiling.lap("frame")
            check_ids = {check.id for suite in gate_suites for check in suite.checks}
            hits_by_suite = engine.validate_all(gate_suites, frame, today)
            profiling.lap("suites")
            for suite in gate_suites:
                by_id = {check.id: check for check in suite.checks}
                for check in suite.checks:
                    checks_meta[check.id] = {"title": check.title, "explain": check.explain, "severity": check.severity,
                                             "suite": suite.path}  # fmt: skip
                hits = hits_by_suite[suite.path]
                # Only the fields a check's message names are built: describing claims is most of the cost.
                names = {c.id: template_fields(c.message) for c in suite.checks}
                about_claim = {c.id for c in suite.checks if not names[c.id].isdisjoint(CLAIM_FIELDS)}
                about_related = {c.id for c in suite.checks if any(n.startswith("related") for n in names[c.id])}
                numbers = {
                    c.id: {k: _number(v) for k, v in c.kwargs.items() if isinstance(v, int | float)}
                    for c in suite.checks
                }
                for hit in hits:
                    check = by_id[hit.check]
                    claim = claims[hit.claim_id]
                    wanted = names[check.id]
                    fields = dict(fields_of(claim)) if check.id in about_claim else {}
                    fields.update(numbers[check.id])
                    if check.id in about_related:
                        fields.update(
                            related_fields([claims[r] for r in hit.related], loaded.catalog, fields_of, wanted)
                        )
                    fields.update(dict(hit.fields))
                    finding = Finding(
                        check=check.id,
                        severity=check.severity,
                        file=claim.file,
                        line=claim.line,
                        message=render_message(check.message, fields),
                        status=hit.status,
                        claim=claim.id,
                        related=hit.related,
                        title=check.title,
                        explain=check.explain,
                    )
                    if finding.status == "failed":  # a corroboration is evidence, never waived
                        finding = apply_waivers(finding, claim.waivers, today)
                    add(finding, fail_on)
            for claim in gate_claims:
                for finding in _unknown_waivers(claim, check_ids):
                    add(finding, fail_on)
            gate_runs.append(
                GateRun(gate.name, gate.path, fail_on, tuple(sorted(in_gate)),
                        tuple(s.path for s in gate_suites), tuple(sorted(check_ids)), len(gate_claims))
            )  # fmt: skip
        if options.data_docs is not None:
            engine.build_data_docs(options.data_docs)
    articles = []
    if only is None and loaded.catalog is not None:  # each gate's articles, against the claims of its datasets
        from factcheck.articles.check import META, check_gates

        profiling.lap("findings")

        articles, found = check_gates(
            root, gates, files_by_gate, loaded.claims, loaded.catalog, options.allow_outside_root
        )
        for gate_fail_on, finding in found:
            add(finding, options.fail_on or gate_fail_on)
        checks_meta.update(META)
        profiling.lap("articles")
    return Report(
        findings=sorted(findings.values(), key=Finding.sort_key),
        claims=claims,
        catalog=loaded.catalog,
        gates=gate_runs,
        checks=checks_meta,
        today=today,
        articles=articles,
    )


def _import_engine() -> None:
    """Import the modules that bring in Great Expectations (seconds): only a run that checks needs them."""
    with profiling.stage("import"):
        import factcheck.engine
        import factcheck.frame  # noqa: F401


def _number(value: float) -> str:
    from factcheck.figures import format_number

    return format_number(value)


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


def _unknown_waivers(claim: Claim, check_ids: set[str]) -> list[Finding]:
    import difflib

    known = check_ids | set(datasets.SCHEMA_CHECKS)
    findings = []
    for waiver in claim.waivers:
        if waiver.check not in known:
            close = difflib.get_close_matches(waiver.check, sorted(known), n=1)
            meta = datasets.SCHEMA_CHECKS["unknown-check"]
            findings.append(
                replace(
                    Finding("unknown-check", "warning", claim.file, claim.line,
                            f"the waiver names {waiver.check!r}, which no suite of this gate defines",
                            claim=claim.id, title=meta["title"], explain=meta["explain"]),
                    hint=f"did you mean `{close[0]}`?" if close else "see docs/checks.md for the check ids",
                )
            )  # fmt: skip
    return findings
