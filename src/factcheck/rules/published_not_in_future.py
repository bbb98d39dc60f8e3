"""published-not-in-future: no claim is published on a day that has not begun.

A publication date after today is a typo; partial dates are judged generously, as for the claim's own
date (date-not-in-future). The suite runs `expect_column_values_to_be_between` on `published_start`
with `max_value: {$PARAMETER: today}`.
"""

from __future__ import annotations

ID = "published-not-in-future"
SEVERITY = "critical"
TITLE = "Not published in the future"
EXPLAIN = "A publication date that has not begun is a typo."
MESSAGE = "{figure} is said to be published {published}, in the future"
SUITE = "plausible-ranges"
PASSES = """\
# run on 2026-11-26
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2026-02-14}}
"""
FAILS = """\
# run on 2026-11-26
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2027-02-14}}
"""
