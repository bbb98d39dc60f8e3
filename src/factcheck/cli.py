"""The `factcheck` command line: options in, `run()` out, the exit code decided in one place.

Exit codes: 0 publishable (warnings allowed), 1 a finding at or above `fail_on`, 2 a usage or
configuration error, 3 an internal error (a bug). Great Expectations is imported only when validating.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import click

from factcheck import __version__, profiling

EXIT_OK, EXIT_FINDINGS, EXIT_CONFIG, EXIT_INTERNAL = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="factcheck")
def cli() -> None:
    """Check curated datasets of claimed figures before they are published.

    \b
    Example:
        factcheck validate                      # every gate in checks/
        factcheck validate datasets/war.yml     # only this file, through the gates that cover it
    """


def error_handling(command):
    """Turn library errors into exit codes: 2 for configuration, 3 (one line) for bugs."""

    @functools.wraps(command)
    def wrapper(*args, debug: bool = False, **kwargs):
        from factcheck.errors import ConfigError
        from factcheck.text import shown, shown_lines

        # An error's message names files, keys and values from data: each of its lines is printed escaped.
        try:
            return command(*args, **kwargs)
        except ConfigError as error:
            click.echo("error: " + "\n".join(shown_lines(error)), err=True)
            if error.hint:
                click.echo(f"  hint: {shown(error.hint)}", err=True)
            github = kwargs.get("github")
            if github or (github is None and os.environ.get("GITHUB_ACTIONS") == "true"):
                from factcheck.reporters.github import configuration_error

                click.echo(configuration_error(str(error), error.hint))
            sys.exit(EXIT_CONFIG)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as error:
            if debug:
                traceback.print_exc()
            first = str(error).strip().splitlines()
            reason = f"{type(error).__name__}: {shown(first[0])}" if first else type(error).__name__
            click.echo(f"internal error (a bug in factcheck, not in your data): {reason}", err=True)
            if not debug:
                click.echo("  run again with --debug for the traceback, and report it", err=True)
            sys.exit(EXIT_INTERNAL)

    wrapper = click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")(wrapper)
    return wrapper


def root_option(help: str = "The project root (default: the nearest folder upward holding checks/).") -> Callable:
    """`--root`, the project a command works on, said in the command's own words."""
    return click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), help=help)


