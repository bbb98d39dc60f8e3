"""Benchmark runner: the floor, factcheck end to end, stage times, per-check times and peak memory.

    .venv/bin/python benchmarks/run.py                 # 1k, 10k and 100k claims
    .venv/bin/python benchmarks/run.py --sizes 1000,10000 --repeat 3
    .venv/bin/python benchmarks/run.py --project ../newsroom-data --no-checks    # a project of your own
    .venv/bin/python benchmarks/run.py --shape long --sizes 10000,100000,1000000 --repeat 1 --no-checks
    .venv/bin/python benchmarks/run.py --shape long --sizes 100000 --repeat 1 --no-checks --engine spark

For each size, in fresh processes: the *floor* (import great_expectations, then parse every YAML file of the
project with yaml.load and libyaml's CSafeLoader), `factcheck validate` with every reporter the command
offers (detected from `factcheck validate --help`), their ratio, the stage times that factcheck writes
under FACTCHECK_PROFILE, the time of each check run alone (benchmarks/checks.py) and the peak resident
memory of each child (ru_maxrss from wait4). Projects are generated once (benchmarks/generate.py, seeded)
under --data and reused. Results go to benchmarks/results/<date>.json (or --out).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

PYTHON = sys.executable
FACTCHECK = [PYTHON, "-m", "factcheck"]  # the package on the path (PYTHONPATH), whatever the installed entry point
TODAY = "2026-11-26"
# Dates stay text, as factcheck reads them: libyaml's timestamp resolver would raise on the planted
# impossible dates and end the floor at the first such file. A file libyaml refuses still counts as parsed.
FLOOR = """
import sys, yaml, great_expectations
class Loader(yaml.CSafeLoader):
    yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
                               for k, v in yaml.CSafeLoader.yaml_implicit_resolvers.items()}
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        try:
            yaml.load(handle, Loader=Loader)
        except yaml.YAMLError:
            pass
"""


def child(
    argv: list[str], cwd: Path | None = None, env: dict | None = None, expect: tuple[int, ...] = (0, 1)
) -> tuple[float, int, int, float]:
    """Run a fresh process; return its wall time (s), peak memory (MiB), exit code and CPU time (user and
    system, s, with the children it waited for: factcheck's reading workers)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in expect:
        raise SystemExit(f"{' '.join(argv[:3])} failed ({code}): {stderr.decode()[-2000:]}")
    return wall, usage.ru_maxrss // 1024, code, usage.ru_utime + usage.ru_stime


def reporter_flags(out: Path) -> list[str]:
    """Every reporter `factcheck validate` offers now, each writing under `out`."""
    text = subprocess.run([*FACTCHECK, "validate", "--help"], capture_output=True, text=True, check=True).stdout
    flags = []
    for flag, name in (("--report", "report.html"), ("--json", "report.json"), ("--junit", "junit.xml")):
        if f"{flag} " in text:
            flags += [flag, str(out / name)]
    if "--github" in text:
        flags.append("--github")
    return flags


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    # The installed distributions' versions, read without importing them (Great Expectations' import is seconds).
    versions = [metadata.version(name) for name in ("great_expectations", "pandas", "pydantic", "PyYAML")]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "great_expectations": versions[0],
        "pandas": versions[1],
        "pydantic": versions[2],
        "pyyaml": versions[3],
        "load_average": os.getloadavg()[0],
    }


