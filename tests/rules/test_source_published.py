"""source-published: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import source_published as check

CASES = [
    ({"source": {"published": "2026-02"}}, False),
    ({"source": {"published": None}}, True),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
