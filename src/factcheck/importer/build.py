"""A table read through its mapping into series blocks: one series per metric (and per entity of a long
table, and per claimant of a claimant column), each point dated, repeated rows refused, every spike and fall of an `as_of` series found as the
checks find them (`find_spikes`, `find_falls`): a spike is left for cumulative-spike to report (critical)
unless a correction explains it or the mapping waives spikes; a fall is explained by a correction or
marked unexplained."""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

from factcheck.floor.errors import ConfigError
from factcheck.floor.spans import DateError, Span, parse_span
from factcheck.importer import entities
from factcheck.importer.falls import Fix, mark_falls
from factcheck.importer.mapping import ColumnMap, ImportMapping, QualifierFrom
from factcheck.importer.problems import MAX_ERRORS, one_error
from factcheck.importer.render import Point, render
from factcheck.importer.tables import Marks, NotANumber, Row, Table, number
from factcheck.model.format import Catalog
from factcheck.reading.schema_errors import clip_message


@dataclass
class Built:
    """The dataset text (or one per subject, `files`) and what the importer found on the way, for the
    command's summary."""

    text: str
    series: int
    points: int
    waived: list[str]
    unexplained: list[str]
    spikes: list[str] = field(default_factory=list)  # spikes left for cumulative-spike to report, critical
    files: dict[str, str] = field(default_factory=dict)  # "<subject>.yml" -> its text, split by subject
    stale: list[str] = field(default_factory=list)  # files of the output folder this import did not write


class _Collector:
    """Problems of the tables, listed in table order (the table, then the corrections) whatever order
    they are found in. Only the first MAX_ERRORS in that order are kept, with a count of the others: a
    table of a million bad rows must not hold a million messages to show twenty."""

    def __init__(self) -> None:
        self.count = 0
        # A max-heap of the first problems in table order: keys negated, so the root is the last one kept.
        self._first: list[tuple[tuple[int, int, int], str, str, str]] = []

    def add(self, row: Row, message: str, hint: str = "", table: int = 0) -> None:
        key = (-table, -row.index, -self.count)
        self.count += 1
        if len(self._first) < MAX_ERRORS:
            heapq.heappush(self._first, (key, row.where, message, hint))
        elif key > self._first[0][0]:
            heapq.heapreplace(self._first, (key, row.where, message, hint))

    def raise_if_any(self) -> None:
        if self.count:
            first = [item[1:] for item in sorted(self._first, reverse=True)]
            raise one_error(first, total=self.count)


_IGNORED = "\0ignored"  # a row of an entity or variable the mapping leaves out


