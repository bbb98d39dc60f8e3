"""period-vs-cumulative: one-line cases (a series and period totals over a valid claim's fields, and the
hits: claim, verdict and the two totals of the series) of `compare_periods` on the frame stage 0 builds,
with the same side's series, and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries, frame

from factcheck.rules import period_vs_cumulative as check

ENDS = [["2024-12-31", 789550], ["2025-12-31", 1207910]]  # a rise of 418,360
GS = {"id": "gs", "claimant": "general-staff", "metric": "military_casualties", "points": ENDS}
CLAIM = {"metric": "military_casualties", "value": 420000, "qualifier": "about", "as_of": None, "period": "2025"}
BOTH = ["gs@2024-12-31", "gs@2025-12-31"]

CASES = [
    ([GS, {**CLAIM, "id": "p", "claimant": "syrskyi"}], [("p", "corroborated", BOTH)]),
    ([GS, {**CLAIM, "id": "p", "claimant": "syrskyi", "value": 300000}], [("p", "failed", BOTH)]),
    ([GS, {**CLAIM, "id": "p", "claimant": "general-staff"}], [("p", "corroborated", BOTH)]),
    ([GS, {**CLAIM, "id": "p", "claimant": "uk-defence-intelligence"}], []),  # another party: the other check
    ([{**GS, "points": [["2025-01-01", 789550], ENDS[1]]}, {**CLAIM, "id": "p", "claimant": "syrskyi"}], []),
    ([GS, {**CLAIM, "id": "p", "claimant": "syrskyi", "period": "2025-03"}], []),
    (entries(check.PASSES), [("syrskyi", "corroborated", BOTH)]),
    (entries(check.FAILS), [("syrskyi", "failed", BOTH)]),
]


@pytest.mark.parametrize(("claims", "hits"), CASES)
def test_cases(project, claims, hits):
    found = check.with_affiliation(check.compare_periods(frame(project, claims)), "shared")
    assert [(h["claim_id"], h["status"], h["related"]) for h in found] == hits
