"""Bindings, ignored figures, carried attribution, gate settings, the catalog's vocabulary, and articles
through `factcheck validate` and `factcheck article`."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from article_helpers import SEED, SEED_DATASET, articles, located, run_articles, seed_text  # noqa: F401
from conftest import REPO, TODAY, run_project
from factcheck.cli.commands import cli
from factcheck.prose.messages import CHECKS

HRMMU = "Russian attacks in Ukraine killed 2,514 civilians in 2025, the UN mission said.\n"


def test_a_bound_figure_is_compared_with_its_claim_alone(articles):  # noqa: F811
    text = "Zelensky said [55,000](claim:ua-military-killed-zelensky-2025-02) soldiers died.\n"
    (finding,) = articles.check(articles.article(text)).findings
    assert finding.check == "article-contradicts" and finding.claim == "ua-military-killed-zelensky-2025-02"
    assert (finding.line, finding.column) == located(text, "[55,000]", "55,000")


def test_a_binding_to_an_unknown_claim_is_unbacked_and_guesses_the_id(articles):  # noqa: F811
    text = "Russian attacks killed 2,514{claim:ua-civilians-killed-hrmmu-2052} civilians.\n"
    (finding,) = articles.check(articles.article(text)).findings
    assert finding.check == "article-unbacked"
    assert "'ua-civilians-killed-hrmmu-2052', which no dataset holds" in finding.message
    assert "did you mean `ua-civilians-killed-hrmmu-2025`?" in finding.hint


def test_a_binding_that_follows_no_figure_is_a_format_finding_at_its_column(articles):  # noqa: F811
    text = "Killed{claim:ua-civilians-killed-hrmmu-2025} 2,514 civilians in 2025.\n"
    report = articles.check(articles.article(text))
    problem = next(f for f in report.findings if f.check == "article-format")
    assert (problem.line, problem.column) == (1, 7) and "follows no figure" in problem.message
    assert report.blocked


def test_an_ignored_figure_has_no_finding_and_an_unused_ignore_entry_is_a_warning(articles):  # noqa: F811
    text = ("---\nignore:\n  - figure: 300\n    reason: delegates, not a claim\n  - figure: '9,999'\n"
            "    reason: gone\n---\nThe talks brought together 300 delegates.\n")  # fmt: skip
    report = articles.check(articles.article(text))
    (finding,) = report.findings
    assert finding.check == "article-format" and finding.severity == "warning" and finding.line == 5
    assert "'9,999'" in finding.message
    (mark,) = report.articles[0].marks
    assert mark.verdict == "ignored" and mark.reason == "delegates, not a claim"
    without = articles.check(articles.article("The talks brought together 300 delegates.\n", "articles/b.md"))
    assert [f.check for f in without.findings] == ["article-unbacked"]


def test_a_sentence_without_a_claimant_carries_the_one_named_earlier_in_its_paragraph(articles):  # noqa: F811
    text = ("President Zelensky spoke to France 2 on Wednesday. He said more than 46,000 Ukrainian soldiers had "
            "died by February 2025.\n\nMore than 46,000 Ukrainian soldiers had died by February 2025.\n")  # fmt: skip
    text = "---\npublished: 2026-02-04\n---\n" + text
    report = articles.check(articles.article(text))
    first, second = report.articles[0].marks
    assert first.context.claimant == "zelensky" and first.context.carried_from == 4
    assert first.verdict == "backed"
    assert second.context.claimant is None  # another paragraph: nothing is carried
    assert second.verdict == "backed"  # one claim fits its metric, subject and date


def test_the_words_around_a_figure_decide_its_metric_nearest_first(articles):  # noqa: F811
    report = articles.check(articles.article(HRMMU + "Russian attacks in Ukraine injured 2,514 civilians in 2025.\n"))
    killed, injured = report.articles[0].marks
    assert killed.verdict == "backed" and killed.context.metrics == {"civilians_killed"}
    assert injured.context.metrics == {"civilians_injured"}
    assert injured.verdict == "contradicts"  # the injured claim says 12,142


def test_figures_with_no_metric_word_or_no_single_metric_are_unbacked_not_contradictions(articles):  # noqa: F811
    text = "Ukraine trained 20,000 soldiers. The talks brought together 300 delegates.\n"
    findings = articles.check(articles.article(text)).findings
    assert [f.check for f in findings] == ["article-unbacked", "article-unbacked"]
    assert "no metric word" in findings[1].message


def test_a_gate_may_make_an_unbacked_figure_block(articles):  # noqa: F811
    gate = articles.root / "checks/publication.yml"
    gate.write_text(gate.read_text(encoding="utf-8") + "article_unbacked: critical\n", encoding="utf-8")
    name = articles.article("Ukraine also lost 300 tanks in 2025.\n")
    (finding,) = articles.check(name).findings
    assert finding.check == "article-unbacked" and finding.severity == "critical" and finding.blocking


def test_a_subject_spelling_that_names_two_subjects_is_a_catalog_finding(articles):  # noqa: F811
    catalog = articles.root / "datasets/catalog.yml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("[Russian, Russians,", "[Ukrainian, Russian,"),
                       encoding="utf-8")  # fmt: skip
    report = run_project(articles)
    (finding,) = [f for f in report.findings if f.file == "datasets/catalog.yml"]
    assert "'Ukrainian' names both subjects 'ukraine' and 'russia'" in finding.message


def test_a_metric_term_of_a_whole_sentence_is_a_catalog_finding_on_its_line(articles):  # noqa: F811
    catalog = articles.root / "datasets/catalog.yml"
    text = catalog.read_text(encoding="utf-8").replace(
        "    terms: [tanks, tank losses]", "    terms: [tanks, the number of tanks that were lost in the war]"
    )
    catalog.write_text(text, encoding="utf-8")
    (finding,) = [f for f in run_project(articles).findings if f.file == "datasets/catalog.yml"]
    assert "more than 8 words" in finding.message
    assert finding.line == text[: text.index("the number of tanks")].count("\n") + 1


def test_validate_checks_the_gates_articles_and_reports_them_with_their_columns(articles, tmp_path):  # noqa: F811
    text = seed_text().replace("more than 46,000", "more than 64,000")
    articles.article(text)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["validate", "--no-color", "--json", str(out / "r.json"),
                                      "--report", str(out / "r.html"), "--junit", str(out / "r.xml"),
                                      "--sarif", str(out / "r.sarif")])  # fmt: skip
    assert result.exit_code == 1, result.output
    line, column = located(text, "more than 64,000")
    assert f"articles/draft.md:{line}:{column}: critical article-contradicts" in result.output
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "src/factcheck/report/schema/report.schema.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    major, minor = map(int, data["schema_version"].split("."))
    assert major == 1 and minor >= 2  # `column` came with 1.2
    contradiction = next(f for f in data["findings"] if f["check"] == "article-contradicts")
    assert (contradiction["line"], contradiction["column"]) == (line, column)
    assert contradiction["claim"] in data["claims"]
    assert data["checks"]["article-backed"]["severity"] == "info"
    assert f"articles/draft.md:{line}:{column}" in (out / "r.xml").read_text(encoding="utf-8")
    assert 'class="fig contradicts"' in (out / "r.html").read_text(encoding="utf-8")
    sarif = json.loads((out / "r.sarif").read_text(encoding="utf-8"))
    from test_baseline import sarif_schema

    jsonschema.Draft4Validator(sarif_schema()).validate(sarif)
    (result_,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "article-contradicts"]
    region = result_["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": line, "startColumn": column}


def test_article_and_validate_locate_sarif_results_from_the_repository_root_alike(articles, monkeypatch):  # noqa: F811
    name = articles.article(seed_text().replace("more than 46,000", "more than 64,000"))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(articles.root.parent))  # the project is a folder of the repository
    uris = []
    for command in (["article", name], ["validate"]):
        sarif = articles.root / "out.sarif"
        assert CliRunner().invoke(cli, [*command, "--no-github", "--sarif", str(sarif)]).exit_code == 1
        results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
        (result_,) = [r for r in results if r["ruleId"] == "article-contradicts"]
        uris.append(result_["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    assert uris == [f"{articles.root.name}/{name}"] * 2


def test_factcheck_article_exits_by_its_findings_and_never_changes_the_article(articles):  # noqa: F811
    name = articles.article(seed_text())
    before = (articles.root / name).read_bytes()
    result = CliRunner().invoke(cli, ["article", name, "--no-color"])
    assert result.exit_code == 0, result.output
    backed = sum(" corroborated article-backed " in line for line in result.output.splitlines())
    assert backed and result.output.splitlines()[-1] == f"PUBLISHABLE: 8 claims checked ({backed} corroborated)"
    bad = articles.article(seed_text().replace("nearly 400,000", "more than 400,000"), "articles/bad.md")
    assert CliRunner().invoke(cli, ["article", bad, "--no-color"]).exit_code == 1
    assert CliRunner().invoke(cli, ["article", bad, "--fail-on", "warning"]).exit_code == 1
    assert (articles.root / name).read_bytes() == before


def test_factcheck_article_blocks_on_a_catalog_it_cannot_read_as_validate_does(articles):  # noqa: F811
    name = articles.article(seed_text())
    catalog = articles.root / "datasets" / "catalog.yml"
    catalog.write_text(catalog.read_text(encoding="utf-8") + "metrics: [unclosed\n", encoding="utf-8")
    line = catalog.read_text(encoding="utf-8").count("\n") + 1  # the parser finds the list unclosed at the end
    for command in (["article", name], ["validate"]):
        result = CliRunner().invoke(cli, [*command, "--no-color"])
        assert result.exit_code == 1, result.output
        assert f"datasets/catalog.yml:{line}: critical yaml-syntax" in result.output
        assert result.output.splitlines()[-1].startswith("BLOCKED: 1 blocking finding")


def test_factcheck_article_refuses_a_report_onto_an_article_and_a_missing_file(articles):  # noqa: F811
    name = articles.article(seed_text())
    onto = CliRunner().invoke(cli, ["article", name, "--report", name])
    assert onto.exit_code == 2 and "which factcheck reads" in onto.output
    missing = CliRunner().invoke(cli, ["article", "articles/none.md"])
    assert missing.exit_code == 2 and "no such article" in missing.output
    outside = CliRunner().invoke(cli, ["article", "/etc/hostname"])
    assert outside.exit_code == 2 and "outside the project root" in outside.output


@pytest.mark.slow  # the whole shipped datasets (the General Staff series) read for every example
@pytest.mark.parametrize("module", CHECKS, ids=lambda m: m.ID)
def test_each_article_checks_examples_pass_and_fail_against_the_shipped_datasets(module, tmp_path):
    import datetime as dt

    results = {}
    for kind in ("PASSES", "FAILS"):
        path = tmp_path / f"{kind}.md"
        path.write_text(getattr(module, kind), encoding="utf-8")
        report = run_articles(REPO, [str(path)], dt.date.fromisoformat(TODAY), allow_outside=True)
        results[kind] = {f.check for f in report.findings if f.status == "failed"}
    assert not results["PASSES"], results
    if module.ID == "article-backed":
        assert results["FAILS"], results  # a figure that is not backed is reported by another check
    else:
        assert module.ID in results["FAILS"], results


def test_the_checks_page_documents_every_article_check():
    text = (REPO / "docs/checks.md").read_text(encoding="utf-8")
    for module in CHECKS:
        assert f"### `{module.ID}`: {module.TITLE}" in text
        assert module.PASSES.strip().splitlines()[0] in text and module.FAILS.strip().splitlines()[0] in text
        assert module.SUITE is None and module.SEVERITY in ("critical", "warning", "info")
