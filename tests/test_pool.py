"""The fork pool: files read by forked workers give exactly what one process gives, and a worker that dies
costs nothing but time (this process reads its files again)."""

from __future__ import annotations

import pickle
import subprocess
import sys

from conftest import claim as claim_entry
from factcheck.pipeline import pool


def test_files_read_by_forked_workers_give_what_one_process_gives(project):
    good = [claim_entry(f"c-{i}", value=1000 + i) for i in range(3)]
    project.dataset(good, name="a.yml")
    project.dataset([claim_entry("c-1"), claim_entry("c-9", as_of="2024-02-30")], name="b.yml")
    project.write("datasets/c.yml", "dataset: c\ntitle: C\nclaims:\n  - id: c-8\n    id: c-8\n")
    project.write("datasets/d.yml", "dataset: d\ntitle: [unclosed\n")
    files = sorted((project.root / "datasets").glob("[abcd].yml"))

    # In a fresh process: this one may run threads (forking is then refused, and the test would prove nothing).
    script = (
        "import pickle, sys\nfrom pathlib import Path\nfrom factcheck.pipeline import load as datasets, pool\n"
        "root, files = Path(sys.argv[1]), [Path(f) for f in sys.argv[2:]]\n"
        "one = datasets.load(root, files)\npool.PARALLEL_BYTES = 0\n"
        "assert pool._workers(files) == 2\n"
        "forked = datasets.load(root, files)\n"
        "sys.stdout.buffer.write(pickle.dumps((one.claims, one.findings, forked.claims, forked.findings)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(project.root), *map(str, files)], capture_output=True)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    claims, findings, forked_claims, forked_findings = pickle.loads(out.stdout)
    assert forked_claims == claims and forked_findings == findings and len(claims) == 3
    assert {f.check for f in findings} >= {"duplicate-id", "schema", "duplicate-key", "yaml-syntax"}


def test_a_worker_that_dies_leaves_its_files_to_this_process(tmp_path):
    paths = [tmp_path / f"{i}.txt" for i in range(4)]
    for i, path in enumerate(paths):
        path.write_text(str(i))
    # In a fresh process, as above; every worker dies before handing back anything.
    script = (
        "import os, sys\nfrom pathlib import Path\nfrom factcheck.pipeline import pool\n"
        "paths, main = [Path(p) for p in sys.argv[1:]], os.getpid()\n"
        "def read(i):\n    if os.getpid() != main:\n        os._exit(9)\n    return paths[i].read_text()\n"
        "assert pool._workers(paths, overlap=True) == 2\n"
        "print(pool.map_files(paths, read, meanwhile=lambda: None))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, *map(str, paths)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout == "['0', '1', '2', '3']\n"


def test_one_small_file_is_read_here_unless_this_process_has_something_else_to_do(tmp_path):
    small = tmp_path / "a.yml"
    small.write_text("x")
    assert pool._workers([small]) == 1
    assert pool._workers([]) == 1
