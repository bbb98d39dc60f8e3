"""`factcheck init`: a project that validates at once, fails on a planted fall, and never overwrites."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factcheck import __version__
from factcheck.cli import file_schemas
from factcheck.cli.commands import cli
from factcheck.cli.scaffold import FILES, SCHEMAS
from factcheck.model.format import Claimant, Metric, Subject
from factcheck.pipeline import load
from factcheck.reading import yamlfile

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


def test_the_new_project_passes_at_once_and_its_draft_is_checked(made):
    result = invoke("validate", "--json", "-")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["verdict"] == "publishable"
    # Both figures of the example draft are backed by the example dataset's claims: nothing else is found.
    assert sorted((f["file"], f["check"], f["status"], f["claim"]) for f in report["findings"]) == [
        ("articles/example.md", "article-backed", "corroborated", "deaths-city-hall-2024-03-02"),
        ("articles/example.md", "article-backed", "corroborated", "deaths-city-hall-2024-03-05"),
    ]


def test_the_gate_checks_the_drafts(made):
    gate = yaml.safe_load((made / "checks" / "publication.yml").read_text())
    assert gate["articles"] == ["articles/**/*.md", "articles/**/*.txt"]
    draft = made / "articles" / "example.md"
    draft.write_text(draft.read_text().replace("at least 12", "at least 21"))
    result = invoke("validate")
    assert result.exit_code == 1, result.output
    assert "articles/example.md:7:46: critical article-contradicts [deaths-city-hall-2024-03-02]" in result.output


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
    catalog, findings = load.load_catalog(made)
    assert catalog is not None and findings == []

    for model in (Metric, Subject, Claimant):
        for name in model.model_fields:
            assert f"    {name}:" in text, f"{model.__name__}.{name} has no example"


def test_the_requirements_pin_this_version_and_the_workflow_installs_them(made):
    assert (made / "requirements.txt").read_text().splitlines()[-1] == f"factcheck-ci=={__version__}"
    workflow = yaml.safe_load((made / ".github" / "workflows" / "factcheck.yml").read_text())
    steps = workflow["jobs"]["gate"]["steps"]
    assert any(s.get("run", "").endswith("-r requirements.txt") for s in steps)
    assert any("factcheck validate" in s.get("run", "") for s in steps)


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


# --- the workflow init writes: the pull-request view of this repository's own gate ------------------------------

REPO_WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "factcheck.yml"


def workflow_of(root: Path) -> dict:
    return yaml.safe_load((root / ".github" / "workflows" / "factcheck.yml").read_text())


def test_the_workflow_mirrors_this_repositorys_pull_request_gate(made):
    ours, theirs = workflow_of(made), yaml.safe_load(REPO_WORKFLOW.read_text())
    for key in (True, "permissions", "concurrency"):  # YAML 1.1 reads the key `on` as true
        assert ours[key] == theirs[key], key
    assert set(ours["jobs"]) == {"gate", "code-scanning"}
    # The code-scanning job, the only one whose token may write, is this repository's, step for step.
    assert ours["jobs"]["code-scanning"] == theirs["jobs"]["code-scanning"]
    gate, their_gate = ours["jobs"]["gate"]["steps"], theirs["jobs"]["gate"]["steps"]
    assert gate[0] == their_gate[0] and gate[0]["with"]["fetch-depth"] == 0  # the base commit is in the clone
    validate = next(s for s in gate if s.get("id") == "factcheck")
    their_validate = next(s for s in their_gate if s.get("id") == "factcheck")
    assert (validate["env"], validate["run"]) == (their_validate["env"], their_validate["run"])
    assert '--baseline "$BASE"' in validate["run"] and "--sarif reports/factcheck.sarif" in validate["run"]
    upload = next(s for s in gate if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload == next(s for s in their_gate if s.get("uses", "").startswith("actions/upload-artifact@"))


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Desk",
           "GIT_AUTHOR_EMAIL": "desk@example.org", "GIT_COMMITTER_NAME": "Desk",
           "GIT_COMMITTER_EMAIL": "desk@example.org"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout.strip()


# A pull request's two wrong figures: the city's count falls from 19 to 10 (a dataset), and the draft says
# more than 40 where City Hall said 19 (an article). Below the 12 before the 19 too: at 15, between the two,
# the 19 would be the point out of line (cumulative-spike), not the pull request's figure.
FALL = """\
  - id: deaths-city-hall-2024-03-08
    metric: deaths
    subject: rivertown
    claimant: city-hall
    value: 10
    as_of: 2024-03-08
    source:
      outlet: Rivertown Gazette
      published: 2024-03-08
      url: https://example.org/gazette/flood-day-eight
      quote: "City Hall now puts the toll at 10"
