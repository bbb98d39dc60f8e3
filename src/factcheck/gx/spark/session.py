"""The Spark session a run validates on: started here with factcheck's settings, or the one already running
(a `spark-submit` job, a notebook), whose settings are then left as they are.

A missing pyspark or Java is the user's setup, not a bug: exit 2 with the line that installs it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from factcheck.floor.errors import ConfigError

PYSPARK_HINT = "pip install 'factcheck-ci[spark]'"
JAVA_HINT = "install a Java runtime (17 or 21), e.g. `apt-get install openjdk-17-jre-headless`, or set JAVA_HOME"
# Spark's own log (its start-up warnings, progress bars) would bury the report on standard error.
_LOG_CONFIG = Path(__file__).with_name("log4j2.properties")


def check() -> None:
    """Refuse a Spark run early, before any file is read, when pyspark cannot be imported or Java is missing
    (unless a Spark session already runs, as under `spark-submit`)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise ConfigError("--engine spark needs pyspark, which is not installed", PYSPARK_HINT) from None
    if _java() is None and not _submitted():
        raise ConfigError("--engine spark needs Java, which is not on the PATH (nor in JAVA_HOME)", JAVA_HINT)


def _submitted() -> bool:
    """Started by `spark-submit` (or a notebook), whose Java gateway is already running."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = Path(home) / "bin" / "java"
        return str(candidate) if candidate.is_file() else None
    return shutil.which("java")


def start(master: str | None):
    """The active Spark session, or a new one on `master`: by default `local[*]` (every core of this
    machine), or under `spark-submit` the master it was given."""
    check()
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if master is None and not _submitted():
        master = "local[*]"
    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    builder = (
        builder.appName("factcheck")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_LOG_CONFIG.as_uri()}")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        # A validation's queries are a few unions of many small parts (`together.py`): adaptive execution
        # would run each of their shuffles as a Spark job of its own, and its re-planning saves nothing here.
        .config("spark.sql.adaptive.enabled", "false")
    )
    if master is not None and master.startswith("local"):
        # The executors are this machine's: they run this Python, and a few shuffle partitions suit its cores.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 1)))
    try:
        return builder.getOrCreate()
    except Exception as error:  # pyspark raises its own types for a JVM that would not start
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise ConfigError(f"Spark could not start on {master}: {first[:200]}", JAVA_HINT) from None
