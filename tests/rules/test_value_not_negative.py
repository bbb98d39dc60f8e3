"""value-not-negative: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import value_not_negative as check

CASES = [
    ({"value": 55000}, False),
    ({"value": 0}, False),
    ({"value": -1}, True),
    ({"value": -5, "qualifier": "about"}, True),
    ({"metric": "occupied_territory_share", "value": -0.5}, True),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
