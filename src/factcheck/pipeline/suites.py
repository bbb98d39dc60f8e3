"""Suite files in `expectations/`: Great Expectations' own suite shape, written in YAML, read with lines.

Each entry is `{type, kwargs, meta: {id, title, explain, message}, severity}`. `meta.id` is the stable
check id that findings, waivers and docs use (GX's own `id` is a UUID and stays GX's). `message` is the
sentence a reader sees, with `{field}` names filled from the claim (see docs/checks.md). A check that
factcheck ships (`factcheck.rules.REGISTRY`) takes its title, explanation, message and severity from its
module, unless the entry gives its own; a check of the project's own gives at least its title and
explanation (its message is then its title, and its severity critical, unless it gives them).

A suite is untrusted input (a pull request may change it), and Great Expectations would run text from it:
a row condition as a pandas query, a column name inside one, a regex on every value. So an entry is held
to what factcheck can vouch for before GX sees it (`check_entry`): an expectation type from `TYPES`, every
column one of the batch's `COLUMNS`, a row condition only in the structured grammar (comparison, nullity,
and, or) with plain values, and a regex that RE2 accepts (the engine runs regexes on RE2: linear time).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, model_validator

from factcheck.floor.columns import COLUMNS, FLAGS, NUMERIC
from factcheck.floor.errors import ConfigError
from factcheck.floor.safe_regex import compile_regex
from factcheck.floor.severity import Severity
from factcheck.model.format import Key, Text, _Model
from factcheck.pipeline.project import invalid, read_config
from factcheck.reading import yamlfile
from factcheck.rules import EXPECTATIONS, REGISTRY
from factcheck.rules._expectation import RowExpectation

# The expectation types a suite may use, with the kwargs that name columns. Each reports the rows (claims)
# that fail, which is what a finding needs, and none evaluates text from the suite: aggregate expectations
# (a mean, a row count) name no claim, and types that parse JSON schemas, dates or SQL are left out.
GX_TYPES: dict[str, tuple[str, ...]] = {
    "expect_column_values_to_be_between": ("column",),
    "expect_column_values_to_not_be_null": ("column",),
    "expect_column_values_to_be_null": ("column",),
    "expect_column_values_to_be_in_set": ("column",),
    "expect_column_values_to_not_be_in_set": ("column",),
    "expect_column_values_to_be_unique": ("column",),
    "expect_column_value_lengths_to_be_between": ("column",),
    "expect_column_values_to_match_regex": ("column",),
    "expect_column_values_to_not_match_regex": ("column",),
    "expect_column_pair_values_a_to_be_greater_than_b": ("column_A", "column_B"),
    "expect_column_pair_values_to_be_equal": ("column_A", "column_B"),
    "expect_compound_columns_to_be_unique": ("column_list",),
    "expect_select_column_values_to_be_unique_within_record": ("column_list",),
}
# factcheck's own, as the check modules declare them (`EXPECTATION`, made for GX by factcheck.gx.adapters): one
# that fails inside GX is a bug of factcheck's, where one of GX's own that fails on the batch (a number
# compared with text) was asked for by the suite. A type that checks each claim reads its columns in a set
# order (`FIXED_KWARGS`).
OWN_TYPES: dict[str, tuple[str, ...]] = {
    own.type: ("column_list",) if isinstance(own, RowExpectation) else () for own in EXPECTATIONS
}
TYPES = {**GX_TYPES, **OWN_TYPES}
FIXED_KWARGS: dict[str, dict[str, object]] = {
    own.type: {"column_list": list(own.columns)} for own in EXPECTATIONS if isinstance(own, RowExpectation)
}
OPERATORS = ("==", "!=", "<", "<=", ">", ">=", "IN", "NOT_IN")
PARAMETERS = ("today",)  # the run-time parameters a kwarg may name: {$PARAMETER: today}
MAX_CONDITIONS = 100  # Great Expectations' own limit on the conditions of one row condition
MAX_TEXT = 1000  # a value or regex in a suite: longer is not a rule anyone writes


# Every finding repeats its check's texts: a long one would grow each report by its length per finding.
ShortText = Annotated[Text, Field(max_length=MAX_TEXT)]


class EntryMeta(_Model):
    id: Key
    # Left out, they are the shipped check's (`_shipped_texts`); a check of the project's own gives them.
    title: ShortText | None = None
    explain: ShortText | None = None
    message: ShortText | None = None


class Entry(_Model):
    type: Text
    kwargs: dict = {}
    meta: EntryMeta
    severity: Severity | None = None
    notes: str | None = None


class Override(_Model):
    """A project's own severity or message for a check of another suite (a built-in one), by its id."""

    severity: Severity | None = None
    message: ShortText | None = None

    @model_validator(mode="after")
    def _something(self) -> Override:
        if self.severity is None and self.message is None:
            raise ValueError("an override gives a `severity`, a `message` or both")
        return self


