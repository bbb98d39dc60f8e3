"""What Spark's executors run: the checks' pure functions on one group of claims, and RE2 over a column.

Free of Great Expectations and of pyspark, so that an executor's Python worker imports only pandas, numpy and
the checks (`factcheck.rules`). A group's hits travel back to the driver as JSON texts, one a hit: they are
plain dicts and tuples of texts, numbers and flags, and as many as the findings.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

import numpy as np
import pandas as pd

from factcheck.floor.safe_regex import compile_regex
from factcheck.rules.conflict import find_conflicts
from factcheck.rules.cumulative_non_decreasing import falls_in
from factcheck.rules.cumulative_spike import spikes_in
from factcheck.rules.duplicate import find_duplicates
from factcheck.rules.metric_has_range import find_metrics_without_range
from factcheck.rules.part_within_whole import SAME_COUNT, find_parts_above_whole
from factcheck.rules.period_vs_cumulative import compare_periods
from factcheck.rules.quote_states_figure import states_figure
from factcheck.rules.snapshot_vs_cumulative import compare_snapshots

# The batch is partitioned once by subject (`engine.py`): every check whose claims compare only within
# one subject groups by subject and more, and Spark groups them where they lie, without moving a row.
# part-within-whole compares a region with the country it lies within, and metric-has-range names the
# first claim of a metric over every subject, so these two group otherwise (a shuffle each).
BY_SUBJECT = ("subject",)
TABLE_METRICS: dict[str, tuple[Callable[[pd.DataFrame], list], tuple[str, ...]]] = {
    # metric name: (the check's pure function, the columns that every pair it compares shares)
    "factcheck.cumulative_falls": (falls_in, ("subject", "origin_start")),
    "factcheck.cumulative_spikes": (spikes_in, ("subject", "origin_start")),
    "factcheck.conflicts": (find_conflicts, ("subject", "origin_start")),
    "factcheck.duplicates": (find_duplicates, ("subject", "origin_start")),
    "factcheck.snapshot_comparisons": (compare_snapshots, ("subject", "origin_start")),
    # A period total is compared with the series of every origin of its metric and subject.
    "factcheck.period_comparisons": (compare_periods, ("subject", "metric")),
    "factcheck.parts_above_whole": (find_parts_above_whole, tuple(SAME_COUNT)),
    "factcheck.metrics_without_range": (find_metrics_without_range, ("metric",)),
}


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"a hit holds {type(value).__name__}, which does not travel as JSON")


def _group_hits(find: Callable[[pd.DataFrame], list], group: pd.DataFrame) -> pd.DataFrame:
    found = find(group.reset_index(drop=True))
    return pd.DataFrame({"hit": [json.dumps(hit, default=_plain, sort_keys=True) for hit in found]}, dtype=object)


def group_hits(metric: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """The function `applyInPandas` runs on each group for `metric`: its hits, one JSON text a row."""
    return functools.partial(_group_hits, TABLE_METRICS[metric][0])


_compiled = functools.lru_cache(maxsize=64)(compile_regex)


def matches(column: pd.Series, regex: str) -> pd.Series:
    """Whether each value, as text, holds a match of `regex` (RE2), as `factcheck.gx.adapters.regex` decides."""
    search = _compiled(regex).search
    return pd.Series([search(str(value)) is not None for value in column], index=column.index, dtype=bool)


def quotes_state(quotes: pd.Series, values: pd.Series) -> pd.Series:
    flags = [states_figure(q, v) for q, v in zip(quotes, values, strict=True)]
    return pd.Series(flags, index=quotes.index, dtype=bool)
