"""people-within-population: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.checks import people_within_population as check

CASES = [
    ({"value": 180000000}, False),
    ({"value": 180000001}, True),
    ({"value": 200000000, "qualifier": "less_than"}, False),
    ({"value": 200000000, "qualifier": "more_than"}, True),
    ({"metric": "tanks_lost", "value": 200000000}, False),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
