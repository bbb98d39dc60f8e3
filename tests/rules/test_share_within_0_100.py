"""share-within-0-100: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import share_within_0_100 as check

CASES = [
    ({"metric": "occupied_territory_share", "value": 0}, False),
    ({"metric": "occupied_territory_share", "value": 100}, False),
    ({"metric": "occupied_territory_share", "value": 100.5}, True),
    ({"metric": "occupied_territory_share", "value": -1}, True),
    ({"metric": "military_killed", "value": 1900}, False),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
