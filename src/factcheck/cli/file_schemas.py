"""JSON Schemas (2020-12) of the files people write: load, the catalog, gates and import mappings.

An editor with a YAML language server (VS Code's YAML extension, JetBrains IDEs) reads them to complete
keys and values and to mark a mistake while it is typed (docs/editors.md). They are generated from the
pydantic models that stage 0 validates with, never written by hand: `factcheck schema KIND` prints one.
Run inside a project, the catalog's own keys become enums, so that `claimant: zel` completes and
`metric: military_kiled` is marked.

pydantic describes the Python values a model holds; a schema here describes the YAML as written, which
the editor sees. `YamlSchema` (pydantic's own `GenerateJsonSchema` hook) mends where the two differ:

- a date is a partial ISO 8601 date or interval written as text, or a year written as a number, never
  the object (`Span`) that `parse_span` makes of it; the pattern knows the days of each month, leap years
  and that an interval does not end before it starts;
- text that must not be blank holds a character other than a space;
- a figure is a finite number: YAML's `.inf` and `.nan` are numbers to an editor, and are refused;
- a mapping's keys (the catalog's metrics, subjects and claimants) must have the key's form: pydantic
  lists the form as a pattern of properties, which lets a key of any other form through.

What no schema can say stays with `factcheck validate`: what YAML 1.1 would misread (`017`, `no`: an
editor reads YAML 1.2, and `factcheck.reading.yamlfile` keeps such values as text, which the schema refuses), a
key written twice, a number such as `5.0` where a whole number belongs (JSON does not tell them apart),
`low` above `high`, and the checks of the suites. A file the schema accepts has no `schema` finding of
stage 0 (tests/test_file_schemas.py holds the two to that on the hostile corpus).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from factcheck.floor.errors import ConfigError
from factcheck.floor.spans import parse_span
from factcheck.model import format
from factcheck.model.format import Catalog, ClaimIn, DatasetHeader, Gate, Number, PointExtra, SeriesIn, Text
from factcheck.model.layout import LAYOUT

KINDS = ("dataset", "catalog", "gate", "mapping")
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# --- dates as written ------------------------------------------------------------------------------------

# [0-9], never \d: \d matches the digits of other scripts, which parse_span refuses.
_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"  # 0001 to 9999
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH = f"{_YEAR}-(?:0[1-9]|1[0-2])"
_DAY = (
    f"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    f"|02-(?:0[1-9]|1[0-9]|2[0-8]))|{_LEAP_YEAR}-02-29)"
)
_DATE = f"(?:{_DAY}|{_MONTH}|{_YEAR})"
# `start/end` may not end before it starts: the start, cut to the precision both share, is not after the
# end cut the same way. Both are written YYYY-MM-DD from the left, so that is a comparison of text: either
# one is the beginning of the other, or at the first digit where they differ the start's is the smaller.
_ORDERED = "|".join(f"{d}[0-9-]*\\s*/\\s*\\3[{d + 1}-9]" for d in range(9))
DATE_PATTERN = (
    f"^(?=\\s*{_DATE}\\s*(?:/\\s*{_DATE}\\s*)?$)"  # the form, checked first: the rest runs on short text only
    f"\\s*(?:{_DATE}\\s*$|([0-9-]+)\\s*/\\s*\\1[0-9-]*\\s*$|([0-9-]+)[0-9-]*\\s*/\\s*\\2\\s*$"
    f"|([0-9-]*)(?:{_ORDERED})[0-9-]*\\s*$)"
)
WRITTEN_DATE: dict = {
    "anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 9999},
        {"type": "string", "pattern": DATE_PATTERN},
    ],
    "description": "A date at the precision the source gives: 2025, 2025-10, 2025-10-14, or 2025-05/2025-08",
}
FLOAT_MAX = sys.float_info.max


class YamlSchema(GenerateJsonSchema):
    """pydantic's JSON Schema generator, describing the YAML a person writes (see the module docstring)."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        if schema["function"].get("function") is parse_span:
            return dict(WRITTEN_DATE)
        return super().function_before_schema(schema)

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        generated = super().function_after_schema(schema)
        if schema["function"].get("function") is format._not_blank:
            generated = {**generated, "pattern": r"\S"}
        return generated

    def float_schema(self, schema: core_schema.FloatSchema) -> JsonSchemaValue:
        generated = super().float_schema(schema)
        if schema.get("allow_inf_nan") is False:
            # JSON has no infinity or NaN, but YAML's .inf and .nan reach a validator as numbers. The bounds
            # refuse infinity; NaN fails no comparison, so it passes the one range no number is in, which
            # `not` then refuses.
            generated.setdefault("maximum", FLOAT_MAX)
            generated.setdefault("minimum", -FLOAT_MAX)
            generated["not"] = {"type": "number", "minimum": 1, "maximum": 0}
        return generated

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        generated = super().dict_schema(schema)
        patterns = generated.pop("patternProperties", None)
        if patterns is not None:
            ((pattern, values),) = patterns.items()
            generated["propertyNames"] = {**generated.get("propertyNames", {}), "pattern": pattern}
            generated["additionalProperties"] = values
        return generated


