"""Stage 1 on Spark: the same suites, run by Great Expectations' Spark engine on a Spark DataFrame.

What stays as the pandas engine has it (`factcheck.gx.engine`): the suites built once, every check of a
gate's suites validated in one GX validation, its results read into the same `Hit`s. What differs: the
batch is a Spark DataFrame partitioned once by subject and checkpointed for the validation; every table metric
of the validation is computed in one Spark job before GX asks for them (`execution.py`); failing rows are
named by their `claim_id`, as a Spark DataFrame has no positions; and factcheck's metrics run on the
executors (`metrics.py`, `tasks.py`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.validator.v1_validator import Validator
from pyspark.sql import DataFrame
from pyspark.sql import types as T

from factcheck.floor.columns import COLUMNS, FLAGS, NUMERIC
from factcheck.gx import adapters
from factcheck.gx import engine as gx_engine
from factcheck.gx.spark import conditions, execution, tasks
from factcheck.gx.spark.files import ARROW_TYPES
from factcheck.report.findings import Hit

if TYPE_CHECKING:
    from factcheck.pipeline.suites import Suite

RESULT_FORMAT = gx_engine.DOCS_RESULT_FORMAT  # failing rows by claim_id, never their values

SCHEMA = T.StructType(
    [
        T.StructField(
            name,
            T.LongType() if name in ("line", "entry")
            else T.DoubleType() if name in NUMERIC
            else T.BooleanType() if name in FLAGS
            else T.StringType(),
        )
        for name in COLUMNS
    ]
)  # fmt: skip


class SparkEngine:
    """One ephemeral GX context on a Spark session for a run; suites are built once and validated per batch."""

    def __init__(self, session) -> None:
        self.session = session
        logging.getLogger("great_expectations").setLevel(logging.CRITICAL)
        adapters.register()
        from factcheck.gx.spark import metrics  # noqa: F401  (registers the Spark metrics)

        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self.source = self.context.data_sources.add_spark("claims", persist=True)
        # GX's own engine would filter with SQL text built from a suite's row conditions (`conditions.py`).
        object.__setattr__(self.source, "execution_engine_override", execution.SparkExecution)
        self.batch = self.source.add_dataframe_asset("claims").add_batch_definition_whole_dataframe("all")
        self._built: dict[str, list] = {}

    def prepare(self, suite: Suite) -> None:
        """Build the suite in GX now, so that a rejected entry is reported before any validation runs."""
        self._built_for(suite)

    def _built_for(self, suite: Suite) -> list:
        if suite.path not in self._built:
            self._built[suite.path] = [gx_engine._expectation(suite, check) for check in suite.checks]
        return self._built[suite.path]

    def batch_of(self, frame: pd.DataFrame) -> DataFrame:
        """The claims frame as a Spark DataFrame, partitioned by subject; a missing number is null, as GX's
        Spark metrics count it (a NaN is a value to Spark)."""
        spark_frame = self.session.createDataFrame(frame.astype(ARROW_TYPES), schema=SCHEMA)
        return by_subject(spark_frame)

    def validate_all(
        self, suites: Sequence[Suite], frame: pd.DataFrame | DataFrame, today: dt.date
    ) -> dict[str, list[Hit]]:
        """The hits of each suite (by path) on `frame` (a pandas claims frame, or the Spark batch itself)."""
        unique = list({suite.path: suite for suite in suites}.values())
        checks = [(suite, check) for suite in unique for check in suite.checks]
        if len({check.id for _, check in checks}) != len(checks):
            raise ValueError("suites validated together need distinct check ids (a gate's suites have them)")
        hits: dict[str, list[Hit]] = {suite.path: [] for suite in unique}
        if isinstance(frame, pd.DataFrame) and frame.empty:
            return hits
        # Checkpointed, not only cached: every query of the validation then starts from the batch itself, and
        # Spark analyses and plans a few operators a query instead of the batch's whole lineage each time.
        batch = (self.batch_of(frame) if isinstance(frame, pd.DataFrame) else frame).localCheckpoint(eager=True)
        expectations = [e for s in unique for e in self._built_for(s)]
        engine = self.source.get_execution_engine()  # the one GX validates with: it keeps the values
        engine.computed = execution.table_values(batch, table_metrics(expectations))
        try:
            parameters = {"today": float(today.toordinal())}
            results = self._validate(batch, expectations, parameters, RESULT_FORMAT)
        finally:
            engine.computed = {}
            batch.unpersist()
        found = gx_engine._read(checks, results, None)
        for (suite, _), check_hits in zip(checks, found, strict=True):
            hits[suite.path] += check_hits
        return hits

    def _validate(self, batch: DataFrame, expectations: list, parameters: dict, result_format: dict) -> list:
        validator = Validator(
            batch_definition=self.batch, batch_parameters={"dataframe": batch}, result_format=result_format
        )
        suite = gx.ExpectationSuite(name="factcheck", expectations=expectations)
        return validator.validate_expectation_suite(suite, parameters).results


def table_metrics(expectations: list) -> list[execution.Wanted]:
    """The table metrics that validating `expectations` asks for, each with its row condition."""
    return [
        (declared.metric, conditions.key(expectation.row_condition))
        for expectation in expectations
        if (declared := getattr(type(expectation), "declared", None)) is not None and declared.metric in tasks.TABLE
    ]


def by_subject(frame: DataFrame) -> DataFrame:
    """The batch repartitioned once by subject: see `execution.BY_SUBJECT`."""
    partitions = max(frame.sparkSession.sparkContext.defaultParallelism, 1)
    return frame.repartition(partitions, execution.BY_SUBJECT)
