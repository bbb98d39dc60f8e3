"""source-url-wellformed: one-line cases (a claim's fields, and whether it fails) and the documented examples, in one run."""

from __future__ import annotations

from checkcases import run_cases

from factcheck.rules import source_url_wellformed as check

CASES = [
    ({"source": {"url": "https://example.org/a?b#c"}}, False),
    ({"source": {"url": "HTTP://example.org"}}, False),
    ({"source": {"url": "https://localhost/"}}, True),
    ({"source": {"url": "ftp://example.org/"}}, True),
    ({"source": {"url": "https://example.org/a b"}}, True),
    ({"source": {"url": "example.org"}}, True),
]


def test_cases_and_examples(project):
    failing, passes, fails = run_cases(project, check, [fields for fields, _ in CASES])
    assert failing == [fails for _, fails in CASES]
    assert passes == [] and fails != []
