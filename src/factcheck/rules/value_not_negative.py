"""value-not-negative: no figure is below zero.

Every metric counts something (people, equipment, a share of territory), so a negative figure is a slip:
usually a minus sign copied from a change ("-1,200 on the day") into a total. The suite runs Great
Expectations' `expect_column_values_to_be_between` on `value` with `min_value: 0`; zero itself passes.
"""

from __future__ import annotations

ID = "value-not-negative"
SEVERITY = "critical"
TITLE = "No negative figure"
EXPLAIN = "Counts of people, equipment and shares of territory are never negative."
MESSAGE = "{figure} is negative"
SUITE = "plausible-ranges"
PASSES = """\
- {id: a, metric: military_killed, value: 0, as_of: 2026-02}
"""
FAILS = """\
- {id: a, metric: military_killed, value: -1200, as_of: 2026-02}
"""
