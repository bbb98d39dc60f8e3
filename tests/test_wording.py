"""Words for people: no error reaches a user in pydantic's wording, a wrong suite type gets a "did you mean",
and the verdict counts the claims with findings and the claims checked."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from conftest import claim
from factcheck.cli.commands import cli
from factcheck.importer.mapping import ImportMapping
from factcheck.model.format import Catalog, ClaimIn, Gate
from factcheck.pipeline import suites
from factcheck.pipeline.load import explain

# Sentences pydantic writes about its own types; none may reach a person.
PYDANTIC_WORDS = (
    "Input should",
    "List should",
    "Dictionary should",
    "after validation",
    "Value error",
    "Field required",
    "Extra inputs",
    "valid number",
    "unable to parse",
    "literal[",
    "QualifierFrom",
    "pydantic",
)
SOURCE = {"outlet": "o", "url": "https://example.org/a"}
CATALOG = {
    "metrics": {"m": {"unit": "people", "description": "d", "cumulative": "yes"}},
    "subjects": {},
    "claimants": {},
}


def mapping(columns: dict) -> dict:
    return {"dataset": "d", "title": "t", "date": "date", "subject": "s", "claimant": "c", "source": SOURCE,
            "columns": columns}  # fmt: skip


CASES = [
    (Gate, {"datasets": ["datasets/**/*.yml"], "suites": []}, "`suites` is empty"),
    (Gate, {"datasets": [], "suites": ["x.yml"]}, "`datasets` is empty"),
    (Gate, {"datasets": ["d"], "suites": ["x.yml"], "fail_on": "sometimes"}, "`fail_on` should be one of"),
    (Gate, {"datasets": ["d"], "suites": ["x.yml"], "about_tolerance": 2}, "`about_tolerance` should be below 1"),
    (Gate, {"datasets": ["d"], "suites": ["x.yml"], "about_tolerance": "lots"}, "should be a number, not 'lots'"),
    (ClaimIn, {**claim(), "qualifier": "roughly"}, "`qualifier` should be one of 'exact'"),
    (Catalog, CATALOG, "`metrics.m.cumulative` should be true or false"),
    (ImportMapping, mapping({"POW": {"metric": "m", "qualifier": "zz"}}), "`columns.POW.qualifier` should be 'exact'"),
    (
        ImportMapping,
        mapping({"POW": {"metric": "m", "qualifier": {"column": "x", "values": {}}}}),
        "`columns.POW.qualifier.values` is empty",
    ),
    (ImportMapping, mapping({}), "give exactly one of `columns` (each column a metric) or `variable`"),
]


@pytest.mark.parametrize(("model", "data", "expected"), CASES, ids=[c[2] for c in CASES])
def test_schema_errors_are_worded_for_people(model, data, expected):
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    messages = [p.message for p in explain(raised.value, data, 1, model)]
    assert any(expected in m for m in messages), messages
    for message in messages:
        assert not any(words in message for words in PYDANTIC_WORDS), message


def test_an_empty_suites_list_is_a_configuration_error_in_plain_words(project):
    project.write("checks/publication.yml", "datasets: [datasets/**/*.yml]\nsuites: []\n")
    project.dataset([claim()])
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "checks/publication.yml:2: `suites` is empty: give at least 1 entry" in result.output
    assert not any(words in result.output for words in PYDANTIC_WORDS)


def test_a_misspelt_suite_type_gets_a_did_you_mean_and_factchecks_own_types(project):
    project.write(
        "expectations/own.yml",
        """
        name: own
        expectations:
          - type: expect_cumulative_totals_to_be_nondecreasing
            meta: {id: own-check, title: Own, explain: Own check.}
        """,
    )
    project.write("checks/publication.yml", "datasets: [datasets/**/*.yml]\nsuites: [expectations/own.yml]\n")
    project.dataset([claim()])
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert (
        "expectations/own.yml:3: the expectation type 'expect_cumulative_totals_to_be_nondecreasing'" in result.output
    )
    hint = next(line for line in result.output.splitlines() if "hint:" in line)
    assert "did you mean `expect_cumulative_totals_to_be_non_decreasing`?" in hint
    for own in suites.OWN_TYPES:
        assert own in hint
    assert "GX documentation" not in result.output


def test_the_blocked_verdict_names_the_claims_with_findings_and_the_claims_checked(project):
    later = {"outlet": "X", "published": "2026-03", "quote": "45,000"}
    project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03", source=later), claim("c", metric="nope")])
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    # b falls below a (a suite finding) and c names an unknown metric (stage 0): two claims with findings,
    # of which only a and b were checked.
    assert result.output.strip().splitlines()[-1] == (
        "BLOCKED: 2 blocking findings (2 critical) on 2 claims; 2 claims checked"
    )


def test_the_format_lists_every_expectation_type_a_suite_may_use():
    from conftest import REPO

    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    for kind in suites.TYPES:
        assert f"`{kind}`" in text, kind


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ("{column: value, min_valu: 0}", "unknown kwarg `min_valu` (did you mean `min_value`?)"),
        ("{column: value, min_value: 0, mostly: 5}", "`mostly`: ensure this value is less than or equal to 1"),
    ],
)
def test_a_kwarg_great_expectations_refuses_is_named_not_its_model(project, kwargs, expected):
    project.write(
        "expectations/own.yml",
        f"name: own\nexpectations:\n  - type: expect_column_values_to_be_between\n    kwargs: {kwargs}\n"
        "    meta: {id: own-check, title: Own, explain: Own check.}\n",
    )
    project.write("checks/publication.yml", "datasets: [datasets/**/*.yml]\nsuites: [expectations/own.yml]\n")
    project.dataset([claim()])
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert (
        f"expectations/own.yml:3: Great Expectations rejects `expect_column_values_to_be_between` (own-check): {expected}"
        in result.output
    )
    assert "validation error" not in result.output
