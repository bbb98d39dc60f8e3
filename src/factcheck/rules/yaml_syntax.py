"""yaml-syntax: a file is one well-formed YAML document of plain data.

A dataset is read as text before it is read as claims, and whatever would make the text mean something
else to another reader, or to a later version of the YAML library, is refused on its line: a syntax
error, a second document (`---`), a tag (`!!python/object`, `!!binary`), a mapping key that is a list or
a mapping, data nested deeper than a dataset ever needs, aliases that would expand it past its limit (a
"billion laughs" file) or refer to themselves, a NUL byte, text that is not UTF-8, and anything that is
not a regular file (a pipe could block the run). Nothing else in the file is checked: a broken document
says nothing reliable about its claims.
"""

from __future__ import annotations

ID = "yaml-syntax"
SEVERITY = "critical"
TITLE = "YAML syntax"
EXPLAIN = "The file must be one well-formed YAML document of plain data (no tags, tabs or NUL bytes)."
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
claims:
  - {id: a, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# the flow mapping is never closed
claims:
  - {id: a, value: 55000, as_of: 2026-02
"""
