"""killed-plausible: a death toll within what any estimate has come near.

No estimate of the deaths in this war, by any claimant, has come near two million, so a figure of
soldiers or civilians killed whose lower bound is above 2,000,000 is most likely a slip (a casualty
count, killed and wounded, filed as deaths; a digit too many). It may still be true one day, so it is a
warning, not a block. The suite runs `expect_column_values_to_be_between` on `lower` with
`max_value: 2000000`, where `metric` is `military_killed` or `civilians_killed`.
"""

from __future__ import annotations

ID = "killed-plausible"
SEVERITY = "warning"
TITLE = "Deaths within a plausible range"
EXPLAIN = "No estimate of deaths in this war has come near two million; a figure above it is most likely a slip."
MESSAGE = "{figure} {metric_description} is above the plausible {max_value}"
SUITE = "plausible-ranges"
PASSES = """\
- {id: a, metric: military_killed, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# 2.1 million killed: a casualty count (killed and wounded) filed as deaths
- {id: a, metric: military_killed, value: 2100000, as_of: 2026-02}
"""
