"""Stage timings for the benchmarks: `FACTCHECK_PROFILE=path` writes them as JSON when the process exits.

Off (the variable unset), both calls do nothing measurable: `stage()` returns a shared no-op context manager
and `lap()` returns at once. On, `lap(name)` adds the time since the previous lap to `name`, and
`stage(name)` times a block nested in a lap (parsing inside schema reading) and takes it out of that lap.
Times are summed over every run of a stage; the file holds `{"stages": {name: seconds}}` in first-run order.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager as ContextManager

_PATH = os.environ.get("FACTCHECK_PROFILE")
_NOOP = contextlib.nullcontext()
_times: dict[str, float] = {}
_last = [time.perf_counter(), 0.0]  # when the current lap began, and the staged time inside it


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


def _write() -> None:
    with open(_PATH, "w", encoding="utf-8") as handle:
        json.dump({"stages": {k: round(v, 6) for k, v in _times.items()}}, handle, indent=1)


if _PATH:
    atexit.register(_write)
