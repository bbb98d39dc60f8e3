"""The Spark implementations of factcheck's own metrics, registered with Great Expectations beside the pandas
ones (`factcheck.gx.adapters`), under the same metric names, made from the same declarations
(`factcheck.rules.EXPECTATIONS`).

- A table metric's value is the execution engine's (`execution.SparkExecution.table_hits`): every table
  metric of a validation is computed in one Spark job before GX asks for any (`engine.py`), each as its
  check's pure function per group of the claims.
- A check of each claim on its own runs its test in a pandas UDF.
- The regex metrics replace GX's own Spark ones (`column.rlike`, Java's backtracking engine: a suite is
  untrusted input) by RE2 in a pandas UDF, as the adapters replace pandas' `str.contains`.

Registering a class registers its metric; `factcheck.gx.spark.engine` imports this module once GX's logger is
quiet.
"""

from __future__ import annotations

import pandas as pd
from great_expectations.execution_engine import SparkDFExecutionEngine
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    MulticolumnMapMetricProvider,
    column_condition_partial,
)
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf

from factcheck.gx.spark import tasks, worker


def _table_metric(metric: str) -> type:
    def _spark(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return execution_engine.table_hits(metric, metric_domain_kwargs)

    return type(f"Spark_{metric}", (TableMetricProvider,), {
        "__module__": __name__, "metric_name": metric,
        "_spark": metric_value(engine=SparkDFExecutionEngine)(_spark),
    })  # fmt: skip


def _row_metric(metric: str) -> type:
    width = len(tasks.ROWS[metric].columns)

    @pandas_udf("boolean")
    def passing(values: pd.DataFrame) -> pd.Series:  # the columns as one struct: a frame of them
        worker.settle()
        return tasks.passes(metric, *(values[name] for name in values.columns))

    def _spark(cls, column_list, **kwargs):
        return passing(F.struct(*(F.col(name) for name in column_list.columns[:width])))

    return type(f"Spark_{metric}", (MulticolumnMapMetricProvider,), {
        "__module__": __name__, "condition_metric_name": metric,
        "condition_domain_keys": ("batch_id", "table", "column_list", "row_condition", "condition_parser",
                                  "ignore_row_if"),
        "_spark": multicolumn_condition_partial(engine=SparkDFExecutionEngine)(_spark),
    })  # fmt: skip


PROVIDERS = (*(_table_metric(m) for m in tasks.TABLE), *(_row_metric(m) for m in tasks.ROWS))


def _regex_udf(regex: str, negate: bool):
    @pandas_udf("boolean")
    def match(column: pd.Series) -> pd.Series:
        worker.settle()
        found = tasks.matches(column, regex)
        return ~found if negate else found

    return match


class SparkColumnValuesMatchRegex(ColumnMapMetricProvider):
    condition_metric_name = "column_values.match_regex"
    condition_value_keys = ("regex",)

    @column_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column, regex, **kwargs):
        return _regex_udf(regex, negate=False)(column)


class SparkColumnValuesNotMatchRegex(ColumnMapMetricProvider):
    condition_metric_name = "column_values.not_match_regex"
    condition_value_keys = ("regex",)

    @column_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column, regex, **kwargs):
        return _regex_udf(regex, negate=True)(column)
