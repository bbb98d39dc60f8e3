"""Stage timings for the benchmarks: `FACTCHECK_PROFILE=path` writes them as JSON when the process exits.

Off (the variable unset), both calls do nothing measurable: `stage()` returns a shared no-op context manager
and `lap()` returns at once. On, `lap(name)` adds the time since the previous lap to `name`, and
`stage(name)` times a block nested in a lap (parsing inside schema reading) and takes it out of that lap.
Times are summed over every run of a stage; the file holds `{"stages": {name: seconds}}` in first-run order.
The file is an output like a report: each command checks it up front (`named()`), and it is written
atomically at exit, only once the command has vetted it (`keep()`): a profile refused up front is never written.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager as ContextManager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.outputs import Output

_PATH = os.environ.get("FACTCHECK_PROFILE")
_NOOP = contextlib.nullcontext()
_times: dict[str, float] = {}
_last = [time.perf_counter(), 0.0]  # when the current lap began, and the staged time inside it
_kept = [False]


def _add(name: str, seconds: float) -> None:
    _times[name] = _times.get(name, 0.0) + seconds


@contextlib.contextmanager
def _timed(name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        _add(name, elapsed)
        _last[1] += elapsed


def stage(name: str) -> ContextManager[None]:
    """Time a block inside a lap when profiling is on; otherwise do nothing."""
    return _timed(name) if _PATH else _NOOP


def lap(name: str) -> None:
    """Charge the time since the previous lap (less the staged blocks in it) to `name`."""
    if not _PATH:
        return
    now = time.perf_counter()
    _add(name, now - _last[0] - _last[1])
    _last[0], _last[1] = now, 0.0


def named() -> list[Output]:
    """The profile as an output of the command, so that it is refused up front when it cannot be written or
    would land on an input (exit 2), rather than failing once the work is done."""
    from factcheck.outputs import Output

    return [Output("FACTCHECK_PROFILE", Path(_PATH))] if _PATH else []


def keep() -> None:
    """Write the profile at exit: the command has checked it against its inputs and done its work."""
    _kept[0] = True


def _write() -> None:
    if not _kept[0]:
        return
    from factcheck.errors import ConfigError
    from factcheck.program import Interrupted
    from factcheck.reporters.files import write_atomic

    stages = {"stages": {k: round(v, 6) for k, v in _times.items()}}
    try:
        write_atomic(Path(_PATH), lambda handle: json.dump(stages, handle, indent=1), what="the profile")
    except ConfigError as error:  # checked up front, so only a disk that filled up or a folder that went away
        print(f"error: {error}", file=sys.stderr)
    except Interrupted:  # stopped (Ctrl-C, SIGTERM) while writing: write_atomic removed its temporary file
        pass


if _PATH:
    atexit.register(_write)
