"""factcheck.gx.spark, on one local Spark session (every test here shares it: one file, so that one pytest
worker starts one JVM).

- The same verdict on both engines: `factcheck validate --engine spark` writes the JSON report and the HTML
  page that pandas writes, byte for byte, with the same exit code, on the shipped data (the Spark run a process of its own,
  as a user runs it), on a generated long project of 100,000 claims and on the hostile cases whose verdict
  comes from the suites (docs/scale.md).
- The Spark jobs and stages of a gate are bounded whatever its suites find: a Spark stage costs far more
  than the work of a small gate. They are counted on the runs the comparisons make, one run each.
- A suite's row conditions keep on Spark exactly the rows GX's pandas engine keeps, missing cells and
  values of another type included, without any SQL text."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.row_conditions import deserialize_row_condition

from conftest import REPO, TODAY, Project, claim
from factcheck.cli.commands import cli
from factcheck.rules import STAGE_0

pytestmark = [pytest.mark.spark, pytest.mark.slow]

_spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

CORPUS = REPO / "tests" / "hostile"


Run = tuple[int, bytes, str, bytes]  # exit code, JSON report, standard error's first line, HTML page


def _both(spark, root, out, *args: str) -> tuple[Run, Run, tuple[int, int]]:
    """A pandas run and a Spark run of `factcheck validate` in `root`, both in this process, and the Spark jobs
    and stages of the Spark run. A suite that GX cannot run is refused by both, at the same line, each engine
    giving GX's own reason."""
    pandas = _in_this_process(root, out, "pandas", *args)
    on_spark, counted = _counted(spark, _in_this_process, root, out, "spark", *args)
    return pandas, on_spark, counted


def _in_this_process(root, out, engine: str, *args: str) -> Run:
    report, page = out / f"{engine}.json", out / f"{engine}.html"
    command = ["validate", "--today", TODAY, "--engine", engine, "--json", str(report), "--report", str(page), *args]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(cli, command)
    # Exit 1 from an exception would make two failed runs look alike: only the command's own exits count.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, _bytes(report), _first_line(result.stderr), _bytes(page)


def _bytes(path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def _in_a_process(root, out, engine: str, *args: str) -> tuple[Run, list[str]]:
    """`factcheck validate` as a user runs it: a process of its own, which starts its own Spark session (with
    the tests' JVM settings, which it inherits in PYSPARK_SUBMIT_ARGS); and its standard error's lines."""
    report, page = out / f"{engine}-process.json", out / f"{engine}-process.html"
    command = [sys.executable, "-m", "factcheck", "validate", "--today", TODAY, "--engine", engine,
               "--json", str(report), "--report", str(page), *args]  # fmt: skip
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=1800)
    assert "Traceback" not in done.stderr, done.stderr
    stderr = [line for line in done.stderr.splitlines() if line != JVM_START]
    return (done.returncode, _bytes(report), _first_line("\n".join(stderr)), _bytes(page)), stderr


# What the JVM prints on standard error as Spark's launcher starts it, before any of Spark's or factcheck's
# code runs: its notice of the incubator module that the launcher always adds, which no setting silences.
JVM_START = "WARNING: Using incubator modules: jdk.incubator.vector"


def _first_line(stderr: str) -> str:
    return (stderr.strip().splitlines() or [""])[0].partition(" on the claims: ")[0]


def _counted(spark, action, *args):
    """What `action(*args)` returns, and the Spark jobs and stages it ran (a stage that a job found already
    computed counts too: it is the plan that is bounded)."""
    context = spark.sparkContext
    group = f"counted-{id(args)}"
    context.setJobGroup(group, "counted")
    try:
        done = action(*args)
    finally:
        context.setLocalProperty("spark.jobGroup.id", None)
    tracker = context.statusTracker()
    jobs = tracker.getJobIdsForGroup(group)
    return done, (len(jobs), sum(len(tracker.getJobInfo(job).stageIds) for job in jobs))


# The two large comparisons run once for the module: their tests and the count of Spark stages read them.
@pytest.fixture(scope="module")
def shipped(spark, tmp_path_factory):
    """The shipped data on pandas, and on Spark through the whole program in a process of its own: the one
    run here of a user's path from the command line to a Spark session that the run starts itself."""
    out = tmp_path_factory.mktemp("shipped")
    return _in_this_process(REPO, out, "pandas"), *_in_a_process(REPO, out, "spark")


@pytest.fixture(scope="module")
def long_project(spark, tmp_path_factory):
    out = tmp_path_factory.mktemp("long")
    info = generate.generate_long(out / "project", 100_000, seed=1)
    return info, _both(spark, out / "project", out, "--today", generate.TODAY.isoformat())


