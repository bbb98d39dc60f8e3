"""date-not-in-future: no claim counts to a date that has not begun.

A figure counts to its date, so a date after today is a typo (or a forecast, which is not a claim of a
figure). Partial dates are judged generously: a month or a year that has begun passes. Today is the day
of the run, or `--today` (FACTCHECK_TODAY) for reproducible runs. The suite runs
`expect_column_values_to_be_between` on `date_start` with `max_value: {$PARAMETER: today}`.
"""

from __future__ import annotations

ID = "date-not-in-future"
SEVERITY = "critical"
TITLE = "Not dated in the future"
EXPLAIN = "A figure cannot count to a date that has not begun (set today with --today for reproducible runs)."
MESSAGE = "{figure} is dated {date}, in the future"
SUITE = "plausible-ranges"
PASSES = """\
# run on 2026-11-26
- {id: a, value: 55000, as_of: 2026-11}
"""
FAILS = """\
# run on 2026-11-26
- {id: a, value: 55000, as_of: 2026-12}
"""
