"""The CI files: linted by actionlint and jactionlint, and the gate job run in a simulated runner.

The simulated runner (`run_steps`) runs a job's `run:` steps in order with bash, as GitHub does
(`bash --noprofile --norc -eo pipefail`), in a temporary copy of the repository, with `GITHUB_ACTIONS=true`,
`GITHUB_WORKSPACE` and a fresh `GITHUB_STEP_SUMMARY` and `GITHUB_OUTPUT` file per step. A step that is not
`if: always()` is skipped after a failure. `uses:` steps are not run (they download actions). An install step
(`python -m pip install .` and the like) is not run either: the interpreter running the tests, with factcheck
already installed, is first on PATH, so `python` and `factcheck` in later steps are this checkout's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow  # actionlint and git clones of a project, the workflow run as GitHub runs it

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "factcheck.yml"
ACTION = REPO / "action.yml"
BIN = Path(sys.executable).parent
TODAY = "2026-11-26"

# A claim added by a pull request: Zelensky's count falls from 55,000 (2026-02, in the shipped dataset)
# to 45,000 a month later. The finding is on the `- id:` line, line 5.
BROKEN = """\
dataset: pull-request
title: A figure added in a pull request
origin: 2022-02-24
claims:
  - id: ua-military-killed-zelensky-2026-03
    metric: military_killed
    subject: ukraine
    claimant: zelensky
    value: 45000
    as_of: 2026-03
    source:
      outlet: Example
      published: 2026-03
      quote: "45,000 soldiers"
