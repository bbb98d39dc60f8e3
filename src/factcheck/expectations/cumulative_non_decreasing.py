"""cumulative-non-decreasing: a running total may not fall.

A cumulative figure (killed since the invasion began) counts everything up to its date, so a later claim
in the same series (metric, subject, claimant, origin) may not be below an earlier one. Both the date and
the figure are intervals: claim A is *before* claim B when A's dates end before B's start, and B *falls*
when `A.lower > B.upper`. Claims whose dates overlap are never compared ("2025" and "2025-10" say nothing
about each other's order). The finding is on the later claim, naming the highest earlier claim it falls
below.

Passes:

    - {id: a, value: 46000, qualifier: more_than, as_of: 2025-02}
    - {id: b, value: 55000, as_of: 2026-02}

Fails (b falls from more than 46,000 to 45,000):

    - {id: a, value: 46000, qualifier: more_than, as_of: 2025-02}
    - {id: b, value: 45000, as_of: 2026-02}

A claim marked `fall: unexplained` (a total the claimant itself published below an earlier one, with no
correction known) is still compared like any other; the kwarg `unexplained_falls` decides which falls an
expectation reports: `include` (every fall, the default), `exclude` (not those of marked claims) or `only`
(only those). The suite runs this check with `exclude` and `cumulative-fall-unexplained`, at warning
severity, with `only`: a marked fall is reported as a warning, every other fall as before.

Cost: one sort and one binary search per claim, O(n log n) over all series at once.
"""

from __future__ import annotations

from typing import ClassVar, Literal

import numpy as np
import pandas as pd
from great_expectations.core.metric_domain_types import MetricDomainTypes
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import BatchExpectation
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider
from great_expectations.expectations.model_field_types import ConditionParser
from great_expectations.expectations.row_conditions import RowConditionType

SERIES = ("metric", "subject", "claimant", "origin_start")


def find_falls(
    groups: np.ndarray, starts: np.ndarray, ends: np.ndarray, lowers: np.ndarray, uppers: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Positions (later, earlier) of every claim that falls below an earlier claim of its series.

    `groups` are integer series codes, `starts`/`ends` integer day numbers. For each claim B, the earlier
    claims are those of its group whose end is before B's start: a prefix of the claims sorted by end.
    The running maximum of their lower bounds is the only value B must not fall below.
    """
    n = len(groups)
    if n == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    order = np.lexsort((ends, groups))
    sorted_groups = groups[order]
    sorted_lowers = lowers[order]
    running_max = pd.Series(sorted_lowers).groupby(sorted_groups).cummax().to_numpy()
    positions = np.where(sorted_lowers >= running_max, np.arange(n), -1)
    argmax = pd.Series(positions).groupby(sorted_groups).cummax().to_numpy()

    span = int(max(ends.max(), starts.max())) + 2
    keys = sorted_groups.astype(np.int64) * span + ends[order]
    first_of_group = np.searchsorted(keys, groups.astype(np.int64) * span, side="left")
    first_not_before = np.searchsorted(keys, groups.astype(np.int64) * span + starts, side="left")
    has_earlier = first_not_before > first_of_group
    last_before = np.where(has_earlier, first_not_before - 1, 0)
    falls = has_earlier & (running_max[last_before] > uppers)
    later = np.flatnonzero(falls)
    return later, order[argmax[last_before[later]]]


class CumulativeFalls(TableMetricProvider):
    """(later, earlier, later is marked `fall: unexplained`) for every fall, over the (row-conditioned) batch."""

    metric_name = "factcheck.cumulative_falls"

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        frame, _, _ = execution_engine.get_compute_domain(
            domain_kwargs=metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE
        )
        if frame.empty:
            return []
        groups = frame.groupby(list(SERIES), dropna=False, sort=False).ngroup().to_numpy()
        later, earlier = find_falls(
            groups,
            frame["date_start"].to_numpy(dtype=np.int64),
            frame["date_end"].to_numpy(dtype=np.int64),
            frame["lower"].to_numpy(dtype=float),
            frame["upper"].to_numpy(dtype=float),
        )
        ids = frame["claim_id"].to_numpy()
        marked = (frame["fall"] == "unexplained").to_numpy() if "fall" in frame else np.zeros(len(frame), bool)
        return [(str(ids[b]), str(ids[a]), bool(marked[b])) for b, a in zip(later, earlier, strict=True)]


class ExpectCumulativeTotalsToBeNonDecreasing(BatchExpectation):
    """Expect no cumulative total to fall below an earlier total of its series (interval-aware)."""

    row_condition: RowConditionType = None
    condition_parser: ConditionParser | None = None
    unexplained_falls: Literal["include", "exclude", "only"] = "include"

    metric_dependencies: ClassVar[tuple[str, ...]] = ("factcheck.cumulative_falls",)
    domain_keys: ClassVar[tuple[str, ...]] = ("batch_id", "row_condition", "condition_parser")
    success_keys: ClassVar[tuple[str, ...]] = ("unexplained_falls",)
    library_metadata: ClassVar[dict] = {"tags": ["factcheck"], "contributors": ["factcheck"]}

    def _validate(self, metrics, runtime_configuration=None, execution_engine=None):
        keep = {"include": (False, True), "exclude": (False,), "only": (True,)}[self.unexplained_falls]
        falls = [(later, earlier) for later, earlier, marked in metrics["factcheck.cumulative_falls"] if marked in keep]
        return {
            "success": not falls,
            "result": {
                "observed_value": len(falls),
                "unexpected_count": len(falls),
                "details": {"hits": [{"claim_id": later, "related": [earlier]} for later, earlier in falls]},
            },
        }
