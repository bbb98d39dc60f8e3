"""The worked examples of src/factcheck/cli/desks/ (package data, shown by docs/desks.md): each desk's project
(catalog, dataset, draft, gate) validates clean with the shipped suites; `factcheck init --desk` starts a desk
from it (tests/test_init.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import REPO, TODAY
from factcheck.cli.commands import cli

DESKS = ["disaster", "epidemic", "conflict"]


@pytest.mark.parametrize("desk", DESKS)
def test_each_desks_example_validates_clean(desk):
    root = REPO / "src" / "factcheck" / "cli" / "desks" / desk
    result = CliRunner().invoke(cli, ["validate", "--root", str(root), "--today", TODAY, "--no-color"])
    assert result.exit_code == 0, result.output[-3000:]
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("PUBLISHABLE: ") and "warning" not in last and "info" not in last, last
    assert "corroborated" in last  # the draft's figures are backed by the example's claims


def test_the_neutral_desks_name_no_affiliation():
    for desk in ("disaster", "epidemic"):
        assert (
            "affiliation:"
            not in (REPO / "src" / "factcheck" / "cli" / "desks" / desk / "datasets" / "catalog.yml").read_text()
        )
