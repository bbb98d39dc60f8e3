"""file-too-large: one-line cases (the file's limits, and whether a small dataset fails them)."""

from __future__ import annotations

import pytest
from checkcases import stage0_of

from factcheck.pipeline import load
from factcheck.rules import file_too_large as check

CASES = [
    ({}, False),
    ({"FACTCHECK_MAX_FILE_BYTES": "100"}, True),
    ({"FACTCHECK_MAX_FILE_BYTES": "100000"}, False),
    ({"MAX_CLAIMS": 1}, True),
    ({"MAX_CLAIMS": 2}, False),
]


@pytest.mark.parametrize(("limits", "fails"), CASES)
def test_cases(project, monkeypatch, limits, fails):
    for name, value in limits.items():
        if name == "MAX_CLAIMS":
            monkeypatch.setattr(load, name, value)
        else:
            monkeypatch.setenv(name, value)
    assert (check.ID in stage0_of(project, [{"id": "a"}, {"id": "b", "as_of": "2026-03"}])) == fails