class SuiteFile(_Model):
    name: Text
    meta: dict = {}
    expectations: list[object] = []
    overrides: dict[Key, Override] = {}


@dataclass(frozen=True)
class Check:
    id: str
    type: str
    kwargs: dict
    meta: dict
    severity: Severity
    title: str
    explain: str
    message: str
    line: int


@dataclass(frozen=True)
class Suite:
    name: str
    path: str
    description: str
    checks: tuple[Check, ...]
    # check id -> (override, its line): applied to the checks of the other suites of a gate (factcheck.pipeline.overrides)
    overrides: tuple[tuple[str, Override, int], ...] = ()


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def read_suite(root: Path, path: Path, rel: str | None = None) -> Suite:
    """A suite file; `rel`: the name reports give it (`factcheck:NAME` for a built-in one)."""
    rel, data = read_config(root, path, "suite", "`name` and `expectations`", rel)
    try:
        suite = SuiteFile.model_validate(data)
    except ValidationError as error:
        raise invalid(rel, error, data, SuiteFile) from None
    checks = []
    seen: dict[str, int] = {}
    entries = data.get("expectations") or yamlfile.Sequence()
    for index, node in enumerate(entries):
        line = entries.line_of(index)
        try:
            entry = Entry.model_validate(node)
        except ValidationError as error:
            raise invalid(rel, error, node, Entry) from None
        if entry.meta.id in seen:
            raise ConfigError(f"{rel}:{line}: check id {entry.meta.id!r} is already used on line {seen[entry.meta.id]}")
        seen[entry.meta.id] = line
        check_entry(rel, node)
        meta, severity = _shipped_texts(rel, node, entry)
        checks.append(
            Check(
                id=entry.meta.id,
                type=entry.type,
                kwargs=_plain(entry.kwargs),
                meta=meta,
                severity=severity,
                title=meta["title"],
                explain=meta["explain"],
                message=meta.get("message") or meta["title"],
                line=line,
            )
        )
    lines = data["overrides"] if suite.overrides else None
    overrides = tuple((key, value, lines.line_of(key)) for key, value in suite.overrides.items())
    return Suite(
        name=suite.name,
        path=rel,
        description=str(suite.meta.get("description", "")),
        checks=tuple(checks),
        overrides=overrides,
    )


def _shipped_texts(rel: str, node: yamlfile.Mapping, entry: Entry) -> tuple[dict, Severity]:
    """The entry's `meta` and severity, with what it leaves out taken from the check factcheck ships under
    its id (appended, so that Great Expectations sees the keys in the order a suite writes them)."""
    meta = {key: value for key, value in _plain(node["meta"]).items() if value is not None}
    shipped = REGISTRY.get(entry.meta.id)
    if shipped is None:
        for key in ("title", "explain"):
            if key not in meta:
                import difflib

                close = difflib.get_close_matches(entry.meta.id, list(REGISTRY), n=1)
                raise ConfigError(
                    f"{rel}:{node.line_of('meta')}: `meta.{key}` is required: {entry.meta.id!r} is not a check "
                    "factcheck ships, so the suite gives its title and explanation",
                    f"did you mean `{close[0]}`?" if close else "`factcheck checks` lists the checks factcheck ships",
                )
        return meta, entry.severity or "critical"
    defaults = {"title": shipped.TITLE, "explain": shipped.EXPLAIN, "message": shipped.MESSAGE}
    meta.update((key, text) for key, text in defaults.items() if key not in meta and text)
    return meta, entry.severity or shipped.SEVERITY


# --- what an entry may ask Great Expectations to do ------------------------------------------------------


