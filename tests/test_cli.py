"""The command line through CliRunner: help, version, exit codes, and the verdict."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from conftest import REPO, claim
from factcheck.cli.commands import cli


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_every_command_has_help():
    for command in cli.commands.values():
        assert command.help, f"{command.name} has no help"
        result = invoke(command.name, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert "factcheck" in result.output


def test_help_does_not_import_great_expectations():
    code = "import sys; from factcheck.cli.commands import cli; sys.argv=['factcheck','--help']\n"
    code += "try:\n    cli()\nexcept SystemExit:\n    pass\nprint('great_expectations' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")


def test_shipped_datasets_are_publishable(monkeypatch):
    monkeypatch.chdir(REPO)
    result = invoke("validate", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("PUBLISHABLE")


def test_clean_dataset_exits_0(project):
    project.dataset([claim()])
    result = invoke("validate")
    assert result.exit_code == 0
    assert "PUBLISHABLE: 1 claim checked" in result.output


def test_blocking_finding_exits_1_with_file_line_and_verdict(project):
    project.dataset(
        [
            claim("a"),
            claim("b", value=45000, as_of="2026-03", source={"outlet": "X", "published": "2026-03", "quote": "45,000"}),
        ]
    )
    result = invoke("validate")
    assert result.exit_code == 1
    assert "datasets/test.yml:" in result.output
    assert (
        "cumulative-non-decreasing [b]: falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)"
        in result.output
    )
    assert result.output.strip().splitlines()[-1].startswith("BLOCKED: 1 blocking finding")


def test_warning_does_not_block_unless_fail_on_warning(project):
    project.dataset(
        [claim(value=2500000, quote=None, source={"outlet": "X", "published": "2026-02", "quote": "2.5 million"})]
    )
    assert invoke("validate").exit_code == 0
    result = invoke("validate", "--fail-on", "warning")
    assert result.exit_code == 1
    assert "value-within-max" in result.output


def test_unknown_option_exits_2(project):
    assert CliRunner().invoke(cli, ["validate", "--no-such-option"]).exit_code == 2


def test_broken_gate_exits_2_with_location(project):
    project.write("checks/publication.yml", "datasets: [datasets/**/*.yml]\nsuites: []\nfail_on: fatal\n")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "checks/publication.yml:" in result.output
    assert "Traceback" not in result.output


def test_suite_entry_rejected_by_gx_exits_2(project):
    project.write(
        "expectations/source-attribution.yml",
        """
        name: source-attribution
        expectations:
          - type: expect_column_values_to_not_be_null
            kwargs: {column: outlet, colum_typo: 1}
            meta: {id: source-outlet, title: Outlet, explain: Outlet named.}
        """,
    )
    project.dataset([claim()])
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "expectations/source-attribution.yml:3" in result.output
    assert "Great Expectations rejects" in result.output


def test_internal_error_is_one_line_and_exits_3(project, monkeypatch):
    import factcheck.pipeline.run

    def explode(options):
        raise RuntimeError("boom")

    monkeypatch.setattr(factcheck.pipeline.run, "run", explode)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 3
    assert "internal error" in result.output and "boom" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["validate", "--debug"])
    assert result.exit_code == 3
    assert "Traceback" in result.output


def test_dataset_path_restricts_the_run_to_that_file(project):
    project.dataset([claim("good")], name="good.yml")
    project.dataset([claim("bad", source={"outlet": "X", "published": "2026-02", "quote": "nothing"})], name="bad.yml")
    assert invoke("validate").exit_code == 1
    result = invoke("validate", "datasets/good.yml")
    assert result.exit_code == 0
    assert "PUBLISHABLE: 1 claim checked" in result.output


def test_gate_file_target_runs_that_gate(project):
    project.dataset([claim()])
    project.write(
        "checks/lenient.yml",
        "datasets: [datasets/**/*.yml]\nsuites: [expectations/plausible-ranges.yml]\nfail_on: critical\n",
    )
    result = invoke("validate", "checks/lenient.yml")
    assert result.exit_code == 0


def test_missing_target_exits_2(project):
    result = CliRunner().invoke(cli, ["validate", "datasets/nope.yml"])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_suite_entry_without_a_check_id_exits_2_with_its_line(project):
    project.write(
        "expectations/plausible-ranges.yml",
        """
        name: plausible-ranges
        expectations:
          - type: expect_column_values_to_not_be_null
            kwargs: {column: outlet}
            meta: {title: Outlet, explain: Outlet named.}
        """,
    )
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "expectations/plausible-ranges.yml:5: `meta.id` is required" in result.output


def test_no_project_found_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "no project found" in result.output


def _command(entry: str, *args: str) -> list[str]:
    module = "factcheck.cli.program" if entry == "main" else "factcheck.cli.commands"
    code = f"import sys; from {module} import {entry}; sys.argv[0] = 'factcheck'; {entry}()"
    return [sys.executable, "-c", code, *args]


def _program(entry: str, *args: str, cwd, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        _command(entry, *args), cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def _program_unread(*args: str, cwd, env=None) -> tuple[int, str]:
    """`factcheck` whose reader closes stdout before anything is printed (`| head`): exit code and stderr."""
    process = subprocess.Popen(
        _command("main", *args),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    process.stdout.close()
    stderr = process.stderr.read()
    return process.wait(), stderr


def test_the_program_ends_as_the_command_would_with_all_its_output_and_profile(project, tmp_path):
    # `main` leaves by os._exit: piped output must still arrive whole, and the exit handlers must still run.
    project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03")])
    command = ["validate", "--today", "2026-11-26", "--fail-on", "warning"]
    profile = tmp_path / "profile.json"
    program = _program("main", *command, cwd=project.root, env={"FACTCHECK_PROFILE": str(profile)})
    click_exit = _program("cli", *command, cwd=project.root)
    assert program.returncode == click_exit.returncode == 1
    assert program.stdout == click_exit.stdout
    assert program.stdout.rstrip().splitlines()[-1].startswith("BLOCKED")
    assert program.stderr == click_exit.stderr
    profiled = json.loads(profile.read_text())
    assert "suites" in profiled["stages"]
    # Each stage's CPU time beside its wall time: what the benchmarks judge on a machine other work loads.
    assert profiled["cpu"].keys() == profiled["stages"].keys()
    assert all(seconds >= 0 for seconds in profiled["cpu"].values())
    assert sum(profiled["cpu"].values()) > 0
    usage = _program("main", "validate", "--no-such-option", cwd=project.root)
    assert usage.returncode == 2
    assert "No such option" in usage.stderr


def test_a_reader_that_stops_early_still_gets_the_verdict_as_exit_code(project):
    # `factcheck validate | head`: the pipe closes before anything is printed; the exit code is the verdict.
    project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03")])
    code, stderr = _program_unread("validate", "--today", "2026-11-26", cwd=project.root)
    assert code == 1
    assert "internal error" not in stderr
    assert "Traceback" not in stderr


def test_a_reader_gone_before_the_annotations_still_gets_the_job_summary_and_outputs(project, tmp_path):
    project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03")])
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs.txt"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs)}
    code, stderr = _program_unread("validate", "--today", "2026-11-26", "--github", cwd=project.root, env=env)
    assert code == 1, stderr
    assert "BLOCKED" in summary.read_text()
    assert "verdict=blocked" in outputs.read_text()
