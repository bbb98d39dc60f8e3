"""value-within-max: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import value_within_max as check

CASES = [  # the shipped catalog: military_killed and civilians_killed max 2,000,000, military_casualties 20,000,000
    ({"value": 2000000}, False),
    ({"value": 2000001}, True),
    ({"metric": "civilians_killed", "value": 3000000}, True),
    ({"metric": "military_casualties", "value": 3000000}, False),
    ({"value": 3000000, "qualifier": "at_most"}, False),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