# --- the files, as people write them -------------------------------------------------------------------
# The loader reads claims, series and points one by one (load.py), so its models hold them as plain
# lists; the models of the files give those lists the models each item is read with.


def _keys(keys: list[str] | None, what: str) -> object:
    """A catalog reference: any key, or, in a project, one of its catalog's keys."""
    if keys is None:
        return Text
    return Annotated[Text, Field(json_schema_extra={"enum": sorted(keys), "description": what})]


_ONE_DATE = {"oneOf": [{"required": ["as_of"]}, {"required": ["period"]}]}
_FALL_NOTES = {"dependentRequired": {"fall": ["notes"]}}


def dataset_model(catalog: Catalog | None = None, checks: list[str] | None = None) -> type[BaseModel]:
    """The model of a dataset file, its references restricted to `catalog`'s keys and its waivers to
    `checks` when given."""
    metric = _keys(list(catalog.metrics) if catalog else None, "a metric of datasets/catalog.yml")
    subject = _keys(list(catalog.subjects) if catalog else None, "a subject of datasets/catalog.yml")
    claimant = _keys(list(catalog.claimants) if catalog else None, "a claimant of datasets/catalog.yml")
    check = _keys(checks, "a check that a gate runs (`factcheck checks` lists them)")
    waiver = create_model("Waiver", __base__=format.Waiver, check=(check, ...))
    extra = create_model("PointExtra", __base__=PointExtra, waivers=(list[waiver], []))
    point = tuple[format.DateSpan, Number] | tuple[format.DateSpan, Number, extra]
    claim = create_model(
        "Claim",
        __base__=ClaimIn,
        metric=(metric, ...),
        subject=(subject, ...),
        claimant=(claimant, ...),
        waivers=(list[waiver], []),
    )
    claim.model_config["json_schema_extra"] = {**_ONE_DATE, **_FALL_NOTES}
    series = create_model(
        "Series",
        __base__=SeriesIn,
        metric=(metric, ...),
        subject=(subject, ...),
        claimant=(claimant, ...),
        points=(Annotated[list[point], Field(min_length=1)], ...),
    )
    extra.model_config["json_schema_extra"] = _FALL_NOTES
    dataset = create_model("Dataset", __base__=DatasetHeader, claims=(list[claim], []), series=(list[series], []))
    dataset.model_config["json_schema_extra"] = {"anyOf": [{"required": ["claims"]}, {"required": ["series"]}]}
    return dataset


def catalog_model(catalog: Catalog | None = None) -> type[BaseModel]:
    """The model of the catalog; in a project, `within` names one of its metrics and `affiliation` one of
    its subjects or `independent`."""
    if catalog is None:
        return Catalog
    within = _keys(list(catalog.metrics), "another metric of this catalog, of which this one is a part")
    affiliation = _keys([*catalog.subjects, "independent"], "a subject of this catalog, or independent")
    place = _keys(list(catalog.subjects), "another subject of this catalog, of which this one is a part")
    metric = create_model("Metric", __base__=format.Metric, within=(within | None, None))
    subject = create_model(
        "Subject", __base__=format.Subject, within=(place | None, None),
        parts=(Annotated[list[place], Field(min_length=2)], []),
    )  # fmt: skip
    claimant = create_model("Claimant", __base__=format.Claimant, affiliation=(affiliation, "independent"))
    return create_model(
        "Catalog",
        __base__=Catalog,
        metrics=(dict[format.Key, metric], ...),
        subjects=(dict[format.Key, subject], ...),
        claimants=(dict[format.Key, claimant], ...),
    )


