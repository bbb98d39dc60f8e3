"""share-within-0-100: a share is a percentage from 0 to 100.

A metric whose unit is `percent` (the share of a country's territory under occupation) is written as a
percentage, so its figure lies from 0 to 100; a figure outside is a slip, most often a count (square
kilometres) filed under the metric of a share. The suite runs
`expect_column_values_to_be_between` on `value` from 0 to 100, only where `unit` is `percent`.
"""

from __future__ import annotations

ID = "share-within-0-100"
SEVERITY = "critical"
TITLE = "Shares between 0 and 100%"
EXPLAIN = "A share of territory or of a population is a percentage between 0 and 100."
MESSAGE = "{figure} is not a share between 0 and 100%"
SUITE = "plausible-ranges"
PASSES = """\
- {id: a, metric: occupied_territory_share, subject: ukraine, value: 19, as_of: 2026-02}
"""
FAILS = """\
# 1,900: square kilometres, not a share
- {id: a, metric: occupied_territory_share, subject: ukraine, value: 1900, as_of: 2026-02}
"""
