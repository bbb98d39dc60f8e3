"""Great Expectations adapters of cumulative-non-decreasing and cumulative-fall-unexplained
(`factcheck.rules.cumulative_non_decreasing`): one expectation, whose `unexplained_falls` kwarg tells
them apart; and of cumulative-spike (`factcheck.rules.cumulative_spike`)."""

from __future__ import annotations

from typing import ClassVar

from great_expectations.core.metric_domain_types import MetricDomainTypes
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import BatchExpectation
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider
from great_expectations.expectations.model_field_types import ConditionParser
from great_expectations.expectations.row_conditions import RowConditionType

from factcheck.rules.cumulative_non_decreasing import UnexplainedFalls, falls_in, reported
from factcheck.rules.cumulative_spike import spikes_in


class CumulativeFalls(TableMetricProvider):
    """(later, earlier, later is marked `fall: unexplained`) for every fall, over the (row-conditioned) batch."""

    metric_name = "factcheck.cumulative_falls"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        frame, _, _ = execution_engine.get_compute_domain(
            domain_kwargs=metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE
        )
        return falls_in(frame)


class ExpectCumulativeTotalsToBeNonDecreasing(BatchExpectation):
    """Expect no cumulative total to fall below an earlier total of its series (interval-aware)."""

    row_condition: RowConditionType = None
    condition_parser: ConditionParser | None = None
    unexplained_falls: UnexplainedFalls = "include"

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.cumulative_falls",)
    domain_keys: ClassVar[tuple[str, ...]] = ("batch_id", "row_condition", "condition_parser")
    success_keys: ClassVar[tuple[str, ...]] = ("unexplained_falls",)
    library_metadata: ClassVar[dict] = {"tags": ["factcheck"], "contributors": ["factcheck"]}

    def _validate(self, metrics, runtime_configuration=None, execution_engine=None):
        falls = reported(metrics["factcheck.cumulative_falls"], self.unexplained_falls)
        return {
            "success": not falls,
            "result": {
                "observed_value": len(falls),
                "unexpected_count": len(falls),
                "details": {"hits": [{"claim_id": later, "related": [earlier]} for later, earlier in falls]},
            },
        }


class CumulativeSpikes(TableMetricProvider):
    """(spike, the point before it, the point after it) for every spike, over the (row-conditioned) batch."""

    metric_name = "factcheck.cumulative_spikes"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        frame, _, _ = execution_engine.get_compute_domain(
            domain_kwargs=metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE
        )
        return spikes_in(frame)


class ExpectCumulativeTotalsToHaveNoSpike(BatchExpectation):
    """Expect no cumulative total to be out of line with both of its neighbours in its series."""

    row_condition: RowConditionType = None
    condition_parser: ConditionParser | None = None

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.cumulative_spikes",)
    domain_keys: ClassVar[tuple[str, ...]] = ("batch_id", "row_condition", "condition_parser")
    library_metadata: ClassVar[dict] = {"tags": ["factcheck"], "contributors": ["factcheck"]}

    def _validate(self, metrics, runtime_configuration=None, execution_engine=None):
        spikes = metrics["factcheck.cumulative_spikes"]
        return {
            "success": not spikes,
            "result": {
                "observed_value": len(spikes),
                "unexpected_count": len(spikes),
                "details": {"hits": [{"claim_id": p, "related": [a, b]} for p, a, b in spikes]},
            },
        }
