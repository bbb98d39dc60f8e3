"""metric-has-range: every metric's figures are held to a plausible range, or the report says they are not.

The plausible-ranges suite bounds a figure by the `max` its metric has in the catalog (value-within-max),
a count of people by the `population` of its subject (people-within-population) and a share by 0..100.
A metric that is not a share and has no `max` would get no bound of plausibility, and nothing would say
so: an earthquake desk's `deaths` would pass with a digit too many. So each such metric is reported once,
as information, on its first claim in the order the claims are written, until the catalog gives it a
`max` (the most a figure of it can plausibly be).

Passes (catalog: `deaths: {unit: people, description: deaths, max: 100000}`):

    - {id: a, metric: deaths, value: 5434, as_of: 2023-02-08}

Fails (catalog: `deaths: {unit: people, description: deaths}`: reported on a, not on b):

    - {id: a, metric: deaths, value: 5434, as_of: 2023-02-08}
    - {id: b, metric: deaths, value: 9057, as_of: 2023-02-09}

Cost: one sort of the unbounded claims, O(n log n).
"""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from factcheck.expectations._cross import CrossClaimExpectation, Hits, entry_order, table


def find_metrics_without_range(frame: pd.DataFrame) -> Hits:
    """A hit on the first-written claim of each metric that has no `max` and is not a share."""
    unbounded = frame[frame["metric_max"].isna() & (frame["unit"] != "percent")]
    if unbounded.empty:
        return []
    first = unbounded.iloc[entry_order(unbounded)].drop_duplicates("metric")
    return [{"claim_id": str(claim_id)} for claim_id in first["claim_id"]]


class MetricsWithoutRange(TableMetricProvider):
    metric_name = "factcheck.metrics_without_range"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return table(execution_engine, metric_domain_kwargs, find_metrics_without_range)


class ExpectMetricsToBeBounded(CrossClaimExpectation):
    """Expect every metric but shares to have a plausible maximum (`max`) in the catalog."""

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.metrics_without_range",)
