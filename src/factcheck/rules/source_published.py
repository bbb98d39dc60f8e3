"""source-published: every claim gives its publication date.

The publication date places the claim in time: it shows the figure was known when it was published, and
which of two reports of one claimant came first. The suite runs `expect_column_values_to_not_be_null` on
`published_start`. A series' points take their own dates when the series gives none.
"""

from __future__ import annotations

ID = "source-published"
SEVERITY = "critical"
TITLE = "Publication date given"
EXPLAIN = "The publication date places the claim in time and shows the figure was known when published."
MESSAGE = "{figure} ({date}, {claimant}, {outlet}) gives no publication date"
SUITE = "source-attribution"
PASSES = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2026-02-16}}
"""
FAILS = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2}}
"""
