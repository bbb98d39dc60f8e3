"""schema: every field of a dataset, the catalog and a claim follows the dataset format.

The format (docs/format.md) says which fields a dataset, a claim, a series and a point have, what each
holds and which are required; every problem is reported on its line, with the field's name and, where
one helps, a hint (the closest field name to a misspelt one, the plain form of a number). Figures and dates
are written in plain decimal digits: YAML 1.1 reads `017` as 15 and `55:00` as 3300, so any other form of
a number is kept as text and reported. A claim with a schema problem is left out of every later check.
"""

from __future__ import annotations

ID = "schema"
SEVERITY = "critical"
TITLE = "Dataset format"
EXPLAIN = (
    "Fields, types and dates must follow the dataset format (`factcheck schema dataset`); figures and dates are written "
    "in plain decimal digits."
)
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
- {id: a, metric: military_killed, subject: ukraine, claimant: zelensky, value: 55000, as_of: 2026-02,
   source: {outlet: France 2, published: 2026-02, quote: "is 55,000"}}
"""
FAILS = """\
# `valeu` is not a field of a claim, and `value` is missing
- {id: a, metric: military_killed, subject: ukraine, claimant: zelensky, valeu: 55000, as_of: 2026-02,
   source: {outlet: France 2}}
"""
