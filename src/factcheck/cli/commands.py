"""The `factcheck` command line: options in, `run()` out, the exit code decided in one place.

Exit codes: 0 publishable (warnings allowed), 1 a finding at or above `fail_on`, 2 a usage or
configuration error, 3 an internal error (a bug). Great Expectations is imported only when validating.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from factcheck import __version__
from factcheck.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    color_option,
    command_profiler,
    error_handling,
    github_option,
    output_options,
    root_option,
    run_options,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="factcheck")
def cli() -> None:
    """Check curated datasets of claimed figures before they are published.

    \b
    Example:
        factcheck validate                      # every gate in checks/
        factcheck validate datasets/war.yml     # only this file, through the gates that cover it
    """


@cli.command()
@run_options
@click.option(
    "--baseline",
    metavar="REF|FILE",
    help="Compare with the project at git commit REF (run with its own gates), or with a baseline file: "
    "each finding is new or existing, and the fixed ones are listed.",
)
@click.option("--fail-on-new", is_flag=True, help="Block only on findings that are new against --baseline.")
@color_option
@click.option("--show-waived", is_flag=True, help="List waived findings one by one, not only their count per file.")
@github_option("the YAML lines")
@click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    help="Run only these suite checks (ids, comma-separated); the file format is always checked.",
)
@click.option("--ignore", multiple=True, metavar="IDS", help="Run every suite check but these (ids, comma-separated).")
@output_options
@error_handling
def validate(
    targets,
    today,
    fail_on,
    root,
    allow_outside_root,
    engine,
    spark_master,
    baseline,
    fail_on_new,
    color,
    show_waived,
    github,
    select,
    ignore,
    outputs,
) -> None:
    """Validate datasets against the gates in checks/ and report every finding.

    TARGETS are gate files (checks/*.yml) or dataset files and folders; with none, every gate runs. A
    report written to standard output (`--json -`) moves the terminal report to standard error.

    \b
    Example:
        factcheck validate --today 2026-03-01
        factcheck validate checks/publication.yml --fail-on warning
        factcheck validate --report out/report.html --json out/report.json --junit out/junit.xml
        factcheck validate --baseline origin/main --fail-on-new --sarif out/factcheck.sarif
        factcheck validate --json - --select cumulative-non-decreasing | jq '.findings | length'
    """
    from factcheck.cli import delivery
    from factcheck.pipeline import compare as baselines
    from factcheck.pipeline.project import find_root
    from factcheck.pipeline.run import run
    from factcheck.pipeline.selection import ids
    from factcheck.pipeline.write_guard import check_writable, refuse_inputs

    if fail_on_new and baseline is None:
        raise click.UsageError("--fail-on-new needs --baseline REF|FILE: new findings are new against a base")
    base = baselines.source(baseline) if baseline is not None else None
    root = root.resolve() if root else find_root(Path.cwd())
    github = delivery.on_github(github)
    profiler = command_profiler()
    writes = delivery.writes(outputs, github, profiler)
    check_writable(writes)
    refuse_inputs(writes, baselines.inputs(base))
    options = _options(
        root, targets, today, fail_on, allow_outside_root, writes, profiler,
        data_docs=outputs.data_docs, baseline=base, fail_on_new=fail_on_new, select=ids(select), ignore=ids(ignore),
        engine=engine, spark_master=spark_master,
    )  # fmt: skip
    report = baselines.compare(run(options), options, run)  # new, existing and fixed against the base
    profiler.keep()
    profiler.lap("findings")
    delivery.deliver(report, outputs, root, github, color, show_waived, profiler)
    sys.exit(EXIT_FINDINGS if report.blocked else EXIT_OK)


def _options(root, targets, today, fail_on, allow_outside_root, writes, profiler, **more):
    """A run's `Options` from what `run_options` declares (`validate` and `baseline`), and `more`."""
    from factcheck.pipeline.options import Options

    return Options(
        root=root,
        targets=tuple(targets),
        today=today.date() if today else None,
        fail_on=fail_on,
        allow_outside_root=allow_outside_root,
        writes=writes,
        profiler=profiler,
        **more,
    )


@cli.command("baseline")
@run_options
@click.option(
    "--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The baseline file to write."
)
@error_handling
def baseline_(targets, today, fail_on, root, allow_outside_root, engine, spark_master, output) -> None:
    """Store the findings of a run in a baseline file, for `validate --baseline FILE` where the base commit
    is not at hand. The file is JSON, one finding per line; it is written whatever the verdict.

    \b
    Example:
        factcheck baseline -o factcheck-baseline.json
        factcheck validate --baseline factcheck-baseline.json --fail-on-new
    """
    from factcheck.floor.text import shown
    from factcheck.pipeline import compare as baselines
    from factcheck.pipeline.project import find_root
    from factcheck.pipeline.run import run
    from factcheck.pipeline.write_guard import Output, check_writable
    from factcheck.reporters.files import write_atomic

    root = root.resolve() if root else find_root(Path.cwd())
    profiler = command_profiler()
    writes = (Output("--output", output), *profiler.outputs())
    check_writable(writes)
    options = _options(
        root, targets, today, fail_on, allow_outside_root, writes, profiler, engine=engine, spark_master=spark_master
    )
    report = baselines.compare(run(options), options, run)  # a gate's fail_on_new without a base: noted
    profiler.keep()
    write_atomic(output, lambda stream: baselines.write(report, stream), what="the baseline file")
    stored = baselines.records(report)
    failed = sum(r["status"] == "failed" for r in stored)
    click.echo(
        f"wrote {shown(str(output))}: {len(stored):,} findings ({failed:,} failed, {len(stored) - failed:,} waived)"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--fail-on",
    type=click.Choice(["critical", "warning", "info"]),
    help="Block at this severity or above, overriding the gates' fail_on.",
)
@root_option()
@click.option("--allow-outside-root", is_flag=True, help="Let the articles and gates name files outside the root.")
@color_option
@github_option("the articles' lines")
@output_options
@error_handling
def article(paths, fail_on, root, allow_outside_root, color, github, outputs) -> None:
    """Check the figures of articles against the claims of the gates' datasets.

    PATHS are Markdown or text files. Each figure is found, tied to the claim it reports and judged backed,
    contradicted, unbacked or ambiguous (`factcheck explain article-contradicts`, and the other
    article-* checks). The datasets are read, not checked: run
    `factcheck validate` for them (it checks the articles a gate names too).

    \b
    Example:
        factcheck article articles/draft.md
        factcheck article articles/*.md --fail-on warning --report out/articles.html
    """
    from factcheck.cli import delivery
    from factcheck.pipeline.project import find_root
    from factcheck.pipeline.run import run
    from factcheck.pipeline.write_guard import check_writable

    if outputs.data_docs is not None:
        raise click.UsageError("--data-docs is for `factcheck validate`: Great Expectations does not check articles")
    root = root.resolve() if root else find_root(Path.cwd())
    github = delivery.on_github(github)
    profiler = command_profiler()
    writes = delivery.writes(outputs, github, profiler)
    check_writable(writes)
    options = _options(root, (), None, fail_on, allow_outside_root, writes, profiler, articles=tuple(paths))
    report = run(options)  # a plan without suites: refuses an output onto an input before reading any
    profiler.keep()
    delivery.deliver(report, outputs, root, github, color, profiler=profiler)
    sys.exit(EXIT_FINDINGS if report.blocked else EXIT_OK)


@cli.command("import")
@click.argument("table", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--mapping",
    "-m",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The mapping file (YAML): date column, columns -> metrics, subject or entity column, claimant or claimant "
    "column, source (`factcheck schema mapping` gives its fields).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=str),
    help="The dataset to write; a folder (an existing one, or a path ending in /) gets one dataset per subject.",
)
@click.option(
    "--corrections",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The claimant's own corrections (same columns): each fall they explain is waived, naming the correction.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace the --output dataset if it exists (never the table, mapping, catalog or a gate).",
)
@click.option(
    "--suggest-catalog",
    is_flag=True,
    help="Print the catalog entries the table needs and the catalog lacks, to review and paste; write nothing.",
)
@root_option("The project root whose catalog the dataset must match (default: found from here upward).")
@error_handling
def import_(table, mapping, output, corrections, force, suggest_catalog, root) -> None:
    """Turn a CSV or JSON table into a dataset of series blocks, checked before it is written.

    TABLE is a CSV file (header line first) or a JSON list of objects: one row per date (a wide table), or
    one row per entity and date, or per entity, date and variable (a long table). Every column is mapped,
    is the date, entity or variable, or is listed as ignored with a reason; a missing cell is no point.

    \b
    Example:
        factcheck import losses.csv --mapping losses-mapping.yml --output datasets/losses.yml
        factcheck import countries.csv -m countries-mapping.yml --suggest-catalog
        factcheck import countries.csv -m countries-mapping.yml -o datasets/countries/
        factcheck import daily.json -m daily-mapping.yml -o datasets/daily.yml \\
            --corrections daily-corrections.json --force
    """
    from factcheck.importer.command import run_import, run_suggest
    from factcheck.importer.summary import summary
    from factcheck.pipeline.project import find_root

    root = root.resolve() if root else find_root(Path.cwd())
    if suggest_catalog:
        click.echo(run_suggest(table, mapping, root), nl=False)
        return
    if output is None:
        raise click.UsageError("give --output (the dataset to write), or --suggest-catalog")
    folder = output.endswith(("/", os.sep)) or Path(output).is_dir()
    profiler = command_profiler()
    built = run_import(
        table,
        mapping,
        Path(output),
        root,
        corrections=corrections,
        force=force,
        also_written=tuple(profiler.outputs()),
        folder=folder,
    )
    profiler.keep()
    for line in summary(built, output, folder):
        click.echo(line)


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace the files init writes where they exist (no other file).")
@click.option(
    "--desk",
    type=click.Choice(["disaster", "epidemic", "conflict"]),
    help="Start from that desk's worked example: its catalog, a dataset and a draft. Default: a town's flood, "
    "with a catalog showing every field.",
)
@error_handling
def init(directory, force, desk) -> None:
    """Write a new project in DIRECTORY (default: here) that `factcheck validate` passes at once.

    A catalog with an example of each field, a dataset of two claims, a draft citing them (or, with
    --desk, that desk's catalog, dataset and draft), a gate checking both with the suites shipped with
    factcheck, the GitHub workflow (compared with the pull request's base), the pre-commit configuration,
    requirements installing factcheck as it was installed here (a comment says how to change it), a README
    and the editor
    schemas. A file in the way stops it before anything is written.

    \b
    Example:
        factcheck init newsroom-data --desk disaster
        cd newsroom-data && factcheck validate
    """
    from factcheck.cli.scaffold import init as scaffold
    from factcheck.floor.text import shown

    written = scaffold(directory, force=force, desk=desk)
    click.echo(f"wrote a factcheck project in {shown(str(directory))}:")
    for rel in written.files:
        click.echo(f"  {rel}")
    where = "" if directory.resolve() == Path.cwd().resolve() else f"cd {shown(str(directory))} && "
    click.echo(f"next: {where}factcheck validate")


@cli.command()
@click.argument("kind", type=click.Choice(["dataset", "catalog", "gate", "mapping"]))
@click.option(
    "--output",
    "-o",
    default="-",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the schema to FILE (default -: standard output).",
)
@root_option("The project whose catalog keys and check ids the schema lists (default: found from here upward).")
@error_handling
def schema(kind, output, root) -> None:
    """Print the JSON Schema (2020-12) of a dataset, the catalog, a gate or an import mapping, for editors.

    Inside a project the catalog's metric, subject and claimant keys, and the ids of the checks its gates
    run, are listed as the values a field may take, so that an editor completes them and marks a typo.
    Run it again when the catalog changes.

    \b
    Example:
        factcheck schema dataset -o schemas/dataset.schema.json
        factcheck schema catalog > schemas/catalog.schema.json
    """
    from factcheck.cli import file_schemas
    from factcheck.floor.errors import ConfigError
    from factcheck.pipeline.project import find_root

    if root is None:
        try:
            root = find_root(Path.cwd())
        except ConfigError:
            root = None
    document, notes = file_schemas.for_project(kind, root.resolve() if root else None)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    file_schemas.write(file_schemas.dumps(document), output, root)


def _project_root(root: Path | None) -> Path | None:
    """`--root`, else the project around the working folder, else None: these commands work anywhere."""
    from factcheck.floor.errors import ConfigError
    from factcheck.pipeline.project import find_root

    if root is not None:
        return root.resolve()
    try:
        return find_root(Path.cwd())
    except ConfigError:
        return None


def _echo(lines: list[str], notes: list[str]) -> None:
    """Lines already escaped (`factcheck.cli.explain` passes every value through `text.shown`); notes on stderr."""
    from factcheck.floor.text import shown

    for note in notes:
        click.echo(f"note: {shown(note)}", err=True)
    click.echo("\n".join(lines))


_ROOT_OF_OWN_CHECKS = root_option(
    "The project whose own suite checks are included (default: the nearest folder upward holding checks/)."
)


@cli.command("checks")
@_ROOT_OF_OWN_CHECKS
@error_handling
def checks_(root) -> None:
    """List every check: its id, default severity, suite and title.

    Inside a project, the checks its own suites define are listed too, marked as the project's own.

    \b
    Example:
        factcheck checks
        factcheck explain cumulative-non-decreasing
    """
    from factcheck.cli import explain

    _echo(*explain.listing(_project_root(root)))


@cli.command("explain")
@click.argument("check_id", metavar="ID")
@_ROOT_OF_OWN_CHECKS
@error_handling
def explain_(check_id, root) -> None:
    """Explain the check ID, with a passing and a failing example.

    `factcheck checks` lists the IDs. An ID that is no check exits 2 and names the closest one.

    \b
    Example:
        factcheck explain cumulative-non-decreasing
        factcheck explain quote-states-figure
    """
    from factcheck.cli import explain

    _echo(*explain.explain(check_id, _project_root(root)))