"""
WRONG = "\nThe number of people who died has been put at more than 40 by City Hall.\n"


@pytest.mark.slow  # a git repository, the base run beside the head
def test_a_pull_request_gets_exactly_its_two_wrong_figures_as_new(made, tmp_path):
    """The project init writes, made a git repository; a branch adds a wrong figure to the dataset and one to
    the draft; the workflow's own validate step runs as on that pull request (its base commit as BASE)."""
    from test_workflow import run_steps, runner_env

    git(made, "init", "-q", "-b", "main")
    git(made, "add", "-A")
    git(made, "commit", "-q", "-m", "the project as init wrote it")
    base = git(made, "rev-parse", "HEAD")
    git(made, "checkout", "-q", "-b", "pull-request")
    dataset, draft = made / "datasets" / "example.yml", made / "articles" / "example.md"
    dataset.write_text(dataset.read_text() + FALL)
    draft.write_text(draft.read_text() + WRONG)
    git(made, "commit", "-q", "-am", "two wrong figures")

    steps = workflow_of(made)["jobs"]["gate"]["steps"]
    install = next(s for s in steps if s.get("run", "").endswith("-r requirements.txt"))
    steps = [s for s in steps if s is not install]  # the test's own factcheck is first on PATH
    runner = tmp_path / "runner"
    runner.mkdir()
    env = runner_env(made, runner)
    runs = run_steps(steps, made, env, runner, {"github.event.pull_request.base.sha": base})
    (gate,) = [r for r in runs if r.status == "ran"]
    assert gate.code == 1, gate.stdout + gate.stderr
    assert "base could not be validated" not in gate.stdout + gate.stderr

    report = json.loads((made / "reports" / "factcheck.json").read_text())
    assert report["comparison"]["base"]["commit"] == base
    assert report["comparison"]["counts"] == {"new": 2, "existing": 0, "newly_waived": 0, "fixed": 0}
    new = sorted((f["file"], f["line"], f["check"], f["claim"]) for f in report["findings"] if f["baseline"] == "new")
    assert new == [
        ("articles/example.md", 9, "article-contradicts", "deaths-city-hall-2024-03-05"),
        ("datasets/example.yml", 31, "cumulative-non-decreasing", "deaths-city-hall-2024-03-08"),
    ]
    # Nothing else: the draft's two backed figures are corroborations, neither new nor existing.
    assert sorted(f["check"] for f in report["findings"] if f["baseline"] is None) == ["article-backed"] * 2
    assert all(f["status"] == "corroborated" for f in report["findings"] if f["baseline"] is None)
    sarif = json.loads((made / "reports" / "factcheck.sarif").read_text())
    assert sorted(r["baselineState"] for r in sarif["runs"][0]["results"] if r.get("baselineState")) == ["new", "new"]
    assert git(made, "status", "--porcelain") == "?? reports/"  # the checkout itself is untouched


def test_a_symlink_swapped_in_after_the_check_is_not_written_through(tmp_path, monkeypatch):
    """The up-front check passes (a symlink appears only after it); writing opens each folder without
    following a symlink, so nothing lands outside the new project."""
    import factcheck.cli.scaffold as scaffold

    monkeypatch.chdir(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "desk").mkdir()
    monkeypatch.setattr(scaffold, "_refuse_links", lambda root, rel: None)
    os.symlink(outside, tmp_path / "desk" / "datasets")
    result = invoke("init", "desk")
    assert result.exit_code == 2, result.output
    assert "desk/datasets is a symlink: factcheck init does not write through it" in result.output
    assert list(outside.iterdir()) == []


