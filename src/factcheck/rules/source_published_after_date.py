"""source-published-after-date: no claim is published before the date it counts to.

A figure "as of 2026-02" cannot be published in January 2026: the publication date or the claim's date is
a typo. Partial dates are judged generously: only a publication that certainly ends before the counted
date starts fails (a figure as of 2026-02 published "2026-02" passes). The suite runs
`expect_column_pair_values_a_to_be_greater_than_b` with `published_end` at least `date_start`, skipping
claims without a publication date.
"""

from __future__ import annotations

ID = "source-published-after-date"
SEVERITY = "critical"
TITLE = "Published after the date counted to"
EXPLAIN = (
    "A figure cannot be published before the date it counts to. Partial dates are judged generously: only a "
    "publication that certainly ends before the counted date starts fails."
)
MESSAGE = "{figure} counts to {date} but was published {published} ({outlet})"
SUITE = "source-attribution"
PASSES = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2026-02}}
"""
FAILS = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2026-01-30}}
"""
