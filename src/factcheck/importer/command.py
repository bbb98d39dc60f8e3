"""`factcheck import` as a whole: read, build, check the result as `factcheck validate` would, write
atomically; and `--suggest-catalog`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.floor.errors import ConfigError
from factcheck.importer import entities
from factcheck.importer.build import Built, build, check_columns
from factcheck.importer.mapping import read_mapping
from factcheck.importer.problems import one_error
from factcheck.importer.tables import read_table
from factcheck.model import vocabulary
from factcheck.model.format import Catalog
from factcheck.model.layout import LAYOUT
from factcheck.pipeline import load
from factcheck.pipeline.project import max_file_bytes
from factcheck.pipeline.write_guard import Output, check_writable, import_inputs, refuse_inputs, shown_path


def write(text: str, output: Path, force: bool) -> None:
    """Write `text` to `output` atomically (`reporters.files.write_atomic`); an existing file only with
    `force`, and never one that appears while the import runs."""
    from factcheck.reporters.files import write_atomic

    shown = shown_path(output)
    if output.exists() and not force:
        raise ConfigError(f"{shown} already exists", "pass --force to replace it")
    try:
        write_atomic(output, lambda stream: stream.write(text), what="the dataset", replace=force)
    except FileExistsError:
        raise ConfigError(f"{shown} already exists", "pass --force to replace it") from None


def load_catalog(root: Path) -> Catalog:
    """The project's catalog, or a `ConfigError` at its first problem."""
    catalog, problems = load.load_catalog(root)
    if catalog is None or problems:
        first = problems[0]
        raise ConfigError(f"{first.location}: {first.message}", "fix the catalog before importing")
    return catalog


def load_as_validate_would(text: str, output: Path, root: Path, catalog: Catalog | None = None) -> None:
    """Load the dataset as `factcheck validate` will; any finding is a mapping problem (exit 2)."""
    catalog = catalog or load_catalog(root)
    handle, temporary = tempfile.mkstemp(suffix=".yml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        rel = shown_path(output)
        _, findings = load.load_dataset(Path(temporary), rel, vocabulary.Vocabulary(catalog))
    finally:
        os.unlink(temporary)
    if findings:
        items = [(f"the imported dataset {rel} (not written), line {f.line}", f.message, f.hint) for f in findings]
        error = one_error(items)
        error.hint = error.hint or "check the mapping against `factcheck schema mapping`"
        raise error


def run_import(
    table: Path,
    mapping_path: Path,
    output: Path,
    root: Path,
    corrections: Path | None = None,
    force: bool = False,
    also_written: tuple[Output, ...] = (),
    folder: bool = False,
) -> Built:
    """Read, build, check and write: the whole `factcheck import`. `folder`: OUTPUT is a folder that gets
    one dataset per subject (`<subject>.yml`). `also_written`: the command's other outputs (the profile),
    refused with OUTPUT before anything is read when one lands on an input."""
    max_file_bytes()  # FACTCHECK_MAX_FILE_BYTES bounds the mapping and the tables: a bad value is exit 2 up front
    written = (Output("--output", output, folder=folder), *also_written)
    check_writable(written)
    # OUTPUT may replace an existing dataset (with --force), never the table, the mapping, the catalog, a
    # gate or a suite: --force does not lift that.
    inputs = import_inputs(root, table, mapping_path, corrections)
    refuse_inputs(written, inputs)
    mapping = read_mapping(mapping_path)
    if not folder and output.exists() and not force:
        raise ConfigError(f"{shown_path(output)} already exists", "pass --force to replace it")
    catalog = load_catalog(root) if mapping.entity is not None or mapping.claimant_column is not None else None
    rows = read_table(table)
    fixes = read_table(corrections) if corrections is not None else None
    built = build(mapping, rows, fixes, catalog, split=folder)
    if not folder:
        if built.points > load.MAX_CLAIMS:
            raise ConfigError(
                f"{rows.shown}: {built.points:,} points, more than the {load.MAX_CLAIMS:,} one dataset file may hold",
                "give a folder as --output (`-o datasets/name/`) to write one file per subject"
                if mapping.entity is not None
                else "import the table in parts, by period, into files of their own",
            )
        text = LAYOUT.modeline(root, output) + built.text  # the editor's schema line, when the project has schemas/
        load_as_validate_would(text, output, root, catalog)
        write(text, output, force)
        return built
    targets = {output / name: LAYOUT.modeline(root, output / name) + text for name, text in built.files.items()}
    refuse_inputs([Output("--output", path) for path in targets], inputs)  # a file of the folder linked to one
    if not force:
        for path in targets:
            if path.exists():
                raise ConfigError(f"{shown_path(path)} already exists", "pass --force to replace it")
    catalog = catalog or load_catalog(root)
    for path, text in targets.items():  # every file checked before any is written
        load_as_validate_would(text, path, root, catalog)
    for path, text in targets.items():
        write(text, path, force)
    built.stale = sorted(shown_path(p) for p in output.glob("*.yml") if p not in targets)
    return built


def run_suggest(table: Path, mapping_path: Path, root: Path) -> str:
    """The catalog entries `table` needs and the catalog lacks, as YAML text to review (`--suggest-catalog`):
    its entities no subject has, its claimant column's names no claimant has, the metrics the mapping
    names, and the variables it neither maps nor ignores. Nothing is written."""
    max_file_bytes()
    mapping = read_mapping(mapping_path)
    catalog = load_catalog(root)
    rows = read_table(table)
    check_columns(mapping, rows)
    missing_entities: list[str] = []
    if mapping.entity is not None:
        subjects = entities.Names(mapping.entity.subjects, mapping.entity.ignore, catalog)
        missing_entities = _missing(rows, mapping.entity.column, subjects)
    missing_claimants: list[str] = []
    if mapping.claimant_column is not None:
        claimants = entities.Names(mapping.claimant.claimants, mapping.claimant.ignore, catalog, "claimant")
        missing_claimants = _missing(rows, mapping.claimant_column, claimants)
    specs = mapping.series_specs()
    metrics = [(spec.metric, name) for name, spec in specs.items() if spec.metric not in catalog.metrics]
    variables: list[tuple[str, str]] = []
    if mapping.variable is not None:
        taken = {*catalog.metrics, *(spec.metric for spec in specs.values())}
        for name in dict.fromkeys(row.cells.get(mapping.variable.column) for row in rows.rows):
            if not isinstance(name, str) or name in specs or name in mapping.variable.ignore:
                continue
            base = entities.key_base(name, "metric", "_")
            key, n = base, 1
            while key in taken:
                n += 1
                key = f"{base}_{n}"
            taken.add(key)
            variables.append((key, name))
    return entities.suggest(rows.shown, missing_entities, metrics, variables, catalog, missing_claimants)


def _missing(rows, column: str, names: entities.Names) -> list[str]:
    """The names of `column` that nothing maps, ignores, or finds ambiguous, in table order."""
    missing: dict[str, None] = {}
    for row in rows.rows:
        name = row.cells.get(column)
        name = str(name) if isinstance(name, int) and not isinstance(name, bool) else name
        known = not isinstance(name, str) or name in names.ignored or name in names.ambiguous
        if not known and names.key(name) is None:
            missing[name] = None
    return list(missing)
