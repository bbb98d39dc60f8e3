"""The frame the suites validate: one row per claim."""

from __future__ import annotations

import random

from conftest import claim
from factcheck import datasets
from factcheck.frame import COLUMNS, build


def test_entry_ranks_the_claims_by_file_then_line_then_id_whatever_their_order(project):
    project.dataset([claim("b"), claim("a", value=56000)], name="later.yml")
    project.dataset([claim("c"), claim("d", value=57000)], name="early.yml")
    files = sorted((project.root / "datasets").glob("[el]*.yml"))
    claims = datasets.load(project.root, files).claims
    random.Random(1).shuffle(claims)

    frame = build(claims, datasets.load(project.root, []).catalog)

    assert list(frame.columns) == list(COLUMNS)
    written = frame.sort_values("entry")
    assert list(zip(written["file"], written["claim_id"], strict=True)) == [
        ("datasets/early.yml", "c"), ("datasets/early.yml", "d"), ("datasets/later.yml", "b"), ("datasets/later.yml", "a"),
    ]  # fmt: skip
    assert sorted(frame["entry"]) == [0, 1, 2, 3]
