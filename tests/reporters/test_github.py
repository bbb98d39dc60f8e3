"""The GitHub Actions reporter: workflow-command escaping, annotation limits, job summary, outputs."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from click.testing import CliRunner

from factcheck.cli.commands import cli
from factcheck.model.format import Waiver
from factcheck.report.findings import CheckInfo, Finding, Report
from factcheck.reporters import REPORTERS, get, github


def finding(line: int = 3, severity: str = "critical", blocking: bool | None = None, **fields) -> Finding:
    base = Finding(
        check="cumulative-non-decreasing",
        severity=severity,
        file="datasets/war.yml",
        line=line,
        message="falls from 55,000 to 45,000",
        claim=f"c{line}",
        title="Cumulative totals do not fall",
        blocking=severity == "critical" if blocking is None else blocking,
    )
    return replace(base, **fields)


def report(*findings: Finding) -> Report:
    return Report(findings=sorted(findings, key=Finding.sort_key))


def levels(lines: list[str]) -> list[str]:
    return [line[2:].split(" ", 1)[0].split("::", 1)[0] for line in lines]


def test_registered():
    assert REPORTERS["github"].module == "factcheck.reporters.github"
    assert get("github") is github


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("x: 1, y", "x: 1, y", "x%3A 1%2C y"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escaping(text, data, prop):
    assert github.escape_data(text) == data
    assert github.escape_property(text) == prop


def test_annotation_names_file_line_and_title_with_escaping():
    f = finding(7, message="50% off: a, b\nsecond line", hint="check the quote", file="datasets/a,b:c.yml")
    line = github.annotation(f, prefix="data")
    # The message's own line break comes from data and is shown as `\n`; the one before the hint is ours.
    assert line == (
        "::error file=data/datasets/a%2Cb%3Ac.yml,line=7,title=cumulative-non-decreasing%3A Cumulative totals do not fall"
        "::[c7] 50%25 off: a, b\\nsecond line%0Ahint: check the quote%0Asee `factcheck explain cumulative-non-decreasing`"
    )


def test_an_annotation_names_the_command_that_explains_its_check_not_the_explanation_itself():
    f = finding(7, explain="A running total never goes down. " * 20)
    line = github.annotation(f)
    assert line.endswith("::[c7] falls from 55,000 to 45,000%0Asee `factcheck explain cumulative-non-decreasing`")
    assert "A running total" not in line


@pytest.mark.parametrize(
    ("severity", "blocking", "expected"),
    [("critical", True, "error"), ("warning", True, "error"), ("warning", False, "warning"), ("info", False, "notice")],
)
def test_level_is_error_for_what_blocks_else_by_severity(severity, blocking, expected):
    assert levels(github.annotations(report(finding(severity=severity, blocking=blocking)))) == [expected]


def test_waived_and_corroborated_findings_are_not_annotated():
    waived = finding(1, status="waived", blocking=False, waiver=Waiver(check="x", reason="corrected"))
    corroborated = finding(2, status="corroborated", severity="info", blocking=False)
    assert github.annotations(report(waived, corroborated, finding(5))) == [github.annotation(finding(5))]


def test_most_important_first_at_most_ten_per_level_then_a_notice_counting_the_rest():
    many = [finding(line, "warning", blocking=False) for line in range(1, 13)]
    many += [finding(line, "critical") for line in range(100, 115)]
    many += [finding(line, "info", blocking=False) for line in range(50, 53)]
    lines = github.annotations(report(*many))
    assert levels(lines) == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 4
    assert [int(re.search(r",line=(\d+),", line).group(1)) for line in lines[:-1]] == [
        *range(100, 110),
        *range(1, 11),
        *range(50, 53),
    ]
    assert lines[-1].startswith("::notice title=factcheck%3A more findings::7 more findings (5 errors, 2 warnings)")
    assert "job summary" in lines[-1] and "report" in lines[-1]


def test_the_closing_notice_takes_a_notice_slot():
    lines = github.annotations(report(*(finding(line, "info", blocking=False) for line in range(1, 13))))
    assert levels(lines) == ["notice"] * 10
    assert "3 more findings (3 notices)" in lines[-1]


def test_exactly_ten_of_each_level_needs_no_closing_notice():
    lines = github.annotations(report(*(finding(line) for line in range(1, 11))))
    assert levels(lines) == ["error"] * 10
    assert "more findings" not in "".join(lines)


def test_summary_has_verdict_counts_and_escaped_cells():
    waiver = Waiver(check="cumulative-non-decreasing", reason="corrected | on *13 Oct*", until="2027-01-01")
    text = github.summary(
        report(
            finding(4, message="a | b <script> *bold* [x](y)", hint="look at [it](z)"),
            finding(9, status="waived", blocking=False, waiver=waiver),
        )
    )
    assert text.startswith("## ❌ factcheck: blocked\n")
    assert "| 1 | 1 | 0 | 0 | 1 | 0 | 0 |" in text
    assert "| **critical** | datasets/war.yml:4 | `cumulative-non-decreasing` | c4 | " in text
    assert (
        r"a \| b \<script\> \*bold\* \[x\](y) (hint: look at \[it\](z); "
        "see `factcheck explain cumulative-non-decreasing`) |" in text
    )
    # every row of a table has the same number of unescaped separators as its header
    for table_line in (line for line in text.splitlines() if line.startswith("| ")):
        assert len(re.findall(r"(?<!\\)\|", table_line)) in (5, 6, 8), table_line


def test_waived_and_corroborated_findings_are_counted_per_check_not_listed():
    def waived(line: int, until: str | None, check: str = "cumulative-non-decreasing") -> Finding:
        waiver = Waiver(check=check, reason=f"reason number {line}", until=until)
        return finding(line, status="waived", blocking=False, waiver=waiver, check=check)

    findings = [waived(n, "2027-01-01") for n in range(1, 60)] + [waived(60, "2026-12"), waived(61, None, "conflict")]
    findings += [finding(70, status="corroborated", severity="info", blocking=False, check="snapshot-vs-cumulative")]
    report_ = report(*findings)
    report_.checks = {"conflict": CheckInfo("One claim, one figure")}
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "42"}
    text = github.summary(report_, environ=env)
    assert "reason number" not in text  # each waiver's reason is in the HTML report, not here
    assert "| `conflict` One claim, one figure | 1 | no end date | 0 |" in text
    assert "| `cumulative-non-decreasing` | 60 | 2026-12 | 0 |" in text  # the first waiver to end
    assert "| `snapshot-vs-cumulative` | 0 |  | 1 |" in text
    assert "listed in the HTML report uploaded with [this run](https://github.com/o/r/actions/runs/42)" in text
    assert len(text.encode("utf-8")) < 2048


def test_a_clean_run_with_many_waivers_has_a_small_summary():
    waiver = Waiver(check="cumulative-non-decreasing", reason="the claimant corrected it " * 5, until="2027-01-01")
    many = [finding(n, status="waived", blocking=False, waiver=waiver) for n in range(1, 50_001)]
    text = github.summary(report(*many))
    assert text.startswith("## ✅ factcheck: publishable")
    assert "| `cumulative-non-decreasing` | 50,000 | 2027-01-01 | 0 |" in text
    assert len(text.encode("utf-8")) < 2048


def test_summary_links_to_the_lines_when_the_run_is_known():
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"}
    text = github.summary(report(finding(4, file="datasets/a b.yml")), prefix="", environ=env)
    assert "[datasets/a b.yml:4](https://github.com/o/r/blob/abc/datasets/a%20b.yml#L4)" in text


def test_summary_links_cannot_be_broken_by_the_run_variables():
    env = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "o/r) ![x](https://evil.example/t.png) [y",
        "GITHUB_SHA": "abc\n::error::forged",
    }
    text = github.summary(report(finding(4)), prefix="", environ=env)
    assert "![x]" not in text and "](https://evil" not in text
    assert not any(line.startswith("::") for line in text.splitlines())


def test_publishable_summary():
    text = github.summary(report(finding(4, "warning", blocking=False)))
    assert text.startswith("## ✅ factcheck: publishable\n")


def test_summary_lists_the_most_important_findings_and_counts_the_rest_by_check():
    many = [finding(line, message="é" * 2000, hint="h" * 2000) for line in range(1, 1001)]
    many += [finding(line, "warning", blocking=False, check="conflict") for line in range(2000, 2010)]
    text = github.summary(report(*many))
    assert len(text.encode("utf-8")) <= github.SUMMARY_BUDGET
    rows = [line for line in text.splitlines() if line.startswith("| **critical** |")]
    assert len(rows) == github.SUMMARY_ROWS
    assert rows[0].startswith("| **critical** | datasets/war.yml:1 |")  # most important, then file order
    assert max(len(row) for row in rows) < 3 * 500  # each text is clipped before it takes any room
    assert "\n910 more findings (900 of `cumulative-non-decreasing`, 10 of `conflict`) not listed here" in text


def test_summary_stays_within_budget_when_the_rows_are_long():
    many = [finding(line, message="é" * 2000, hint="h" * 2000, claim="c" * 2000) for line in range(1, 1001)]
    budget = 60_000
    original = github.SUMMARY_BUDGET
    try:
        github.SUMMARY_BUDGET = budget
        text = github.summary(report(*many))
    finally:
        github.SUMMARY_BUDGET = original
    rows = [line for line in text.splitlines() if line.startswith("| **critical** |")]
    assert 0 < len(rows) < github.SUMMARY_ROWS
    assert len(text.encode("utf-8")) <= budget
    assert f"\n{1000 - len(rows)} more findings (" in text


def test_outputs():
    out = github.outputs(report(finding(1), finding(2, "warning", blocking=False)))
    assert out == {
        "verdict": "blocked",
        "blocking": "1",
        "critical": "1",
        "warning": "1",
        "info": "0",
        "waived": "0",
        "corroborated": "0",
        "claims": "0",
    }


def test_publish_appends_to_the_step_files_with_paths_from_the_repository_root(tmp_path):
    repo = tmp_path / "repo"
    (repo / "facts").mkdir(parents=True)
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_WORKSPACE": str(repo), "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    lines: list[str] = []

    class Stream:
        def write(self, text: str) -> None:
            lines.append(text)

    github.publish(report(finding(3)), Stream(), repo / "facts", env)
    assert "".join(lines).startswith("::error file=facts/datasets/war.yml,line=3,")
    assert summary.read_text(encoding="utf-8").startswith("earlier step\n## ❌ factcheck: blocked")
    assert "facts/datasets/war.yml:3" in summary.read_text(encoding="utf-8")
    assert "verdict=blocked\n" in output.read_text(encoding="utf-8")


def test_repository_prefix_from_git_when_not_on_a_runner(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    assert github.repository_prefix(tmp_path / "sub", {}) == "sub"
    assert github.repository_prefix(tmp_path, {}) == ""


def test_cli_github_flag_and_no_github_override(project, monkeypatch):
    series = {"metric": "military_killed", "subject": "ukraine", "claimant": "zelensky"}
    project.dataset(
        [
            {"id": "a", **series, "value": 55000, "as_of": "2026-02",
             "source": {"outlet": "France 2", "published": "2026-02", "quote": "is 55,000"}},
            {"id": "b", **series, "value": 45000, "as_of": "2026-03",
             "source": {"outlet": "X", "published": "2026-03", "quote": "45,000"}},
        ]
    )  # fmt: skip
    line_of_b = project.root.joinpath("datasets/test.yml").read_text().splitlines().index("- id: b") + 1
    result = CliRunner().invoke(cli, ["validate", "--github"], catch_exceptions=False)
    assert result.exit_code == 1
    assert f"::error file=datasets/test.yml,line={line_of_b},title=cumulative-non-decreasing" in result.output
    assert result.output.strip().splitlines()[-1].startswith("BLOCKED")

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(project.root / "summary.md"))
    result = CliRunner().invoke(cli, ["validate", "--no-github"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "::" not in result.output
    assert not (project.root / "summary.md").exists()


def test_a_configuration_error_is_annotated_on_its_file_and_line(project, monkeypatch):
    from click.testing import CliRunner

    from factcheck.cli.commands import cli

    project.write("checks/publication.yml", "datasets: [datasets/**/*.yml]\nsuites: [x.yml]\nfail_on: fatal\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "::error file=checks/publication.yml,line=3,title=factcheck configuration error::" in result.output
    result = CliRunner().invoke(cli, ["validate", "--no-github"])
    assert "::error" not in result.output


def test_annotation_texts_from_data_are_one_escaped_line_each_and_clipped():
    evil = "x\r\n::error file=a,line=1::forged\x1b[2J\u2028##[error]v1"
    f = finding(message=evil + "q" * 10_000, hint=evil, claim=evil, explain=evil, file="::x\n.yml", title=evil)
    line = github.annotation(f)
    assert "\n" not in line and "\r" not in line and "\x1b" not in line and "##[" not in line
    head, message = line.split("::", 2)[1:]
    assert head.startswith("error file=\\x3a%3Ax\\n.yml,line=3,title=")
    parts = message.split("%0A")
    assert parts[0].startswith("[x\\r\\n::error file=a,line=1::forged\\x1b[2J\\u2028#\\x23[error]v1] x\\r\\n")
    assert len(parts) == 3 and max(len(p) for p in parts) < 1100  # the claim id and the message: 500 each
    assert parts[1] == "hint: x\\r\\n::error file=a,line=1::forged\\x1b[2J\\u2028#\\x23[error]v1"
    assert parts[2] == "see `factcheck explain cumulative-non-decreasing`"  # not the explanation


def test_a_configuration_errors_data_is_escaped_in_its_annotation():
    line = github.configuration_error("checks/x\n::error::y.yml:3: bad \x1b[2J", "fix\n::warning::z")
    assert line == (
        "::error title=factcheck configuration error::checks/x\\n::error::y.yml:3: bad \\x1b[2J"
        "%0Ahint: fix\\n::warning::z"
    )
    located = github.configuration_error("checks/a,b.yml:3: bad\nvalue", "")
    assert located == "::error file=checks/a%2Cb.yml,line=3,title=factcheck configuration error::bad\\nvalue"


def test_summary_cells_escape_controls_bidi_and_markup():
    text = github.cell("a|b\n<img src=x>\x1b[2J\u202e`c`")
    assert text == r"a\|b\\n\<img src=x\>\\x1b\[2J\\u202e\`c\`"
    assert len(github.cell("é" * 10_000)) == 500


def test_a_step_output_with_a_line_break_is_refused():
    assert github.output_line("verdict", "blocked") == "verdict=blocked\n"
    with pytest.raises(ValueError, match="one line"):
        github.output_line("verdict", "blocked\nforged=1")


def test_a_github_workspace_that_loops_is_no_workspace(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert github.repository_prefix(tmp_path, {"GITHUB_WORKSPACE": str(tmp_path / "a")}) == ""
