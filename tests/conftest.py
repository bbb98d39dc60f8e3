"""Shared fixtures: small projects made in the tests, with the shipped catalog, suites and gate; and golden
files for snapshot tests (`snapshot`), rewritten by `pytest --update-snapshots`."""

from __future__ import annotations

import difflib
import importlib.util
import os
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-26"


def claim(id: str = "c1", **fields) -> dict:
    """A valid claim (Zelensky's 55,000 of February 2026); keyword arguments replace or add fields."""
    base = {
        "id": id,
        "metric": "military_killed",
        "subject": "ukraine",
        "claimant": "zelensky",
        "value": 55000,
        "as_of": "2026-02",
        "source": {"outlet": "France 2", "published": "2026-02", "quote": "is 55,000"},
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


class Project:
    """A project folder: the shipped checks/, expectations/ and catalog, and datasets the test writes."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(REPO / "checks", root / "checks")
        shutil.copytree(REPO / "expectations", root / "expectations")
        (root / "datasets").mkdir()
        shutil.copy(REPO / "datasets" / "catalog.yml", root / "datasets" / "catalog.yml")

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    def dataset(self, claims: list[dict] | None = None, name: str = "test.yml", **header) -> Path:
        data = {"dataset": "test", "title": "Test", "origin": "2022-02-24", **header}
        if claims is not None:
            data["claims"] = claims
        return self.write(f"datasets/{name}", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite the golden files that snapshot tests compare with (tests/reporters/snapshots/); "
        "review what changed in the diff before committing it",
    )


def pytest_collection_modifyitems(items) -> None:
    """The `spark` tests first, then the other `slow` ones, each file's in their own order: with one xdist
    worker per core the Spark file (one JVM, the longest file) starts at once on one worker while the other
    takes the rest, and the quick ones fill in at the end, rather than one long test running alone last."""
    items.sort(key=lambda item: (item.get_closest_marker("spark") is None, item.get_closest_marker("slow") is None))


@pytest.fixture
def snapshot(request):
    """`snapshot(path, text)`: `text` must equal the golden file at `path`, byte for byte (UTF-8, line ends as
    they are). With `--update-snapshots` the file is written instead, and the test passes."""
    update = request.config.getoption("--update-snapshots")

    def check(path: Path, text: str) -> None:
        data = text.encode("utf-8")
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
            return
        if not path.exists():
            pytest.fail(f"{path} does not exist: run `pytest --update-snapshots` to write it", pytrace=False)
        expected = path.read_bytes()
        if expected != data:
            diff = difflib.unified_diff(
                expected.decode("utf-8", "replace").splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=str(path),
                tofile="rendered now",
                n=1,
            )
            shown = "".join(list(diff)[:60])
            pytest.fail(
                f"{path} differs from what is rendered now (if the change is meant, run "
                f"`pytest --update-snapshots` and review the diff):\n{shown}",
                pytrace=False,
            )

    return check


@pytest.fixture
def curated(desk, request):
    """The test module's `desk` (tests/desk_helpers.py, which the module imports) with the module's own
    `CATALOG` and `CLAIMS` curated: the article-reading tests in tests/prose/ start from it."""
    desk.curate(request.module.CATALOG, request.module.CLAIMS)
    return desk


@pytest.fixture(autouse=True)
def outside_github_actions(monkeypatch) -> None:
    """Tests run as on a desk: a test that wants GitHub's environment sets it itself (CI runs us inside one)."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_TODAY", TODAY)
    return Project(tmp_path)


def run_project(project: Project, *targets: str, fail_on: str | None = None):
    """Validate a test project through the public `run()`; returns the `Report`."""
    import datetime as dt

    from factcheck.pipeline.options import Options
    from factcheck.pipeline.run import run

    return run(Options(root=project.root, targets=targets, today=dt.date.fromisoformat(TODAY), fail_on=fail_on))


def failed(report, check: str | None = None) -> list:
    """The failed findings of a report, optionally of one check."""
    return [f for f in report.findings if f.status == "failed" and (check is None or f.check == check)]


# --- Spark (the tests marked `spark`) ---------------------------------------------------------------------
# One local Spark session for every Spark test (a JVM's start-up is paid once). On a machine without Spark
# the inner loop skips these tests; CI (CI=true, where .ci/run installs Java and the [spark] extra) fails them.


def spark_missing() -> str | None:
    """Why Spark cannot run here, or None."""
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install -e '.[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime (apt-get install openjdk-17-jre-headless)"
    return None


def require_spark() -> None:
    reason = spark_missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the Spark tests must run in CI: {reason}")
        pytest.skip(reason)


# A test's gate is a few claims, so the JVM's own work is compiling, not running: C1 alone compiles in a
# fraction of C2's time, and Spark's code generation compiles a class for every new plan (whole stages) and
# every new expression (the factory mode: Spark's interpreted expressions instead, the same values).
# All for the tests only: a user's large run keeps Spark's defaults.
SPARK_TEST_SETTINGS = (
    "--conf spark.driver.defaultJavaOptions=-XX:TieredStopAtLevel=1 --conf spark.sql.codegen.wholeStage=false"
    " --conf spark.sql.codegen.factoryMode=NO_CODEGEN"
)


@pytest.fixture(scope="session")
def spark():
    require_spark()
    from factcheck.gx.spark import session

    os.environ.setdefault("PYSPARK_SUBMIT_ARGS", f"{SPARK_TEST_SETTINGS} pyspark-shell")
    spark = session.start("local[2]")
    yield spark
    spark.stop()
