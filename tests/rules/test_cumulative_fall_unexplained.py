"""cumulative-fall-unexplained: one-line cases (claims over a valid claim's fields, and the falls reported:
later and earlier claim) of cumulative-non-decreasing's functions as this check runs them (`only` the
claims marked `fall: unexplained`), and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries, frame

from factcheck.rules import cumulative_fall_unexplained as check
from factcheck.rules import cumulative_non_decreasing

CASES = [
    ([{"id": "a"}, {"id": "b", "value": 45000, "as_of": "2026-03", "fall": "unexplained", "notes": "n"}], [("b", "a")]),
    ([{"id": "a"}, {"id": "b", "value": 45000, "as_of": "2026-03"}], []),  # a cumulative-non-decreasing finding
    ([{"id": "a", "fall": "unexplained", "notes": "n"}, {"id": "b", "value": 45000, "as_of": "2026-03"}], []),
    (entries(check.PASSES), []),
    (entries(check.FAILS), [("b", "a")]),
]


@pytest.mark.parametrize(("claims", "falls"), CASES)
def test_cases(project, claims, falls):
    found = cumulative_non_decreasing.falls_in(frame(project, claims))
    assert cumulative_non_decreasing.reported(found, "only") == falls
