"""stray-file: one-line cases (a file under datasets/, whether a gate reads it, and whether it is a stray)."""

from __future__ import annotations

import pytest

from factcheck.pipeline.project import stray_files

CASES = [
    ("datasets/war/killed.yml", True, False),
    ("datasets/war/killed.yml", False, True),
    ("datasets/war/killed.csv", False, True),
    ("datasets/README", False, True),
]


@pytest.mark.parametrize(("rel", "read", "stray"), CASES)
def test_cases(project, rel, read, stray):
    path = project.write(rel, "dataset: war\n")
    found = {name for name, _ in stray_files(project.root, {path} if read else set())}
    assert (rel in found) == stray
    assert "datasets/catalog.yml" not in found
