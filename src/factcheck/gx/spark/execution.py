"""GX's Spark execution engine as factcheck runs it: row conditions as Spark columns (`conditions.py`), and
the table metrics of a whole validation computed together, in one Spark job.

GX computes each metric on its own: on Spark, a job (with its shuffle) for every table metric of every row
condition. `table_values` computes every table metric that a validation will ask for at once: the batch
(already partitioned by subject, `engine.py`) gets one flag column per row condition, and each check's pure
function runs per group (`tasks.py`): the checks whose claims share a subject in one `applyInPandas` over the
subject groups, where the rows already lie; each other check over its own groups (a shuffle each); the hits
of all of them collected together. GX then reads each metric's value from `table_hits`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable

from great_expectations.core.metric_domain_types import MetricDomainTypes
from great_expectations.execution_engine import SparkDFExecutionEngine
from great_expectations.expectations.row_conditions import Condition, PassThroughCondition
from pyspark.sql import DataFrame

from factcheck.gx.spark import conditions, tasks, together

BY_SUBJECT = "subject"  # the batch's partitioning, and the groups of every check whose claims share a subject

Wanted = tuple[str, str]  # a table metric, and its row condition's key (`conditions.key`)


class SparkExecution(SparkDFExecutionEngine):
    """GX's Spark engine; GX finds every metric's Spark implementation through its base class."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.computed: dict[Wanted, list] = {}

    def _apply_row_condition_filter(self, data, row_condition, domain_kwargs: dict):
        if isinstance(row_condition, dict):
            row_condition = conditions.deserialize_row_condition(row_condition)
        if not isinstance(row_condition, Condition) or isinstance(row_condition, PassThroughCondition):
            raise ValueError("a row condition written as text is never run")
        return data.filter(conditions.to_column(row_condition))

    def condition_to_filter_clause(self, condition: Condition) -> conditions.Column:
        return conditions.to_column(condition)

    def _process_direct_and_bundled_metric_computation_configurations(
        self, metric_fn_direct_configurations: list, metric_fn_bundle_configurations: list
    ) -> dict:
        """GX's own, but the aggregates of every domain and the failing rows, values and counts of every map
        expectation that GX asks for at this step of its graph computed in one Spark job (`together.py`)."""
        parts, own = {}, []
        for computation in metric_fn_direct_configurations:
            part = together.direct_part(self, computation)
            if part is None:
                own.append(computation)
            else:
                parts[computation.metric_configuration.id] = part
        aggregates = together.aggregate_parts(self, metric_fn_bundle_configurations)
        resolved = super()._process_direct_and_bundled_metric_computation_configurations(own, [])
        values = together.collect({**parts, **aggregates})
        for key in aggregates:
            resolved.update(values.pop(key))
        resolved.update(values)
        if self._caching:
            self._metric_cache.update(resolved)
        return resolved

    def table_hits(self, metric: str, domain_kwargs: dict) -> list:
        """The value of a table metric on the batch, as GX's domain gives it: computed with the others of the
        validation (`engine.py` gives them first), or here on its own when it was not."""
        wanted = (metric, conditions.key(domain_kwargs.get("row_condition")))
        if wanted not in self.computed:
            unconditioned = {k: v for k, v in domain_kwargs.items() if k not in ("row_condition", "condition_parser")}
            batch, _, _ = self.get_compute_domain(domain_kwargs=unconditioned, domain_type=MetricDomainTypes.TABLE)
            self.computed.update(table_values(batch, [wanted]))
        return self.computed[wanted]


def table_values(batch: DataFrame, wanted: Iterable[Wanted]) -> dict[Wanted, list]:
    """Every wanted table metric on `batch`, each on the rows its row condition keeps, in one Spark job."""
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        return {}
    keys = sorted({key for _, key in wanted if key})
    flags = {key: f"_when_{number}" for number, key in enumerate(keys)}
    flagged = batch.select("*", *(
        conditions.to_column(conditions.deserialize_row_condition(json.loads(key))).alias(flag)
        for key, flag in flags.items()
    ))  # fmt: skip
    numbered = [(number, metric, flags.get(key)) for number, (metric, key) in enumerate(wanted)]
    groups: dict[tuple[str, ...], list[tasks.Task]] = {}
    for task in numbered:
        shared = tasks.TABLE[task[1]].shared
        groups.setdefault((BY_SUBJECT,) if BY_SUBJECT in shared else shared, []).append(task)
    parts = [
        flagged.groupBy(*by).applyInPandas(tasks.group_hits(chosen, list(flags.values())), schema=tasks.HITS)
        for by, chosen in groups.items()
    ]
    rows = functools.reduce(DataFrame.unionAll, parts).collect()
    values: dict[Wanted, list] = {each: [] for each in wanted}
    # Groups come back in no set order: each metric's hits are put in one, whatever the partitions were.
    for task, hit in sorted((row["task"], row["hit"]) for row in rows):
        values[wanted[task]].append(json.loads(hit))
    return values
