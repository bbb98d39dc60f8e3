"""How a check module declares the expectation type that runs it in a suite, when the type is factcheck's own.

A check with a pure function of its own runs in a suite as an expectation type of factcheck's, declared by
its module as `EXPECTATION`: the `type:` a suite names, the Great Expectations metric that runs the
function, and how the expectation reads the metric's value. `factcheck.gx.adapters` makes the Great
Expectations classes from these declarations and `factcheck.pipeline.suites` lists their types, so a new
check is its module, its line in `REGISTRY` and its suite entry. Nothing here imports Great Expectations.

Metric names are stable: an engine other than pandas registers its own implementation of the same metric,
calling the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from factcheck.rules._claims import Hits


def _as_they_are(value: Hits) -> Hits:
    return value


@dataclass(frozen=True)
class TableExpectation:
    """A check of the claims against each other, on the whole (row-conditioned) batch.

    The metric is `find(frame)`, computed once for every entry of the type with the same row condition;
    each entry then reads its hits as `hits(value, **kwargs)` with its own `kwargs` (name: (type, default)),
    and fails when one of them is not a corroboration.

    `shared`: columns whose values all the claims `find` compares with each other share, so that `find` of
    the frame is the concatenation of `find` of its groups by these columns, or by fewer of them
    (tests/rules/test_expectations.py). An engine that splits the claims (Spark) runs `find` per group.
    """

    type: str
    metric: str
    find: Callable[[pd.DataFrame], list]
    doc: str
    shared: tuple[str, ...]
    kwargs: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)
    hits: Callable[..., Hits] = _as_they_are


@dataclass(frozen=True)
class RowExpectation:
    """A check of each claim on its own: `test(*values)` of the claim's `columns` (the entry's fixed
    `column_list`), true where the claim passes; a claim missing one of the values is not tested."""

    type: str
    metric: str
    test: Callable[..., bool]
    columns: tuple[str, ...]
    doc: str


Expectation = TableExpectation | RowExpectation
