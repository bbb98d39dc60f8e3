"""factcheck.gx.spark.session: a Spark run without pyspark or without Java is the user's setup to fix (exit 2,
one line to install it), found before any dataset is read; a pandas run never imports pyspark."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TODAY, Project, claim, require_spark

# A run in a child process whose import system finds no pyspark, whatever is installed.
WITHOUT_PYSPARK = """
import sys
class NoPyspark:
    def find_spec(self, name, path=None, target=None):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ModuleNotFoundError(f"No module named {name!r}")
sys.meta_path.insert(0, NoPyspark())
sys.argv = ["factcheck", *sys.argv[1:]]
from factcheck.cli.program import main
main()
"""


def _run(root: Path, *args: str, env: dict | None = None, code: str = WITHOUT_PYSPARK):
    return subprocess.run(
        [sys.executable, "-c", code, "validate", "--today", TODAY, *args],
        cwd=root, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture
def project(tmp_path):
    project = Project(tmp_path)
    project.dataset([claim("a")])
    return project


def test_without_pyspark_a_spark_run_is_exit_2_with_the_install_line(project):
    done = _run(project.root, "--engine", "spark")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "error: --engine spark needs pyspark, which is not installed",
        "  hint: pip install 'factcheck-ci[spark]'",
    ]


def test_a_gate_that_asks_for_spark_is_refused_the_same_way(project):
    gate = project.root / "checks" / "publication.yml"
    gate.write_text(gate.read_text() + "engine: spark\n")
    done = _run(project.root)
    assert done.returncode == 2 and "needs pyspark" in done.stderr, done.stderr
    # --engine overrides the gate's setting: the same project runs on pandas without pyspark.
    assert _run(project.root, "--engine", "pandas").returncode == 0


def test_a_pandas_run_never_imports_pyspark(project):
    probe = WITHOUT_PYSPARK.replace("main()", "try:\n    main()\nfinally:\n    assert 'pyspark' not in sys.modules")
    done = _run(project.root, code=probe)
    assert done.returncode == 0, done.stderr


def test_without_java_a_spark_run_is_exit_2_with_the_install_line(project, tmp_path_factory):
    require_spark()
    bare = tmp_path_factory.mktemp("bin")  # a PATH with Python but no java
    (bare / "python").symlink_to(sys.executable)
    env = {"PATH": str(bare), "JAVA_HOME": ""}
    done = _run(project.root, "--engine", "spark", env=env, code="from factcheck.cli.program import main\n"
                "import sys\nsys.argv = ['factcheck', *sys.argv[1:]]\nmain()")  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert (
        done.stderr.splitlines()[0] == "error: --engine spark needs Java, which is not on the PATH (nor in JAVA_HOME)"
    )
    assert "openjdk-17-jre-headless" in done.stderr.splitlines()[1]


def test_the_spark_modules_import_before_any_spark_session_runs(tmp_path):
    """`factcheck validate --engine spark` imports the engine (and the modules it imports), then starts Spark: a
    module that builds a Spark column on import would fail every user's run, though every test that shares a
    running session passes. (metrics.py is imported by the engine once the session runs.)"""
    require_spark()
    code = "import factcheck.gx.spark.engine"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
