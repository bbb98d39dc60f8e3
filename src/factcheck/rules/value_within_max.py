"""value-within-max: a figure within the most its metric can plausibly be.

A metric's `max` in the catalog is the most a figure of it can plausibly be (no estimate of the deaths
in a war has come near two million; no desk counts more earthquakes than days). A figure whose lower
bound is above it is most likely a slip (a casualty count, killed and wounded, filed as deaths; a digit
too many), or a different count. It may still be true one day, so it is a warning, not a block. The
suite runs `expect_column_pair_values_a_to_be_greater_than_b` with `metric_max` as A and `lower` as B,
`or_equal`, skipping metrics without a `max` (metric-has-range reports those).
"""

from __future__ import annotations

ID = "value-within-max"
SEVERITY = "warning"
TITLE = "Figures within the plausible maximum"
EXPLAIN = (
    "A metric's `max` in the catalog is the most a figure of it can plausibly be; a figure above it is "
    "most likely a slip (a digit too many) or a different count."
)
MESSAGE = "{figure} {metric_description} is above {metric_max}, the most the catalog finds plausible"
SUITE = "plausible-ranges"
PASSES = """\
# catalog: military_killed: {unit: people, description: soldiers killed, max: 2000000}
- {id: a, metric: military_killed, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# 2.1 million killed: a casualty count (killed and wounded) filed as deaths
- {id: a, metric: military_killed, value: 2100000, as_of: 2026-02}
"""
