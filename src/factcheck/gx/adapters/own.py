"""factcheck's own expectation types, made for Great Expectations from what the check modules declare.

A check module declares its type as `EXPECTATION` (`factcheck.rules._expectation`); for each, this module
makes the metric provider that runs the check's pure function on pandas and the expectation that reads
it, named so that GX registers the type under the declared name. Making a class registers it with GX.
"""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
from great_expectations.core.metric_domain_types import MetricDomainTypes
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import BatchExpectation, MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import MulticolumnMapMetricProvider
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider
from great_expectations.expectations.model_field_types import ConditionParser
from great_expectations.expectations.row_conditions import RowConditionType
from great_expectations.util import camel_to_snake

from factcheck.rules._expectation import Expectation, RowExpectation, TableExpectation

LIBRARY = {"tags": ["factcheck"], "contributors": ["factcheck"]}


class CrossClaimExpectation(BatchExpectation):
    """A batch expectation over one table metric whose value the declaration turns into hits; it fails when
    any hit is not a corroboration. Abstract: `table_expectation` makes one per declared type."""

    row_condition: RowConditionType = None
    condition_parser: ConditionParser | None = None

    declared: ClassVar[TableExpectation | None] = None
    metric_dependencies: ClassVar[tuple[str, ...]] = ()
    domain_keys: ClassVar[tuple[str, ...]] = ("batch_id", "row_condition", "condition_parser")
    success_keys: ClassVar[tuple[str, ...]] = ()
    library_metadata: ClassVar[dict] = LIBRARY

    @classmethod
    def is_abstract(cls) -> bool:
        return cls.declared is None

    def _validate(self, metrics, runtime_configuration=None, execution_engine=None):
        declared = self.declared
        hits = declared.hits(metrics[declared.metric], **{name: getattr(self, name) for name in declared.kwargs})
        failed = sum(hit.get("status", "failed") == "failed" for hit in hits)
        return {
            "success": failed == 0,
            "result": {"observed_value": failed, "unexpected_count": failed, "details": {"hits": hits}},
        }


def _class_name(kind: str) -> str:
    """The class GX registers under `kind` (GX names a type after its class, in snake case)."""
    name = "".join(part.capitalize() for part in kind.split("_"))
    if camel_to_snake(name) != kind:
        raise ValueError(f"{kind!r} is not the snake case of a class name GX would give back")
    return name


def table_expectation(declared: TableExpectation) -> type[CrossClaimExpectation]:
    """The metric provider and the expectation of a check over the whole batch."""

    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        frame, _, _ = execution_engine.get_compute_domain(
            domain_kwargs=metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE
        )
        return declared.find(frame.reset_index(drop=True)) if not frame.empty else declared.find(frame)

    name = _class_name(declared.type)
    type(f"{name}Metric", (TableMetricProvider,), {
        "__module__": __name__, "__doc__": declared.doc, "metric_name": declared.metric,
        "_pandas": metric_value(engine=PandasExecutionEngine)(_pandas),
    })  # fmt: skip
    namespace = {
        "__module__": __name__,
        "__doc__": declared.doc,
        "__annotations__": {key: annotation for key, (annotation, _) in declared.kwargs.items()},
        **{key: default for key, (_, default) in declared.kwargs.items()},
        "declared": declared,
        "metric_dependencies": (declared.metric,),
        "success_keys": tuple(declared.kwargs),
    }
    return type(name, (CrossClaimExpectation,), namespace)


def row_expectation(declared: RowExpectation) -> type[MulticolumnMapExpectation]:
    """The condition metric and the expectation of a check of each claim on its own."""

    def _pandas(cls, column_list, **kwargs):
        columns = [column_list[name] for name in column_list.columns[: len(declared.columns)]]
        flags = [declared.test(*values) for values in zip(*columns, strict=True)]
        return pd.Series(flags, index=column_list.index, dtype=bool)

    name = _class_name(declared.type)
    type(f"{name}Metric", (MulticolumnMapMetricProvider,), {
        "__module__": __name__, "__doc__": declared.doc, "condition_metric_name": declared.metric,
        "condition_domain_keys": ("batch_id", "table", "column_list", "row_condition", "condition_parser",
                                  "ignore_row_if"),
        "_pandas": multicolumn_condition_partial(engine=PandasExecutionEngine)(_pandas),
    })  # fmt: skip
    namespace = {
        "__module__": __name__,
        "__doc__": declared.doc,
        "__annotations__": {"ignore_row_if": str, "library_metadata": ClassVar[dict]},
        "ignore_row_if": "any_value_is_missing",
        "map_metric": declared.metric,
        "library_metadata": LIBRARY,
    }
    return type(name, (MulticolumnMapExpectation,), namespace)


def make(declared: Expectation) -> type:
    """The Great Expectations expectation of a declared type (registered with GX as it is made)."""
    return table_expectation(declared) if isinstance(declared, TableExpectation) else row_expectation(declared)
