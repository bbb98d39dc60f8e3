"""What a desk that installed factcheck with pip reads: its hints, errors and `--help` point to commands it
has (`factcheck explain ID`, `factcheck checks`, `factcheck schema KIND`, `factcheck init`), never to a file
of this repository (docs/format.md...), which an installed package does not have. The project has no
published documentation address to point to instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.commands import cli

SRC = Path(__file__).resolve().parents[1] / "src" / "factcheck"
REPOSITORY_PATH = re.compile(r"\b(?:docs|datasets-src|tests|benchmarks)/(?:[\w./-]*[\w/])?")
# docs.py writes docs/checks.md and docs/cli.md: it names them as the files it writes, to no user.
GENERATOR = SRC / "cli" / "docs.py"
COMMANDS = sorted(cli.commands)


def _said(path: Path) -> list[tuple[int, str]]:
    """Every string in `path` a user may read: each literal that is not a docstring, and in cli.py the
    commands' docstrings too, which are their --help."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            help_text = path.name == "cli.py" and not isinstance(node, ast.Module)
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and not help_text:
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]  # fmt: skip


def test_no_hint_error_or_help_names_a_file_of_the_repository():
    named = [
        f"{path.relative_to(SRC)}:{line}: {match}"
        for path in sorted(SRC.rglob("*.py"))
        if path != GENERATOR
        for line, text in _said(path)
        for match in REPOSITORY_PATH.findall(text)
    ]
    assert named == []


def test_the_scan_sees_a_hint_and_a_commands_help(tmp_path):
    planted = tmp_path / "cli.py"
    planted.write_text('def f():\n    """Help: see docs/cli.md."""\n    raise E("x", "see docs/format.md")\n')
    assert [m for _, text in _said(planted) for m in REPOSITORY_PATH.findall(text)] == ["docs/cli.md", "docs/format.md"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_commands_help_names_only_what_an_installed_user_has(command):
    result = CliRunner().invoke(cli, [command, "--help"] if command else ["--help"])
    assert result.exit_code == 0, result.output
    assert REPOSITORY_PATH.findall(result.output) == []
    assert "%Y" not in result.output and "../" not in result.output  # no strftime metavar, no path of ours
    # an option's help names its value as the option's metavar does (`--report FILE ... to FILE`)
    for metavar, said in re.findall(r"--[\w-]+ ([A-Z]+)\s+(.*?)(?=\n  -|\Z)", result.output, re.DOTALL):
        for other in {"PATH", "FILE", "DIR", "DIRECTORY"} - {metavar}:
            assert not re.search(rf"\b{other}\b", said), (metavar, said)


def test_outside_a_project_the_error_says_how_to_start_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "no project found" in result.output and "`factcheck init`" in result.output


def test_a_project_without_a_catalog_is_told_how_to_get_one(project):
    (project.root / "datasets" / "catalog.yml").unlink()
    result = CliRunner().invoke(cli, ["validate"])
    assert "there is no datasets/catalog.yml" in result.output
    assert "`factcheck init`" in result.output and "`factcheck schema catalog`" in result.output
