"""Great Expectations adapter of the conflict check (`factcheck.rules.conflict`)."""

from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.gx.adapters._cross import CrossClaimExpectation, table
from factcheck.rules.conflict import find_conflicts


class Conflicts(TableMetricProvider):
    metric_name = "factcheck.conflicts"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, find_conflicts)


class ExpectSameClaimsToBeCompatible(CrossClaimExpectation):
    """Expect every claim to be compatible with the other reports of the same claimant, metric, subject and date."""

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.conflicts",)
