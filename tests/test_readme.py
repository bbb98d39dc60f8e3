"""The README's failing example is a real run: its YAML, through the CLI, prints exactly what it shows."""

from __future__ import annotations

import re

from click.testing import CliRunner

from conftest import REPO
from factcheck.cli.commands import cli


def _example_blocks() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A failing example", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```[a-z]*\n(.*?)```", section, re.DOTALL)


def test_the_readme_example_prints_what_the_readme_shows(project):
    dataset, first_output, second_output, _waiver = _example_blocks()
    path = project.write("datasets/russo-ukrainian-war/casualties.yml", dataset)
    expected = first_output.removeprefix("$ factcheck validate\n")
    assert CliRunner().invoke(cli, ["validate", "--no-color"]).output == expected
    path.write_text(dataset.replace("claimant: Zelenskiy", "claimant: zelensky"), encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate", "--no-color"]).output == second_output
