"""`factcheck init`: a project that validates at once, fails on a planted fall, and never overwrites."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factcheck import __version__, datasets, file_schemas, yamlfile
from factcheck.cli import cli
from factcheck.models import Claimant, Metric, Subject
from factcheck.scaffold import FILES, SCHEMAS

WRITTEN = [*FILES.values(), *SCHEMAS.values()]


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def fingerprint(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
            if p.is_file()}  # fmt: skip


@pytest.fixture
def made(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "desk")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "next: cd desk && factcheck validate"
    monkeypatch.chdir(tmp_path / "desk")
    return tmp_path / "desk"


def test_init_writes_every_file_into_a_new_folder(made):
    assert sorted(fingerprint(made)) == sorted(WRITTEN)


def test_the_new_project_passes_at_once(made):
    result = invoke("validate")
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "PUBLISHABLE: 2 claims checked (no findings)"


def test_a_planted_fall_blocks(made):
    example = made / "datasets" / "example.yml"
    text = example.read_text()
    assert "    value: 19\n" in text
    example.write_text(text.replace("    value: 19\n", "    value: 9\n").replace("risen to 19", "risen to 9"))
    result = invoke("validate")
    assert result.exit_code == 1
    line = next(n for n, t in enumerate(example.read_text().splitlines(), 1) if "2024-03-05" in t and "id:" in t)
    assert f"datasets/example.yml:{line}: critical cumulative-non-decreasing" in result.output
    assert "falls from at least 12" in result.output


def test_init_never_overwrites_and_names_the_file_in_the_way(made):
    for rel in WRITTEN:
        if rel != "README.md":
            (made / rel).unlink()
    (made / "README.md").write_text("our own readme\n")
    before = fingerprint(made)
    result = invoke("init", ".")
    assert result.exit_code == 2
    assert "README.md already exists: factcheck init writes only new files" in result.output
    assert fingerprint(made) == before  # nothing was written, nothing replaced


def test_force_replaces_what_init_writes(made):
    (made / "README.md").write_text("our own readme\n")
    assert invoke("init", ".", "--force").exit_code == 0
    assert "factcheck" in (made / "README.md").read_text()


def test_an_empty_folder_and_a_folder_of_other_files_need_no_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    assert invoke("init", "empty").exit_code == 0
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "LICENSE").write_text("licence\n")
    assert invoke("init", "repo").exit_code == 0
    assert (tmp_path / "repo" / "LICENSE").read_text() == "licence\n"
    monkeypatch.chdir(tmp_path / "empty")
    assert invoke("validate").exit_code == 0


def test_init_refuses_a_file_as_the_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("x")
    result = invoke("init", "file")
    assert result.exit_code == 2


def test_every_file_init_writes_follows_its_schema_and_names_it(made):
    kinds = {"datasets/catalog.yml": "catalog", "datasets/example.yml": "dataset", "checks/publication.yml": "gate"}
    for rel, kind in kinds.items():
        schema = jsonschema.Draft202012Validator(file_schemas.for_project(kind, made)[0])
        data, problems = yamlfile.read(made / rel)
        assert problems == []
        assert list(schema.iter_errors(data)) == [], rel
        first = (made / rel).read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema={'../' * rel.count('/')}schemas/{kind}.schema.json"
        written = (made / "schemas" / f"{kind}.schema.json").read_text()
        assert written == file_schemas.dumps(file_schemas.for_project(kind, made)[0])
    claimant = yaml.safe_load((made / "schemas" / "dataset.schema.json").read_text())["$defs"]["Claim"]
    assert claimant["properties"]["claimant"]["enum"] == ["city-hall"]


def test_the_catalog_shows_every_field_of_the_format(made):
    text = (made / "datasets" / "catalog.yml").read_text()
    catalog, findings = datasets.load_catalog(made)
    assert catalog is not None and findings == []

    for model in (Metric, Subject, Claimant):
        for name in model.model_fields:
            assert f"    {name}:" in text, f"{model.__name__}.{name} has no example"


def test_the_requirements_pin_this_version_and_the_workflow_installs_them(made):
    assert (made / "requirements.txt").read_text().splitlines()[-1] == f"factcheck-ci=={__version__}"
    workflow = yaml.safe_load((made / ".github" / "workflows" / "factcheck.yml").read_text())
    steps = workflow["jobs"]["gate"]["steps"]
    assert any(s.get("run", "").endswith("-r requirements.txt") for s in steps)
    assert any(s.get("run", "").startswith("factcheck validate") for s in steps)


def test_the_workflow_passes_actionlint(made):
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert actionlint, "actionlint is not installed: pip install -e '.[test]'"
    result = subprocess.run(
        [actionlint, "-no-color", ".github/workflows/factcheck.yml"], cwd=made, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pre_commit_hook_runs_the_gate(made):
    config = yaml.safe_load((made / ".pre-commit-config.yaml").read_text())
    (hook,) = config["repos"][0]["hooks"]
    assert hook["entry"] == "factcheck validate"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "datasets/example.yml")
