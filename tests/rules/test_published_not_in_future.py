"""published-not-in-future: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import published_not_in_future as check

CASES = [
    ({"source": {"published": "2026-11-26"}}, False),
    ({"source": {"published": "2026-11-27"}}, True),
    ({"source": {"published": "2026-11"}}, False),
    ({"source": {"published": "2026-12"}}, True),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
