"""Great Expectations adapter of the duplicate check (`factcheck.rules.duplicate`)."""

from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.gx.adapters._cross import CrossClaimExpectation, table
from factcheck.rules.duplicate import find_duplicates


class Duplicates(TableMetricProvider):
    metric_name = "factcheck.duplicates"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, find_duplicates)


class ExpectClaimsToBeEnteredOnce(CrossClaimExpectation):
    """Expect no claim to be entered twice (same series, date, figure and outlet)."""

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.duplicates",)
