"""Great Expectations adapter of the metric-has-range check (`factcheck.rules.metric_has_range`)."""

from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.gx.adapters._cross import CrossClaimExpectation, table
from factcheck.rules.metric_has_range import find_metrics_without_range


class MetricsWithoutRange(TableMetricProvider):
    metric_name = "factcheck.metrics_without_range"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, find_metrics_without_range)


class ExpectMetricsToBeBounded(CrossClaimExpectation):
    """Expect every metric but shares to have a plausible maximum (`max`) in the catalog."""

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.metrics_without_range",)
