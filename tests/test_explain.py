"""`factcheck checks` and `factcheck explain ID`: from the registry docs/checks.md is generated from."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from factcheck.cli.commands import cli
from factcheck.rules import ARTICLES, REGISTRY


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_checks_lists_every_shipped_check_with_its_severity_suite_and_title(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # outside any project: the shipped checks only
    result = invoke("checks")
    assert result.exit_code == 0, result.output
    table = result.stdout.split("\n\n")[0].splitlines()
    assert re.split(r"\s{2,}", table[0]) == ["ID", "SEVERITY", "SUITE", "TITLE"]
    rows = {line.split()[0]: line for line in table[1:]}
    assert list(rows) == list(REGISTRY)
    for check_id, module in REGISTRY.items():
        columns = re.split(r"\s{2,}", rows[check_id])
        outside = "the articles" if check_id in ARTICLES else "the files"
        assert columns == [check_id, module.SEVERITY, module.SUITE or outside, module.TITLE], rows[check_id]
    assert "factcheck explain ID" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("check_id", list(REGISTRY))
def test_explain_prints_the_explanation_documentation_and_both_examples(check_id, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    module = REGISTRY[check_id]
    result = invoke("explain", check_id)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"{check_id}: {module.TITLE}\n")
    assert f"severity: {module.SEVERITY}" in out
    assert _words(module.EXPLAIN) in _words(out)
    body = (module.__doc__ or "").strip().partition("\n")[2].strip()
    assert _words(body) in _words(out)
    passes, fails = out.split("\nPasses:\n", 1)[1].split("\nFails:\n", 1)
    assert [line.strip() for line in module.PASSES.strip().splitlines()] == [
        line.strip() for line in passes.strip().splitlines()
    ]
    assert [line.strip() for line in module.FAILS.strip().splitlines()] == [
        line.strip() for line in fails.strip().splitlines()[: len(module.FAILS.strip().splitlines())]
    ]


def test_an_unknown_id_exits_2_with_the_closest_id():
    result = invoke("explain", "cumulative-non-decresing")
    assert result.exit_code == 2
    assert "there is no check 'cumulative-non-decresing'" in result.stderr
    assert "did you mean `cumulative-non-decreasing`?" in result.stderr
    assert result.stdout == ""


def test_an_unknown_id_far_from_any_says_where_the_list_is():
    result = invoke("explain", "zzzz")
    assert result.exit_code == 2
    assert "did you mean" not in result.stderr and "`factcheck checks` lists every check" in result.stderr


OWN_SUITE = """\
name: desk
expectations:
  - type: expect_column_values_to_be_between
    kwargs: {column: value, max_value: 1000}
    meta:
      id: desk-small-figures
      title: "Small figures \\x1b[2J ::error::only"
      explain: "This desk reports on villages: a figure above 1,000 is a typo. \\u202e"
      message: "{figure} is above 1,000"
    severity: warning
"""


def _own_check(project) -> None:
    project.write("expectations/desk.yml", OWN_SUITE)
    project.write(
        "checks/desk.yml",
        "datasets: [datasets/**/*.yml]\nsuites: [expectations/desk.yml, expectations/cumulative-totals.yml]\n"
        "fail_on: critical\n",
    )


def test_inside_a_project_its_own_checks_are_listed_marked_and_escaped(project):
    _own_check(project)
    result = invoke("checks")
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.stdout.splitlines() if line.startswith("desk-small-figures")]
    assert "warning" in row and "expectations/desk.yml (this project's own)" in row
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Small figures \\x1b[2J ::error::only" in row
    assert f"{len(REGISTRY)} checks ship with factcheck, 1 are this project's own." in result.stdout


def test_a_project_check_is_explained_from_its_suite_entry(project):
    _own_check(project)
    result = invoke("explain", "desk-small-figures")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("desk-small-figures: Small figures \\x1b[2J ::error::only\n")
    assert "expectations/desk.yml:3 (this project's own check" in result.stdout
    assert "a figure above 1,000 is a typo. \\u202e" in result.stdout
    assert "{figure} is above 1,000" in result.stdout
    assert "\x1b" not in result.stdout


def test_a_project_check_is_found_by_did_you_mean(project):
    _own_check(project)
    result = invoke("explain", "desk-small-figure")
    assert result.exit_code == 2
    assert "did you mean `desk-small-figures`?" in result.stderr


def test_a_broken_project_still_lists_and_explains_the_shipped_checks(project):
    project.write("checks/broken.yml", "datasets: [datasets/**/*.yml]\nsuites: []\nfail_on: sometimes\n")
    listed = invoke("checks")
    assert listed.exit_code == 0
    assert "cumulative-non-decreasing" in listed.stdout
    assert listed.stderr.startswith("note: the project's own checks are not listed: checks/broken.yml:")
    explained = invoke("explain", "cumulative-non-decreasing")
    assert explained.exit_code == 0 and explained.stderr == ""
    unknown = invoke("explain", "desk-small-figures")
    assert unknown.exit_code == 2
    assert "the project's own checks are not listed: checks/broken.yml:" in unknown.stderr


def test_root_names_the_project(project, tmp_path_factory, monkeypatch):
    _own_check(project)
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert "desk-small-figures" not in invoke("checks").stdout
    assert "desk-small-figures" in invoke("checks", "--root", str(project.root)).stdout