def gate_model(builtin: list[str]) -> type[BaseModel]:
    """The model of a gate, offering the suites shipped with factcheck."""
    suite = Annotated[Text, Field(examples=builtin)]
    return create_model("Gate", __base__=Gate, suites=(Annotated[list[suite], Field(min_length=1)], ...))


def schema(model: type[BaseModel], title: str, description: str) -> dict:
    generated = model.model_json_schema(schema_generator=YamlSchema, mode="validation")
    return {"$schema": DIALECT, **generated, "title": title, "description": description}


def for_kind(kind: Literal["dataset", "catalog", "gate", "mapping"], catalog: Catalog | None = None,
             checks: list[str] | None = None, builtin: list[str] | None = None) -> dict:  # fmt: skip
    """The schema of one kind of file, with a project's vocabulary when given (docs/format.md, docs/data.md)."""
    if kind == "dataset":
        model = dataset_model(catalog, checks)
        return schema(model, "factcheck dataset", "A dataset of claimed figures")
    if kind == "catalog":
        return schema(
            catalog_model(catalog), "factcheck catalog", "datasets/catalog.yml: the metrics, subjects and claimants"
        )
    if kind == "gate":
        return schema(gate_model(builtin or []), "factcheck gate", "A gate in checks/")
    return schema(mapping_model(catalog), "factcheck import mapping", "A mapping for factcheck import")


def mapping_model(catalog: Catalog | None = None) -> type[BaseModel]:
    """The model of an import mapping; in a project, its metric, subject and claimant are catalog keys."""
    from factcheck.importer.mapping import ClaimantMap, ColumnMap, ImportMapping

    if catalog is None:
        return ImportMapping
    metric = _keys(list(catalog.metrics), "a metric of datasets/catalog.yml")
    column = create_model("ColumnMap", __base__=ColumnMap, metric=(metric, ...))
    return create_model(
        "ImportMapping",
        __base__=ImportMapping,
        subject=(_keys(list(catalog.subjects), "a subject of datasets/catalog.yml"), ...),
        claimant=(_keys(list(catalog.claimants), "a claimant of datasets/catalog.yml") | ClaimantMap, ...),
        columns=(Annotated[dict[str, column], Field(min_length=1)], ...),
    )


def dumps(document: dict) -> str:
    """The schema as JSON text: the same bytes for the same project."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --- a project's vocabulary ------------------------------------------------------------------------------


def for_project(kind: str, root: Path | None) -> tuple[dict, list[str]]:
    """The schema of `kind` for the project at `root` (None: outside any project, no enums), and notes for
    the person running the command on what the schema could not take from the project."""
    from factcheck.pipeline import load, project, suites

    builtin = [f"{project.BUILTIN}{p.stem}" for p in sorted(project.BUILTIN_SUITES.glob("*.yml"))]
    if root is None:
        return for_kind(kind, builtin=builtin), ["no project here: the schema lists no catalog keys"]
    notes = []
    catalog, _ = load.load_catalog(root)
    if catalog is None:
        notes.append(f"{LAYOUT.catalog} has problems (factcheck validate shows them): the schema lists no catalog keys")
    checks: set[str] | None = set()
    try:
        for path in project.gate_files(root):
            gate = project.read_gate(root, path)
            for entry in gate.gate.suites:
                suite_path, name = project.suite_file(root, entry, gate.path)
                checks.update(check.id for check in suites.read_suite(root, suite_path, name).checks)
    except ConfigError as error:
        notes.append(f"the gates cannot be read ({error}): the schema lists no check ids for waivers")
        checks = None
    return for_kind(kind, catalog, sorted(checks) if checks is not None else None, builtin), notes


def write(text: str, output: str, root: Path | None) -> None:
    """`text` to standard output (`-`) or to the file `output`, never onto a file factcheck reads."""
    if output == "-":
        sys.stdout.write(text)
        return
    from factcheck.pipeline import write_guard
    from factcheck.reporters.files import write_atomic

    target = write_guard.Output("--output", Path(output))
    write_guard.check_writable([target])
    if root is not None:  # the schema is for the project's editors: never onto what validate reads
        write_guard.refuse_inputs([target], write_guard.project_inputs(root))
    write_atomic(Path(output), lambda stream: stream.write(text), what="the schema")
