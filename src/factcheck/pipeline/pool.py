"""Reading files in forked worker processes while this process does something else.

`map_files(paths, read, meanwhile)` returns `[read(0), read(1), ...]`, one result per file, in order. When
forking is safe and pays (`_workers`), forked workers start reading, this process runs `meanwhile` and then
reads too, each taking the next file from a shared counter. Every process runs the same `read` on whole
files, so the results do not depend on who read which file. A worker is only a helper: whatever it does not
hand back whole (it raised, crashed or was killed), this process reads again itself, so an error surfaces
here as it would without workers and nothing waits on a dead worker.

Workers are forked before `meanwhile` runs (a run imports Great Expectations there), so they hold only what
this process imported before; where they are forked says why forking is safe. A worker writes its results to an
in-memory file rather than a pipe: it need not wait for this process to read them, and reading them back is
one read instead of one wake-up of the worker per 64 KiB. The standard library's process pools pickle every
job and result through a pipe and wait on its reader; docs/performance.md has the comparison.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NoReturn, TypeVar

from factcheck.floor import process
from factcheck.pipeline.profiling import NO_PROFILE, Profiler

Result = TypeVar("Result")

# Below this many bytes of files, starting a worker process costs more than parsing on one core; not so
# while this process does something else (`meanwhile`), which leaves the other cores idle.
PARALLEL_BYTES = 1 << 20
# A worker holds the job counter's lock for a few instructions: waiting longer means it died holding it.
_LOCK_SECONDS = 10.0


def _workers(paths: Sequence[Path], overlap: bool = False) -> int:
    """How many processes should read `paths`, this one included: 1 unless forking is safe and pays.

    `overlap`: this process is about to spend seconds on something else, so even one small file is worth
    a worker, and this process joins the reading when it is done.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if not paths or cpus < 2 or sys.platform != "linux" or threading.active_count() > 1:
        return 1  # forking a process with threads can deadlock the child; other systems fork unsafely
    if overlap:
        return min(cpus, len(paths) + 1)
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return min(cpus, len(paths)) if total >= PARALLEL_BYTES else 1


@dataclass
class _Counter:
    """The index of the next file to read, shared by the forked workers and this process."""

    value: object  # multiprocessing RawValue
    lock: object  # multiprocessing Lock

    def take(self) -> int | None:
        """The next index, or None when a process died holding the lock (the rest is read after joining)."""
        if not self.lock.acquire(timeout=_LOCK_SECONDS):
            return None
        try:
            index = self.value.value
            self.value.value = index + 1
        finally:
            self.lock.release()
        return index


def _worker(count: int, read: Callable[[int], object], counter: _Counter, out: BinaryIO) -> NoReturn:
    """A forked worker: read files until none is left, writing (index, result) to `out` after each, and exit.

    Each file's result is pickled as soon as it is read, while this process is still reading too, rather
    than all at the end, which kept this process waiting. `os._exit` in every case: the worker must never
    run this process's atexit handlers (the profile) or return into its caller; a traceback is not printed
    either, since this process reads that file again.
    """
    status = 1
    try:
        while (index := counter.take()) is not None and index < count:
            pickle.dump((index, read(index)), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
        status = 0
    finally:
        os._exit(status)


def _collect(workers: dict[int, BinaryIO], pid: int) -> dict[int, object]:
    """What worker `pid` read, once it has exited; nothing unless it wrote everything and exited 0."""
    _, status = os.waitpid(pid, 0)
    out = workers.pop(pid)
    with process.collector_paused(), contextlib.closing(out):
        if status != 0:
            return {}
        out.seek(0)
        found = {}
        with contextlib.suppress(EOFError, pickle.UnpicklingError):  # the end, or a record cut short
            while True:
                index, result = pickle.load(out)
                found[index] = result
        return found


def _stop(workers: dict[int, BinaryIO]) -> None:
    """Kill and reap the workers not collected (this process is failing, or was interrupted)."""
    for pid, out in workers.items():
        out.close()
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    workers.clear()


def map_files(
    paths: Sequence[Path],
    read: Callable[[int], Result],
    meanwhile: Callable[[], object] | None = None,
    profiler: Profiler = NO_PROFILE,
) -> list[Result]:
    """`read(i)` for each of `paths`, in order, and `meanwhile()` (when given) once in this process."""
    processes = _workers(paths, overlap=meanwhile is not None)
    if processes == 1:
        results = [read(i) for i in range(len(paths))]
        if meanwhile is not None:
            meanwhile()
        return results
    context = multiprocessing.get_context("fork")
    counter = _Counter(context.RawValue("q", 0), context.Lock())
    workers: dict[int, BinaryIO] = {}
    found: dict[int, Result] = {}
    try:
        for _ in range(processes - 1):
            try:
                out = open(os.memfd_create("factcheck-worker"), "w+b")  # noqa: SIM115 - closed by _collect or _stop
            except OSError:
                break
            # Safe to fork: `_workers` forks only a process of one thread, so no lock is held mid-operation by a
            # thread the child would not have; and a run forks before `meanwhile` imports Great Expectations, so
            # the children hold none of its state. When it was imported before (the base of `--baseline`), a
            # child still runs only `read` (our YAML reading) and leaves by `os._exit`, never running its code.
            try:
                pid = os.fork()
            except OSError:  # no process to spare: this one reads what is left
                out.close()
                break
            if pid == 0:
                _worker(len(paths), read, counter, out)
            workers[pid] = out
        if meanwhile is not None:
            meanwhile()
        while (index := counter.take()) is not None and index < len(paths):
            found[index] = read(index)
        with profiler.stage("parse"):  # waiting for the workers and taking their results
            for pid in list(workers):
                found.update(_collect(workers, pid))  # type: ignore[arg-type]
    finally:
        _stop(workers)
    return [found[i] if i in found else read(i) for i in range(len(paths))]
