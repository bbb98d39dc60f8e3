"""Stage timings for the benchmarks: a `Profiler`, which `cli.main` makes from `FACTCHECK_PROFILE` and the
commands carry (in `Options`, and to the steps that time themselves).

`Profiler()` (no path, `NO_PROFILE`) does nothing measurable: `stage()` returns a shared no-op context
manager and `lap()` returns at once. With a path, `lap(name)` adds the time since the previous lap to `name`,
and `stage(name)` times a block nested in a lap (parsing inside schema reading) and takes it out of that lap.
Times are summed over every run of a stage; the file holds `{"stages": {name: seconds}, "cpu": {name:
seconds}}` in first-run order: the wall time of each stage, and the CPU time this process spent in it, which
a machine loaded by other work changes far less (benchmarks/articles.py reports both).
The file is an output like a report: it is checked before the command starts (`from_environment`: exit 2
when it cannot be written), each command refuses it on an input (`outputs()`), and `cli.main` writes it once
the command is done, only if the command vetted it (`keep()`): a profile refused up front is never written.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager as ContextManager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.pipeline.write_guard import Output

VARIABLE = "FACTCHECK_PROFILE"
_NOOP = contextlib.nullcontext()


class Profiler:
    """The stage times of one command, written to `path` (None: not profiling)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.times: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._lap_start = time.perf_counter()
        self._cpu_start = time.process_time()
        self._staged = 0.0  # the time of the staged blocks inside the current lap
        self._cpu_staged = 0.0
        self._kept = False

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> Profiler:
        """The profiler `FACTCHECK_PROFILE` asks for; `ConfigError` (exit 2) when its path cannot be written."""
        text = environ.get(VARIABLE)
        if not text:
            return NO_PROFILE
        from factcheck.pipeline.write_guard import check_writable

        profiler = cls(Path(text))
        check_writable(profiler.outputs())
        return profiler

    def stage(self, name: str) -> ContextManager[None]:
        """Time a block inside a lap when profiling; otherwise do nothing."""
        return self._timed(name) if self.path else _NOOP

    def lap(self, name: str) -> None:
        """Charge the time since the previous lap (less the staged blocks in it) to `name`."""
        if not self.path:
            return
        now, cpu = time.perf_counter(), time.process_time()
        self._add(name, now - self._lap_start - self._staged, cpu - self._cpu_start - self._cpu_staged)
        self._lap_start, self._staged = now, 0.0
        self._cpu_start, self._cpu_staged = cpu, 0.0

    def outputs(self) -> list[Output]:
        """The profile as an output of the command, so that it is refused up front when it would land on an
        input (exit 2), rather than failing once the work is done."""
        from factcheck.pipeline.write_guard import Output

        return [Output(VARIABLE, self.path)] if self.path else []

    def keep(self) -> None:
        """Write the profile when the command ends: it has checked it against its inputs and done its work."""
        self._kept = True

    def write(self) -> None:
        """Write the profile if the command kept it (`cli.main` calls this once the command is done)."""
        if not (self.path and self._kept):
            return
        from factcheck.reporters.files import write_atomic

        stages = {"stages": {k: round(v, 6) for k, v in self.times.items()},
                  "cpu": {k: round(v, 6) for k, v in self.cpu.items()}}  # fmt: skip
        write_atomic(self.path, lambda handle: json.dump(stages, handle, indent=1), what="the profile")

    def _add(self, name: str, seconds: float, cpu: float) -> None:
        self.times[name] = self.times.get(name, 0.0) + seconds
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu

    @contextlib.contextmanager
    def _timed(self, name: str) -> Iterator[None]:
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            self._add(name, elapsed, cpu)
            self._staged += elapsed
            self._cpu_staged += cpu


NO_PROFILE = Profiler()