def test_the_shipped_data(shipped):
    pandas, on_spark, _ = shipped
    assert pandas[0] == 0 and pandas[1]
    assert on_spark == pandas


def test_spark_says_nothing_of_its_own_on_standard_error(shipped):
    """Neither its note on the log level nor its warnings (native Hadoop, ...): factcheck's log settings
    (`gx/spark/log4j2.properties`) hold the session's log to errors. The run passes: nothing is on it."""
    *_, stderr = shipped
    assert stderr == []


def test_a_long_project_of_100000_claims(long_project):
    info, (pandas, on_spark, _) = long_project
    assert pandas[0] == 1 and pandas[1] and info["claims"] >= 99_000  # the planted failures block
    assert on_spark == pandas


def _reaches_the_suites(name: str) -> bool:
    """A case whose verdict is a suite check's finding, or Great Expectations refusing to run a suite."""
    expect = yaml.safe_load((CORPUS / name / "expect.yml").read_text())
    check = str(expect.get("check", ""))
    by_a_suite = expect.get("exit") == 1 and check not in STAGE_0 and not check.startswith("article")
    refused_inside = expect.get("exit") == 2 and "Great Expectations" in str(expect.get("message", ""))
    return (by_a_suite or refused_inside) and not expect.get("heavy") and not expect.get("generate")


def _one_case_a_verdict() -> list[str]:
    """The first case (by name) of each verdict a suite gives: every Spark run costs its Spark stages however
    small its data, so a case whose verdict another case already shows adds only time."""
    chosen: dict[tuple, str] = {}
    for path in sorted(CORPUS.iterdir()):
        if (path / "expect.yml").is_file() and _reaches_the_suites(path.name):
            expect = yaml.safe_load((path / "expect.yml").read_text())
            chosen.setdefault((expect["exit"], expect.get("check")), path.name)
    return sorted(chosen.values())


HOSTILE = sorted({*_one_case_a_verdict(), "url-backtracking"})  # and a value crafted against a regex


def test_the_hostile_cases_are_chosen():
    assert len(HOSTILE) >= 8
    assert {"suite-regex-catastrophic", "suite-number-against-text", "url-backtracking", "value-negative"} <= set(
        HOSTILE
    )


@pytest.fixture(scope="module")
def hostile(spark, tmp_path_factory):
    """`hostile(name)`: the case's two runs (`_both`), made once for the module."""
    from test_hostile import make_case

    runs = {}

    def both(name: str):
        if name not in runs:
            out = tmp_path_factory.mktemp(name)
            (out / "project").mkdir()
            make_case(name, out / "project")
            env = yaml.safe_load((CORPUS / name / "expect.yml").read_text()).get("env") or {}
            with pytest.MonkeyPatch.context() as patch:
                for variable, value in env.items():
                    patch.setenv(variable, str(value))
                runs[name] = _both(spark, out / "project", out)
        return runs[name]

    return both


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_case(name, hostile):
    pandas, on_spark, _ = hostile(name)
    assert pandas[0] in (1, 2)
    assert on_spark == pandas


# --- stage 0 on the executors ----------------------------------------------------------------------------


def _stage_0_cases() -> list[str]:
    """The first case (by name) of each stage-0 check whose finding lies in a dataset file, which Spark's
    executors read: an unreadable file, a schema error, a limit exceeded, an id used twice."""
    chosen: dict[str, str] = {}
    for path in sorted(CORPUS.iterdir()):
        if not (path / "expect.yml").is_file():
            continue
        expect = yaml.safe_load((path / "expect.yml").read_text())
        location = str(expect.get("location", ""))
        in_a_dataset = location.startswith("datasets/") and not location.startswith("datasets/catalog.yml")
        quick = not expect.get("heavy") and not expect.get("generate")
        if expect.get("check") in STAGE_0 and in_a_dataset and quick:
            chosen.setdefault(expect["check"], path.name)
    return sorted(chosen.values())


STAGE_0_CASES = _stage_0_cases()


def test_the_stage_0_cases_are_chosen():
    # An id used again across files; a file above FACTCHECK_MAX_FILE_BYTES, a limit the driver's
    # environment sets and the executors' need not; a schema error, a file that is not YAML, and others.
    assert {"claim-id-reused-across-files", "size-limit-configurable"} <= set(STAGE_0_CASES)
    assert {"schema", "yaml-syntax", "duplicate-key", "unknown-reference"} <= {
        yaml.safe_load((CORPUS / name / "expect.yml").read_text())["check"] for name in STAGE_0_CASES
    }


