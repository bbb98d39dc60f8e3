"""What a checking command writes and prints once it has its `Report`, the same for `validate` and `article`:
the report files, the GitHub annotations and job summary, and the terminal report with its verdict."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from factcheck.pipeline.profiling import NO_PROFILE, Profiler
from factcheck.pipeline.write_guard import Output
from factcheck.report.findings import Report
from factcheck.reporters import FILES
from factcheck.reporters.files import ReportFiles


def on_github(flag: bool | None) -> bool:
    """`--github/--no-github`, or (neither given) whether this runs in GitHub Actions."""
    return flag if flag is not None else os.environ.get("GITHUB_ACTIONS") == "true"


def writes(outputs: ReportFiles, github: bool, profiler: Profiler = NO_PROFILE) -> tuple[Output, ...]:
    """Every file the command writes, with the option that named it, for `write_guard` to check before the run:
    its reports, the profile, and with `github` the files the runner names. The runner names those, but a
    workflow (which a pull request can edit) may set them too."""
    reports = [Output(FILES[name].option, path) for name, path in outputs.files().items()]
    if outputs.data_docs:
        reports.append(Output("--data-docs", outputs.data_docs, folder=True))
    appended = []
    if github:
        from factcheck.reporters.github import APPENDED_FILES

        appended = [Output(f"${name}", Path(os.environ[name])) for name in APPENDED_FILES if os.environ.get(name)]
    return (*reports, *profiler.outputs(), *appended)


def deliver(
    report: Report,
    outputs: ReportFiles,
    root: Path,
    github: bool,
    color: bool | None,
    show_waived: bool = False,
    profiler: Profiler = NO_PROFILE,
) -> None:
    """Write the report files, then the annotations (before the terminal report: its verdict ends the log),
    then the terminal report. A report on standard output (`--json -`) is the output: the annotations and
    the terminal report then go to standard error."""
    from factcheck.reporters import terminal
    from factcheck.reporters.files import write_all

    if outputs.timestamp:
        report.timestamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    console = sys.stderr if outputs.stdout else sys.stdout
    _to_stdout(lambda: write_all(report, outputs, sys.stdout))
    profiler.lap("report:files")
    if github:
        from factcheck.reporters import github as github_reporter

        _to_stdout(lambda: github_reporter.publish(report, console, root))
        profiler.lap("report:github")
    colour = color if color is not None else (console.isatty() and "NO_COLOR" not in os.environ)
    _to_stdout(lambda: terminal.render(report, console, colour=colour, show_waived=show_waived))
    profiler.lap("report:terminal")


def _to_stdout(write: Callable[[], None]) -> None:
    """Run `write`. When the reader has gone (`factcheck validate | head`), what is left to print has no one
    to go to; the run still ends with its verdict as the exit code, which is what a pipeline tests."""
    try:
        write()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