def output_options(command):
    """The report files a run writes, passed to the command as one `outputs` (`reporters.files.Outputs`)."""
    report_path = click.Path(dir_okay=False, allow_dash=True)  # shown as FILE, as the help says
    options = [
        click.option(
            "--report", "html", type=report_path, help="Write the self-contained HTML report to FILE (-: stdout)."
        ),
        click.option(
            "--json",
            "json_",
            type=report_path,
            help="Write the JSON report (every finding and claim) to FILE (-: stdout).",
        ),
        click.option("--junit", type=report_path, help="Write JUnit XML for CI test reporters to FILE (-: stdout)."),
        click.option("--sarif", type=report_path, help="Write SARIF 2.1.0 (GitHub code scanning) to FILE (-: stdout)."),
        click.option(
            "--data-docs",
            type=click.Path(file_okay=False, path_type=Path),
            help="Also build Great Expectations' Data Docs site in DIRECTORY.",
        ),
        click.option("--timestamp", is_flag=True, help="Stamp the report files with the time (off: byte-identical)."),
    ]

    @functools.wraps(command)
    def wrapper(*args, html, json_, junit, sarif, data_docs, timestamp, **kwargs):
        from factcheck.reporters.files import Outputs

        asked = {"html": html, "json": json_, "junit": junit, "sarif": sarif}
        # `-` (exactly: `./-` is a file of that name) is standard output, for one report at most.
        dashes = [name for name, value in asked.items() if value == "-"]
        if len(dashes) > 1:
            options = {"html": "--report", "json": "--json", "junit": "--junit", "sarif": "--sarif"}
            raise click.UsageError(f"{' and '.join(options[n] for n in dashes)} cannot both write to standard output")
        paths = {name: Path(value) if value not in (None, "-") else None for name, value in asked.items()}
        outputs = Outputs(**paths, data_docs=data_docs, timestamp=timestamp, stdout=dashes[0] if dashes else None)
        return command(*args, outputs=outputs, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def run_options(command):
    """What selects and judges the findings, shared by `validate` and `baseline`."""
    options = [
        click.argument("targets", nargs=-1, type=click.Path(path_type=str)),
        click.option(
            "--today",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            metavar="YYYY-MM-DD",
            envvar="FACTCHECK_TODAY",
            help="Fix today's date for reproducible runs. [env: FACTCHECK_TODAY]",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(["critical", "warning", "info"]),
            help="Block at this severity or above, overriding each gate's fail_on.",
        ),
        root_option(),
        click.option(
            "--allow-outside-root",
            is_flag=True,
            help="Let gate files name datasets and suites outside the project root.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@run_options
@click.option(
    "--baseline",
    metavar="REF|FILE",
    help="Compare with the project at git commit REF (run with its own gates), or with a baseline file: "
    "each finding is new or existing, and the fixed ones are listed.",
)
@click.option("--fail-on-new", is_flag=True, help="Block only on findings that are new against --baseline.")
@click.option("--color/--no-color", default=None, help="Colour the terminal report (default: when a terminal).")
@click.option("--show-waived", is_flag=True, help="List waived findings one by one, not only their count per file.")
@click.option(
    "--github/--no-github",
    default=None,
    help="Annotate the YAML lines and write the job summary and outputs (default: when GITHUB_ACTIONS=true).",
)
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
    from factcheck import baseline as baselines
    from factcheck import delivery
    from factcheck.outputs import check_writable, refuse_inputs
    from factcheck.project import find_root
    from factcheck.run import Options, run
    from factcheck.selection import ids

    if fail_on_new and baseline is None:
        raise click.UsageError("--fail-on-new needs --baseline REF|FILE: new findings are new against a base")
    base = baselines.source(baseline) if baseline is not None else None
    root = root.resolve() if root else find_root(Path.cwd())
    github = delivery.on_github(github)
    writes = delivery.writes(outputs, github)
    check_writable(writes)
    refuse_inputs(writes, baselines.inputs(base))
    options = Options(
        root=root,
        targets=tuple(targets),
        today=today.date() if today else None,
        fail_on=fail_on,
        allow_outside_root=allow_outside_root,
        data_docs=outputs.data_docs,
        writes=writes,
        baseline=base,
        fail_on_new=fail_on_new,
        select=ids(select),
        ignore=ids(ignore),
    )
    report = run(options)
    profiling.keep()
    profiling.lap("findings")
    delivery.deliver(report, outputs, root, github, color, show_waived)
    sys.exit(EXIT_FINDINGS if report.blocked else EXIT_OK)


@cli.command("baseline")
@run_options
@click.option(
    "--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The baseline file to write."
)
@error_handling
def baseline_(targets, today, fail_on, root, allow_outside_root, output) -> None:
    """Store the findings of a run in a baseline file, for `validate --baseline FILE` where the base commit
    is not at hand. The file is JSON, one finding per line; it is written whatever the verdict.

    \b
    Example:
        factcheck baseline -o factcheck-baseline.json
        factcheck validate --baseline factcheck-baseline.json --fail-on-new
    """
    from factcheck import baseline as baselines
    from factcheck.outputs import Output, check_writable
    from factcheck.project import find_root
    from factcheck.reporters.files import write_atomic
    from factcheck.run import Options, run
    from factcheck.text import shown

    root = root.resolve() if root else find_root(Path.cwd())
    writes = (Output("--output", output), *profiling.named())
    check_writable(writes)
    options = Options(
        root=root,
        targets=tuple(targets),
        today=today.date() if today else None,
        fail_on=fail_on,
        allow_outside_root=allow_outside_root,
        writes=writes,
    )
    report = run(options)
    profiling.keep()
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
@click.option("--color/--no-color", default=None, help="Colour the terminal report (default: when a terminal).")
@click.option(
    "--github/--no-github",
    default=None,
    help="Annotate the articles' lines and write the job summary and outputs (default: when GITHUB_ACTIONS=true).",
)
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
    from factcheck import delivery
    from factcheck.articles.check import article_inputs, run_articles
    from factcheck.outputs import check_writable, refuse_inputs
    from factcheck.project import find_root

    if outputs.data_docs is not None:
        raise click.UsageError("--data-docs is for `factcheck validate`: Great Expectations does not check articles")
    root = root.resolve() if root else find_root(Path.cwd())
    github = delivery.on_github(github)
    writes = delivery.writes(outputs, github)
    check_writable(writes)
    refuse_inputs(writes, article_inputs(root, list(paths), allow_outside_root))
    report = run_articles(root, list(paths), dt.date.today(), fail_on, allow_outside_root)
    profiling.keep()
    delivery.deliver(report, outputs, root, github, color)
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
    from factcheck.importer.run import run_import, run_suggest
    from factcheck.importer.summary import summary
    from factcheck.project import find_root

    root = root.resolve() if root else find_root(Path.cwd())
    if suggest_catalog:
        click.echo(run_suggest(table, mapping, root), nl=False)
        return
    if output is None:
        raise click.UsageError("give --output (the dataset to write), or --suggest-catalog")
    folder = output.endswith(("/", os.sep)) or Path(output).is_dir()
    built = run_import(
        table,
        mapping,
        Path(output),
        root,
        corrections=corrections,
        force=force,
        also_written=tuple(profiling.named()),
        folder=folder,
    )
    profiling.keep()
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
    from factcheck.scaffold import init as scaffold
    from factcheck.text import shown

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
    from factcheck import file_schemas
    from factcheck.errors import ConfigError
    from factcheck.project import find_root

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
    from factcheck.errors import ConfigError
    from factcheck.project import find_root

    if root is not None:
        return root.resolve()
    try:
        return find_root(Path.cwd())
    except ConfigError:
        return None


def _echo(lines: list[str], notes: list[str]) -> None:
    """Lines already escaped (`factcheck.explain` passes every value through `text.shown`); notes on stderr."""
    from factcheck.text import shown

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
    from factcheck import explain

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
    from factcheck import explain

    _echo(*explain.explain(check_id, _project_root(root)))


def main() -> None:
    """The program, as installs made before `factcheck.program` was the entry point still call it."""
    from factcheck.program import main as program

    program()