@pytest.mark.parametrize("name", STAGE_0_CASES)
def test_a_hostile_case_of_stage_0(name, hostile):
    pandas, on_spark, _ = hostile(name)
    assert pandas[0] in (1, 2)
    assert on_spark == pandas


def _claim(id: str, value: int, month: str, **fields) -> dict:
    return claim(id, value=value, as_of=month, source={"outlet": "France 2", "published": month,
                                                      "quote": f"is {value:,}"}, **fields)  # fmt: skip


def test_the_driver_reads_again_only_the_files_whose_claims_the_report_names(spark, tmp_path):
    """The executors read every file; the driver builds no frame and reads again only the files holding a
    named claim or a claim of its series: here a fall (in a.yml) and an id used again (c.yml's, first used in
    b.yml), never d.yml, whose claim no finding names. The HTML page is the pandas engine's too, its "4
    claims in 3 series" included: the count of series comes from the executors, d.yml's series with it."""
    from factcheck.pipeline import load, validate

    project = Project(tmp_path / "project")
    project.dataset([_claim("a1", 55000, "2026-02"), _claim("a2", 45000, "2026-03")], name="a.yml")
    project.dataset([_claim("b1", 100, "2025-01", claimant="syrskyi")], name="b.yml")
    project.dataset([_claim("b1", 100, "2025-01", claimant="syrskyi")], name="c.yml")
    project.dataset([_claim("d1", 7, "2025-06", subject="russia")], name="d.yml")
    pandas = _in_this_process(project.root, tmp_path, "pandas")
    read_again: list[list[str]] = []
    frames: list[int] = []
    with pytest.MonkeyPatch.context() as patch:
        real_load, real_build = load.load, validate.build
        patch.setattr(load, "load", lambda root, files, **kw: read_again.append(sorted(f.name for f in files))
                      or real_load(root, files, **kw))  # fmt: skip
        patch.setattr(validate, "build", lambda claims, *a: frames.append(len(claims)) or real_build(claims, *a))
        on_spark = _in_this_process(project.root, tmp_path, "spark")
    assert on_spark == pandas
    report = json.loads(on_spark[1])
    found = {(f["check"], f["file"], f["line"]) for f in report["findings"]}
    assert found == {("cumulative-non-decreasing", "datasets/a.yml", 15), ("duplicate-id", "datasets/c.yml", 5)}
    assert report["counts"]["claims"] == 4  # c.yml's b1 is not checked
    assert read_again == [["a.yml", "b.yml"]]
    assert set(frames) <= {0}
    assert b"4 claims in 3 series passed the format checks" in on_spark[3]  # and the page is the pandas one


@pytest.mark.parametrize("change", ["edited", "removed"])
def test_a_file_changed_while_the_suites_run_stops_the_run(spark, tmp_path, change):
    """a.yml loses the claim its finding names after the executors read it and before the driver reads it
    again for the report: exit 2 naming the file, never a report that mixes its two versions nor a crash."""
    from factcheck.pipeline import load

    project = Project(tmp_path / "project")
    project.dataset([_claim("a1", 55000, "2026-02"), _claim("a2", 45000, "2026-03")], name="a.yml")
    project.dataset([_claim("d1", 7, "2025-06", subject="russia")], name="d.yml")
    changed = project.root / "datasets" / "a.yml"

    def change_then_load(root, files, **kw):
        if change == "edited":
            project.dataset([_claim("a1", 55000, "2026-02")], name="a.yml")
        else:
            changed.unlink()
        return real_load(root, files, **kw)

    with pytest.MonkeyPatch.context() as patch:
        real_load = load.load
        patch.setattr(load, "load", change_then_load)
        patch.chdir(project.root)
        result = CliRunner().invoke(cli, ["validate", "--today", TODAY, "--engine", "spark"])
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2, result.output
    assert "datasets/a.yml: the file changed while it was validated" in result.stderr
    assert "Traceback" not in result.output


# --- Spark jobs and stages ----------------------------------------------------------------------------

# A gate of the shipped suites: its batch checkpointed (`engine.validate_all`: the plans after it start from the
# batch, not from its lineage), its table metrics in one job (`execution.table_values`), and one job for each
# step of GX's metric graph that computes on the claims (`together.collect`); a shuffle for each group of the
# table metrics, each domain's aggregates and the step's counts (docs/performance.md, "The suites on Spark").
JOBS_A_GATE = 5
STAGES_A_GATE = 16
# Stage 0 on the executors, once a run (`gx/spark/stage0.py`): the files read and their findings collected,
# the later uses of ids listed and those past the listing counted, the kept rows checkpointed, the files of
# the named claims with the count of series, the later uses in those.
JOBS_OF_STAGE_0 = 6
STAGES_OF_STAGE_0 = 30


