"""duplicate-id: every claim id is unique across all datasets.

Waivers, reports and the cross-claim checks name claims by id, so an id used twice would make each of
them ambiguous. The second use is reported (naming the first) and that claim is not checked. The points
of a series get the ids `<series id>@<date>`: two points of one series on the same date are the same
mistake, and the hint says so.
"""

from __future__ import annotations

ID = "duplicate-id"
SEVERITY = "critical"
TITLE = "Unique claim id"
EXPLAIN = "Every claim id is unique across all datasets: waivers and reports name claims by id."
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
- {id: zelensky-2026-02, value: 55000, as_of: 2026-02}
- {id: zelensky-2026-03, value: 56000, as_of: 2026-03}
"""
FAILS = """\
- {id: zelensky-2026, value: 55000, as_of: 2026-02}
- {id: zelensky-2026, value: 56000, as_of: 2026-03}
"""
