"""Stage 0 read by a forked worker while the run imports Great Expectations gives exactly what one process gives.

Each case runs in a fresh process: forking happens only before Great Expectations is imported and while no
thread runs, which the test process cannot promise once another test has validated.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

from conftest import claim as claim_entry
from factcheck.model.layout import LAYOUT
from factcheck.pipeline import load

pytestmark = pytest.mark.slow  # fresh processes that import Great Expectations, twice each

# Counts forks, loads the files once in one process and once with a `meanwhile` (the worker reads while it
# runs), and sends both back. argv: mode, root, files. Modes make the worker (or forking it) fail.
LOAD = """
import os, pickle, signal, sys, time
from pathlib import Path
from factcheck.pipeline import load

mode, root, files = sys.argv[1], Path(sys.argv[2]), [Path(f) for f in sys.argv[3:]]
main, forks, real_fork, real_load = os.getpid(), [], os.fork, load.load_dataset
def fork():
    forks.append(1)
    if mode == "fork-fails":
        raise BlockingIOError(11, "Resource temporarily unavailable")
    return real_fork()

os.fork = fork

def load_dataset(*args):
    if os.getpid() != main and mode == "worker-raises":
        raise RuntimeError("a bug met only in the worker")
    if os.getpid() != main and mode == "worker-killed":
        os.kill(os.getpid(), signal.SIGKILL)
    if os.getpid() != main and mode == "worker-killed-later":
        read.append(1)
        if len(read) == 2:  # after the first file's result is written
            os.kill(os.getpid(), signal.SIGKILL)
    if mode == "bug":
        raise RuntimeError("a bug met in every process")
    return real_load(*args)

load.load_dataset = load_dataset
read = []
# The worker reads while this process waits (as it waits for the import), so that it reaches a second file.
pause = 2 if mode == "worker-killed-later" else 0
one = load.load(root, files) if mode != "bug" else None
assert not forks, "small files are read in one process when nothing else is going on"
called = []
try:
    overlapped = load.load(root, files, meanwhile=lambda: called.append(os.getpid()) or time.sleep(pause))
    outcome = (overlapped.claims, overlapped.findings)
except RuntimeError as error:
    outcome = str(error)
sys.stdout.buffer.write(pickle.dumps((one and (one.claims, one.findings), outcome, len(forks), called == [main])))
"""


@pytest.fixture
def files(project):
    project.dataset([claim_entry(f"c-{i}", value=1000 + i) for i in range(3)], name="a.yml")
    project.dataset([claim_entry("c-1"), claim_entry("c-9", as_of="2024-02-30")], name="b.yml")
    project.write("datasets/c.yml", "dataset: c\ntitle: C\nclaims:\n  - id: c-8\n    id: c-8\n")
    project.write("datasets/d.yml", "dataset: d\ntitle: [unclosed\n")
    return sorted((project.root / "datasets").glob("[abcd].yml"))


def load_twice(project, files, mode: str) -> tuple:
    args = [sys.executable, "-c", LOAD, mode, str(project.root), *map(str, files)]
    out = subprocess.run(args, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert out.stderr == b"", "a worker's failure is not printed: this process reads its files again"
    return pickle.loads(out.stdout)


@pytest.mark.parametrize("mode", ["ok", "worker-raises", "worker-killed", "worker-killed-later", "fork-fails"])
def test_files_read_while_importing_give_what_one_process_gives(project, files, mode):
    one, overlapped, forks, called_here = load_twice(project, files, mode)
    assert forks == 1 and called_here
    assert overlapped == one
    claims, findings = one
    assert [c.id for c in claims] == ["c-0", "c-1", "c-2"]
    assert {f.check for f in findings} >= {"duplicate-id", "schema", "duplicate-key", "yaml-syntax"}


def test_a_bug_in_reading_surfaces_in_the_main_process(project, files):
    _, outcome, forks, _ = load_twice(project, files, "bug")
    assert forks == 1 and outcome == "a bug met in every process"


def test_without_a_catalog_nothing_is_imported(project, files):
    (project.root / LAYOUT.catalog).unlink()
    called = []
    loaded = load.load(project.root, files, meanwhile=lambda: called.append(1))
    assert called == [] and loaded.catalog is None
    assert any(f.file == LAYOUT.catalog for f in loaded.findings)


# Validates twice in one fresh process: first overlapped (Great Expectations not yet imported), then in one
# process (it is imported by then, so there is nothing left to overlap). argv: the two JSON report paths.
VALIDATE = """
import os, sys
from factcheck.cli.commands import cli

forks, real_fork = [], os.fork
os.fork = lambda: forks.append(1) or real_fork()
codes = []
for path in sys.argv[1:]:
    try:
        cli.main(["validate", "--json", path], standalone_mode=False)
    except SystemExit as exit:
        codes.append(exit.code)
    print(len(forks), file=sys.stderr)
print(codes)
"""


def test_validate_overlapped_reports_what_validate_in_one_process_reports(project, files, tmp_path):
    reports = [tmp_path / "overlapped.json", tmp_path / "one.json"]
    out = subprocess.run([sys.executable, "-c", VALIDATE, *map(str, reports)], capture_output=True, timeout=300,
                         cwd=project.root, text=True)  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines()[-1] == "[1, 1]"  # exit code 1 twice: the findings block
    assert out.stderr.split() == ["1", "1"], "one fork, for the first run only"
    overlapped, one = (json.loads(p.read_text()) for p in reports)
    assert overlapped == one
    checks = {f["check"] for f in one["findings"]}
    assert {"quote-states-figure", "duplicate-id", "yaml-syntax"} <= checks


def test_a_configuration_error_is_reported_before_anything_is_forked(project, files):
    project.write("checks/publication.yml", "datasets: [datasets/]\nsuites: [expectations/cross-claim.yml]\nfail: x\n")
    script = (
        "import os, sys\nfrom factcheck.cli.commands import cli\nos.fork = None\n"
        "cli.main(['validate'])\n"
    )  # fmt: skip
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=project.root, text=True, timeout=120)
    assert out.returncode == 2
    assert "error: checks/publication.yml:3: unknown field `fail`" in out.stderr
    assert "Traceback" not in out.stderr
