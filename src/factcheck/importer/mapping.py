"""The mapping file of `factcheck import`: which column is the date, which columns (or variables) become
which metric, whose figures they are, their source, and which columns are left out and why (docs/data.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from factcheck.floor.numbers import Qualifier
from factcheck.importer.problems import one_error
from factcheck.model.format import DateSpan, Key, SeriesId, Text, _Model
from factcheck.pipeline.project import read_mapping_file
from factcheck.pipeline.write_guard import shown_path
from factcheck.reading.schema_errors import explain

FALL_CHECK = "cumulative-non-decreasing"


class QualifierFrom(_Model):
    """A qualifier read from another column of the same row, e.g. `personnel*: about | more`."""

    column: Text
    values: dict[str, Qualifier] = Field(min_length=1)


class ColumnMap(_Model):
    metric: Key
    id: SeriesId | None = None
    qualifier: Qualifier | QualifierFrom = "exact"
    notes: str | None = None


class EntityMap(_Model):
    """A long table's entity column: each row's subject, by the table's own name for it."""

    column: Text
    # The table's names -> catalog subject keys, tried before the catalog's keys, names and aliases.
    subjects: dict[str, Key] = {}
    ignore: dict[str, Text] = {}  # entities left out (aggregates such as "World"), each with its reason

    @model_validator(mode="after")
    def _distinct(self) -> EntityMap:
        both = sorted(set(self.subjects) & set(self.ignore))
        if both:
            raise ValueError(f"the entity {both[0]!r} is both mapped under `subjects` and ignored")
        return self


class ClaimantMap(_Model):
    """A claimant column: each row's claimant, by the table's own name for it (a table that mixes the
    figures of several bodies). Each claimant's figures are a series of their own."""

    column: Text
    # The table's names -> catalog claimant keys, tried before the catalog's keys, names and aliases.
    claimants: dict[str, Key] = {}
    ignore: dict[str, Text] = {}  # claimants left out, each with its reason

    @model_validator(mode="after")
    def _distinct(self) -> ClaimantMap:
        both = sorted(set(self.claimants) & set(self.ignore))
        if both:
            raise ValueError(f"the claimant {both[0]!r} is both mapped under `claimants` and ignored")
        return self


class VariableMap(_Model):
    """A long table's variable column: each row's metric, by the table's own name for it, and the value
    column that holds that row's figure."""

    column: Text
    value: Text
    metrics: dict[str, ColumnMap] = Field(min_length=1)
    ignore: dict[str, Text] = {}  # variables left out, each with its reason

    @model_validator(mode="after")
    def _distinct(self) -> VariableMap:
        _one_series_per_metric(self.metrics, "variable")
        both = sorted(set(self.metrics) & set(self.ignore))
        if both:
            raise ValueError(f"the variable {both[0]!r} is both mapped and ignored")
        if self.column == self.value:
            raise ValueError(f"the variable and value columns are both {self.column!r}")
        return self


def _one_series_per_metric(specs: dict[str, ColumnMap], what: str) -> None:
    seen: dict[str, str] = {}
    for name, spec in specs.items():
        if spec.metric in seen:
            raise ValueError(
                f"{what}s {seen[spec.metric]!r} and {name!r} both map to metric {spec.metric!r}: "
                f"one series per metric, so give each {what} its own metric"
            )
        seen[spec.metric] = name


class SourceTemplate(_Model):
    """The source every point of a series shares; `{column}`, `{metric}`, `{subject}` and `{claimant}` are replaced per
    series (`{column}`: the column, or the variable's name in the table)."""

    outlet: Text
    url: Text | None = None
    quote: Text | None = None
    via: Text | None = None

    @model_validator(mode="after")
    def _url_or_quote(self) -> SourceTemplate:
        if self.url is None and self.quote is None:
            raise ValueError("give the source a `url` (or a `quote`): every point needs one")
        return self


class CorrectionsMap(_Model):
    date: Text = "date"
    name: Text
    check: Text = FALL_CHECK


