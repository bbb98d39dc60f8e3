"""date-not-before-origin: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import date_not_before_origin as check

CASES = [
    ({"as_of": "2022-02-24"}, False),
    ({"as_of": "2022-02-23"}, True),
    ({"as_of": "2022-02"}, False),
    ({"as_of": "2021"}, True),
    ({"as_of": None, "period": "2022-01-01/2022-02-24"}, False),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
