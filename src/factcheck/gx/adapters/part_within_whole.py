"""Great Expectations adapter of the part-within-whole check (`factcheck.rules.part_within_whole`)."""

from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.gx.adapters._cross import CrossClaimExpectation, table
from factcheck.rules.part_within_whole import find_parts_above_whole


class PartsAboveWhole(TableMetricProvider):
    metric_name = "factcheck.parts_above_whole"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, find_parts_above_whole)


class ExpectPartsToBeWithinWhole(CrossClaimExpectation):
    """Expect no `within` metric to be certainly above its whole for the same subject, claimant and date."""

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.parts_above_whole",)