def project(data: Path, claims: int, seed: int, shape: str = "mixed") -> tuple[Path, dict]:
    """The generated project for `claims`, generated on first use and reused while the generator is unchanged
    (and, for the long shape, which `factcheck import` writes, the importer)."""
    root = data / (f"claims-{claims}-seed-{seed}" if shape == "mixed" else f"{shape}-{claims}-seed-{seed}")
    stamp = {"claims": claims, "seed": seed, "generator": (HERE / "generate.py").stat().st_mtime_ns}
    if shape != "mixed":
        importer = generate.REPO / "src" / "factcheck" / "importer"
        stamp |= {"shape": shape, "importer": max(p.stat().st_mtime_ns for p in importer.glob("*.py"))}
    marker = root / ".generated.json"
    if marker.exists() and json.loads(marker.read_text()).get("stamp") == stamp:
        for folder in ("checks", "expectations"):  # the checks as they are now, over the same data
            shutil.rmtree(root / folder)
            shutil.copytree(generate.REPO / folder, root / folder)
        return root, json.loads(marker.read_text())["info"]
    # In a process of its own: a child's peak memory (ru_maxrss) starts from the runner's own at the fork,
    # and generating a project of a million claims (an import) takes this process past what it measures.
    done = subprocess.run(
        [PYTHON, str(HERE / "generate.py"), str(root), "--claims", str(claims), "--seed", str(seed), "--shape", shape],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    info = json.loads(done.stdout)
    marker.write_text(json.dumps({"stamp": stamp, "info": info}))
    return root, info


def given(root: Path) -> dict:
    """What a project given with --project holds."""
    if not (root / "datasets").is_dir():
        raise SystemExit(f"{root}: not a factcheck project (no datasets/ folder)")
    files = list((root / "datasets").rglob("*.yml"))
    return {"path": str(root), "files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def startup() -> dict:
    """`factcheck --help` and `--version` (best of 5), and the heavy modules importing the commands pulls in."""
    result = {}
    for flag in ("--help", "--version"):
        result[flag] = round(min(child([*FACTCHECK, flag])[0] for _ in range(5)), 3)
    # The commands' module: factcheck.cli.commands, or factcheck.cli before the commands had a folder.
    probe = ("import importlib, sys\ntry: importlib.import_module('factcheck.cli.commands')\n"
             "except ImportError: importlib.import_module('factcheck.cli')\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & "
             "{'great_expectations', 'pandas', 'numpy', 'pydantic', 'yaml', 'scipy'}))")  # fmt: skip
    result["heavy_modules_of_cli"] = subprocess.run(
        [PYTHON, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    return result


ENGINE: list[str] = []  # `--engine NAME` for every run, when asked


def measure(root: Path, repeat: int) -> dict:
    files = sorted(str(p) for p in (root / "datasets").rglob("*.yml"))
    floors, runs = [], []
    load = os.getloadavg()  # the machine is shared: every figure says how busy it was
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        flags = reporter_flags(out)
        env = {"FACTCHECK_PROFILE": str(out / "profile.json"), "GITHUB_STEP_SUMMARY": str(out / "summary.md"),
               "GITHUB_OUTPUT": str(out / "output.txt")}  # fmt: skip
        for _ in range(repeat):  # interleaved, so that a busy machine weighs on both alike
            floors.append(child([PYTHON, "-c", FLOOR, *files], expect=(0,)))
            wall, rss, code, cpu = child([*FACTCHECK, "validate", "--today", TODAY, *ENGINE, *flags], cwd=root, env=env)
            stages = json.loads((out / "profile.json").read_text())["stages"]
            runs.append((wall, rss, code, stages, cpu))
        sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.name != "profile.json"}
    floor = min(f[0] for f in floors)
    best = min(runs, key=lambda r: r[0])
    wall, rss, code, stages, _ = best
    return {
        "load_average_1_5_15": [round(x, 2) for x in load],
        "files": len(files),
        "reporter_flags": [f for f in flags if f.startswith("--")],
        "floor_s": round(floor, 3),
        "floor_peak_mib": max(f[1] for f in floors),
        "factcheck_s": round(wall, 3),
        "ratio": round(wall / floor, 3),
        "over_floor_s": round(wall - floor, 3),
        "peak_mib": rss,  # the largest single process (ru_maxrss): with Spark, not the JVM beside it
        "engine": ENGINE[-1] if ENGINE else "pandas",
        "exit_code": code,
        "stages_s": {k: round(v, 3) for k, v in stages.items()},
        "report_bytes": sizes,
        "all_floor_s": [round(f[0], 3) for f in floors],
        "all_factcheck_s": [round(r[0], 3) for r in runs],
        # On a loaded machine the wall times say how busy it was; CPU times, run by run, say less about it.
        "all_floor_cpu_s": [round(f[3], 3) for f in floors],
        "all_factcheck_cpu_s": [round(r[4], 3) for r in runs],
    }


def checks(roots: list[Path], runs: int) -> dict[str, dict]:
    """Each check alone on each project's frame, the projects in turn, in a fresh process
    (benchmarks/checks.py, the best of `runs`); a project whose checks cannot run alone (its catalog does not
    load) keeps its other figures."""
    with tempfile.NamedTemporaryFile(suffix=".json") as handle:
        command = [PYTHON, str(HERE / "checks.py"), handle.name, *map(str, roots), "--runs", str(runs)]
        done = subprocess.run(command, stderr=subprocess.PIPE)
        if done.returncode != 0:
            reason = (done.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
            print(f"checks alone: {reason}", file=sys.stderr)
            return {str(root): {"error": reason} for root in roots}
        return json.loads(Path(handle.name).read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; the fastest counts (default 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench")
    parser.add_argument("--out", type=Path, default=HERE / "results" / f"{dt.date.today().isoformat()}.json")
    parser.add_argument("--no-checks", action="store_true", help="skip the per-check timings")
    parser.add_argument("--check-runs", type=int, default=5,
                        help="timed runs of each check and reporter alone; the fastest counts (default 5)")  # fmt: skip
    parser.add_argument("--shape", choices=("mixed", "long"), default="mixed",
                        help="mixed: claims and series of many claimants; long: a public table of regions x "
                        "333 days x 3 metrics, imported (1,000,000 claims: 1,001 regions)")  # fmt: skip
    parser.add_argument("--project", type=Path, action="append", default=[],
                        help="measure this project (your own, say) instead of generated ones; repeatable")  # fmt: skip
    parser.add_argument("--engine", choices=("pandas", "spark"), help="validate --engine (default: pandas)")
    args = parser.parse_args()
    ENGINE.extend(["--engine", args.engine] if args.engine else [])

    given_projects = [(str(path), path.resolve(), given(path)) for path in args.project]  # refused early
    results = {"machine": machine(), "startup": startup(), "shape": args.shape, "sizes": {}}
    print(f"machine: {results['machine']}")
    print(f"startup: {results['startup']}")
    if given_projects:
        targets = given_projects
    else:
        sizes = map(int, args.sizes.split(","))
        targets = [(str(claims), *project(args.data, claims, args.seed, args.shape)) for claims in sizes]
    for name, root, info in targets:
        row = {"given" if given_projects else "generated": info, **measure(root, args.repeat)}
        if info.get("claims"):
            row["peak_kib_per_claim"] = round(row["peak_mib"] * 1024 / info["claims"], 2)
        results["sizes"][name] = row
        per_claim = f", {row['peak_kib_per_claim']} KiB a claim" if "peak_kib_per_claim" in row else ""
        print(f"\n{name} ({info['bytes'] / 1e6:.1f} MB in {row['files']} files): "
              f"floor {row['floor_s']:.2f} s, factcheck {row['factcheck_s']:.2f} s, ratio {row['ratio']:.2f}, "
              f"+{row['over_floor_s']:.2f} s, peak {row['peak_mib']} MiB{per_claim} (floor {row['floor_peak_mib']} "
              f"MiB), load average {row['load_average_1_5_15'][0]}")  # fmt: skip
        for stage, seconds in row["stages_s"].items():
            print(f"  {stage:<48} {seconds:8.3f} s")
    if not args.no_checks:
        alone = checks([root for _, root, _ in targets], args.check_runs)
        for name, root, _ in targets:
            row = results["sizes"][name]
            row["checks"] = alone[str(root)]
            print(f"\n{name}, each check and reporter alone:")
            for check, seconds in row["checks"].get("checks_s", {}).items():
                print(f"  check {check:<42} {seconds:8.3f} s")
            for reporter, seconds in row["checks"].get("reporters_s", {}).items():
                print(f"  render {reporter:<41} {seconds:8.3f} s")
    # Growth compares sizes of one generated shape; given projects have nothing in common to compare.
    for (smaller, small), (larger, large) in itertools.pairwise([] if given_projects else results["sizes"].items()):
        a, b = small.get("checks", {}).get("checks_s", {}), large.get("checks", {}).get("checks_s", {})
        growth = {k: round(b[k] / a[k], 2) for k in a if k in b and a[k] > 0}
        large["check_growth_vs_previous"] = growth
        # A check comparing claims with each other costs at least what it finds: its hits grow alongside.
        ha, hb = small.get("checks", {}).get("check_hits", {}), large.get("checks", {}).get("check_hits", {})
        hits = {k: round(hb[k] / ha[k], 2) for k in ha if k in hb and ha[k] > 0}
        large["check_hits_growth_vs_previous"] = hits
        if growth:
            print(f"\ncheck time growth {smaller} -> {larger}:")
            for name, times in sorted(growth.items(), key=lambda item: -item[1]):
                print(f"  {name:<48} {times:6.2f}x time, hits {hits.get(name, '-')}x")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print(f"\nresults: {args.out}")


if __name__ == "__main__":
    main()
