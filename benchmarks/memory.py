"""Where a run's memory goes: resident memory after each stage of one validation, in one process.

    python benchmarks/memory.py PROJECT [--today 2026-11-26]

Runs `factcheck.pipeline.run.run` as the program does (the collector's policy: `factcheck.floor.process`), prints the resident memory
(/proc/self/statm) and the peak so far (ru_maxrss) after each stage the profile names, then after
writing the HTML, JSON and JUnit reports into a temporary folder. Great Expectations is imported during
the `schema` stage (while forked workers read the datasets), so the memory that the claims take is that
stage's figure less what importing costs, which this prints first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def resident() -> int:
    """This process's resident memory now, MiB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20


def peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10


def import_cost() -> tuple[int, int]:
    """Resident memory before and after importing what validating imports, in a fresh process."""
    probe = (
        "import factcheck.pipeline.run, os; "
        "r = lambda: int(open('/proc/self/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE') >> 20; "
        "a = r(); import factcheck.gx.engine, factcheck.gx.frame; print(a, r())"
    )
    before, after = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(before), int(after)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--today", default="2026-11-26")
    args = parser.parse_args()
    before, after = import_cost()
    print(f"importing factcheck.pipeline.run: {before} MiB; then Great Expectations (factcheck.gx.engine): {after} MiB")

    from factcheck.floor import process
    from factcheck.pipeline.options import Options
    from factcheck.pipeline.profiling import Profiler
    from factcheck.pipeline.run import run
    from factcheck.reporters.files import ReportFiles, write_all

    marks: list[tuple[str, int, int]] = []

    class Noting(Profiler):
        """A profiler that notes the memory at each lap (its file is never written)."""

        def lap(self, name: str) -> None:
            super().lap(name)
            marks.append((name, resident(), peak()))

    profiler = Noting(Path(os.devnull))
    process.collect_only_when_settled()  # as `factcheck.cli.program.main` does
    report = run(Options(root=args.project.resolve(), today=dt.date.fromisoformat(args.today), profiler=profiler))
    marks.append(("run", resident(), peak()))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        write_all(report, ReportFiles(html=out / "report.html", json=out / "report.json", junit=out / "junit.xml"))
    marks.append(("reports", resident(), peak()))
    for name, now, top in marks:
        print(f"  after {name:<10} resident {now:6,} MiB   peak {top:6,} MiB")
    claims = len(report.claims)
    print(
        f"{claims:,} claims, {len(report.findings):,} findings; peak {peak() * 1024 / max(claims, 1):.2f} KiB a claim"
    )


if __name__ == "__main__":
    main()
