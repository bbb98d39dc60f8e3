"""part-within-whole: one-line cases (claims over a valid claim's fields, and the hits: the part and the
whole it exceeds) of `find_parts_above_whole` on the frame stage 0 builds, and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries, frame

from factcheck.rules import part_within_whole as check

WHOLE = {"id": "whole", "metric": "military_casualties", "value": 400000}

CASES = [
    ([{"id": "part"}, WHOLE], []),
    ([{"id": "part", "value": 410000}, WHOLE], [("part", ["whole"])]),
    ([{"id": "part", "value": 400000}, WHOLE], []),
    ([{"id": "part", "value": 60000, "qualifier": "about"}, {**WHOLE, "value": 55000, "qualifier": "about"}], []),
    ([{"id": "part", "value": 410000}, {**WHOLE, "claimant": "syrskyi"}], []),
    ([{"id": "part", "value": 410000}, {**WHOLE, "as_of": "2026-02-14"}], []),
    ([{"id": "part", "value": 410000}, WHOLE, {**WHOLE, "id": "low", "value": 300000}], [("part", ["low"])]),
    # cumulative totals across dates: the part can only have grown by the whole's later date
    ([{"id": "part", "value": 410000}, {**WHOLE, "as_of": "2026-03-10"}], [("part", ["whole"])]),
    ([{"id": "part", "value": 390000}, {**WHOLE, "as_of": "2026-03-10"}], []),
    # a whole dated before the part says nothing of it
    ([{"id": "part", "value": 410000}, {**WHOLE, "as_of": "2026-01-10"}], []),
    # of several later wholes, the lowest is named
    (
        [
            {"id": "part", "value": 410000},
            {**WHOLE, "as_of": "2026-04-10"},
            {**WHOLE, "id": "low", "value": 300000, "as_of": "2026-03-10"},
        ],
        [("part", ["low"])],
    ),
    # another claimant's later whole is never compared
    ([{"id": "part", "value": 410000}, {**WHOLE, "as_of": "2026-03-10", "claimant": "syrskyi"}], []),
    # a total over a period is no cumulative total: never compared across dates
    (
        [
            {"id": "part", "value": 410000, "as_of": None, "period": "2026-02"},
            {**WHOLE, "as_of": "2026-03-10"},
        ],
        [],
    ),
    (entries(check.PASSES), []),
    (entries(check.FAILS), [("killed", ["casualties"])]),
]


@pytest.mark.parametrize(("claims", "hits"), CASES)
def test_cases(project, claims, hits):
    assert [(h["claim_id"], h["related"]) for h in check.find_parts_above_whole(frame(project, claims))] == hits
