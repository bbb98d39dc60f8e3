"""period-vs-cumulative-other-party: a total over a period against another party's cumulative series.

The comparison of period-vs-cumulative (`compare_periods` there), with the series of claimants who share
no affiliation with the period total's claimant: another party to the conflict, or an independent
claimant (the suite runs it with `affiliation: other`). Different parties count in different ways, so a
contradiction is no sign of a slip in the dataset; either way the result is context for the reader, at
info severity.
"""

from __future__ import annotations

from factcheck.rules import period_vs_cumulative

ID = "period-vs-cumulative-other-party"
SEVERITY = "info"
TITLE = "Period totals against other parties' cumulative series"
EXPLAIN = (
    "The same comparison with the series of a claimant of another party, or an independent one. Their "
    "methods differ and disagreement is expected, so the result is context for the reader: information."
)
MESSAGE = period_vs_cumulative.MESSAGE
SUITE = "cross-claim"
PASSES = """\
# corroborated: the General Staff's 418,360 is within UK Defence Intelligence's about 420,000
- {id: gs, claimant: general-staff, metric: military_casualties, points: [[2024-12-31, 789550], [2025-12-31, 1207910]]}
- {id: uk, claimant: uk-defence-intelligence, metric: military_casualties, value: 420000, qualifier: about, period: 2025}
"""
FAILS = """\
# contradicted, as information: 418,360 is not within about 300,000
- {id: gs, claimant: general-staff, metric: military_casualties, points: [[2024-12-31, 789550], [2025-12-31, 1207910]]}
- {id: uk, claimant: uk-defence-intelligence, metric: military_casualties, value: 300000, qualifier: about, period: 2025}
"""
