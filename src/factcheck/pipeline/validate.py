"""Stage 1, one gate at a time: the gate's claims as one frame, validated by Great Expectations with every
suite the gate runs, into the `Hit`s of each suite. Importing this module imports Great Expectations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from factcheck.gx.engine import Engine, Hit
from factcheck.gx.frame import build
from factcheck.model.format import Catalog, Claim
from factcheck.pipeline.load import file_name
from factcheck.pipeline.plan import GatePlan, Plan
from factcheck.pipeline.profiling import Profiler


def start(plan: Plan, keep_results: bool, profiler: Profiler) -> Engine:
    """One engine for the run, with every suite of every gate built (a rejected entry stops the run here)."""
    engine = Engine(keep_results=keep_results)
    for suite in {s.path: s for g in plan.gates for s in g.suites}.values():
        engine.prepare(suite)
    profiler.lap("gx-setup")
    return engine


def gate_files(plan: Plan, gate: GatePlan) -> tuple[str, ...]:
    """The gate's dataset files as claims name them (relative to the root), sorted."""
    return tuple(sorted({file_name(plan.root, f) for f in gate.files}))


def validate_gate(
    engine: Engine, gate: GatePlan, claims: Sequence[Claim], catalog: Catalog, today: dt.date, profiler: Profiler
) -> dict[str, list[Hit]]:
    """The hits of each of the gate's suites (by suite path) on `claims`, the claims of the gate's files."""
    profiler.lap("findings")
    frame = build(claims, catalog, gate.settings.about_tolerance)
    profiler.lap("frame")
    hits = engine.validate_all(gate.suites, frame, today)
    profiler.lap("suites")
    return hits
