"""unknown-reference: one-line cases (a claim's fields over a valid claim's, and whether it fails) and the
examples."""

from __future__ import annotations

import pytest
from checkcases import stage0, stage0_of

from factcheck.rules import unknown_reference as check

CASES = [
    ({}, False),
    ({"claimant": "syrskyi", "subject": "russia", "metric": "military_casualties"}, False),
    ({"claimant": "zelenskyy"}, True),
    ({"metric": "killed"}, True),
    ({"subject": "Ukraine"}, True),
]


@pytest.mark.parametrize(("fields", "fails"), CASES)
def test_cases(project, fields, fails):
    assert (check.ID in stage0_of(project, [fields])) == fails


@pytest.mark.parametrize(("text", "fails"), [(check.PASSES, False), (check.FAILS, True)])
def test_examples(project, text, fails):
    assert (check.ID in stage0(project, text)) == fails