def _failed_checks(report: bytes) -> set[str]:
    return {f["check"] for f in json.loads(report)["findings"] if f["status"] == "failed"}


def test_a_gate_runs_the_same_few_spark_jobs_and_stages_whatever_its_suites_find(hostile, long_project):
    _, on_case, counted = hostile("value-negative")  # one claim
    _, (_, on_long, counted_long) = long_project
    assert _failed_checks(on_long[1]) != _failed_checks(on_case[1])  # checks that fail on one gate pass on the other
    assert counted == counted_long
    jobs, stages = counted
    assert jobs <= JOBS_A_GATE + JOBS_OF_STAGE_0 and stages <= STAGES_A_GATE + STAGES_OF_STAGE_0, counted


# --- row conditions ---------------------------------------------------------------------------------------

ROWS = pd.DataFrame(
    {
        "claim_id": ["a", "b", "c", "d", "e"],
        "unit": ["people", "percent", None, 'it\'s "x"', "people"],
        "value": [1.0, 2.5, math.nan, 0.0, 1e300],
        "waived": [True, False, False, True, False],
    }
)


def _comparison(column: str, operator: str, parameter) -> dict:
    return {"type": "comparison", "column": {"name": column}, "operator": operator, "parameter": parameter}


CONDITIONS = [
    _comparison("unit", "==", "people"),
    _comparison("unit", "!=", "people"),  # a missing unit is not equal: kept
    _comparison("unit", "==", "it's \"x\""),  # quotes of both kinds: a literal, never SQL text
    _comparison("unit", "==", "x' OR 1=1 --"),
    _comparison("unit", "==", 5),  # text is never equal to a number
    _comparison("unit", "!=", 5),
    _comparison("value", "==", "1"),  # nor a number to text
    _comparison("value", ">", 1),
    _comparison("value", "<=", 2.5),
    _comparison("value", "==", True),  # pandas compares a flag as the number 1
    _comparison("waived", "==", True),
    _comparison("waived", "==", 1),
    _comparison("waived", "!=", False),
    _comparison("unit", "IN", ["people", "percent"]),
    _comparison("unit", "IN", [3, 4]),  # GX refuses a list of mixed types
    _comparison("unit", "NOT_IN", ["people"]),  # a missing unit is not in the list: kept
    _comparison("value", "IN", [2.5, 0]),
    _comparison("value", "IN", ["1", "0"]),
    _comparison("value", "NOT_IN", [1]),
    {"type": "nullity", "column": {"name": "unit"}, "is_null": True},
    {"type": "nullity", "column": {"name": "value"}, "is_null": True},
    {"type": "nullity", "column": {"name": "value"}, "is_null": False},
    {"type": "and", "conditions": [_comparison("unit", "==", "people"), _comparison("value", "<", 10)]},
    {"type": "or", "conditions": [_comparison("unit", "==", "percent"), {"type": "nullity", "column": {"name": "unit"}, "is_null": True}]},
]  # fmt: skip


@pytest.fixture(scope="module")
def spark_rows(spark):
    from factcheck.gx.spark.engine import SCHEMA

    fields = [SCHEMA[name] for name in ROWS.columns]
    from pyspark.sql import types as T

    return spark.createDataFrame(ROWS.astype({"claim_id": object, "unit": object}), schema=T.StructType(fields))


@pytest.mark.parametrize("condition", CONDITIONS, ids=str)
def test_spark_keeps_the_rows_pandas_keeps(spark_rows, condition):
    from factcheck.gx.spark.conditions import to_column

    parsed = deserialize_row_condition(condition)
    kept_by_pandas = PandasExecutionEngine()._apply_row_condition_filter(ROWS, parsed, {})["claim_id"].tolist()
    kept_by_spark = [row["claim_id"] for row in spark_rows.filter(to_column(parsed)).collect()]
    assert sorted(kept_by_spark) == sorted(kept_by_pandas)


def test_a_condition_written_as_text_is_never_run(spark_rows):
    from great_expectations.expectations.row_conditions import PassThroughCondition

    from factcheck.gx.spark.execution import SparkExecution

    with pytest.raises(ValueError, match="never run"):
        SparkExecution._apply_row_condition_filter(
            None, spark_rows, PassThroughCondition(pass_through_filter="1=1"), {}
        )
    with pytest.raises(ValueError, match="never run"):
        SparkExecution._apply_row_condition_filter(None, spark_rows, "unit == 'people'", {"condition_parser": "spark"})
