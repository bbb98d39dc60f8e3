"""period-vs-cumulative-other-party: one-line cases (a series and period totals over a valid claim's fields,
and the hits: claim, verdict and the two totals) of period-vs-cumulative's comparison with the series of
other parties, and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries, frame

from factcheck.rules import period_vs_cumulative
from factcheck.rules import period_vs_cumulative_other_party as check

GS = {"id": "gs", "claimant": "general-staff", "metric": "military_casualties",
      "points": [["2024-12-31", 789550], ["2025-12-31", 1207910]]}  # fmt: skip
CLAIM = {"metric": "military_casualties", "value": 420000, "qualifier": "about", "as_of": None, "period": "2025"}
BOTH = ["gs@2024-12-31", "gs@2025-12-31"]

CASES = [
    ([GS, {**CLAIM, "id": "p", "claimant": "uk-defence-intelligence"}], [("p", "corroborated", BOTH)]),
    ([GS, {**CLAIM, "id": "p", "claimant": "uk-defence-intelligence", "value": 300000}], [("p", "failed", BOTH)]),
    ([GS, {**CLAIM, "id": "p", "claimant": "syrskyi"}], []),  # the same side: period-vs-cumulative
    (entries(check.PASSES), [("uk", "corroborated", BOTH)]),
    (entries(check.FAILS), [("uk", "failed", BOTH)]),
]


@pytest.mark.parametrize(("claims", "hits"), CASES)
def test_cases(project, claims, hits):
    compared = period_vs_cumulative.compare_periods(frame(project, claims))
    found = period_vs_cumulative.with_affiliation(compared, "other")
    assert [(h["claim_id"], h["status"], h["related"]) for h in found] == hits
