"""The shipped General Staff dataset, whole, through the command line; and its rebuild from the source."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import REPO
from factcheck.cli.commands import cli

pytestmark = pytest.mark.slow  # the whole shipped General Staff dataset (22,375 claims) through the command line

FOLDER = "datasets/ua-general-staff"
SOURCE = REPO.parent / "shared" / "data" / "ua-general-staff"


def source() -> None:
    """The shared source data beside this checkout: skipped while working without it, a failure in CI (CI=true),
    where a missing folder would otherwise pass unnoticed."""
    if SOURCE.is_dir():
        return
    message = f"the shared source data is not beside this checkout: {SOURCE}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: the data must be there)")
    pytest.skip(message)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_whole_general_staff_dataset_is_publishable_with_every_fall_accounted_for(monkeypatch):
    monkeypatch.chdir(REPO)
    result = invoke("validate", FOLDER, "--today", "2026-11-26", "--no-color", "--show-waived")
    assert result.exit_code == 0, result.output[-2000:]
    # 1,626 days of personnel, 62 of prisoners of war, and 20,687 equipment figures in 17 categories.
    assert result.output.strip().splitlines()[-1] == "PUBLISHABLE: 22,375 claims checked (1 warning, 104 waived)"
    waived = re.findall(r"waived +cumulative-non-decreasing \[([^\]]+)\]", result.output)
    assert len(waived) == 101
    assert "general-staff-special-equipment@2024-11-30" in waived  # the -85 correction of 2024-11-30
    assert "general-staff-tanks@2023-05-28" in waived  # the -5 correction listed for 2023-05-27
    # A one-day total above both neighbours, after which the series stays below it, is the suspect, not
    # the days after it: three such spikes, each explained by a correction (APC: -25 on 2022-10-13).
    spikes = re.findall(r"waived +cumulative-spike \[([^\]]+)\]", result.output)
    assert spikes == [
        "general-staff-armoured-vehicles@2022-10-12",
        "general-staff-air-defence@2024-08-04",
        "general-staff-cruise-missiles@2025-05-03",
    ]
    assert "general-staff-armoured-vehicles@2022-10-13" not in waived
    # artillery comes back above 37,842 two days later: 37,832 is the dip, the claimant's unexplained fall
    assert "warning  cumulative-fall-unexplained [general-staff-artillery@2026-03-04]" in result.output
    assert "falls from 37,842 (2026-03-03" in result.output


@pytest.mark.parametrize("name", ["personnel", "equipment"])
def test_the_shipped_files_are_what_the_documented_command_builds(name, tmp_path, monkeypatch):
    source()
    monkeypatch.chdir(REPO)
    # A copy of the project's layout, so that the dataset's `$schema` line names the schema as it does here.
    for folder in ("checks", "schemas"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / FOLDER).mkdir(parents=True)
    shutil.copy(REPO / "datasets" / "catalog.yml", tmp_path / "datasets" / "catalog.yml")
    output = tmp_path / FOLDER / f"{name}.yml"
    result = invoke(
        "import",
        str(SOURCE / f"russia_losses_{name}.json"),
        "--mapping",
        f"datasets-src/ua-general-staff/{name}.yml",
        "--output",
        str(output),
        "--corrections",
        str(SOURCE / "russia_losses_equipment_correction.json"),
        "--root",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == (REPO / FOLDER / f"{name}.yml").read_bytes()


def test_by_default_the_waived_falls_are_one_line_and_the_warning_stands_out(monkeypatch):
    monkeypatch.chdir(REPO)
    output = invoke("validate", FOLDER, "--today", "2026-11-26", "--no-color").output
    assert "  104 waived findings (listed with --show-waived)" in output.splitlines()
    assert len(output.splitlines()) < 12
