"""The version is written once, and every release the documents cite is the current version's tag."""

from __future__ import annotations

import re

from conftest import REPO
from factcheck import __version__

CITING = ["README.md", "docs/ci.md", "action.yml", "docs/editors.md", "docs/format.md"]
# A release named where another repository uses factcheck: an action ref, a pre-commit rev, a pip pin.
REFS = [
    re.compile(r"factcheck@(v[0-9][^\s`\"']*)"),
    re.compile(r"rev: (v[0-9][^\s`\"']*)"),
    re.compile(r"factcheck-ci==([0-9][^\s`\"']*)"),
]


def test_pyproject_reads_the_version_from_the_package():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in text
    assert 'version = { attr = "factcheck.__version__" }' in text
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_documents_cite_the_current_release_only():
    cited = []
    for name in CITING:
        text = (REPO / name).read_text(encoding="utf-8")
        for pattern in REFS:
            cited += [(name, ref) for ref in pattern.findall(text)]
    assert cited, "the documents cite no release"
    for name, ref in cited:
        assert ref.removeprefix("v") == __version__, f"{name} cites {ref}: docs/releasing.md, step 2"


def test_the_release_steps_are_documented():
    text = (REPO / "docs" / "releasing.md").read_text(encoding="utf-8")
    assert "git tag -a vX.Y.Z" in text and "src/factcheck/__init__.py" in text
