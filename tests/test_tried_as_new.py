"""A new user's first hour, end to end: the built wheel in a fresh virtual environment, a new project,
its first validation, a planted error, and the dataset schema checked by a JSON Schema validator.

Slow (it builds the wheel and installs it with its dependencies): marked `slow`, so that `pytest -m "not
slow"` skips it while working; the README's test command and CI run it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO
from factcheck import __version__
from factcheck.reading import yamlfile


def run(command: list[str], cwd: Path, timeout: int = 1800) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "GITHUB_", "FACTCHECK_", "VIRTUAL_ENV"))}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_a_new_users_first_hour_with_the_built_wheel(tmp_path):
    # The wheel, built from a copy of the sources: a build writes its own files next to them.
    source = tmp_path / "source"
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path / "dist"),
                 str(source)], tmp_path)  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("factcheck_ci-*.whl")
    assert wheel.name.startswith(f"factcheck_ci-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    assert "factcheck/builtin_suites/cumulative-totals.yml" in names
    assert "factcheck/cli/new_project/catalog.yml" in names
    for desk in ("disaster", "epidemic", "conflict"):  # init --desk reads the worked examples from the wheel
        assert f"factcheck/cli/desks/{desk}/datasets/catalog.yml" in names

    # A fresh virtual environment with nothing but the wheel and what it depends on: not even pip, which
    # installs into it from outside (--python), nor byte-compiled at install time (--no-compile: two thirds of
    # the install's time, for modules that Python compiles anyway as the commands below import them).
    venv.create(tmp_path / "venv", with_pip=False)
    bin_ = tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin")
    installed = run([sys.executable, "-m", "pip", "--python", str(bin_ / "python"), "install", "--quiet",
                     "--no-compile", "--disable-pip-version-check", str(wheel)], tmp_path)  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    factcheck = str(bin_ / "factcheck")
    assert run([factcheck, "--version"], tmp_path).stdout.strip().endswith(__version__)

    # The first hour: a project, its first run, a planted error.
    assert run([factcheck, "init", "desk"], tmp_path).returncode == 0
    desk = tmp_path / "desk"
    first = run([factcheck, "validate"], desk)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.strip().splitlines()[-1] == "PUBLISHABLE: 2 claims checked (2 corroborated)"
    # Installed from a wheel file, which CI cannot reach: the release, and a comment saying how to change it.
    requirements = (desk / "requirements.txt").read_text()
    assert requirements.endswith(f"\nfactcheck-ci=={__version__}\n") and "local wheel or archive" in requirements
    assert run([factcheck, "init", "epidemic", "--desk", "epidemic"], tmp_path).returncode == 0
    epidemic = run([factcheck, "validate", "--today", "2026-11-26"], tmp_path / "epidemic")
    assert epidemic.returncode == 0, epidemic.stdout + epidemic.stderr
    assert "corroborated" in epidemic.stdout.strip().splitlines()[-1]

    example = desk / "datasets" / "example.yml"
    example.write_text(example.read_text().replace("    value: 19\n", "    value: 9\n").replace("to 19", "to 9"))
    planted = run([factcheck, "validate", "--json", "-"], desk)
    assert planted.returncode == 1, planted.stdout + planted.stderr
    # The draft still says 19, so it contradicts the claim too; the dataset's own finding is the fall.
    blocking = [f for f in json.loads(planted.stdout)["findings"] if f["blocking"]]
    assert sorted(f["file"] for f in blocking) == ["articles/example.md", "datasets/example.yml"], blocking
    (finding,) = [f for f in blocking if f["file"] == "datasets/example.yml"]
    assert (finding["check"], finding["claim"]) == ("cumulative-non-decreasing", "deaths-city-hall-2024-03-05")
    # What the check that blocked is, as the finding's hint points to it.
    assert f"factcheck explain {finding['check']}" in planted.stderr
    explained = run([factcheck, "explain", finding["check"]], desk)
    assert explained.returncode == 0, explained.stderr
    lines = explained.stdout.splitlines()
    assert lines[0] == "cumulative-non-decreasing: Cumulative totals do not fall"
    assert "Passes:" in lines and "Fails:" in lines and lines.index("Passes:") < lines.index("Fails:")

    # The editor's schema of the new project, checked by a JSON Schema validator.
    printed = run([factcheck, "schema", "dataset"], desk)
    assert printed.returncode == 0, printed.stderr
    schema = json.loads(printed.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    # The YAML as an editor reads it (YAML 1.2: dates are text), as factcheck.reading.yamlfile reads it too.
    assert list(validator.iter_errors(yamlfile.parse(example.read_text())[0])) == []  # a fall is no format error
    typo = yamlfile.parse(example.read_text().replace("claimant: city-hall", "claimant: city-hal", 1))[0]
    assert any("'city-hal' is not one of ['city-hall']" in e.message for e in validator.iter_errors(typo))
