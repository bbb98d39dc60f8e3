"""date-not-in-future: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import date_not_in_future as check

CASES = [
    ({"as_of": "2026-11-26"}, False),
    ({"as_of": "2026-11-27"}, True),
    ({"as_of": "2026"}, False),
    ({"as_of": "2027"}, True),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
