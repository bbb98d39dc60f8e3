"""unknown-check: a waiver names a check that the gate runs.

A waiver accepts one check's finding on one claim (`waivers: [{check: <id>, reason: ...}]`). A waiver
that names no check of the gate (a misspelt id, or a check of a suite the gate does not run) would waive
nothing, and the finding it was meant for would block without the reader seeing why: it is reported on
the claim, with the closest check id as a hint. The waiver itself does no harm, so this is a warning.
"""

from __future__ import annotations

ID = "unknown-check"
SEVERITY = "warning"
TITLE = "Waiver names a check"
EXPLAIN = "A waiver must name a check that the gate runs; a misspelt waiver would waive nothing."
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
- {id: a, value: 55000, as_of: 2026-02,
   waivers: [{check: quote-states-figure, reason: the quote is a paraphrase, until: 2027-01-01}]}
"""
FAILS = """\
# did you mean `quote-states-figure`?
- {id: a, value: 55000, as_of: 2026-02,
   waivers: [{check: quote-state-figure, reason: the quote is a paraphrase, until: 2027-01-01}]}
"""