class _Reader:
    """What a table's rows hold as the mapping reads them: each row's subject (the mapping's one subject,
    or its entity's) and claimant (the mapping's one claimant, or its claimant column's), and its figures
    as (series name, cell) pairs (each mapped column, or the variable's name and the value column's cell)."""

    def __init__(self, mapping: ImportMapping, catalog: Catalog | None):
        self.mapping = mapping
        self.subjects = self.claimants = None
        if (mapping.entity is not None or mapping.claimant_column is not None) and catalog is None:
            raise ConfigError("a table with an entity or claimant column needs the catalog to name them")
        if mapping.entity is not None:
            self.subjects = entities.Names(mapping.entity.subjects, mapping.entity.ignore, catalog)
        if mapping.claimant_column is not None:
            spec = mapping.claimant
            self.claimants = entities.Names(spec.claimants, spec.ignore, catalog, "claimant")
        self.names: dict[str, str] = {}  # subject -> the table's first name for it
        self.claimant_names: dict[str, str] = {}  # claimant -> the table's first name for it

    def subject(self, row: Row, unknown: dict[str, entities.Unknown], errors: _Collector, table: int) -> str | None:
        """The row's subject key; `_IGNORED`; or None (a problem, reported)."""
        if self.subjects is None:
            return self.mapping.subject
        entity = self.mapping.entity
        return _lookup(row, entity.column, entity.ignore, self.subjects, self.names, unknown, errors, table)

    def claimant(self, row: Row, unknown: dict[str, entities.Unknown], errors: _Collector, table: int) -> str | None:
        """The row's claimant key; `_IGNORED`; or None (a problem, reported)."""
        if self.claimants is None:
            return self.mapping.claimant
        spec = self.mapping.claimant
        return _lookup(row, spec.column, spec.ignore, self.claimants, self.claimant_names, unknown, errors, table)

    def figures(self, row: Row, unknown: dict[str, entities.Unknown]) -> list[tuple[str, object]] | None:
        """The row's figure cells, each with its series name; None for a row of an ignored or unknown
        variable (recorded in `unknown`)."""
        variable = self.mapping.variable
        if variable is None:
            return [(column, row.cells[column]) for column in self.mapping.columns if column in row.cells]
        name = row.cells.get(variable.column)
        if isinstance(name, str) and name in variable.metrics:
            return [(name, row.cells[variable.value])] if variable.value in row.cells else []
        if isinstance(name, str) and name in variable.ignore:
            return None
        shown = name if isinstance(name, str) else repr(name)
        if shown in unknown:
            unknown[shown].rows += 1
        else:
            unknown[shown] = entities.Unknown(shown, row)
        return None

    def report(
        self, errors: _Collector, entities_: dict[str, entities.Unknown], variables: dict, table: int, claimants=None
    ) -> None:
        where = "corrections: " if table else ""
        for item in entities_.values():
            message, hint = self.subjects.problem(item, self.mapping.entity.column)
            errors.add(item.first, where + message, hint, table)
        for item in (claimants or {}).values():
            message, hint = self.claimants.problem(item, self.mapping.claimant_column)
            errors.add(item.first, where + message, hint, table)
        for item in variables.values():
            variable = self.mapping.variable
            message, hint = entities.variable_problem(item, variable.column, list(variable.metrics))
            errors.add(item.first, where + message, hint, table)


def _lookup(
    row: Row,
    column: str,
    ignore: dict[str, str],
    names: entities.Names,
    first_names: dict[str, str],
    unknown: dict[str, entities.Unknown],
    errors: _Collector,
    table: int,
) -> str | None:
    """The key the row's name in `column` maps to; `_IGNORED`; or None (a problem: reported here, or
    recorded in `unknown` to be reported once per name)."""
    what = names.words.what
    name = row.cells.get(column)
    if isinstance(name, int) and not isinstance(name, bool):
        name = str(name)  # a numeric code (FIPS, ISO numeric) in a JSON table
    if not isinstance(name, str):
        where = "corrections: " if table else ""
        said = f"no {what}" if name is None else f"the {what} should be text, not {name!r}"
        errors.add(row, f"{where}{said} in column {column!r}", f"each row names its {names.words.owner}", table)
        return None
    if name in ignore:
        return _IGNORED
    key = names.key(name)
    if key is None:
        if name in unknown:
            unknown[name].rows += 1
        else:
            unknown[name] = entities.Unknown(name, row)
        return None
    first_names.setdefault(key, name)
    return key


