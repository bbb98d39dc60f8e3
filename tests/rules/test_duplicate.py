"""duplicate: one-line cases (claims over a valid claim's fields, and the hits: claim and the first entry it
repeats) of `find_duplicates` on the frame stage 0 builds, and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries, frame

from factcheck.rules import duplicate as check

CASES = [
    ([{"id": "a"}, {"id": "b", "source": {"outlet": "Le Monde"}}], []),
    ([{"id": "a"}, {"id": "b"}], [("b", ["a"])]),
    ([{"id": "a"}, {"id": "b", "qualifier": "about"}], []),
    ([{"id": "a"}, {"id": "b", "as_of": "2026-02-14"}], []),
    ([{"id": "a"}, {"id": "b"}, {"id": "c"}], [("b", ["a"]), ("c", ["a"])]),
    (entries(check.PASSES), []),
    (entries(check.FAILS), [("b", ["a"])]),
]


@pytest.mark.parametrize(("claims", "hits"), CASES)
def test_cases(project, claims, hits):
    assert [(h["claim_id"], h["related"]) for h in check.find_duplicates(frame(project, claims))] == hits
