"""cumulative-fall-unexplained: a fall the claimant itself published, with no correction known.

Some claimants publish a total below one they published earlier, and say nothing of why. The curator
marks such a claim `fall: unexplained` (`factcheck import` marks every fall that no downward correction in
its corrections table explains) and writes what is known in its notes. The fall is found as
cumulative-non-decreasing finds every fall (`find_falls` there; the suite runs it with
`unexplained_falls: only`), but it is the claimant's inconsistency rather than a slip in the dataset, so
it is a warning of its own, and cumulative-non-decreasing leaves it out.
"""

from __future__ import annotations

ID = "cumulative-fall-unexplained"
SEVERITY = "warning"
TITLE = "A claimant's own unexplained fall"
EXPLAIN = (
    "A claim marked `fall: unexplained` is a total that the claimant itself published below an earlier one, "
    "with no correction known to explain it; its notes say what is known. The fall is real and stays "
    "visible, but it is the claimant's inconsistency, not a slip in the dataset: it is reported as a "
    "warning. Every other fall is a cumulative-non-decreasing finding."
)
MESSAGE = "falls from {related} to {figure} ({date}); the claimant has not explained the fall"
SUITE = "cumulative-totals"
PASSES = """\
# b is marked, but does not fall
- {id: a, value: 46000, as_of: 2025-02}
- {id: b, value: 55000, as_of: 2026-02, fall: unexplained, notes: The claimant gave no reason.}
"""
FAILS = """\
# b falls from 46,000 to 45,000, as the claimant published it
- {id: a, value: 46000, as_of: 2025-02}
- {id: b, value: 45000, as_of: 2026-02, fall: unexplained, notes: The claimant gave no reason.}
"""