def check_columns(mapping: ImportMapping, table: Table) -> None:
    """Every column of the table is known to the mapping, and every mapped column or variable is there."""
    known = {mapping.date, *mapping.columns, *mapping.ignore}
    if mapping.entity is not None:
        known.add(mapping.entity.column)
    if mapping.claimant_column is not None:
        known.add(mapping.claimant_column)
    if mapping.variable is not None:
        known |= {mapping.variable.column, mapping.variable.value}
    for spec in mapping.series_specs().values():
        if isinstance(spec.qualifier, QualifierFrom):
            known.add(spec.qualifier.column)
    # The table's own columns, not the cells it fills: a column empty in every row is a column all the same.
    unknown = sorted(set(table.columns) - known)
    if unknown:
        raise ConfigError(
            clip_message(
                f"{table.shown}: column {unknown[0]!r} is neither mapped nor ignored"
                + (f" (nor {', '.join(map(repr, unknown[1:6]))})" if unknown[1:] else "")
                + (f" and {len(unknown) - 6:,} more" if len(unknown) > 6 else "")
            ),
            "map it under `columns` or list it under `ignore` with the reason it is left out",
        )
    if not table.rows:
        raise ConfigError(f"{table.shown}: the table has no rows")
    present = {key for row in table.rows for key, value in row.cells.items() if value is not None}
    needed = list(mapping.columns)
    if mapping.entity is not None:
        needed.insert(0, mapping.entity.column)
    if mapping.claimant_column is not None:
        needed.insert(0, mapping.claimant_column)
    if mapping.variable is not None:
        needed += [mapping.variable.column, mapping.variable.value]
    absent = [column for column in needed if column not in present]
    if absent:
        raise ConfigError(
            f"{table.shown}: the mapped column {absent[0]!r} has no figure in any row",
            f"the table's columns: {', '.join(sorted(present))}",
        )
    if mapping.variable is not None:
        names = {row.cells.get(mapping.variable.column) for row in table.rows}
        missing = [name for name in mapping.variable.metrics if name not in names]
        if missing:
            raise ConfigError(
                f"{table.shown}: the mapped variable {missing[0]!r} is on no row of column {mapping.variable.column!r}",
                "check its spelling against the table: the mapping names each variable as the table writes it",
            )


def build(
    mapping: ImportMapping,
    table: Table,
    corrections: Table | None = None,
    catalog: Catalog | None = None,
    split: bool = False,
) -> Built:
    """The dataset YAML for `table` (one text per subject with `split`), or a `ConfigError` naming every
    bad row in table order (at most MAX_ERRORS). `catalog` names a long table's subjects."""
    errors = _Collector()
    check_columns(mapping, table)
    reader = _Reader(mapping, catalog)
    marks = Marks(mapping.thousands, mapping.decimal)
    specs = mapping.series_specs()
    long = mapping.entity is not None
    by_claimant = mapping.claimant_column is not None
    series: dict[tuple[str, str, str], list[Point]] = {}  # (subject, claimant, series name) -> points
    dates_of: dict[tuple[str, str], set[str]] = {}  # (subject, claimant) -> the dates its rows give
    first_row: dict[tuple, Row] = {}  # (subject, claimant, variable, date) -> the row that gave it first
    unknown_entities: dict[str, entities.Unknown] = {}
    unknown_claimants: dict[str, entities.Unknown] = {}
    unknown_variables: dict[str, entities.Unknown] = {}
    for row in table.rows:
        subject = reader.subject(row, unknown_entities, errors, 0)
        claimant = reader.claimant(row, unknown_claimants, errors, 0)
        if _IGNORED in (subject, claimant):
            continue
        figures = reader.figures(row, unknown_variables) if None not in (subject, claimant) else None
        if figures is None:
            continue
        span = None
        if mapping.date not in row.cells:
            errors.add(row, f"no date in column {mapping.date!r}")
        else:
            try:
                span = parse_span(row.cells[mapping.date])
            except DateError as error:
                errors.add(row, f"{error}", "dates are YYYY, YYYY-MM or YYYY-MM-DD")
        if span is not None:
            _repeated(mapping, row, (subject, claimant), span, first_row, errors)
            dates_of.setdefault((subject, claimant), set()).add(span.text)
        for name, cell in figures:
            if cell is None:
                continue
            spec = specs[name]
            try:
                value = number(cell, marks)
            except NotANumber as error:
                errors.add(row, f"column {_value_column(mapping, name)!r}: {error}", error.hint)
                continue
            extra = {}
            if isinstance(spec.qualifier, QualifierFrom):
                word = row.cells.get(spec.qualifier.column)
                qualifier = spec.qualifier.values.get(word) if isinstance(word, str) else None
                if qualifier is None:
                    hint = f"known values: {', '.join(spec.qualifier.values)} (mapping: qualifier.values)"
                    errors.add(row, f"column {spec.qualifier.column!r}: no qualifier for {word!r}", hint)
                    continue
                extra["qualifier"] = qualifier
            if span is not None:
                series.setdefault((subject, claimant, name), []).append(Point(span, value, extra))
    reader.report(errors, unknown_entities, unknown_variables, 0, unknown_claimants)

    fixes = _read_corrections(mapping, corrections, reader, marks, errors) if corrections is not None else {}
    errors.raise_if_any()

    order = {name: i for i, name in enumerate(specs)}
    waived: list[str] = []
    unexplained: list[str] = []
    spikes: list[str] = []
    blocks = []
    for subject, claimant, name in sorted(series, key=lambda key: (key[0], key[1], order[key[2]])):
        points = series[subject, claimant, name]
        spec = specs[name]
        points.sort(key=lambda p: (p.date.start, p.date.end, p.date.text))
        default = _default_qualifier(spec, points)
        for point in points:
            if point.extra.get("qualifier") == default:
                del point.extra["qualifier"]
        entity = reader.names.get(subject) if long else None
        who = reader.claimant_names.get(claimant) if by_claimant else None
        label = f"{name} ({', '.join(n for n in (entity, who) if n)})" if long or by_claimant else name
        if mapping.kind == "as_of":
            given = mapping.corrections if corrections is not None else None
            found = fixes.get((subject, claimant, name), [])
            marked = mark_falls(label, points, default, found, given, mapping.waive_spikes)
            for message, outcome in marked:
                {"waived": waived, "unexplained": unexplained, "spike": spikes}[outcome].append(message)
        by_rows = not long and not by_claimant and mapping.variable is None  # a wide table: one row a date
        total = len(table.rows) if by_rows else len(dates_of[subject, claimant])
        named = (entity, who)
        blocks.append(_series_block(mapping, name, spec, points, default, total, subject, claimant, named, by_rows))
    count = sum(len(b["points"]) for b in blocks)
    if not split:
        return Built(render(mapping, blocks), len(blocks), count, waived, unexplained, spikes)
    by_subject: dict[str, list[dict]] = {}
    for block in blocks:
        by_subject.setdefault(block["subject"], []).append(block)
    files = {f"{subject}.yml": render(mapping, subject_blocks) for subject, subject_blocks in by_subject.items()}
    return Built("", len(blocks), count, waived, unexplained, spikes, files)


