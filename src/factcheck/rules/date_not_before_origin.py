"""date-not-before-origin: no claim dated before the origin its dataset counts from.

A dataset's `origin` (the start of the full-scale invasion, 2022-02-24) is the day its cumulative totals
count from, so a claim whose date ends before the origin begins is a typo in the year. Partial dates are
judged generously: a date that may fall on or after the origin passes. The suite runs
`expect_column_pair_values_a_to_be_greater_than_b` with `date_end` at least `origin_start`, skipping
claims without an origin.
"""

from __future__ import annotations

ID = "date-not-before-origin"
SEVERITY = "critical"
TITLE = "Not dated before the origin"
EXPLAIN = "A figure of the dataset counts from its origin (the start of the war); a date before it is a typo."
MESSAGE = "{figure} is dated {date}, before the origin {origin}"
SUITE = "plausible-ranges"
PASSES = """\
# origin: 2022-02-24
- {id: a, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# origin: 2022-02-24; 2021 for 2026
- {id: a, value: 55000, as_of: 2021-02}
"""
