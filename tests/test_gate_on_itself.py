"""The pull-request gate on this repository itself: a clone of its real history, compared with HEAD~1 and
with HEAD, as this repository's own workflow runs it. `expectations/*.yml` are symlinks into `src/`, and the
gate checks `articles/`: the base copy must resolve the one and include the other."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.commands import cli
from test_baseline import git

HERE = Path(__file__).resolve().parent


def repository() -> Path:
    """The repository these tests run from, with its history; on CI a clone without it is a failure (the
    workflow must check out with `fetch-depth: 0`), elsewhere a skip."""
    found = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=HERE, capture_output=True, text=True)
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=HERE, capture_output=True, text=True)
    problem = ""
    if found.returncode != 0:
        problem = "the tests do not run from a git repository"
    elif shallow.stdout.strip() == "true":
        problem = "the tests run from a shallow clone: check out with fetch-depth: 0"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(problem)
        pytest.skip(problem)
    return Path(found.stdout.strip())


def gate(clone: Path, base: str, *args: str) -> tuple[int, dict]:
    out = clone.parent / f"report-{base.replace('~', '-')}.json"
    result = CliRunner().invoke(cli, ["validate", "--no-github", "--json", str(out), "--baseline", base, *args])
    return result.exit_code, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.slow  # git clones of this repository, the workflow's commands run on them
def test_this_repository_gates_its_own_pull_requests(tmp_path, monkeypatch):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--no-local", str(repository()), str(clone))
    if git(clone, "rev-list", "--count", "HEAD") == "1":
        pytest.fail("the repository has a single commit: HEAD~1 cannot be compared")
    monkeypatch.chdir(clone)
    assert (clone / "expectations").is_dir() and any(p.is_symlink() for p in (clone / "expectations").iterdir())

    code, data = gate(clone, "HEAD", "--fail-on-new", "--fail-on", "warning")
    assert data["comparison"]["base"]["note"] is None  # the base validated
    failed = [f for f in data["findings"] if f["status"] in ("failed", "waived")]
    assert failed and all(f["baseline"] == "existing" for f in failed)  # nothing is new against itself
    assert data["comparison"]["fixed"] == [] and data["comparison"]["changes"]["claims"] == []
    assert any(f["severity"] == "warning" and f["status"] == "failed" for f in failed)  # a warning would block ...
    assert code == 0  # ... and, existing, does not

    _, data = gate(clone, "HEAD~1")
    assert data["comparison"]["base"]["note"] is None  # the parent commit, whatever it changed, validated
