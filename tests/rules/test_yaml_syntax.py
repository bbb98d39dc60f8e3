"""yaml-syntax: one-line cases (a dataset's claims as written, and whether the file fails) and the examples."""

from __future__ import annotations

import pytest
from checkcases import stage0

from factcheck.rules import yaml_syntax as check

CASES = [
    ("- {id: a, value: 1}\n", False),
    ("- {id: a, value: 1\n", True),
    ("- !!python/object:os.system {id: a}\n", True),
    ("- !!binary aGVsbG8=\n", True),
    ("- {[a, b]: 1}\n", True),
    ("- &a [*a]\n", True),
    ("- {id: a, value: 1}\n- \x00\n", True),
    (check.PASSES, False),
    (check.FAILS, True),
]


@pytest.mark.parametrize(("text", "fails"), CASES)
def test_cases(project, text, fails):
    assert (check.ID in stage0(project, text)) == fails
