"""The Spark implementations of factcheck's own metrics, registered with Great Expectations beside the pandas
ones (`factcheck.gx.adapters`), under the same metric names.

- A table metric runs its check's pure function on each group of the (row-conditioned) batch with
  `groupBy(...).applyInPandas(...)` (`tasks.TABLE_METRICS` says which columns a group shares), and collects
  the hits, as many as the findings.
- The regex metrics replace GX's own Spark ones (`column.rlike`, Java's backtracking engine: a suite is
  untrusted input) by RE2 in a pandas UDF, as the adapters replace pandas' `str.contains`.
- quote-states-figure runs its pure function in a pandas UDF.

Registering a class registers its metric; `register` imports this module once GX's logger is quiet.
"""

from __future__ import annotations

import json

import pandas as pd
from great_expectations.core.metric_domain_types import MetricDomainTypes
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

from factcheck.gx.spark import tasks

HITS = "hit string"


def table_hits(execution_engine, metric_domain_kwargs: dict, metric: str) -> list:
    """The hits of `metric` over the batch as GX hands it to a table metric (after the row condition)."""
    frame, _, _ = execution_engine.get_compute_domain(
        domain_kwargs=metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE
    )
    keys = list(tasks.TABLE_METRICS[metric][1])
    rows = frame.groupBy(*keys).applyInPandas(tasks.group_hits(metric), schema=HITS).collect()
    # Groups come back in no set order: the hits are put in one, whatever the partitions were.
    return [json.loads(text) for text in sorted(row["hit"] for row in rows)]


def _table_metric(metric: str) -> type:
    def _spark(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table_hits(execution_engine, metric_domain_kwargs, metric)

    name = "Spark" + "".join(part.title() for part in metric.split(".")[1].split("_"))
    return type(name, (TableMetricProvider,), {"metric_name": metric, "_spark": metric_value(
        engine=SparkDFExecutionEngine)(_spark)})  # fmt: skip


TABLE_PROVIDERS = tuple(_table_metric(metric) for metric in tasks.TABLE_METRICS)


def _regex_udf(regex: str, negate: bool):
    @pandas_udf("boolean")
    def match(column: pd.Series) -> pd.Series:
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


@pandas_udf("boolean")
def _quotes_state(quotes: pd.Series, values: pd.Series) -> pd.Series:
    return tasks.quotes_state(quotes, values)


class SparkQuoteStatesFigure(MulticolumnMapMetricProvider):
    condition_metric_name = "factcheck.quote_states_figure"
    condition_domain_keys = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, **kwargs):
        quote, value = column_list.columns[:2]
        return _quotes_state(F.col(quote), F.col(value))