# The marks a table may group thousands with, as spreadsheets export them; never guessed from the table.
Thousands = Literal[",", ".", " ", "'", "\u00a0", "\u202f"]


class ImportMapping(_Model):
    dataset: Key
    title: Text
    origin: DateSpan | None = None
    description: str | None = None
    header: str | None = None
    date: Text
    subject: Key | None = None  # a wide table: one subject for every series
    entity: EntityMap | None = None  # a long table: each row's subject from a column
    claimant: Key | ClaimantMap  # one claimant for every row, or each row's from a column
    kind: Literal["as_of", "period"] = "as_of"
    thousands: Thousands | None = None  # "5,434": the table groups thousands with this mark
    decimal: Literal[".", ","] = "."
    source: SourceTemplate
    columns: dict[str, ColumnMap] = {}  # column -> one series each (of each entity, in a long table)
    variable: VariableMap | None = None  # ... or each row's metric from a column, its figure in another
    ignore: dict[str, Text] = {}
    corrections: CorrectionsMap | None = None
    # A spike (one total above both neighbours) is critical (cumulative-spike), unless a correction explains
    # it or this reason waives every spike of the table: the claimant's own published outliers, kept as such.
    waive_spikes: Text | None = None

    @model_validator(mode="after")
    def _distinct(self) -> ImportMapping:
        if (self.subject is None) == (self.entity is None):
            raise ValueError(
                "give exactly one of `subject` (the one subject of a wide table) or `entity` (the column that "
                "names each row's subject in a long table)"
            )
        if (not self.columns) == (self.variable is None):
            raise ValueError(
                "give exactly one of `columns` (each column a metric) or `variable` (a column naming each row's "
                "metric, and the column holding its figure)"
            )
        _one_series_per_metric(self.columns, "column")
        both = sorted(set(self.columns) & set(self.ignore))
        if both:
            raise ValueError(f"column {both[0]!r} is both mapped and ignored")
        if self.date in self.columns or self.date in self.ignore:
            raise ValueError(f"the date column {self.date!r} is also mapped or ignored")
        roles = {"entity": self.entity.column if self.entity else None}
        if self.variable is not None:
            roles |= {"variable": self.variable.column, "value": self.variable.value}
        roles["claimant"] = self.claimant_column
        for role, column in roles.items():
            if column is not None and (column == self.date or column in self.columns or column in self.ignore):
                raise ValueError(f"the {role} column {column!r} is also the date, mapped or ignored")
        if roles["entity"] is not None and roles["entity"] in (roles.get("variable"), roles.get("value")):
            raise ValueError(f"the entity column {roles['entity']!r} is also the variable or value column")
        others = {roles.get(role) for role in ("entity", "variable", "value")}
        if roles["claimant"] is not None and roles["claimant"] in others:
            raise ValueError(f"the claimant column {roles['claimant']!r} is also the entity, variable or value column")
        if self.thousands is not None and self.thousands == self.decimal:
            raise ValueError(f"`thousands` and `decimal` are both {self.decimal!r}: a number needs two marks")
        return self

    @property
    def claimant_column(self) -> str | None:
        """The column naming each row's claimant, or None (one claimant for the table)."""
        return self.claimant.column if isinstance(self.claimant, ClaimantMap) else None

    def series_specs(self) -> dict[str, ColumnMap]:
        """The table's names of its series (columns, or the variable's values), each with its metric."""
        return self.variable.metrics if self.variable is not None else self.columns


def read_mapping(path: Path) -> ImportMapping:
    """The mapping file, or a `ConfigError` naming every problem with its line."""
    shown = shown_path(path)
    data, problems = read_mapping_file(
        path, shown, "mapping file", "`date`, `columns` and `series` (`factcheck schema mapping`)"
    )
    try:
        mapping = ImportMapping.model_validate(data)
    except ValidationError as error:
        problems += explain(error, data, data.line, ImportMapping)
    if problems:
        raise one_error([(f"{shown}:{p.line}", p.message, p.hint) for p in sorted(problems, key=lambda p: p.line)])
    return mapping
