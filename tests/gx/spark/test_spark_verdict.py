"""The same verdict on both engines: `factcheck validate --engine spark` writes the JSON report that pandas
writes, byte for byte, with the same exit code, on the shipped data, on a generated long project of 100,000
claims and on the hostile cases whose verdict comes from the suites (docs/scale.md)."""

from __future__ import annotations

import importlib.util

import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO, TODAY
from factcheck.cli.commands import cli
from factcheck.rules import STAGE_0

pytestmark = [pytest.mark.spark, pytest.mark.slow]

_spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

CORPUS = REPO / "tests" / "hostile"


def _both(root, out, monkeypatch, *args: str) -> tuple[tuple[int, bytes, str], tuple[int, bytes, str]]:
    """(exit code, JSON report, standard error's first line) of a pandas run and of a Spark run. A suite
    that GX cannot run is refused by both, at the same line, each engine giving GX's own reason."""
    monkeypatch.chdir(root)
    runs = []
    for engine in ("pandas", "spark"):
        report = out / f"{engine}.json"
        result = CliRunner().invoke(
            cli, ["validate", "--today", TODAY, "--engine", engine, "--json", str(report), *args]
        )
        first = (result.stderr.strip().splitlines() or [""])[0].partition(" on the claims: ")[0]
        runs.append((result.exit_code, report.read_bytes() if report.exists() else b"", first))
    return runs[0], runs[1]


def test_the_shipped_data(spark, tmp_path, monkeypatch):
    pandas, on_spark = _both(REPO, tmp_path, monkeypatch)
    assert pandas[0] == 0 and pandas[1]
    assert on_spark == pandas


def test_a_long_project_of_100000_claims(spark, tmp_path, monkeypatch):
    root = tmp_path / "long"
    info = generate.generate_long(root, 100_000, seed=1)
    pandas, on_spark = _both(root, tmp_path, monkeypatch, "--today", generate.TODAY)
    assert pandas[0] == 1 and info["claims"] >= 99_000  # the planted failures block
    assert on_spark == pandas


def _reaches_the_suites(name: str) -> bool:
    """A case whose verdict is a suite check's finding, or Great Expectations refusing to run a suite."""
    expect = yaml.safe_load((CORPUS / name / "expect.yml").read_text())
    check = str(expect.get("check", ""))
    by_a_suite = expect.get("exit") == 1 and check not in STAGE_0 and not check.startswith("article")
    refused_inside = expect.get("exit") == 2 and "Great Expectations" in str(expect.get("message", ""))
    return (by_a_suite or refused_inside) and not expect.get("heavy") and not expect.get("generate")


def _one_case_a_verdict() -> list[str]:
    """The first case (by name) of each verdict a suite gives: every Spark run costs about a hundred Spark
    jobs however small its data, so a case whose verdict another case already shows adds only time."""
    chosen: dict[tuple, str] = {}
    for path in sorted(CORPUS.iterdir()):
        if (path / "expect.yml").is_file() and _reaches_the_suites(path.name):
            expect = yaml.safe_load((path / "expect.yml").read_text())
            chosen.setdefault((expect["exit"], expect.get("check")), path.name)
    return sorted(chosen.values())


HOSTILE = sorted({*_one_case_a_verdict(), "url-backtracking"})  # and a value crafted against a regex


def test_the_hostile_cases_are_chosen():
    assert len(HOSTILE) >= 8
    assert {"suite-regex-catastrophic", "suite-number-against-text", "url-backtracking"} <= set(HOSTILE)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_case(name, spark, tmp_path, monkeypatch):
    from test_hostile import make_case

    root = tmp_path / "project"
    root.mkdir()
    make_case(name, root)
    pandas, on_spark = _both(root, tmp_path, monkeypatch)
    assert pandas[0] in (1, 2)
    assert on_spark == pandas
