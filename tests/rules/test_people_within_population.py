"""people-within-population: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import people_within_population as check

CASES = [  # the shipped catalog: Ukraine 44,000,000 people, Russia 147,000,000
    ({"value": 44000000}, False),
    ({"value": 44000001}, True),
    ({"value": 50000000, "qualifier": "less_than"}, False),
    ({"value": 50000000, "qualifier": "more_than"}, True),
    ({"subject": "russia", "value": 50000000}, False),
    ({"metric": "tanks_lost", "value": 50000000}, False),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
