"""source-outlet: every claim names the outlet that published it.

A reader checks a figure where it was published; without the outlet (a newspaper, a broadcaster, the
claimant's own channel) there is nowhere to look, and two sources of the same claim cannot be told apart.
The suite runs `expect_column_values_to_not_be_null` on `outlet`.
"""

from __future__ import annotations

ID = "source-outlet"
SEVERITY = "critical"
TITLE = "Outlet named"
EXPLAIN = "A figure without the outlet that published it cannot be checked by a reader."
MESSAGE = "{figure} ({date}, {claimant}) names no outlet"
SUITE = "source-attribution"
PASSES = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2026-02-16}}
"""
FAILS = """\
- {id: a, value: 55000, as_of: 2026-02, source: {published: 2026-02-16}}
"""
