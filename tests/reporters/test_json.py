"""The JSON report: valid against its published JSON Schema, the terminal's fields, and the claims named."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from report_fixture import fixture_report, rendered

from factcheck.reporters.json import SCHEMA_VERSION


def schema() -> dict:
    return json.loads(resources.files("factcheck.report").joinpath("schema/report.schema.json").read_text("utf-8"))


def test_real_output_is_valid_against_the_schema():
    data = json.loads(rendered(fixture_report(), "json"))
    jsonschema.Draft202012Validator.check_schema(schema())
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_the_schema_rejects_a_report_missing_its_verdict():
    data = json.loads(rendered(fixture_report(), "json"))
    del data["verdict"]
    assert not jsonschema.Draft202012Validator(schema()).is_valid(data)


def test_verdict_counts_and_findings_match_the_run():
    report = fixture_report()
    data = json.loads(rendered(report, "json"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["verdict"] == "blocked"
    assert data["counts"] == {**report.counts(), "claims": 5, "findings": 4}
    assert "generated_at" not in data
    fall = next(f for f in data["findings"] if f["check"] == "cumulative-non-decreasing" and f["status"] == "failed")
    assert fall == {
        "check": "cumulative-non-decreasing",
        "severity": "critical",
        "status": "failed",
        "blocking": True,
        "claim": "zel-2026-03",
        "file": "datasets/war/casualties.yml",
        "line": 27,
        "column": None,
        "message": "falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)",
        "title": "Cumulative totals do not fall",
        "explain": fall["explain"],
        "hint": None,
        "related": ["zel-2026-02"],
        "waiver": None,
        "baseline": None,
        "explain_command": "factcheck explain cumulative-non-decreasing",
        "source": None,
        "why": [],  # a finding of a dataset: no words of an article chose it
    }
    waived = next(f for f in data["findings"] if f["status"] == "waived")
    assert waived["waiver"] == {
        "check": "cumulative-non-decreasing",
        "reason": "the count was corrected downward",
        "until": "2027-01-01",
    }


def test_claims_named_by_findings_are_included_with_their_intervals():
    data = json.loads(rendered(fixture_report(), "json"))
    assert sorted(data["claims"]) == ["syr-2025", "syr-2025-corrected", "zel-2026-02", "zel-2026-03"]
    earlier = data["claims"]["zel-2026-02"]
    assert (earlier["value"], earlier["lower"], earlier["upper"]) == (55000, 55000, 55000)
    assert earlier["date"] == {"text": "2026-02", "start": "2026-02-01", "end": "2026-02-28"}
    assert data["claims"]["zel-2026-03"]["source"]["quote"].startswith("<script>")  # data, not markup


def test_open_upper_bounds_are_null():
    report = fixture_report()
    from factcheck.reporters.json import claim_data

    assert claim_data(report.claims["zel-2025-02"])["upper"] is None


def test_a_partys_claim_about_its_adversary_is_marked():
    import dataclasses

    from factcheck.reporters.json import claim_data

    report = fixture_report()
    own = report.claims["zel-2026-02"]
    adversary = dataclasses.replace(own, subject="russia")
    assert claim_data(own, report.catalog)["about_adversary"] is False
    assert claim_data(adversary, report.catalog)["about_adversary"] is True


def test_the_json_report_keeps_a_quote_whole_and_raw_while_the_terminal_shows_one_clipped_line(project):
    from click.testing import CliRunner

    from conftest import claim
    from factcheck.cli.commands import cli

    quote = (
        "says 12\n::error file=x,line=1::forged\x1b[2J\u202e" + " and more" * 10_000
    )  # within the 100,000 characters a quote may have
    project.dataset([claim(source={"outlet": "TV", "published": "2026-02", "quote": quote})])
    result = CliRunner().invoke(cli, ["validate", "--json", "report.json"])
    assert result.exit_code == 1, result.output
    data = json.loads((project.root / "report.json").read_text("utf-8"))
    assert data["claims"]["c1"]["source"]["quote"] == quote
    [finding] = [f for f in data["findings"] if f["check"] == "quote-states-figure"]
    assert finding["message"].startswith('the quote does not state 55,000: "says 12\n::error')  # raw, clipped
    assert len(finding["message"]) < 400
    [line] = [line for line in result.stdout.splitlines() if "quote-states-figure [" in line]
    assert 'does not state 55,000: "says 12\\n::error file=x,line=1::forged\\x1b[2J\\u202e and more' in line
    assert len(line) < 500 and "\x1b" not in result.stdout
