"""The report files of a run (`--report`, `--json`, `--junit`, `--sarif`), and every other file factcheck writes
(`import --output`, `FACTCHECK_PROFILE`), written atomically by `write_atomic`.

A crash, a full disk or a stopped process never leaves half a file where a good one was: each is rendered
into a temporary file in the destination folder, flushed to disk, then moved over the destination with
`os.replace` (atomic on POSIX and Windows within one file system). Where they may go is decided before the run,
by the command (`factcheck.cli.delivery.writes` hands every path to `factcheck.pipeline.write_guard`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from factcheck.floor.errors import ConfigError
from factcheck.report.findings import Report
from factcheck.reporters import FILES, get


@dataclass(frozen=True)
class ReportFiles:
    """Which report files to write: reporter name -> path (None: not asked for)."""

    html: Path | None = None
    json: Path | None = None
    junit: Path | None = None
    data_docs: Path | None = None
    timestamp: bool = False
    sarif: Path | None = None
    stdout: str | None = None  # the reporter (html, json, junit) written to standard output (`--json -`)

    def files(self) -> dict[str, Path]:
        chosen = {name: getattr(self, name) for name in FILES}
        return {name: path for name, path in chosen.items() if path is not None}


def write_all(report: Report, outputs: ReportFiles, stdout: TextIO | None = None) -> None:
    for name, path in outputs.files().items():
        write_atomic(path, _renderer(name, report))
    if outputs.stdout is not None and stdout is not None:
        _renderer(outputs.stdout, report)(stdout)
        stdout.flush()


def _renderer(name: str, report: Report) -> Callable[[TextIO], None]:
    module = get(name)
    return lambda stream: module.render(report, stream)


def write_atomic(path: Path, render: Callable[[TextIO], None], what: str = "the report", replace: bool = True) -> None:
    """Render into `path` atomically, creating missing folders; an unwritable path is a `ConfigError`.

    The output streams into a temporary file beside `path` (a report of 100,000 findings is hundreds of
    megabytes: holding it in memory as text and again as bytes would double the run's peak memory), so a
    full disk surfaces while rendering: an error the file system raised (it has an errno) is a `ConfigError`;
    anything else a renderer raises propagates. Either way, and when the process is stopped by a signal
    (`factcheck.cli.program` makes Ctrl-C and SIGTERM unwind), `path` is left as it was and no temporary file stays
    behind. `replace=False`: never replace an existing `path`, even one that appeared meanwhile
    (`FileExistsError`)."""
    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"cannot write {what} {path}: it is a folder", "give a file name, e.g. report.html")
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _signals_held():
            fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with open(fd, "w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
            render(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644 & ~_umask())
        if replace:
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails when `path` exists, however recently it appeared
    except OSError as error:
        if isinstance(error, FileExistsError) and not replace and os.path.lexists(path) and temp is not None:
            raise  # the caller says what an existing file means to it
        if error.errno is None:
            raise  # raised by a renderer, not by the file system: a bug, reported as one (exit 3)
        reason = error.strerror or str(error)
        raise ConfigError(
            f"cannot write {what} {path}: {reason}", "choose a path in a folder you can write to"
        ) from None
    finally:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the temporary file is created and its name kept: stopped between the
    two, the cleanup would not know the file to remove. The signal arrives right after."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _umask() -> int:
    # mkstemp creates files readable only by their owner; a report is meant to be shared like any output file.
    mask = os.umask(0)
    os.umask(mask)
    return mask
