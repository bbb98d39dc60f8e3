"""Great Expectations adapter of the snapshot-vs-cumulative check (`factcheck.rules.snapshot_vs_cumulative`)."""

from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.gx.adapters._cross import CrossClaimExpectation, table
from factcheck.rules.snapshot_vs_cumulative import compare_snapshots


class SnapshotComparisons(TableMetricProvider):
    metric_name = "factcheck.snapshot_comparisons"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, compare_snapshots)


class ExpectCumulativeClaimsToMatchOtherSeries(CrossClaimExpectation):
    """Expect each cumulative claim to match other claimants' series at the same dates."""

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.snapshot_comparisons",)
