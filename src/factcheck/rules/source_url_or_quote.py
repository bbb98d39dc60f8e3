"""source-url-or-quote: every claim gives a link or the quote that states it.

A link lets the reader see the figure where it was published; without one, the quote as printed (or as
broadcast) is the only evidence a reader has, and quote-states-figure checks that it states the figure.
One of the two is required. The suite runs `expect_column_values_to_not_be_null` on `quote`, only where
`url` is missing.
"""

from __future__ import annotations

ID = "source-url-or-quote"
SEVERITY = "critical"
TITLE = "Link or quote given"
EXPLAIN = "Without a URL, the quote as printed is the only evidence a reader has; one of the two is required."
MESSAGE = "{figure} ({date}, {claimant}, {outlet}) has neither a URL nor a quote"
SUITE = "source-attribution"
PASSES = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2026-02-16, quote: "is 55,000"}}
"""
FAILS = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, published: 2026-02-16}}
"""
