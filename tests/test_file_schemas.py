"""The JSON Schemas for editors: generated from the models, true to the shipped files, and in agreement
with stage 0 on the hostile corpus (a file the schema accepts has no `schema` finding)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, claim
from factcheck.cli import file_schemas
from factcheck.cli.commands import cli
from factcheck.floor.spans import DateError, parse_span
from factcheck.model import vocabulary
from factcheck.model.layout import LAYOUT
from factcheck.pipeline import load
from factcheck.reading import yamlfile
from test_hostile import CASES, HEAVY, expectation, make_case


def validator(kind: str, root: Path | None) -> jsonschema.Draft202012Validator:
    document, _ = file_schemas.for_project(kind, root)
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def errors(kind: str, root: Path | None, data: object) -> list[str]:
    return [error.message for error in validator(kind, root).iter_errors(data)]


def as_written(path: Path) -> object:
    """A file as factcheck reads it: what YAML 1.1 would misread is kept as the text it is."""
    data, _ = yamlfile.read(path)
    return data


# --- dates -------------------------------------------------------------------------------------------------


def parses(text: str) -> bool:
    try:
        parse_span(text)
    except DateError:
        return False
    return True


DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=5)
PART = st.one_of(
    st.integers(0, 10_000).map(lambda y: f"{y:04d}"),
    st.tuples(st.integers(0, 10_000), st.integers(0, 13)).map(lambda p: f"{p[0]:04d}-{p[1]:02d}"),
    st.tuples(st.integers(0, 10_000), st.integers(0, 13), st.integers(0, 32)).map(
        lambda p: f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}"
    ),
    st.builds(lambda a, b, c: f"{a}-{b}-{c}", DIGITS, DIGITS, DIGITS),
    st.text(alphabet="0123456789-/ T:٢", max_size=12),
)
WRITTEN = st.one_of(PART, st.builds(lambda a, sep, b: f"{a}{sep}{b}", PART, st.sampled_from(["/", " / ", "/ "]), PART))


@pytest.mark.slow  # 3,000 generated dates through a regex of every day
@settings(max_examples=3000, deadline=None)
@given(WRITTEN)
def test_the_date_pattern_accepts_exactly_what_parse_span_reads(text):
    assert (re.search(file_schemas.DATE_PATTERN, text) is not None) == parses(text), text


@pytest.mark.parametrize(
    ("text", "valid"),
    [("2024-02-29", True), ("2023-02-29", False), ("1900-02-29", False), ("2000-02-29", True), ("0000", False),
     ("2025-02/2025-01-31", False), ("2025-03/2025", True), ("2026/2025-12", False), ("2025-05/2025-08", True)],
)  # fmt: skip
def test_the_date_pattern_knows_the_calendar(text, valid):
    assert (re.search(file_schemas.DATE_PATTERN, text) is not None) is valid
    assert parses(text) is valid


# --- the shipped files -------------------------------------------------------------------------------------


def shipped(pattern: str) -> list[Path]:
    return sorted(p for p in REPO.glob(pattern) if p.is_file())


@pytest.mark.slow  # whole datasets (the General Staff's) through the schema
@pytest.mark.parametrize(
    "path", shipped("datasets/**/*.yml"), ids=lambda p: p.relative_to(REPO).as_posix()
)  # fmt: skip
def test_every_shipped_dataset_and_the_catalog_follow_their_schema(path):
    kind = "catalog" if path.name == "catalog.yml" else "dataset"
    assert errors(kind, REPO, as_written(path)) == []


@pytest.mark.parametrize("path", shipped("checks/*.yml"), ids=lambda p: p.name)
def test_every_shipped_gate_follows_the_gate_schema(path):
    assert errors("gate", REPO, as_written(path)) == []


@pytest.mark.parametrize("path", shipped("datasets-src/**/*.yml"), ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_shipped_import_mapping_follows_the_mapping_schema(path):
    assert errors("mapping", REPO, as_written(path)) == []


@pytest.mark.parametrize("kind", file_schemas.KINDS)
def test_this_repositorys_schemas_are_what_factcheck_schema_prints(kind):
    """schemas/ holds this project's schemas, which its datasets' `$schema` lines name."""
    document, _ = file_schemas.for_project(kind, REPO)
    written = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert written == file_schemas.dumps(document), "run: factcheck schema KIND -o schemas/KIND.schema.json"


# --- the project's vocabulary --------------------------------------------------------------------------------


def test_in_a_project_the_catalog_keys_and_check_ids_are_the_values_a_field_may_take(project):
    claims = validator("dataset", project.root).schema["$defs"]["Claim"]["properties"]
    assert "zelensky" in claims["claimant"]["enum"]
    assert "military_killed" in claims["metric"]["enum"]
    assert "cumulative-non-decreasing" in validator("dataset", project.root).schema["$defs"]["Waiver"][
        "properties"]["check"]["enum"]  # fmt: skip
    data = {"dataset": "d", "title": "T", "claims": [claim(metric="military_kiled", claimant="Zelenskiy")]}
    found = errors("dataset", project.root, data)
    assert any("'military_kiled' is not one of" in e for e in found), found
    assert any("'Zelenskiy' is not one of" in e for e in found), found
    assert errors("dataset", project.root, {"dataset": "d", "title": "T", "claims": [claim()]}) == []


def test_outside_a_project_any_key_is_accepted_and_the_command_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["schema", "dataset"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "enum" not in document["$defs"]["Claim"]["properties"]["metric"]
    assert "no project here" in result.stderr


def test_the_command_writes_a_file_but_never_onto_what_validate_reads(project):
    out = project.root / "schemas" / "dataset.schema.json"
    assert CliRunner().invoke(cli, ["schema", "dataset", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text())["title"] == "factcheck dataset"
    refused = CliRunner().invoke(cli, ["schema", "catalog", "-o", "datasets/catalog.yml"])
    assert refused.exit_code == 2
    assert "which factcheck reads" in refused.output


def test_a_gate_schema_offers_the_built_in_suites():
    suites = validator("gate", None).schema["properties"]["suites"]
    assert "factcheck:cumulative-totals" in suites["items"]["examples"]
    assert errors("gate", None, {"datasets": ["datasets/**/*.yml"], "suites": []})  # as stage 0 refuses it


# --- agreement with stage 0 on the hostile corpus -----------------------------------------------------------


def yaml_files(root: Path) -> list[Path]:
    found = []
    for folder, _, files in os.walk(root / "datasets", followlinks=False):
        found += [Path(folder) / name for name in files if name.endswith((".yml", ".yaml"))]
    return sorted(found)


def stage_0_schema_findings(root: Path, path: Path) -> list[str]:
    rel = path.relative_to(root).as_posix()
    catalog, catalog_findings = load.load_catalog(root)
    if rel == LAYOUT.catalog:
        found = catalog_findings
    else:
        _, found = load.load_dataset(path, rel, vocabulary.Vocabulary(catalog) if catalog else None)
    return [f"{f.line}: {f.message}" for f in found if f.check == "schema"]


# Refused for a spelling that two entries of the catalog share: JSON Schema validates each value where it
# stands and cannot compare values across entries, so the editor's schema accepts these and stage 0 refuses
# them (a schema finding naming both entries).
ACROSS_ENTRIES = {"alias-is-another-claimants-name", "alias-two-claimants", "alias-two-claimants-other-case",
                  "alias-two-subjects-punctuation"}  # fmt: skip
SCHEMA_CASES = [n for n in CASES if expectation(n).get("check") == "schema" and n not in ACROSS_ENTRIES]


@pytest.mark.slow  # every hostile case, through the schema and stage 0
@pytest.mark.parametrize("name", [n for n in CASES if n not in {*HEAVY, *ACROSS_ENTRIES}])
def test_a_file_the_schema_accepts_has_no_schema_finding(name, tmp_path):
    make_case(name, tmp_path)
    for path in yaml_files(tmp_path):
        try:
            data = as_written(path)
        except (yamlfile.YamlError, OSError, UnicodeError):
            continue  # not YAML data at all: no schema sees it (yaml-syntax, file-too-large, ...)
        kind = "catalog" if path.relative_to(tmp_path).as_posix() == LAYOUT.catalog else "dataset"
        if validator(kind, tmp_path).is_valid(data):
            assert stage_0_schema_findings(tmp_path, path) == [], path


@pytest.mark.slow  # every schema case of the hostile corpus
@pytest.mark.parametrize("name", SCHEMA_CASES)
def test_the_schema_refuses_each_schema_case_of_the_corpus(name, tmp_path):
    make_case(name, tmp_path)
    expect = expectation(name)
    rel = expect.get("location", "datasets/case.yml").split(":")[0]
    kind = "catalog" if rel == LAYOUT.catalog else "dataset"
    # One error is the verdict: listing every error of a limit case (half a million empty claims) is slow.
    refused = not validator(kind, tmp_path).is_valid(as_written(tmp_path / rel))
    assert refused, f"{name}: the schema accepts what stage 0 refuses"


# --- the `$schema` line -----------------------------------------------------------------------------------

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [("datasets/**/*.yml", "dataset"), ("checks/*.yml", "gate"), ("datasets-src/**/*.yml", "mapping")],
)
def test_every_shipped_file_names_its_schema_for_editors(pattern, kind):
    for path in shipped(pattern):
        expected = "catalog" if path.name == "catalog.yml" else kind
        named = MODELINE.findall(path.read_text(encoding="utf-8"))
        assert len(named) == 1, path
        assert (path.parent / named[0]).resolve() == REPO / "schemas" / f"{expected}.schema.json", path


IMPORT_MAPPING = """\
dataset: daily
title: Daily
date: date
subject: russia
claimant: zelensky
source: {outlet: Bulletin, url: "https://example.org/{column}"}
columns:
  tanks: {metric: military_killed}
"""


def test_import_names_the_projects_dataset_schema_when_the_project_has_one(project):
    project.write("src/mapping.yml", IMPORT_MAPPING)
    project.write("src/table.csv", "date,tanks\n2022-03-01,12\n")
    args = ["import", "src/table.csv", "-m", "src/mapping.yml", "-o", "datasets/war/daily.yml"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert not MODELINE.search((project.root / "datasets/war/daily.yml").read_text())  # no schemas/: no line

    assert CliRunner().invoke(cli, ["schema", "dataset", "-o", "schemas/dataset.schema.json"]).exit_code == 0
    assert CliRunner().invoke(cli, [*args, "--force"]).exit_code == 0
    text = (project.root / "datasets/war/daily.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/dataset.schema.json\ndataset: daily\n")
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 0
