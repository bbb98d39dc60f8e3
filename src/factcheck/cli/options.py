"""The options the commands share, and the exit codes: each declared once, here."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import click

EXIT_OK, EXIT_FINDINGS, EXIT_CONFIG, EXIT_INTERNAL = 0, 1, 2, 3


def error_handling(command):
    """Turn library errors into exit codes: 2 for configuration, 3 (one line) for bugs."""

    @functools.wraps(command)
    def wrapper(*args, debug: bool = False, **kwargs):
        from factcheck.floor.errors import ConfigError
        from factcheck.floor.text import shown, shown_lines

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


color_option = click.option(
    "--color/--no-color", default=None, help="Colour the terminal report (default: when a terminal)."
)


def github_option(lines: str) -> Callable:
    """`--github/--no-github`, naming the `lines` the command annotates."""
    return click.option(
        "--github/--no-github",
        default=None,
        help=f"Annotate {lines} and write the job summary and outputs (default: when GITHUB_ACTIONS=true).",
    )


def output_options(command):
    """The report files a run writes, passed to the command as one `outputs` (`reporters.files.ReportFiles`)."""
    from factcheck.reporters import FILES

    report_path = click.Path(dir_okay=False, allow_dash=True)  # shown as FILE, as the help says
    options = [
        *(click.option(r.option, name, type=report_path, help=r.help) for name, r in FILES.items()),
        click.option(
            "--data-docs",
            type=click.Path(file_okay=False, path_type=Path),
            help="Also build Great Expectations' Data Docs site in DIRECTORY.",
        ),
        click.option("--timestamp", is_flag=True, help="Stamp the report files with the time (off: byte-identical)."),
    ]

    @functools.wraps(command)
    def wrapper(*args, data_docs, timestamp, **kwargs):
        from factcheck.reporters.files import ReportFiles

        asked = {name: kwargs.pop(name) for name in FILES}
        # `-` (exactly: `./-` is a file of that name) is standard output, for one report at most.
        dashes = [name for name, value in asked.items() if value == "-"]
        if len(dashes) > 1:
            raise click.UsageError(
                f"{' and '.join(FILES[n].option for n in dashes)} cannot both write to standard output"
            )
        paths = {name: Path(value) if value not in (None, "-") else None for name, value in asked.items()}
        outputs = ReportFiles(**paths, data_docs=data_docs, timestamp=timestamp, stdout=dashes[0] if dashes else None)
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
        click.option(
            "--engine",
            type=click.Choice(["pandas", "spark"]),
            help="Run the suites on pandas or on Spark (pip install 'factcheck-ci[spark]'), overriding each "
            "gate's engine (default: pandas).",
        ),
        click.option(
            "--spark-master",
            metavar="URL",
            help="With --engine spark: the Spark master (default: local[*], or spark-submit's --master).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def command_profiler():
    """The command's `Profiler`: the one `main` made (`FACTCHECK_PROFILE`), else none (a command invoked alone)."""
    from factcheck.pipeline.profiling import NO_PROFILE

    return click.get_current_context().find_root().obj or NO_PROFILE