"""
BROKEN_FILE, BROKEN_LINE = "datasets/pull-request.yml", 5
INSTALL = re.compile(r"^python -m pip install(?: --disable-pip-version-check)? (?:-e )?\"?\.(?:\[[a-z,]+\])?\"?$")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def lint(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


# --- linting ------------------------------------------------------------------------------------------------


def workflows() -> list[Path]:
    return sorted((REPO / ".github" / "workflows").glob("*.y*ml"))


def test_actionlint_passes_on_every_workflow():
    assert WORKFLOW in workflows()
    result = lint([tool("actionlint"), "-no-color", *map(str, workflows())], REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_on_a_broken_workflow(tmp_path):
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "if: always()" in text
    broken = tmp_path / ".github" / "workflows" / "factcheck.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(text.replace("if: always()", "if: alwayz()"), encoding="utf-8")
    result = lint([tool("actionlint"), "-no-color", str(broken)], tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "alwayz" in result.stdout


JACTIONLINT = ["--profile", "correctness", "--no-hints", "--no-online", "--no-color"]


def test_jactionlint_passes_on_the_action():
    result = lint([tool("jactionlint"), *JACTIONLINT, str(ACTION)], REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_jactionlint_fails_on_a_broken_action(tmp_path):
    text = ACTION.read_text(encoding="utf-8")
    assert "steps.validate.outputs.verdict" in text
    broken = tmp_path / "action.yml"
    broken.write_text(text.replace("${{ inputs.fail-on }}", "${{ inputs.fail-of }}"), encoding="utf-8")
    result = lint([tool("jactionlint"), *JACTIONLINT, str(broken)], tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "fail-of" in result.stdout


# --- the workflow's shape -----------------------------------------------------------------------------------


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_workflow_triggers_permissions_and_concurrency():
    workflow = load(WORKFLOW)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    for name, job in workflow["jobs"].items():
        if name != "code-scanning":
            assert "permissions" not in job  # nothing else widens the workflow's read-only token
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"(actions/[a-z-]+|github/codeql-action/upload-sarif)@v\d+", step["uses"]), step


def test_only_the_code_scanning_job_may_write_and_it_runs_nothing_of_the_repository():
    workflow = load(WORKFLOW)
    job = workflow["jobs"]["code-scanning"]
    assert job["permissions"] == {"contents": "read", "actions": "read", "security-events": "write"}
    assert job["needs"] == "gate"
    assert "always()" in job["if"] and "cancelled" not in job["if"]
    # No `run:` step: with a token that can write, no code or data of the pull request is executed.
    assert all("uses" in step and "run" not in step for step in job["steps"])
    download, upload = job["steps"][-2:]
    assert download["uses"].startswith("actions/download-artifact@")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    # It uploads the SARIF file that the gate writes, from the artifact that the gate uploads.
    gate = workflow["jobs"]["gate"]["steps"]
    gate_upload = next(s for s in gate if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert download["with"]["name"] == gate_upload["with"]["name"]
    validate = next(s for s in gate if s.get("id") == "factcheck")
    assert "--sarif reports/factcheck.sarif" in validate["run"] and gate_upload["with"]["path"] == "reports/"
    assert upload["with"]["sarif_file"] == download["with"]["path"] + "/factcheck.sarif"
    assert upload["with"]["category"] == "factcheck"


def test_the_gate_compares_a_pull_request_with_its_base():
    steps = load(WORKFLOW)["jobs"]["gate"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    validate = next(s for s in steps if s.get("id") == "factcheck")
    assert validate["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    assert '--baseline "$BASE"' in validate["run"]


def test_test_job_installs_the_test_and_spark_extras_and_runs_pytest():
    scripts = [step.get("run", "") for step in load(WORKFLOW)["jobs"]["test"]["steps"]]
    assert any(INSTALL.match(s) and ".[test,spark]" in s for s in scripts)
    command = "python -m pytest -q -n auto --dist loadfile --no-loadscope-reorder"  # README's test command
    assert any(s.endswith(command) for s in scripts)


# --- the gate job in a simulated runner ---------------------------------------------------------------------


@dataclass
class StepRun:
    step: dict
    status: str  # ran, skipped (after a failure), uses (an action, not run), installed (the test's venv)
    code: int = 0
    stdout: str = ""
    stderr: str = ""
    summary: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


def runner_env(workspace: Path, temp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_", "FACTCHECK_"))}
    env.pop("NO_COLOR", None)
    env.update(
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        CI="true",
        GITHUB_ACTIONS="true",
        GITHUB_WORKSPACE=str(workspace),
        RUNNER_TEMP=str(temp),
        FACTCHECK_TODAY=TODAY,  # the shipped datasets and the broken claim are judged on a fixed day
    )
    return env


def parse_outputs(text: str) -> dict[str, str]:
    outputs, lines = {}, iter(text.splitlines())
    for line in lines:
        if "<<" in line and "=" not in line.split("<<")[0]:
            name, delimiter = line.split("<<", 1)
            outputs[name] = "\n".join(iter(lambda: next(lines), delimiter))
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


def evaluate(value: object, context: dict[str, str]) -> str:
    """`${{ name }}` replaced by `context[name]`, as the runner does for a step's `env`; an expression the
    test gives no value for fails the test."""

    def value_of(match: re.Match) -> str:
        assert match.group(1) in context, f"no value for ${{{{ {match.group(1)} }}}} in the simulated runner"
        return context[match.group(1)]

    return re.sub(r"\$\{\{ ([a-z0-9_.-]+) \}\}", value_of, str(value))


def run_steps(
    steps: list[dict], workspace: Path, env: dict[str, str], temp: Path, context: dict[str, str] | None = None
) -> list[StepRun]:
    context = {"github.event.pull_request.base.sha": "", **(context or {})}  # a push event unless told
    runs: list[StepRun] = []
    failed = False
    for index, step in enumerate(steps):
        if failed and step.get("if") not in ("always()", "failure()"):
            runs.append(StepRun(step, "skipped"))
            continue
        if "uses" in step:
            runs.append(StepRun(step, "uses"))
            continue
        script = step["run"].strip()
        assert "${{" not in script, "expressions belong in `env:`, where the simulated runner can read them"
        assert step.get("shell", "bash") == "bash"
        if INSTALL.match(script):
            runs.append(StepRun(step, "installed"))
            continue
        summary, output = temp / f"summary-{index}.md", temp / f"output-{index}"
        summary.touch()
        output.touch()
        step_env = {**env, **{k: evaluate(v, context) for k, v in step.get("env", {}).items()}}
        step_env.update(GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(output))
        cwd = workspace / step.get("working-directory", ".")
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=cwd,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        runs.append(
            StepRun(step, "ran", result.returncode, result.stdout, result.stderr,
                    summary.read_text(encoding="utf-8"), parse_outputs(output.read_text(encoding="utf-8")))
        )  # fmt: skip
        failed = failed or result.returncode != 0
    return runs


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A checkout of the repository as `actions/checkout` leaves it, plus a pull request's broken claim.

    Of the datasets, only the catalog and the seed dataset are copied: the broken claim belongs to the seed
    dataset's series, and large imported datasets would only slow the two runs down.
    """
    root = tmp_path_factory.mktemp("runner") / "workspace"
    root.mkdir()
    for folder in ("checks", "expectations", ".github", "datasets/russo-ukrainian-war"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "datasets" / "catalog.yml", root / "datasets" / "catalog.yml")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copy(ACTION, root / "action.yml")
    (root / ".git").mkdir()
    (root / BROKEN_FILE).write_text(BROKEN, encoding="utf-8")
    return root


