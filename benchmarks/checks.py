"""Time each check alone and each reporter, in one process, on one or more projects.

    python benchmarks/checks.py OUT.json PROJECT [PROJECT ...] [--runs 5]

Each check runs as a one-check suite on the frame of each whole project, after a warm-up of the suite, and
counts its best of five runs (--runs); the runs go round the projects in turn, so that a slow minute of a shared
machine weighs on every size alike (timed one size after the other, two runs of the benchmark put the same
check's growth from 10,000 to 100,000 claims at 8.8x and at 15.1x). Its hits are counted too, as a check
that compares claims with each other can only be as fast as what it finds. Each reporter renders the report
of a full run into memory; `html_10k_findings_s` renders the HTML report of a report cut or padded to
exactly 10,000 findings. What the import of Great Expectations made is frozen out of the collector, as in the `factcheck` program. OUT.json maps
each project to its figures; a project whose catalog does not load gets an `error`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import io
import json
import time
from pathlib import Path

from factcheck import reporters
from factcheck.floor import process
from factcheck.gx.engine import Engine
from factcheck.gx.frame import build
from factcheck.pipeline import load
from factcheck.pipeline.options import Options
from factcheck.pipeline.run import run
from factcheck.pipeline.suites import Suite, read_suite

TODAY = dt.date(2026, 11, 26)
RUNS = 5  # the best of these counts, unless --runs says otherwise


def best(fn, runs: int) -> float:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - start)
    return min(seconds)


def one_check_suites(root: Path) -> dict[str, Suite]:
    """Every check of the project's suites, as a suite of its own."""
    alone = {}
    for path in sorted((root / "expectations").glob("*.yml")):
        suite = read_suite(root, path)
        for check in suite.checks:
            alone[check.id] = dataclasses.replace(suite, path=f"checks-alone/{check.id}.yml", checks=(check,))
    return alone


def validate(engine: Engine, suite: Suite, frame) -> list:
    return engine.validate_all([suite], frame, TODAY)[suite.path]


def reporter_times(root: Path, runs: int) -> dict:
    report = run(Options(root=root, today=TODAY))
    result: dict = {"findings": len(report.findings), "reporters_s": {}}
    for name in reporters.REPORTERS:
        module = reporters.get(name)
        result["reporters_s"][name] = round(best(lambda module=module: module.render(report, io.StringIO()), runs), 4)
    if "html" in reporters.REPORTERS and report.findings:
        findings = (report.findings * (10_000 // len(report.findings) + 1))[:10_000]
        padded = dataclasses.replace(report, findings=findings)
        html = reporters.get("html")
        result["html_10k_findings_s"] = round(best(lambda: html.render(padded, io.StringIO()), runs), 4)
    return result


def main() -> None:
    # As the `factcheck` program runs them (`factcheck.floor.process`): what the import of Great Expectations made
    # is kept out of the collections that a check's hits set off.
    process.settled()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("roots", type=Path, nargs="+", metavar="project")
    parser.add_argument(
        "--runs", type=int, default=RUNS, help=f"timed runs of each check and reporter (default {RUNS})"
    )
    args = parser.parse_args()
    out, roots = args.out, args.roots
    results: dict[str, dict] = {}
    frames, suites = {}, {}
    for root in roots:
        files = sorted(p for p in (root / "datasets").rglob("*.yml") if p.name != "catalog.yml")
        loaded = load.load(root, files)
        if loaded.catalog is None:
            results[str(root)] = {"error": f"{root}: the catalog does not load; `factcheck validate` says why"}
            continue
        frames[root] = build(loaded.claims, loaded.catalog)
        suites[root] = one_check_suites(root)
        results[str(root)] = {"claims": len(loaded.claims), "checks_s": {}, "check_hits": {}}

    engine = Engine()
    for check_id in dict.fromkeys(c for alone in suites.values() for c in alone):
        having = [root for root in frames if check_id in suites[root]]
        seconds: dict[Path, list[float]] = {root: [] for root in having}
        for root in having:
            hits = validate(engine, suites[root][check_id], frames[root])  # the warm-up
            results[str(root)]["check_hits"][check_id] = len(hits)
        for _ in range(args.runs):
            for root in having:
                start = time.perf_counter()
                validate(engine, suites[root][check_id], frames[root])
                seconds[root].append(time.perf_counter() - start)
        for root in having:
            results[str(root)]["checks_s"][check_id] = round(min(seconds[root]), 4)
        gc.collect()  # Great Expectations' cyclic garbage, between the timings (the program collects it after a run)
    frames.clear()

    for root in suites:
        results[str(root)].update(reporter_times(root, args.runs))
        gc.collect()
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