def check_entry(rel: str, entry: yamlfile.Mapping) -> None:
    """Refuse (`ConfigError` at file:line) anything in a suite entry that factcheck cannot vouch for."""
    kind = entry["type"]
    if kind not in TYPES:
        raise ConfigError(
            f"{rel}:{entry.line_of('type')}: the expectation type {kind!r} is not one factcheck runs",
            _type_hint(kind),
        )
    kwargs = entry.get("kwargs") or yamlfile.Mapping()
    if not isinstance(kwargs, dict):
        return  # the schema (Entry) reports it

    def line_of(key: object) -> int:
        return kwargs.line_of(key) if isinstance(kwargs, yamlfile.Mapping) else entry.line

    if "condition_parser" in kwargs:
        raise ConfigError(
            f"{rel}:{line_of('condition_parser')}: `condition_parser` asks for a row condition written as a "
            "pandas query, which factcheck never runs",
            "write the condition as data: {type: comparison, column: {name: unit}, operator: '==', parameter: people}",
        )
    for key, fixed in FIXED_KWARGS.get(kind, {}).items():
        if key in kwargs and kwargs[key] != fixed:
            raise ConfigError(f"{rel}:{line_of(key)}: `{kind}` takes `{key}: {fixed}`", f"write `{key}: {fixed}`")
    for key, value in kwargs.items():
        line = line_of(key)
        if key == "row_condition":
            _check_condition(rel, value, line, 1)
        elif key in TYPES[kind]:
            for name in value if isinstance(value, list) else [value]:
                _check_column(rel, name, line)
        elif key in ("regex_list", "like_pattern", "like_pattern_list"):
            raise ConfigError(f"{rel}:{line}: `{key}` is not supported", "use one `regex` per check")
        elif key == "regex":
            _check_regex(rel, value, line)
        else:
            _check_plain(rel, key, value, line)


def _type_hint(kind: str) -> str:
    """A "did you mean" among the types a suite may use, and factcheck's own types (docs/checks.md); the
    listed Great Expectations types are in docs/format.md."""
    import difflib

    close = difflib.get_close_matches(str(kind), list(TYPES), n=1, cutoff=0.6)
    guess = f"did you mean `{close[0]}`? " if close else ""
    return (
        f"{guess}factcheck's own types: {', '.join(OWN_TYPES)}; the Great Expectations types a suite may use: "
        f"{', '.join(GX_TYPES)}"
    )


def _check_column(rel: str, name: object, line: int) -> None:
    if name not in COLUMNS:
        import difflib

        shown = repr(name)[:80] if isinstance(name, str) else "a " + type(name).__name__
        close = difflib.get_close_matches(str(name), COLUMNS, n=1)
        raise ConfigError(
            f"{rel}:{line}: {shown} is not a column of the batch",
            f"did you mean `{close[0]}`?" if close else f"the columns: {', '.join(COLUMNS)}",
        )


_CONDITION_FIELDS = {
    "comparison": {"type", "column", "operator", "parameter"},
    "nullity": {"type", "column", "is_null"},
    "and": {"type", "conditions"},
    "or": {"type", "conditions"},
}