def _value_column(mapping: ImportMapping, name: str) -> str:
    return mapping.variable.value if mapping.variable is not None else name


def _repeated(
    mapping: ImportMapping,
    row: Row,
    who: tuple[str, str],
    span: Span,
    first_row: dict[tuple, Row],
    errors: _Collector,
) -> None:
    """A second row for one date (of one entity, one claimant, and one variable): a problem on that row,
    never merged. `who`: the row's subject and claimant."""
    variable = row.cells.get(mapping.variable.column) if mapping.variable is not None else None
    key = (*who, variable, span.text)
    first = first_row.setdefault(key, row)
    if first is row:
        return
    roles = {
        "entity": mapping.entity.column if mapping.entity is not None else None,
        "claimant": mapping.claimant_column,
        "variable": mapping.variable.column if mapping.variable is not None else None,
    }
    roles = {role: column for role, column in roles.items() if column is not None}
    if not roles:
        errors.add(row, f"the date {span.text} is also on {first.where}", "keep one row a day")
        return
    what = " ".join(repr(row.cells.get(column)) for column in roles.values())
    same = ", with the same figures" if row.cells == first.cells else ", with other figures"
    per = ", ".join(roles) + " and date"
    errors.add(
        row,
        f"{what} on {span.text} is also on {first.where}{same}",
        f"keep one row per {per}: the import neither merges repeated rows nor picks one",
    )


