"""duplicate-id: one-line cases (claims over a valid claim's fields, and whether they fail) and the examples."""

from __future__ import annotations

import pytest
from checkcases import entries, stage0_of

from factcheck.rules import duplicate_id as check

CASES = [
    ([{"id": "a"}, {"id": "b", "as_of": "2026-03"}], False),
    ([{"id": "a"}, {"id": "a", "as_of": "2026-03"}], True),
    ([{"id": "a"}, {"id": "A", "as_of": "2026-03"}], False),
    ([{"id": "gs", "points": [["2026-01-01", 1]]}, {"id": "gs@2026-01-01"}], True),
    (entries(check.PASSES), False),
    (entries(check.FAILS), True),
]


@pytest.mark.parametrize(("claims", "fails"), CASES)
def test_cases(project, claims, fails):
    assert (check.ID in stage0_of(project, claims)) == fails
