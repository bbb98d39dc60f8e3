"""The collector's policy (`factcheck.floor.process`): in the program, the cyclic collector runs once at the end of
each run and never on its own; in the library, it stays as the caller set it.

The program runs as a real child process (`python -m factcheck`), with a collector callback that writes down
every collection as it happens: the program leaves through `os._exit`, so nothing is kept for the end.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TODAY, Project, claim, run_project
from test_baseline import OLD_FALL, Repo

# Each collection as "generation enabled" (enabled: whether the collector was left to run on its own).
WATCH = """
import gc, runpy, sys
log = open(sys.argv.pop(1), "a", buffering=1)
gc.callbacks.append(lambda phase, info: phase == "start" and log.write(f"{info['generation']} {int(gc.isenabled())}\\n"))
sys.argv[0] = "factcheck"
runpy.run_module("factcheck", run_name="__main__")
"""


def _collections(root: Path, *args: str) -> list[tuple[int, bool]]:
    """The collections made once the program had turned automatic collection off, as (generation, enabled)."""
    log = root.parent / f"{root.name}-collections.txt"
    env = {**os.environ, "FACTCHECK_TODAY": TODAY}
    done = subprocess.run([sys.executable, "-c", WATCH, str(log), "validate", "--no-github", *args], cwd=root,
                          env=env, capture_output=True, text=True)  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    seen = [tuple(map(int, line.split())) for line in log.read_text().splitlines()]
    # The interpreter starting up and the program's first imports collect on their own, as any Python program.
    first_off = next((i for i, (_, enabled) in enumerate(seen) if not enabled), len(seen))
    assert all(not enabled for _, enabled in seen[first_off:]), seen
    return [(generation, bool(enabled)) for generation, enabled in seen[first_off:]]


def test_the_program_collects_once_a_run_and_never_on_its_own(project):
    project.dataset(OLD_FALL)
    assert _collections(project.root) == [(2, False)]


@pytest.mark.slow  # a git repository, the base run beside the head
def test_with_a_baseline_each_of_the_two_runs_collects_its_garbage(project):
    repo = Repo(project)
    repo.claims(OLD_FALL)
    base = repo.commit("base")
    repo.claims([*OLD_FALL, claim("zel-2026-04", value=40000, as_of="2026-04")])
    assert _collections(project.root, "--baseline", base) == [(2, False), (2, False)]


def test_the_library_leaves_the_collector_on(project: Project):
    project.dataset(OLD_FALL)
    assert gc.isenabled()
    run_project(project)
    assert gc.isenabled()
