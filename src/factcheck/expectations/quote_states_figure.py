"""quote-states-figure: the quote given as the source states the figure claimed.

A quote is the reader's evidence; if it does not contain the number, either the quote or the figure was
copied wrongly. Numbers are read the ways people write them (factcheck.figures.numbers_in): "55,000",
"55 000", "55.000", "55’000", "55 thousand", "1.1 million", "2,5 mln". Claims without a quote are not
checked here (source-url-or-quote asks for one of the two).

Passes:

    value: 1100000
    source: {quote: "put the total number of Russian soldiers killed or injured at 1.1 million"}

Fails (the quote says 55,000):

    value: 65000
    source: {quote: "the number of soldiers who died on the battlefield ... is 55,000"}
"""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import MulticolumnMapMetricProvider
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)

from factcheck.figures import states_figure


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