def test_gate_job_fails_annotates_summarises_and_leaves_the_reports_for_the_upload(workspace, tmp_path):
    steps = load(workspace / ".github" / "workflows" / "factcheck.yml")["jobs"]["gate"]["steps"]
    runs = run_steps(steps, workspace, runner_env(workspace, tmp_path), tmp_path)

    assert [r.status for r in runs] == ["uses", "uses", "installed", "ran", "uses"]
    gate = next(r for r in runs if r.status == "ran")
    assert gate.code == 1, gate.stdout + gate.stderr
    errors = [line for line in gate.stdout.splitlines() if line.startswith("::error ")]
    assert errors, gate.stdout
    assert errors[0].startswith(f"::error file={BROKEN_FILE},line={BROKEN_LINE},title=cumulative-non-decreasing")
    assert "falls from 55,000" in errors[0]
    assert gate.stdout.splitlines()[-1].startswith("BLOCKED")

    assert gate.summary.startswith("## ❌ factcheck: blocked")
    assert f"{BROKEN_FILE}:{BROKEN_LINE}" in gate.summary
    assert gate.outputs["verdict"] == "blocked"
    assert gate.outputs["blocking"] == "1"

    upload = runs[-1]
    assert upload.step["uses"].startswith("actions/upload-artifact@")
    assert upload.step["if"] == "always()"
    uploaded = [workspace / p for p in upload.step["with"]["path"].split()]
    html = workspace / "reports" / "factcheck.html"
    report = workspace / "reports" / "factcheck.json"
    sarif = workspace / "reports" / "factcheck.sarif"
    for produced in (html, report, sarif):
        assert any(produced == p or produced.is_relative_to(p) for p in uploaded), (produced, uploaded)
    assert "<html" in html.read_text(encoding="utf-8").lower()
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert [(f["file"], f["line"], f["check"]) for f in findings if f["blocking"]] == [
        (BROKEN_FILE, BROKEN_LINE, "cumulative-non-decreasing")
    ]
    (result,) = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert result["ruleId"] == "cumulative-non-decreasing"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == BROKEN_FILE
    assert "What this pull request changed" not in gate.summary  # a push: nothing to compare with


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "CI",
           "GIT_AUTHOR_EMAIL": "ci@example.org", "GIT_COMMITTER_NAME": "CI", "GIT_COMMITTER_EMAIL": "ci@example.org"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout.strip()


