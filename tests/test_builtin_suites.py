"""The suites shipped inside the package: a gate names them `factcheck:NAME`, and a project's own suite may
change a built-in check's severity or message by its id."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import REPO, claim
from factcheck.cli.commands import cli
from factcheck.pipeline.project import BUILTIN_SUITES

SHIPPED = ("cumulative-totals", "source-attribution", "plausible-ranges", "cross-claim")
FALL = {"outlet": "X", "published": "2026-03", "quote": "45,000"}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def builtin_project(project, *suites: str) -> None:
    """The test project without the shipped suites in expectations/: its gate names the built-in ones and these."""
    for name in SHIPPED:
        (project.root / "expectations" / f"{name}.yml").unlink()
    names = ", ".join([f"factcheck:{name}" for name in SHIPPED] + list(suites))
    project.write("checks/publication.yml", f"datasets: [datasets/**/*.yml]\nsuites: [{names}]\n")
    project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03", source=FALL)])


def findings(result) -> dict[str, dict]:
    return {f["check"]: f for f in json.loads(result.stdout)["findings"]}


def test_the_four_suites_ship_in_the_package_and_this_repository_links_to_them():
    assert sorted(p.stem for p in BUILTIN_SUITES.glob("*.yml")) == sorted(SHIPPED)
    for name in SHIPPED:
        mine = REPO / "expectations" / f"{name}.yml"
        assert mine.is_symlink()  # one copy of each suite: the package's
        assert mine.resolve() == (BUILTIN_SUITES / f"{name}.yml").resolve()
    assert "builtin_suites/*.yml" in (REPO / "pyproject.toml").read_text()


def test_a_gate_runs_the_built_in_suites_by_name(project):
    builtin_project(project)
    result = invoke("validate", "--json", "-")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["gates"][0]["suites"] == [f"factcheck:{name}" for name in SHIPPED]
    fall = findings(result)["cumulative-non-decreasing"]
    assert (fall["file"], fall["severity"], fall["blocking"]) == ("datasets/test.yml", "critical", True)


def test_a_misspelt_built_in_suite_gets_a_did_you_mean(project):
    project.write("checks/publication.yml", "datasets: [datasets/**/*.yml]\nsuites: [factcheck:cumulative-total]\n")
    project.dataset([claim()])
    result = invoke("validate")
    assert result.exit_code == 2
    assert "factcheck ships no suite 'cumulative-total'" in result.output
    assert "did you mean `factcheck:cumulative-totals`?" in result.output


def test_a_projects_suite_overrides_the_severity_and_message_of_a_built_in_check(project):
    project.write(
        "expectations/desk.yml",
        """
        name: desk
        overrides:
          cumulative-non-decreasing:
            severity: warning
            message: "our desk: {figure} is below {related}"
        """,
    )
    builtin_project(project, "expectations/desk.yml")
    result = invoke("validate", "--json", "-")
    assert result.exit_code == 0, result.output  # the fall now warns instead of blocking
    fall = findings(result)["cumulative-non-decreasing"]
    assert fall["severity"] == "warning"
    assert fall["message"] == "our desk: 45,000 is below 55,000 (2026-02, zelensky, France 2)"


def test_an_override_applies_only_in_the_gates_that_run_its_suite(project):
    project.write("expectations/desk.yml", "name: desk\noverrides:\n  cumulative-non-decreasing: {severity: info}\n")
    builtin_project(project)
    project.write("checks/other.yml", "datasets: [datasets/**/*.yml]\nsuites: [factcheck:cumulative-totals]\n")
    project.write(
        "checks/publication.yml",
        "datasets: [datasets/**/*.yml]\nsuites: [factcheck:cumulative-totals, expectations/desk.yml]\n",
    )
    result = invoke("validate", "checks/other.yml")
    assert result.exit_code == 1
    assert invoke("validate", "checks/publication.yml").exit_code == 0


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ("cumulative-non-decreasin: {severity: warning}", "the override names 'cumulative-non-decreasin'"),
        ("cumulative-non-decreasing: {}", "`overrides.cumulative-non-decreasing`: an override gives a `severity`"),
        ("cumulative-non-decreasing: {severity: fatal}", "`overrides.cumulative-non-decreasing.severity` should be"),
    ],
)
def test_an_override_that_changes_no_check_of_the_gate_is_a_configuration_error(project, override, expected):
    project.write("expectations/desk.yml", f"name: desk\noverrides:\n  {override}\n")
    builtin_project(project, "expectations/desk.yml")
    result = invoke("validate")
    assert result.exit_code == 2
    assert f"expectations/desk.yml:3: {expected}" in result.output
    if "non-decreasin'" in expected:
        assert "did you mean `cumulative-non-decreasing`?" in result.output


def test_a_check_overridden_twice_is_refused(project):
    for name in ("one", "two"):
        project.write(f"expectations/{name}.yml", f"name: {name}\noverrides:\n  conflict: {{severity: info}}\n")
    builtin_project(project, "expectations/one.yml", "expectations/two.yml")
    result = invoke("validate")
    assert result.exit_code == 2
    assert "expectations/two.yml:3: 'conflict' is also overridden at expectations/one.yml:3" in result.output
