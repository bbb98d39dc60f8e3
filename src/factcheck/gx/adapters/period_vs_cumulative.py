"""Great Expectations adapter of period-vs-cumulative and period-vs-cumulative-other-party
(`factcheck.rules.period_vs_cumulative`): one expectation, whose `affiliation` kwarg tells them apart."""

from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.gx.adapters._cross import CrossClaimExpectation, table
from factcheck.rules._claims import Hits
from factcheck.rules.period_vs_cumulative import Affiliation, compare_periods, with_affiliation


class PeriodComparisons(TableMetricProvider):
    metric_name = "factcheck.period_comparisons"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, compare_periods)


class ExpectPeriodTotalsToMatchCumulativeSeries(CrossClaimExpectation):
    """Expect each period total to match the growth of other cumulative series over the same period."""

    affiliation: Affiliation = "any"

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.period_comparisons",)
    success_keys: ClassVar[tuple[str, ...]] = ("affiliation",)

    def select(self, hits: Hits) -> Hits:
        return with_affiliation(hits, self.affiliation)
