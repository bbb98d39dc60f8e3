"""Great Expectations adapter of the quote-states-figure check (`factcheck.rules.quote_states_figure`)."""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import MulticolumnMapMetricProvider
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)

from factcheck.rules.quote_states_figure import states_figure


class QuoteStatesFigure(MulticolumnMapMetricProvider):
    condition_metric_name = "factcheck.quote_states_figure"
    condition_domain_keys = (
        "batch_id",
        "table",
        "column_list",
        "row_condition",
        "condition_parser",
        "ignore_row_if",
    )

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, **kwargs):
        quote, value = column_list.columns[:2]
        flags = [states_figure(q, v) for q, v in zip(column_list[quote], column_list[value], strict=True)]
        return pd.Series(flags, index=column_list.index, dtype=bool)


class ExpectQuoteToStateFigure(MulticolumnMapExpectation):
    """Expect the quote (first column) to state the figure (second column)."""

    map_metric = "factcheck.quote_states_figure"
    ignore_row_if: str = "any_value_is_missing"
    library_metadata: ClassVar[dict] = {"tags": ["factcheck"], "contributors": ["factcheck"]}
