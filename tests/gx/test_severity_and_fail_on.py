"""Severity and gates: each expectation's severity is the finding's; `fail_on` (gate or --fail-on) decides
what blocks, in the verdict line and the exit code; corroborations never block."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from crossdata import cross_claim_only, gs_series, syrskyi, uk

from conftest import claim, run_project
from factcheck.cli.commands import cli


def validate(*args: str):
    result = CliRunner().invoke(cli, ["validate", *args], catch_exceptions=False)
    return result.exit_code, result.output.strip().splitlines()[-1]


@pytest.fixture
def cross(project):
    return cross_claim_only(project)


@pytest.fixture
def mixed(cross):
    """One warning (a duplicate), one info (UK's figure contradicted), one corroboration (Syrskyi's)."""
    cross.dataset([claim("a"), claim("b"), syrskyi(), uk(value=900000)], series=[gs_series()])
    return cross


@pytest.mark.parametrize(
    ("fail_on", "exit_code", "verdict"),
    [
        ("critical", 0, "PUBLISHABLE: 9 claims checked (1 warning, 1 info, 1 corroborated)"),
        ("warning", 1, "BLOCKED: 1 blocking finding (1 warning, 1 info, 1 corroborated) on 1 claim; 9 claims checked"),
        ("info", 1, "BLOCKED: 2 blocking findings (1 warning, 1 info, 1 corroborated) on 2 claims; 9 claims checked"),
    ],
)
def test_the_verdict_and_exit_code_follow_fail_on(mixed, fail_on, exit_code, verdict):
    assert validate("--fail-on", fail_on) == (exit_code, verdict)


def test_the_gates_fail_on_applies_and_the_command_line_overrides_it(mixed):
    gate = (mixed.root / "checks/publication.yml").read_text().replace("fail_on: critical", "fail_on: info")
    mixed.write("checks/publication.yml", gate)
    assert validate()[0] == 1
    assert validate("--fail-on", "critical")[0] == 0


def test_corroborations_never_block_even_at_info(cross):
    cross.dataset([syrskyi(), uk()], series=[gs_series()])
    assert validate("--fail-on", "info") == (0, "PUBLISHABLE: 7 claims checked (2 corroborated)")


def test_a_critical_finding_blocks_by_default(cross):
    cross.dataset([claim("a"), claim("b", value=65000, source={"outlet": "Le Monde", "published": "2026-02"})])
    assert validate() == (1, "BLOCKED: 1 blocking finding (1 critical) on 1 claim; 2 claims checked")


def test_the_suite_severity_is_the_findings_severity(cross):
    # The shipped entry takes the check's own severity, info; the suite overrides it.
    suite = (cross.root / "expectations/cross-claim.yml").read_text()
    entry = "    meta: {id: snapshot-vs-cumulative}\n"
    assert entry in suite
    cross.write("expectations/cross-claim.yml", suite.replace(entry, entry + "    severity: critical\n"))
    cross.dataset([uk(value=900000)], series=[gs_series()])
    report = run_project(cross)
    assert [(f.check, f.severity, f.blocking) for f in report.findings] == [
        ("snapshot-vs-cumulative", "critical", True)
    ]
    assert report.blocked


def test_the_terminal_shows_corroborations_with_both_claims(cross):
    cross.dataset([syrskyi(), uk()], series=[gs_series()])
    output = CliRunner().invoke(cli, ["validate", "--no-color"], catch_exceptions=False).output
    lines = [line for line in output.splitlines() if "corroborated " in line and "[" in line]
    assert len(lines) == 2
    assert "corroborated period-vs-cumulative [syrskyi]: about 420,000 over 2025" in lines[0]
    assert "789,550 (2024-12-31" in lines[0] and "1,207,910 (2025-12-31" in lines[0] and "418,360" in lines[0]
    assert "corroborated snapshot-vs-cumulative [uk]: about 1,100,000 as of 2025-10" in lines[1]
    assert "1,141,830 (2025-10-31, general-staff, General Staff)" in lines[1]
