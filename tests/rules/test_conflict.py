"""conflict: one-line cases (claims over a valid claim's fields, and the hits: claim and the claims it
contradicts) of `find_conflicts` on the frame stage 0 builds, and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries, frame

from factcheck.rules import conflict as check

CASES = [
    ([{"id": "a", "qualifier": "about"}, {"id": "b", "value": 55400}], []),
    ([{"id": "a"}, {"id": "b", "value": 65000}], [("b", ["a"])]),
    ([{"id": "a", "value": 65000}, {"id": "b"}], [("b", ["a"])]),
    ([{"id": "a"}, {"id": "b", "value": 65000, "as_of": "2026-02-14"}], []),
    ([{"id": "a"}, {"id": "b", "value": 65000, "claimant": "syrskyi"}], []),
    ([{"id": "a", "value": 10}, {"id": "b", "value": 30}, {"id": "c", "value": 20}], [("b", ["a"]), ("c", ["b", "a"])]),
    ([{"id": "a", "value": 10, "qualifier": "at_least"}, {"id": "b", "value": 10, "qualifier": "at_most"}], []),
    (entries(check.PASSES), []),
    (entries(check.FAILS), [("b", ["a"])]),
]


@pytest.mark.parametrize(("claims", "hits"), CASES)
def test_cases(project, claims, hits):
    assert [(h["claim_id"], h["related"]) for h in check.find_conflicts(frame(project, claims))] == hits