def _default_qualifier(spec: ColumnMap, points: list[Point]) -> str:
    """The series' qualifier: the mapped one, or the most common of a qualifier column (ties: first seen)."""
    if not isinstance(spec.qualifier, QualifierFrom):
        return spec.qualifier
    counts: dict[str, int] = {}
    for point in points:
        counts[point.extra["qualifier"]] = counts.get(point.extra["qualifier"], 0) + 1
    return max(counts, key=lambda q: counts[q])


def _read_corrections(
    mapping: ImportMapping, table: Table, reader: _Reader, marks: Marks, errors: _Collector
) -> dict[tuple[str, str, str], list[Fix]]:
    """The downward corrections, by (subject, claimant, series name): a corrections table has the table's
    entity, claimant and variable columns."""
    spec = mapping.corrections
    if spec is None:
        raise ConfigError("a corrections table was given, but the mapping has no `corrections:` section",
                          "add `corrections: {date: date, name: ...}` to the mapping")  # fmt: skip
    fixes: dict[tuple[str, str, str], list[Fix]] = {}
    unknown_entities: dict[str, entities.Unknown] = {}
    unknown_claimants: dict[str, entities.Unknown] = {}
    unknown_variables: dict[str, entities.Unknown] = {}
    for row in table.rows:
        try:
            span = parse_span(row.cells.get(spec.date))
        except DateError as error:
            errors.add(row, f"corrections: {error}", table=1)
            continue
        subject = reader.subject(row, unknown_entities, errors, 1)
        claimant = reader.claimant(row, unknown_claimants, errors, 1)
        if {subject, claimant} & {None, _IGNORED}:
            continue
        if mapping.variable is None:
            figures = [(column, row.cells[column]) for column in mapping.columns if column in row.cells]
        else:
            figures = reader.figures(row, unknown_variables) or []
        for name, cell in figures:
            try:
                change = number(cell, marks)
            except NotANumber as error:
                errors.add(row, f"corrections: column {_value_column(mapping, name)!r}: {error}", error.hint, 1)
                continue
            if change < 0:
                fixes.setdefault((subject, claimant, name), []).append(Fix(span, change, row.where))
    reader.report(errors, unknown_entities, unknown_variables, 1, unknown_claimants)
    return fixes


def _series_block(mapping, column, spec, points, default, total_rows, subject, claimant, named, by_rows) -> dict:
    """One series: `named` is the table's names of its entity and claimant (None for the mapping's own)."""
    entity, who = named
    fill = {"column": column, "metric": spec.metric, "subject": subject, "claimant": claimant}
    source = {key: _fill(value, fill) for key, value in mapping.source.model_dump(exclude_none=True).items()}
    notes = [spec.notes.strip()] if spec.notes else []
    if len(points) < total_rows:
        given = f"{column!r} on {len(points):,} of its {total_rows:,} {'rows' if by_rows else 'dates'}"
        if entity is not None or who is not None:
            whose = " and ".join(repr(n) for n in (entity, who) if n is not None)
            given = f"{column!r} for {whose} on {len(points):,} of the {total_rows:,} dates it has for {whose}"
        notes.append(
            f"The table gives {given}, from {points[0].date.text} to {points[-1].date.text}; no figure is invented "
            "for the other days."
        )
    # One series per metric (and per entity and claimant: a long table's series add the subject, and a
    # claimant column's the claimant, each after a dot, which no catalog key holds, so two series never
    # share an id).
    series_id = spec.id or f"{mapping.dataset}-{spec.metric}".replace("_", "-")
    series_id += f".{subject}" if entity is not None else ""
    series_id += f".{claimant}" if who is not None else ""
    block = {
        "id": series_id,
        "metric": spec.metric,
        "subject": subject,
        "claimant": claimant,
        "qualifier": default,
    }
    if mapping.kind != "as_of":
        block["kind"] = mapping.kind
    block["source"] = source
    if notes:
        block["notes"] = " ".join(notes)
    block["points"] = points
    return block


def _fill(template: str, fields: dict[str, str]) -> str:
    return re.sub(r"\{(column|metric|subject|claimant)\}", lambda m: fields[m.group(1)], template)