# --- a desk's worked example as the starting point (src/factcheck/cli/desks/, package data) --------------------------

DESKS = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "cli" / "desks"
# Each desk's draft, with one figure made wrong: the gate checks the draft against the desk's claims.
WRONG_FIGURE = {
    "disaster": ("41,156 people had died", "51,156 people had died"),
    "epidemic": ("16,700 cases", "19,700 cases"),
    "conflict": ("was estimated at 55,000", "was estimated at 65,000"),
}


@pytest.mark.slow  # each desk written and validated, then with a wrong figure
@pytest.mark.parametrize("desk", sorted(WRONG_FIGURE))
def test_each_desk_starts_from_its_worked_example(desk, tmp_path, monkeypatch):
    from conftest import TODAY

    monkeypatch.chdir(tmp_path)
    result = invoke("init", "newsroom", "--desk", desk)
    assert result.exit_code == 0, result.output
    made, example = tmp_path / "newsroom", DESKS / desk
    # The desk's catalog, dataset and draft, each as the example has it (the YAML naming its editor schema);
    # the gate, workflow, requirements and README as every project has them; no file of the default desk.
    ours = {p.relative_to(example).as_posix() for p in example.rglob("*") if p.is_file() and "checks" not in p.parts}
    assert sorted(fingerprint(made)) == sorted(ours | set(WRITTEN) - {FILES[t] for t in ("catalog.yml", "example.yml",
                                                                                        "article.md")})  # fmt: skip
    for rel in ours:
        kind = "catalog" if rel.endswith("catalog.yml") else "dataset"
        first = f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n" if rel.endswith(".yml") else ""
        assert (made / rel).read_text() == first + (example / rel).read_text(), rel
    catalog = yaml.safe_load((example / "datasets" / "catalog.yml").read_text())
    claimant = yaml.safe_load((made / "schemas" / "dataset.schema.json").read_text())["$defs"]["Claim"]
    assert claimant["properties"]["claimant"]["enum"] == sorted(catalog["claimants"])
    readme = (made / "README.md").read_text()
    assert "example.yml" not in readme and next(p for p in ours if p.startswith("articles/")) in readme

    monkeypatch.chdir(made)
    clean = invoke("validate", "--today", TODAY, "--json", "-")
    assert clean.exit_code == 0, clean.output
    findings = json.loads(clean.stdout)["findings"]
    assert findings and {(f["check"], f["status"]) for f in findings} == {("article-backed", "corroborated")}

    draft = next((made / "articles").iterdir())
    right, wrong = WRONG_FIGURE[desk]
    assert right in draft.read_text()
    draft.write_text(draft.read_text().replace(right, wrong))
    planted = invoke("validate", "--today", TODAY, "--json", "-")
    assert planted.exit_code == 1, planted.output
    blocking = [f for f in json.loads(planted.stdout)["findings"] if f["blocking"]]
    assert [f["file"] for f in blocking] == [f"articles/{draft.name}"], blocking


def test_the_conflict_desk_starts_without_the_general_staffs_equipment():
    catalog = yaml.safe_load((DESKS / "conflict" / "datasets" / "catalog.yml").read_text())
    assert not [m for m in catalog["metrics"] if m.endswith(("_lost", "_downed"))]
    assert "general-staff" not in catalog["claimants"]


def test_init_writes_the_install_line_of_the_way_factcheck_was_installed(tmp_path):
    from factcheck.cli.scaffold import init

    line = "# from git\nfactcheck-ci @ git+https://github.com/newsroom/factcheck.git@" + "a" * 40 + "\n"
    init(tmp_path / "desk", requirement=line)
    assert (tmp_path / "desk" / "requirements.txt").read_text() == line


def test_an_unknown_desk_is_refused_with_the_desks_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "newsroom", "--desk", "sports")
    assert result.exit_code == 2
    assert "'sports' is not one of 'disaster', 'epidemic', 'conflict'" in result.output
    assert not (tmp_path / "newsroom").exists()
