"""duplicate-key: no key of a mapping is lost.

YAML keeps one of two equal keys without a word, so a claim written with `value:` twice, or a block
merged (`<<`) from two anchors that both set `outlet`, silently loses one of them. Each way of losing a
key is reported on its line: a key written twice in one mapping, a second merge key `<<`, and a key merged
from two blocks. A key written in the mapping itself still overrides a merged one: that is what merging
is for.
"""

from __future__ import annotations

ID = "duplicate-key"
SEVERITY = "critical"
TITLE = "Duplicate key"
EXPLAIN = (
    "YAML silently keeps one of two equal keys, written twice or merged (`<<`) from two blocks, so one hides the other."
)
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
- id: a
  value: 55000
  as_of: 2026-02
"""
FAILS = """\
# YAML would keep only 56000
- id: a
  value: 55000
  value: 56000
"""
