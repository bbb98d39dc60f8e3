"""schema: one-line cases (a claim's fields over a valid claim's, and whether it fails) and the examples."""

from __future__ import annotations

import pytest
from checkcases import stage0, stage0_of

from factcheck.rules import schema as check

CASES = [
    ({}, False),
    ({"qualifier": "about", "as_of": "2026-02-14"}, False),
    ({"valeu": 55000}, True),
    ({"value": "55,000"}, True),
    ({"value": True}, True),
    ({"as_of": "2026-13"}, True),
    ({"as_of": None}, True),
    ({"period": "2025", "as_of": "2026-02"}, True),
    ({"qualifier": "roughly"}, True),
]


@pytest.mark.parametrize(("fields", "fails"), CASES)
def test_cases(project, fields, fails):
    assert (check.ID in stage0_of(project, [fields])) == fails


@pytest.mark.parametrize(("text", "fails"), [(check.PASSES, False), (check.FAILS, True)])
def test_examples(project, text, fails):
    assert (check.ID in stage0(project, text)) == fails
