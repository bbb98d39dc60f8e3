"""unknown-reference: every metric, subject and claimant is one the catalog defines.

A claim names its metric, subject and claimant by their keys in datasets/catalog.yml. A key the catalog
does not define would start a series of its own, which no check compares with the others, so a typo
would hide a claim from every cross-claim check: it is reported on its line, with a hint: the key of a
claimant's name or alias, or of a subject's name, when the value is one of those, else the closest key.
"""

from __future__ import annotations

ID = "unknown-reference"
SEVERITY = "critical"
TITLE = "Catalog reference"
EXPLAIN = "Metric, subject and claimant must be keys of datasets/catalog.yml, so a typo cannot start a new series."
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
- {id: a, metric: military_killed, subject: ukraine, claimant: zelensky, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# the catalog has zelensky: did you mean it?
- {id: a, metric: military_killed, subject: ukraine, claimant: zelenskyy, value: 55000, as_of: 2026-02}
"""
