"""One validation run: gates in, one `Report` out. The CLI and the tests call `run()`.

A run is a short pipeline, each step a module of its own: the plan (`factcheck.pipeline.plan`: gates, suites and
files, every output refused from landing on an input), the schema stage (`factcheck.pipeline.load`: claims and
schema findings), validation (`factcheck.pipeline.validate`: each gate's claims through Great Expectations into
hits), the findings (`factcheck.pipeline.messages`: hits worded, waived and decided), and the `Report`, which every
reporter reads. Comparing it with a base is the caller's next step (`factcheck.pipeline.compare.compare`, which is
given `run` to run the base with), so that this module and that one do not import each other.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from factcheck.floor import process
from factcheck.model.claimset import ClaimSet
from factcheck.model.format import Catalog, Claim
from factcheck.model.layout import LAYOUT
from factcheck.pipeline import drafts, load, messages, on_executors, plan, project
from factcheck.pipeline.options import Options
from factcheck.pipeline.profiling import Profiler
from factcheck.prose.check import is_article
from factcheck.prose.messages import META
from factcheck.report.findings import CheckedArticle, CheckInfo, GateRun, Report
from factcheck.rules import REGISTRY, STAGE_0

if TYPE_CHECKING:
    from factcheck.gx.engine import Engine


def run(options: Options) -> Report:
    """`factcheck validate` (the gates' suites on their datasets, and the articles the gates name), or with
    `options.articles`, `factcheck article` (those files against the gates' claims: a plan without suites)."""
    today = options.today or dt.date.today()
    profiler = options.profiler
    if options.articles:
        planned = plan.for_articles(options.root, options.articles, options.allow_outside_root, options.writes)
    else:
        planned = plan.make(
            options.root, options.targets, options.allow_outside_root, options.writes, options.select, options.ignore
        )
    profiler.lap("config")
    if planned.gates:
        _engines_available(planned, options)
    executors = _on_executors(planned, options) if on_executors.wanted(planned, options) else None
    if executors is None:
        loaded = _load(planned, profiler)
    else:
        loaded = load.Loaded(executors.spread.catalog, findings=executors.spread.findings)
    process.settled()  # the claims live until the reports are written
    profiler.lap("schema")
    collected = messages.Collected()
    checks_meta: dict[str, CheckInfo] = {}
    # The datasets of a plan without suites are read, not checked; but without a catalog nothing can be tied
    # to an article either, and what is wrong with it is reported.
    if planned.checks_datasets or loaded.catalog is None:
        schema_fail_on = options.fail_on or planned.strictest
        for finding in loaded.findings:
            collected.add(finding, schema_fail_on)
        # Listed as critical, as reports always have, though unknown-check's own findings are warnings.
        checks_meta = {k: CheckInfo(REGISTRY[k].TITLE, REGISTRY[k].EXPLAIN) for k in STAGE_0}
    if planned.checks_datasets:
        for rel, problem in project.stray_files(planned.root, planned.covered):
            collected.add(messages.stray_file_finding(rel, problem), schema_fail_on)
    gate_runs = []
    claims = loaded.claims.by_id
    if planned.checks_datasets and loaded.catalog is not None:
        gate_runs, claims = _validate(planned, options, loaded, executors, today, collected, checks_meta)
    articles = []
    if not planned.restricted and loaded.catalog is not None:
        articles = _check_articles(planned, options, loaded.claims, loaded.catalog, collected, checks_meta)
    report = Report(
        findings=collected.sorted(),
        claims=claims,
        catalog=loaded.catalog,
        gates=gate_runs,
        checks=checks_meta,
        today=today,
        root=planned.root,
        articles=articles,
    )
    with profiler.stage("collect"):  # Great Expectations' garbage goes; the report lives until it is delivered
        process.settled(collect=True)
    return report


def _engines_available(planned: plan.Plan, options: Options) -> None:
    """A gate that runs on Spark needs pyspark and Java: refused before any dataset is read, not after."""
    if any((options.engine or gate.settings.engine) == "spark" for gate in planned.gates):
        from factcheck.gx.spark import session

        session.check()


def _load(planned: plan.Plan, profiler: Profiler) -> load.Loaded:
    """The schema stage over the plan's files. Great Expectations is imported while forked workers read the
    load, so that the seconds of the import hide the reading. Stages then mean: `import`, this process
    importing; `parse` and `schema`, what stage 0 still costs this process around the import (the catalog,
    forking, reading the files left when the import is done, waiting for the workers and taking their
    results). The stages still add up to the wall time; the reading done under the import shows in none."""
    imported = "factcheck.pipeline.validate" in sys.modules
    meanwhile = None if imported or not planned.checks_datasets else lambda: _import_validation(profiler)
    return load.load(planned.root, list(planned.files), meanwhile=meanwhile, profiler=profiler)


class _OnExecutors(NamedTuple):
    """A run whose datasets Spark's executors read: what they read, and the engines started to read it."""

    spread: on_executors.Spread
    engines: dict[str, Engine]


def _on_executors(planned: plan.Plan, options: Options) -> _OnExecutors | None:
    """Stage 0 on Spark's executors (`factcheck.pipeline.on_executors`), with the engines it starts; None when
    the catalog does not load, which a run reports as a pandas run does (nothing is validated)."""
    catalog, findings = load.load_catalog(planned.root)
    if catalog is None:
        return None
    _import_validation(options.profiler)
    from factcheck.pipeline import validate

    options.profiler.lap("import")
    engines = validate.start(planned, options, options.profiler)
    return _OnExecutors(on_executors.read(planned, catalog, findings, engines["spark"].session), engines)


def _validate(
    planned: plan.Plan,
    options: Options,
    loaded: load.Loaded,
    executors: _OnExecutors | None,
    today: dt.date,
    collected: messages.Collected,
    checks_meta: dict[str, CheckInfo],
) -> tuple[list[GateRun], Mapping[str, Claim]]:
    """Each gate's claims through its suites; their findings into `collected`, their checks into `checks_meta`;
    and the claims the report holds (on the executors' path, those its findings name, read now into
    `loaded.claims`)."""
    from factcheck.pipeline import validate  # imports Great Expectations: seconds, so only here

    profiler = options.profiler
    catalog = loaded.catalog
    assert catalog is not None
    if executors is None:
        profiler.lap("import")
        engines = validate.start(planned, options, profiler)
    else:
        engines, spread = executors.engines, executors.spread
    validated = []
    try:
        for gate in planned.gates:
            in_gate = validate.gate_files(planned, gate)
            engine = engines[validate.engine_of(gate, options)]
            gate_claims = None  # on the executors' path, read once the suites have run
            if executors is None:
                gate_claims = loaded.claims.in_files(set(in_gate))
                count = len(gate_claims)
                batch = validate.frame(gate, gate_claims, catalog, profiler)
            elif (count := spread.gate_count(in_gate)) == 0:
                batch = validate.frame(gate, [], catalog, profiler)
            else:
                batch = spread.batch(gate, in_gate)
            hits = validate.validate_gate(engine, gate, batch, today, profiler)
            validated.append((gate, in_gate, count, hits, gate_claims))
        claims = loaded.claims.by_id
        if executors is not None:
            named = on_executors.named([hits for *_, hits, _ in validated], loaded.findings)
            articles = {rel for draft in planned.drafts for rel in draft.datasets} if not planned.restricted else set()
            claims = spread.claims(named, articles, profiler)
            loaded.claims = claims.claims
            profiler.lap("named")
    finally:
        if executors is not None:
            spread.close()
    fields_of = messages.claim_describer(catalog)
    known_elsewhere = set(STAGE_0)
    gate_runs = []
    for gate, in_gate, count, hits, gate_claims in validated:
        fail_on = gate.fail_on(options.fail_on)
        if gate_claims is None:
            gate_claims = loaded.claims.in_files(set(in_gate))
        for suite in gate.suites:
            for check in suite.checks:
                checks_meta[check.id] = CheckInfo(check.title, check.explain, check.severity, suite.path)
            for finding in messages.hit_findings(suite, hits[suite.path], claims, catalog, fields_of, today):
                collected.add(finding, fail_on)
        check_ids = {check.id for suite in gate.suites for check in suite.checks}
        for claim in gate_claims.with_waivers():
            for finding in messages.unknown_waivers(claim, set(gate.defined), known_elsewhere):
                collected.add(finding, fail_on)
        gate_runs.append(
            GateRun(gate.name, gate.path, fail_on, in_gate, tuple(s.path for s in gate.suites),
                    tuple(sorted(check_ids)), count, options.fail_on_new or gate.settings.fail_on_new)
        )  # fmt: skip
    if options.data_docs is not None:
        engines["pandas"].build_data_docs(options.data_docs)
    return gate_runs, claims


def _check_articles(
    planned: plan.Plan,
    options: Options,
    all_claims: ClaimSet,
    catalog: Catalog,
    collected: messages.Collected,
    checks_meta: dict[str, CheckInfo],
) -> list[CheckedArticle]:
    """The plan's articles against the claims of their datasets (`factcheck.pipeline.drafts`); their findings
    into `collected`, their checks into `checks_meta`."""
    profiler = options.profiler
    profiler.lap("findings")
    articles, found = drafts.check(planned, all_claims, catalog)
    for fail_on, finding in found:
        collected.add(finding, options.fail_on or fail_on)
    if planned.checks_datasets and any(g.settings.articles for g in planned.gates):
        read = {planned.root / a.file for a in articles}  # drafts under articles/ are read or reported
        for rel, problem in project.stray_files(planned.root, read, LAYOUT.articles, is_article, kind=None):
            collected.add(messages.stray_file_finding(rel, problem), options.fail_on or planned.strictest)
    checks_meta.update(META)
    profiler.lap("articles")
    return articles


def _import_validation(profiler: Profiler) -> None:
    """Import the modules that bring in Great Expectations (seconds): only a run that checks needs them. What
    the import made lives as long as the process: it is kept out of later collections (`factcheck.floor.process`)."""
    with profiler.stage("import"):
        import factcheck.pipeline.validate  # noqa: F401

        process.settled()
