"""What Spark's executors run: the checks' pure functions on groups of claims, RE2 over a column, and the
tests of the checks of each claim on its own.

Free of Great Expectations and of pyspark, so that an executor's Python worker imports only pandas, numpy and
the checks (`factcheck.rules`). A group's hits travel back to the driver as JSON texts, one a hit: they are
plain dicts and tuples of texts, numbers and flags, and as many as the findings.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from factcheck.floor.safe_regex import compile_regex
from factcheck.gx.spark import worker
from factcheck.rules import EXPECTATIONS
from factcheck.rules._expectation import RowExpectation, TableExpectation

TABLE = {e.metric: e for e in EXPECTATIONS if isinstance(e, TableExpectation)}
ROWS = {e.metric: e for e in EXPECTATIONS if isinstance(e, RowExpectation)}
HITS = "task int, hit string"  # the rows a group's function returns: which task, and one hit of it

Task = tuple[int, str, str | None]  # its number, a table metric, its row condition's flag column (None: every row)


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"a hit holds {type(value).__name__}, which does not travel as JSON")


def _group_hits(tasks: Sequence[Task], flags: Sequence[str], group: pd.DataFrame) -> pd.DataFrame:
    claims = group.drop(columns=list(flags)).reset_index(drop=True)
    numbers, texts = [], []
    for number, metric, flag in tasks:
        rows = claims if flag is None else claims[group[flag].to_numpy(dtype=bool)].reset_index(drop=True)
        if rows.empty:
            continue
        for hit in TABLE[metric].find(rows):
            numbers.append(number)
            texts.append(json.dumps(hit, default=_plain, sort_keys=True))
    return pd.DataFrame({"task": np.array(numbers, dtype=np.int32), "hit": np.array(texts, dtype=object)})


def group_hits(tasks: Sequence[Task], flags: Sequence[str]) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """The function `applyInPandas` runs on each group: the hits of every task on the group's claims (those
    its row condition's flag keeps), one JSON text a row beside the task's number."""

    def hits(group: pd.DataFrame) -> pd.DataFrame:
        worker.settle()
        return _group_hits(tuple(tasks), tuple(flags), group)

    return hits


_compiled = functools.lru_cache(maxsize=64)(compile_regex)


def matches(column: pd.Series, regex: str) -> pd.Series:
    """Whether each value, as text, holds a match of `regex` (RE2), as `factcheck.gx.adapters.regex` decides."""
    search = _compiled(regex).search
    return pd.Series([search(str(value)) is not None for value in column], index=column.index, dtype=bool)


def passes(metric: str, *columns: pd.Series) -> pd.Series:
    """The test of a check of each claim on its own, over its columns."""
    test = ROWS[metric].test
    return pd.Series([test(*values) for values in zip(*columns, strict=True)], index=columns[0].index, dtype=bool)
