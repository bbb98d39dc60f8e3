"""Stage 1, one gate at a time: the gate's claims as one frame, validated by Great Expectations with every
suite the gate runs, into the `Hit`s of each suite. Importing this module imports Great Expectations.

A gate's suites run on pandas, or on Spark (`--engine spark`, or the gate's `engine`); a run makes each
engine it needs once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from factcheck.floor.errors import ConfigError
from factcheck.gx.engine import Engine, Hit
from factcheck.gx.frame import build, text_as_python_strings
from factcheck.model.format import Catalog, Claim
from factcheck.pipeline.load import file_name
from factcheck.pipeline.options import Options
from factcheck.pipeline.plan import GatePlan, Plan
from factcheck.pipeline.profiling import Profiler


def engine_of(gate: GatePlan, options: Options) -> str:
    """The engine that runs the gate's suites: `--engine`, else the gate's own setting."""
    return options.engine or gate.settings.engine


def start(plan: Plan, options: Options, profiler: Profiler) -> dict[str, Engine]:
    """One engine of each kind the gates use, with every suite of their gates built (a rejected entry stops
    the run here)."""
    kinds = {engine_of(gate, options) for gate in plan.gates}
    engines: dict[str, Engine] = {}
    if "pandas" in kinds or not kinds:
        engines["pandas"] = Engine(keep_results=options.data_docs is not None)
    if "spark" in kinds:
        if options.data_docs is not None:
            raise ConfigError("--data-docs is built from the pandas engine's results", "run it without Spark")
        from factcheck.gx.spark import session
        from factcheck.gx.spark.engine import SparkEngine

        engines["spark"] = SparkEngine(session.start(options.spark_master))  # type: ignore[assignment]
    for gate in plan.gates:
        for suite in gate.suites:
            engines[engine_of(gate, options)].prepare(suite)
    profiler.lap("gx-setup")
    return engines


def gate_files(plan: Plan, gate: GatePlan) -> tuple[str, ...]:
    """The gate's dataset files as claims name them (relative to the root), sorted."""
    return tuple(sorted({file_name(plan.root, f) for f in gate.files}))


def frame(gate: GatePlan, claims: Sequence[Claim], catalog: Catalog, profiler: Profiler) -> pd.DataFrame:
    """The batch of a gate whose claims this process holds: one row per claim of the gate's files."""
    profiler.lap("findings")
    with text_as_python_strings():
        built = build(claims, catalog, gate.settings.about_tolerance)
    profiler.lap("frame")
    return built


def validate_gate(
    engine: Engine, gate: GatePlan, batch: pd.DataFrame | object, today: dt.date, profiler: Profiler
) -> dict[str, list[Hit]]:
    """The hits of each of the gate's suites (by suite path) on `batch`, the claims of the gate's files: a
    frame (`frame`), or on Spark's executors the rows they read (`factcheck.pipeline.on_executors`)."""
    profiler.lap("findings")
    with text_as_python_strings():  # and every frame the checks make from a frame
        hits = engine.validate_all(gate.suites, batch, today)  # type: ignore[arg-type]
    profiler.lap("suites")
    return hits
