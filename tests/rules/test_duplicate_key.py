"""duplicate-key: one-line cases (a dataset's claims as written, and whether the file fails) and the examples."""

from __future__ import annotations

import pytest
from checkcases import stage0

from factcheck.rules import duplicate_key as check

CASES = [
    ("- {id: a, value: 1}\n", False),
    ("- {id: a, value: 1, value: 2}\n", True),
    ("- &x {id: a, value: 1}\n- {<<: *x, id: b, value: 2}\n", False),
    ("- &x {value: 1}\n- &y {value: 2}\n- {<<: [*x, *y], id: b}\n", True),
    ("- &x {value: 1}\n- {<<: *x, <<: *x, id: b}\n", True),
    (check.PASSES, False),
    (check.FAILS, True),
]


@pytest.mark.parametrize(("text", "fails"), CASES)
def test_cases(project, text, fails):
    assert (check.ID in stage0(project, text)) == fails
