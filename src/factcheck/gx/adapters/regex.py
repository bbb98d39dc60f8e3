"""Great Expectations' regex expectations, matched by RE2 on pandas.

GX matches `expect_column_values_to_match_regex` (and its `not` twin) with pandas' `str.contains`, that is
Python's backtracking `re`: a pattern like `(a+)+$`, or an ordinary one on a crafted value, can take hours.
A suite is untrusted input, so factcheck registers its own pandas implementation of the two metrics, which
GX then uses for those expectations: RE2 matches in time linear in the text for every pattern it accepts,
and `suites.check_entry` has refused the patterns it does not (backreferences, lookarounds). The meaning
is `re.search`'s: the pattern may match anywhere in the value unless it is anchored.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)

from factcheck.floor.safe_regex import compile_regex

_compiled = functools.lru_cache(maxsize=64)(compile_regex)


def matches(column: pd.Series, regex: str) -> pd.Series:
    """Whether each value, as text, holds a match of `regex` (RE2).

    A text is matched once however many rows hold it: the points of a series share their source's URL, and
    a call into RE2 costs far more than looking a text up. Other values (numbers, where -0.0 equals 0.0
    but reads differently) are matched one by one."""
    search = _compiled(regex).search
    if not pd.api.types.is_string_dtype(column.dtype) or column.dtype == object:
        return pd.Series([search(str(value)) is not None for value in column], index=column.index, dtype=bool)
    rows, texts = pd.factorize(column, use_na_sentinel=False)
    found = np.fromiter((search(str(text)) is not None for text in texts), dtype=bool, count=len(texts))
    return pd.Series(found[rows], index=column.index, dtype=bool)


class ColumnValuesMatchRegex(ColumnMapMetricProvider):
    condition_metric_name = "column_values.match_regex"
    condition_value_keys = ("regex",)

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, regex, **kwargs):
        return matches(column, regex)


class ColumnValuesNotMatchRegex(ColumnMapMetricProvider):
    condition_metric_name = "column_values.not_match_regex"
    condition_value_keys = ("regex",)

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, regex, **kwargs):
        return ~matches(column, regex)