def _check_condition(rel: str, node: object, line: int, depth: int, count: list[int] | None = None) -> None:
    """The structured row condition grammar: comparison, nullity, and, or; nothing else, nothing as text."""
    count = count if count is not None else [0]
    count[0] += 1
    if count[0] > MAX_CONDITIONS or depth > 10:
        raise ConfigError(f"{rel}:{line}: the row condition is too large", "a condition needs a few comparisons")
    if isinstance(node, yamlfile.Mapping):
        line = node.line
    if not isinstance(node, dict):
        raise ConfigError(
            f"{rel}:{line}: a row condition is a mapping, not text: factcheck never evaluates a condition "
            "written as a query",
            "write it as data: {type: comparison, column: {name: unit}, operator: '==', parameter: people}",
        )
    kind = node.get("type")
    if kind not in _CONDITION_FIELDS:
        raise ConfigError(
            f"{rel}:{line}: a row condition's `type` is comparison, nullity, and or or, not {str(kind)[:40]!r}",
            "pass_through and text conditions are never run",
        )
    unknown = sorted(str(key) for key in node if key not in _CONDITION_FIELDS[kind])
    missing = sorted(_CONDITION_FIELDS[kind] - set(node))
    if unknown or missing:
        what = f"unknown field `{unknown[0][:40]}`" if unknown else f"`{missing[0]}` is required"
        raise ConfigError(
            f"{rel}:{line}: {kind} condition: {what}",
            f"a {kind} condition has {', '.join(sorted(_CONDITION_FIELDS[kind]))}",
        )
    if kind in ("and", "or"):
        conditions = node["conditions"]
        if not isinstance(conditions, list) or not conditions:
            raise ConfigError(f"{rel}:{line}: `conditions` is a list of conditions")
        for index, child in enumerate(conditions):
            child_line = conditions.line_of(index) if isinstance(conditions, yamlfile.Sequence) else line
            _check_condition(rel, child, child_line, depth + 1, count)
        return
    column = node["column"]
    if not isinstance(column, dict) or set(column) != {"name"}:
        raise ConfigError(f"{rel}:{line}: a condition's `column` is {{name: <column>}}")
    _check_column(rel, column["name"], line)
    if kind == "nullity":
        if not isinstance(node["is_null"], bool):
            raise ConfigError(f"{rel}:{line}: `is_null` is true or false")
        return
    operator, parameter = node["operator"], node["parameter"]
    if operator not in OPERATORS:
        raise ConfigError(
            f"{rel}:{line}: unknown operator {str(operator)[:20]!r}", f"use one of {', '.join(OPERATORS)}"
        )
    if operator in ("IN", "NOT_IN"):
        if not isinstance(parameter, list) or not parameter:
            raise ConfigError(f"{rel}:{line}: {operator} compares with a list of values")
        for value in parameter:
            _check_scalar(rel, "parameter", value, line)
    else:
        _check_scalar(rel, "parameter", parameter, line)
        if operator in ("<", "<=", ">", ">="):
            name = column["name"]
            number = isinstance(parameter, int | float) and not isinstance(parameter, bool)
            if name in FLAGS or (name in NUMERIC) != number or parameter is None:
                holds = "true or false" if name in FLAGS else "a number" if name in NUMERIC else "text"
                raise ConfigError(
                    f"{rel}:{line}: `{name}` holds {holds}, which cannot be ordered against {parameter!r}"[:300],
                    "compare numbers with numbers and text with text",
                )


def _check_scalar(rel: str, key: str, value: object, line: int) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{rel}:{line}: `{key}` is a finite number, not {value}")
    if value is not None and not isinstance(value, str | int | float | bool):
        raise ConfigError(
            f"{rel}:{line}: `{key}` is a plain value (text, a number, true or false), not a list or mapping"
        )
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise ConfigError(f"{rel}:{line}: `{key}` is longer than {MAX_TEXT} characters")


def _check_plain(rel: str, key: str, value: object, line: int) -> None:
    """Any other kwarg: plain values, lists of them, or a run-time parameter (`{$PARAMETER: today}`)."""
    if isinstance(value, dict):
        if key in ("min_value", "max_value") and set(value) == {"$PARAMETER"} and value["$PARAMETER"] in PARAMETERS:
            return
        raise ConfigError(
            f"{rel}:{line}: `{key}` is a plain value (`min_value` and `max_value` may be {{$PARAMETER: today}})",
            f"the run-time parameters: {', '.join(PARAMETERS)}",
        )
    if isinstance(value, list):
        if len(value) > MAX_CONDITIONS * 10:
            raise ConfigError(f"{rel}:{line}: `{key}` lists more than {MAX_CONDITIONS * 10} values")
        for item in value:
            _check_scalar(rel, key, item, line)
        return
    _check_scalar(rel, key, value, line)


def _check_regex(rel: str, pattern: object, line: int) -> None:
    """A regex RE2 compiles: RE2 matches in time linear in the text, whatever the pattern."""
    if not isinstance(pattern, str) or not pattern or len(pattern) > MAX_TEXT:
        raise ConfigError(f"{rel}:{line}: `regex` is a text of 1 to {MAX_TEXT} characters")
    try:
        compile_regex(pattern)
    except ValueError as error:
        raise ConfigError(
            f"{rel}:{line}: the regex cannot be used: {error}",
            "regexes run on RE2 (linear time): backreferences and lookarounds are not supported",
        ) from None
