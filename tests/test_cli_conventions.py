"""CLI conventions: `-` writes a report to standard output, `--select`/`--ignore` choose the checks of a run."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from conftest import claim
from factcheck.cli.commands import cli

FALL = {"outlet": "X", "published": "2026-03", "quote": "45,000"}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def falling(project) -> None:
    """Two checks fail: the total falls (critical), and the quote of c does not state its figure."""
    project.dataset(
        [
            claim("a"),
            claim("b", value=45000, as_of="2026-03", source=FALL),
            claim("c", as_of="2026-01", source={"outlet": "Y", "published": "2026-01", "quote": "no figure"}),
        ]
    )


def test_json_to_stdout_is_the_whole_of_stdout_and_the_terminal_report_goes_to_stderr(project):
    falling(project)
    result = invoke("validate", "--json", "-")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert {f["check"] for f in report["findings"]} >= {"cumulative-non-decreasing", "quote-states-figure"}
    assert result.stderr.strip().splitlines()[-1].startswith("BLOCKED")
    assert not (project.root / "-").exists()


def test_junit_and_html_to_stdout(project):
    falling(project)
    junit = invoke("validate", "--junit", "-")
    assert ET.fromstring(junit.stdout).tag == "testsuites"
    html = invoke("validate", "--report", "-", "--json", "out.json")
    assert html.stdout.lstrip().lower().startswith("<!doctype html")
    assert json.loads((project.root / "out.json").read_text())["verdict"] == "blocked"


def test_a_file_named_dash_is_written_when_spelt_as_a_path(project):
    falling(project)
    result = invoke("validate", "--json", "./-")
    assert result.exit_code == 1
    assert json.loads((project.root / "-").read_text())["verdict"] == "blocked"
    assert result.stdout.strip().splitlines()[-1].startswith("BLOCKED")


def test_two_reports_cannot_share_stdout(project):
    falling(project)
    result = invoke("validate", "--json", "-", "--junit", "-")
    assert result.exit_code == 2
    assert "--json and --junit cannot both write to standard output" in result.stderr


def test_select_runs_only_the_named_checks(project):
    falling(project)
    report = json.loads(invoke("validate", "--json", "-", "--select", "quote-states-figure").stdout)
    assert {f["check"] for f in report["findings"]} == {"quote-states-figure"}
    (gate,) = report["gates"]
    assert gate["checks"] == ["quote-states-figure"]


def test_ignore_leaves_out_the_named_checks_and_takes_commas_and_repeats(project):
    falling(project)
    result = invoke("validate", "--json", "-", "--ignore", "quote-states-figure,source-outlet", "--ignore", "conflict")
    checks = {f["check"] for f in json.loads(result.stdout)["findings"]}
    assert "cumulative-non-decreasing" in checks
    assert "quote-states-figure" not in checks
    assert result.exit_code == 1
    quiet = invoke("validate", "--ignore", "quote-states-figure", "--ignore", "cumulative-non-decreasing")
    assert quiet.exit_code == 0, quiet.stdout


def test_a_waiver_of_an_ignored_check_is_not_an_unknown_check(project):
    waiver = [{"check": "cumulative-non-decreasing", "reason": "corrected"}]
    project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03", source=FALL, waivers=waiver)])
    result = invoke("validate", "--ignore", "cumulative-non-decreasing")
    assert result.exit_code == 0
    assert "unknown-check" not in result.stdout


def test_an_unknown_id_is_refused_with_a_did_you_mean(project):
    falling(project)
    result = invoke("validate", "--select", "quote-states-figures")
    assert result.exit_code == 2
    assert "--select quote-states-figures: no suite of the gates run defines this check" in result.stderr
    assert "did you mean `quote-states-figure`?" in result.stderr


def test_the_file_format_cannot_be_ignored(project):
    project.dataset([claim("a", value="55,000")])
    result = invoke("validate", "--ignore", "schema")
    assert result.exit_code == 2
    assert "the file format is always checked" in result.stderr
    assert invoke("validate", "--select", "quote-states-figure").exit_code == 1  # the schema finding stands
