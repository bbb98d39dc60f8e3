"""metric-has-range: every metric's figures are held to a plausible range, or the report says they are not.

The plausible-ranges suite bounds a figure by the `max` its metric has in the catalog (value-within-max),
a count of people by the `population` of its subject (people-within-population) and a share by 0..100.
A metric that is not a share and has no `max` would get no bound of plausibility, and nothing would say
so: an earthquake desk's `deaths` would pass with a digit too many. So each such metric is reported once,
as information, on its first claim in the order the claims are written, until the catalog gives it a
`max` (the most a figure of it can plausibly be).

Cost: one sort of the unbounded claims, O(n log n).
"""

from __future__ import annotations

import pandas as pd

from factcheck.rules._claims import Hits, entry_order
from factcheck.rules._expectation import TableExpectation

ID = "metric-has-range"
SEVERITY = "info"
TITLE = "Every metric has a plausible range"
EXPLAIN = (
    "Figures are checked against their metric's `max` (and a count of people against its subject's "
    "`population`); a metric with no `max` that is not a share gets no plausible-range check, so it is "
    "reported once, on its first claim, until the catalog gives it one."
)
MESSAGE = "{metric} ({metric_description}) has no `max` in the catalog: its figures get no plausible-range check"
SUITE = "plausible-ranges"
PASSES = """\
# catalog: deaths: {unit: people, description: deaths, max: 100000}
- {id: a, metric: deaths, value: 5434, as_of: 2023-02-08}
"""
FAILS = """\
# catalog: deaths: {unit: people, description: deaths} (no max): reported on a, not on b
- {id: a, metric: deaths, value: 5434, as_of: 2023-02-08}
- {id: b, metric: deaths, value: 9057, as_of: 2023-02-09}
"""


def find_metrics_without_range(frame: pd.DataFrame) -> Hits:
    """A hit on the first-written claim of each metric that has no `max` and is not a share."""
    unbounded = frame[frame["metric_max"].isna() & (frame["unit"] != "percent")]
    if unbounded.empty:
        return []
    first = unbounded.iloc[entry_order(unbounded)].drop_duplicates("metric")
    return [{"claim_id": str(claim_id)} for claim_id in first["claim_id"]]


EXPECTATION = TableExpectation(
    type="expect_metrics_to_be_bounded",
    metric="factcheck.metrics_without_range",
    find=find_metrics_without_range,
    doc="Expect every metric but shares to have a plausible maximum (`max`) in the catalog.",
    shared=("metric",),
)
