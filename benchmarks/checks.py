"""Time each check alone and each reporter, in one process, on a generated project.

    python benchmarks/checks.py PROJECT OUT.json

Each check runs as a one-check suite on the frame of the whole project, best of five runs after a warm-up
of the suite (at 10,000 claims a check takes tens of milliseconds: with two runs, its growth to the next
size differed by 30% from one benchmark to the next), so that its growth from one size to the next can be
compared; its hits are counted too, as a check that compares claims with each other can only be as fast as
what it finds. Each reporter renders the report of a full run into memory; `html_10k_findings_s` renders
the HTML report of a report cut or padded to exactly 10,000 findings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import sys
import time
from pathlib import Path

from factcheck import datasets, reporters
from factcheck.engine import Engine
from factcheck.frame import build
from factcheck.run import Options, run
from factcheck.suites import read_suite

TODAY = dt.date(2026, 11, 26)


def best(fn, times: int = 5) -> float:
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - start)
    return min(seconds)


def main() -> None:
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(p for p in (root / "datasets").rglob("*.yml") if p.name != "catalog.yml")
    loaded = datasets.load(root, files)
    if loaded.catalog is None:
        raise SystemExit(f"{root}: the catalog does not load; `factcheck validate` says why")
    frame = build(loaded.claims, loaded.catalog)
    engine = Engine()
    checks_s, hits = {}, {}
    for path in sorted((root / "expectations").glob("*.yml")):
        suite = read_suite(root, path)
        for check in suite.checks:
            alone = dataclasses.replace(suite, path=f"checks-alone/{check.id}.yml", checks=(check,))
            hits[check.id] = len(engine.validate(alone, frame, TODAY))
            checks_s[check.id] = round(best(lambda alone=alone: engine.validate(alone, frame, TODAY)), 4)

    report = run(Options(root=root, today=TODAY))
    reporters_s = {}
    for name in reporters.REPORTERS:
        module = reporters.get(name)
        reporters_s[name] = round(best(lambda module=module: module.render(report, io.StringIO())), 4)
    result = {"claims": len(loaded.claims), "findings": len(report.findings), "checks_s": checks_s,
              "check_hits": hits, "reporters_s": reporters_s}  # fmt: skip
    if "html" in reporters.REPORTERS and report.findings:
        findings = (report.findings * (10_000 // len(report.findings) + 1))[:10_000]
        padded = dataclasses.replace(report, findings=findings)
        html = reporters.get("html")
        result["html_10k_findings_s"] = round(best(lambda: html.render(padded, io.StringIO())), 4)
    out.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