def test_gate_job_on_a_pull_request_says_what_it_changed_and_what_is_new(workspace, tmp_path):
    """The workspace as `actions/checkout` leaves it with `fetch-depth: 0`: a clone whose base commit lacks
    the pull request's claim."""
    clone = tmp_path / "clone"
    shutil.copytree(workspace, clone, ignore=shutil.ignore_patterns(".git", "reports", "factcheck-reports"))
    git(clone, "init", "-q", "-b", "main")
    (clone / BROKEN_FILE).rename(tmp_path / "broken.yml")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "base")
    base = git(clone, "rev-parse", "HEAD")
    (tmp_path / "broken.yml").rename(clone / BROKEN_FILE)
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "pull request")
    steps = load(clone / ".github" / "workflows" / "factcheck.yml")["jobs"]["gate"]["steps"]
    env = runner_env(clone, tmp_path)
    runs = run_steps(steps, clone, env, tmp_path, {"github.event.pull_request.base.sha": base})

    gate = next(r for r in runs if r.status == "ran")
    assert gate.code == 1, gate.stdout + gate.stderr
    assert "### What this pull request changed" in gate.summary
    assert "1 claim added; 1 new finding; 0 fixed" in gate.summary
    assert any(line.startswith(f"::error file={BROKEN_FILE},line={BROKEN_LINE},") and "(new)::" in line
               for line in gate.stdout.splitlines())  # fmt: skip
    (result,) = json.loads((clone / "reports" / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert result["baselineState"] == "new"
    assert git(clone, "status", "--porcelain") == "?? reports/"  # the checkout itself is untouched


def test_composite_action_validates_with_its_inputs_and_names_the_reports_to_upload(workspace, tmp_path):
    action = load(workspace / "action.yml")
    assert action["runs"]["using"] == "composite"
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    assert {"baseline": "", "fail-on-new": "false", "sarif": ""}.items() <= defaults.items()
    inputs = {**defaults, "fail-on": "warning", "targets": "datasets", "sarif": "factcheck-reports/factcheck.sarif"}
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "validate")

    def evaluate(value: str) -> str:
        return re.sub(r"\$\{\{ inputs\.([a-z-]+) \}\}", lambda m: inputs[m.group(1)], value)

    step = {**step, "env": {k: evaluate(v) for k, v in step["env"].items()},
            "working-directory": evaluate(step["working-directory"])}  # fmt: skip
    env = {**runner_env(workspace, tmp_path), "FACTCHECK_BIN": str(BIN)}  # as the install step leaves it
    (run,) = run_steps([step], workspace, env, tmp_path)

    assert run.code == 1, run.stdout + run.stderr
    assert f"::error file={BROKEN_FILE},line={BROKEN_LINE}," in run.stdout
    assert run.outputs["verdict"] == "blocked"
    reports = run.outputs["reports"].splitlines()
    assert reports == [
        str(workspace / "factcheck-reports" / "factcheck.html"),
        str(workspace / "factcheck-reports" / "factcheck.json"),
        str(workspace / "factcheck-reports" / "factcheck.sarif"),
    ]
    assert all(Path(p).is_file() for p in reports)
    assert run.outputs["sarif"] == reports[-1]
    assert action["outputs"]["sarif"]["value"] == "${{ steps.validate.outputs.sarif }}"


def test_pre_commit_hook_runs_the_gate_on_dataset_changes():
    (hook,) = load(REPO / ".pre-commit-hooks.yaml")
    assert hook["id"] == "factcheck"
    assert hook["language"] == "python"
    scripts = {ep.name for ep in metadata.distribution("factcheck-ci").entry_points if ep.group == "console_scripts"}
    assert hook["entry"].split()[0] in scripts
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("datasets/russo-ukrainian-war/casualties.yml")
    assert files.search("checks/publication.yml")
    assert files.search("expectations/cumulative-totals.yml")
    assert not files.search("src/factcheck/cli/commands.py")
    assert not files.search("docs/datasets/index.md")


def test_the_action_declares_every_output_the_reporter_writes_and_the_docs_list():
    from factcheck.reporters.github import OUTPUT_NAMES

    action = load(ACTION)
    # Every output the reporter writes, then the SARIF report's path, which the action's own step gives.
    assert list(action["outputs"]) == [*OUTPUT_NAMES, "sarif"]
    docs = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    listed = re.search(r"^ReportFiles: (.*?)\. ", docs, re.MULTILINE | re.DOTALL).group(1)
    listed = re.sub(r"\(`publishable` or `blocked`\)|\(the SARIF report's absolute path, when asked for\)", "", listed)
    assert re.findall(r"`([a-z]+)`", listed) == [*OUTPUT_NAMES, "sarif"]
    for name in OUTPUT_NAMES:
        assert action["outputs"][name]["value"] == f"${{{{ steps.validate.outputs.{name} }}}}"


def test_the_actions_inputs_are_documented():
    docs = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in load(ACTION)["inputs"]:
        assert f"| `{name}` |" in docs, name


def test_the_action_caches_pip_on_its_own_pyproject(workspace, tmp_path):
    steps = load(ACTION)["runs"]["steps"]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"] == {"path": "${{ steps.pip-cache.outputs.dir }}", "key": "${{ steps.pip-cache.outputs.key }}"}
    key = next(s for s in steps if s.get("id") == "pip-cache")
    install = next(s for s in steps if s.get("name") == "Install factcheck")
    assert install["env"]["PIP_CACHE_DIR"] == "${{ steps.pip-cache.outputs.dir }}"
    step = {**key, "env": {"PYTHON": sys.executable}}
    env = {**runner_env(workspace, tmp_path), "GITHUB_ACTION_PATH": str(REPO), "RUNNER_OS": "Linux"}
    (run,) = run_steps([step], workspace, env, tmp_path)
    assert run.code == 0, run.stderr
    assert run.outputs["dir"] == f"{tmp_path}/factcheck-pip-cache"
    assert re.fullmatch(r"factcheck-pip-Linux-3\.\d+-[0-9a-f]{16}", run.outputs["key"])


def test_composite_action_writes_junit_when_asked(workspace, tmp_path):
    action = load(workspace / "action.yml")
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update(junit="factcheck-reports/junit.xml", report="", json="")
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "validate")

    def evaluate(value: str) -> str:
        return re.sub(r"\$\{\{ inputs\.([a-z-]+) \}\}", lambda m: inputs[m.group(1)], value)

    step = {**step, "env": {k: evaluate(v) for k, v in step["env"].items()},
            "working-directory": evaluate(step["working-directory"])}  # fmt: skip
    env = {**runner_env(workspace, tmp_path), "FACTCHECK_BIN": str(BIN)}
    (run,) = run_steps([step], workspace, env, tmp_path)
    assert run.code == 1, run.stdout + run.stderr
    assert run.outputs["reports"].splitlines() == [str(workspace / "factcheck-reports" / "junit.xml")]
    assert "<testsuites" in (workspace / "factcheck-reports" / "junit.xml").read_text(encoding="utf-8")


