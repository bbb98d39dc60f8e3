"""The suites alone: one gate's Great Expectations validation, timed in one process, wall and CPU, run after run.

    python benchmarks/suites.py PROJECT [--runs 3] [--profile out.txt]

Loads the project's first gate and builds its frame as `factcheck validate` does, then validates it
`--runs` times with one engine (the first run pays GX's first-use costs) and prints each run's wall and CPU
time (this process only) and the hits of each suite. The CPU time is what to compare on a shared machine,
where the wall time follows the load. `--profile` writes a pyinstrument profile of the last run
(`pip install pyinstrument`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--today", default="2026-11-26")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()

    from factcheck.gx.engine import Engine
    from factcheck.gx.frame import build
    from factcheck.pipeline import load, plan

    root = args.project.resolve()
    gate = plan.make(root, (), False).gates[0]
    loaded = load.load(root, list(gate.files))
    frame = build(loaded.claims, loaded.catalog, gate.settings.about_tolerance)
    engine = Engine()
    for suite in gate.suites:
        engine.prepare(suite)
    gc.collect()
    gc.freeze()  # what the program has frozen by the time the suites run (factcheck.floor.process)
    print(f"{len(frame):,} claims, {len(gate.suites)} suites")
    for run in range(args.runs):
        profiler = None
        if args.profile and run == args.runs - 1:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.005)
            profiler.start()
        wall, cpu = time.perf_counter(), time.process_time()
        hits = engine.validate_all(gate.suites, frame, dt.date.fromisoformat(args.today))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if profiler is not None:
            profiler.stop()
            args.profile.write_text(profiler.output_text(unicode=False, color=False))
        print(f"run {run + 1}: wall {wall:.2f} s, CPU {cpu:.2f} s")
    for path, found in hits.items():
        print(f"  {path}: {len(found):,} hits")


if __name__ == "__main__":
    main()
