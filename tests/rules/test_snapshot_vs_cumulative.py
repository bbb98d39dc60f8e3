"""snapshot-vs-cumulative: one-line cases (a series and totals over a valid claim's fields, and the hits:
claim, verdict and the totals it was compared with) of `compare_snapshots` on the frame stage 0 builds,
and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries, frame

from factcheck.rules import snapshot_vs_cumulative as check

GS = {"id": "gs", "claimant": "general-staff", "metric": "military_casualties",
      "points": [["2025-10-01", 1111480], ["2025-10-31", 1141830]]}  # fmt: skip
UK = {"id": "uk", "claimant": "uk-defence-intelligence", "metric": "military_casualties", "value": 1100000,
      "qualifier": "about", "as_of": "2025-10"}  # fmt: skip
OCTOBER = ["gs@2025-10-01", "gs@2025-10-31"]

CASES = [
    ([GS, UK], [("uk", "corroborated", OCTOBER)]),
    ([GS, {**UK, "value": 900000}], [("uk", "failed", OCTOBER)]),
    ([GS, {**UK, "value": 1300000}], [("uk", "failed", OCTOBER)]),
    ([GS, {**UK, "claimant": "general-staff"}], []),
    ([GS, {**UK, "metric": "military_killed"}], []),
    ([GS, {**UK, "as_of": "2025-09"}], []),
    (
        [GS, {**UK, "as_of": "2025-10-31"}],
        [("gs@2025-10-31", "corroborated", ["uk"]), ("uk", "corroborated", ["gs@2025-10-31"])],
    ),
    (entries(check.PASSES), [("uk", "corroborated", OCTOBER)]),
    (entries(check.FAILS), [("uk", "failed", OCTOBER)]),
]


@pytest.mark.parametrize(("claims", "hits"), CASES)
def test_cases(project, claims, hits):
    assert [(h["claim_id"], h["status"], h["related"]) for h in check.compare_snapshots(frame(project, claims))] == hits