def test_the_pre_commit_hook_runs_for_a_project_in_a_sub_folder_as_documented(tmp_path):
    """pre-commit runs a hook at the repository's root: the documented `args` and `files` point it at
    a project in `data/`, and the hook's entry with those args validates that project from the root."""
    (hook,) = load(REPO / ".pre-commit-hooks.yaml")
    docs = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    snippet = re.search(r"```yaml\n(      - id: factcheck\n        args: .*?)```", docs, re.DOTALL).group(1)
    (override,) = yaml.safe_load(snippet)
    assert override["args"] == ["--root", "data"]
    files = re.compile(override["files"])
    assert files.search("data/datasets/war.yml") and files.search("data/checks/publication.yml")
    assert not files.search("datasets/war.yml") and not files.search("src/data/datasets/x.yml")

    project = tmp_path / "data"
    for folder in ("checks", "expectations", "datasets/russo-ukrainian-war"):
        shutil.copytree(REPO / folder, project / folder)
    shutil.copy(REPO / "datasets" / "catalog.yml", project / "datasets" / "catalog.yml")
    (project / BROKEN_FILE).write_text(BROKEN.replace("45000", "65000").replace("45,000", "65,000"))
    command = [str(BIN / hook["entry"].split()[0]), *hook["entry"].split()[1:], *override["args"]]
    env = {**os.environ, "FACTCHECK_TODAY": TODAY, "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("PUBLISHABLE")
    (project / BROKEN_FILE).write_text(BROKEN)
    broken = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert broken.returncode == 1
    assert f"{BROKEN_FILE}:{BROKEN_LINE}: critical cumulative-non-decreasing" in broken.stdout
