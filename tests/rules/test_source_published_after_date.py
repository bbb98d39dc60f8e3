"""source-published-after-date: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import source_published_after_date as check

CASES = [
    ({"source": {"published": "2026-02"}}, False),
    ({"source": {"published": "2026-02-01"}}, False),
    ({"source": {"published": "2026-01-31"}}, True),
    ({"source": {"published": "2026"}}, False),
    ({"source": {"published": "2025"}}, True),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
