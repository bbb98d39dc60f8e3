"""The life of a factcheck process: one policy for the cyclic garbage collector, and a fast exit.

A run builds large acyclic structures (YAML trees, claims, the frame, hits, findings) and keeps them until
its reports are written. Left to run on its own, the cyclic collector walks young objects every few hundred
allocations and every object it tracks each time they grow by a quarter: thousands of collections in a large
run, over the import of Great Expectations, the findings and the report files alike, for no garbage worth
one but what Great Expectations leaves after validating (docs/performance.md has the figures). So the
collector runs where that garbage is, and nowhere else:

- the `factcheck` program turns automatic collection off (`collect_only_when_settled`, from
  `factcheck.cli.program.main`); the library and the tests keep the collector as they set it;
- code that builds such a structure in one go (`yamlfile.parse`, unpickling a worker's results in
  `factcheck.pipeline.pool`) pauses it (`collector_paused`), for the library and the tests;
- once the objects that live until the end are made, `settled()` moves them out of the collector's sight
  (`gc.freeze`), so that a later collection walks only what came after: after the import of Great
  Expectations and after the load, without collecting (next to nothing there is garbage); after each run
  (twice under `validate --baseline`), collecting first: Great Expectations' garbage goes before the reports
  are written;
- the program ends with `last_exit_handler`: the exit handlers run and the output is flushed, and then the
  process ends without freeing the run's objects one by one, which nothing needs done before it ends.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from typing import NoReturn


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector is as it was after it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def collect_only_when_settled() -> None:
    """The program's policy: no automatic collection; `settled(collect=True)` collects."""
    gc.disable()


def settled(collect: bool = False) -> None:
    """The objects made so far live until the end of the run: keep them out of every later collection; with
    `collect`, first collect what is garbage among them (a full collection)."""
    if collect:
        gc.collect()
    gc.freeze()


def last_exit_handler() -> Callable[[int], NoReturn]:
    """Register, before anything else can, the exit handler that runs last: it flushes the output and ends the
    process with the status given to the returned `leave(code)`, skipping the interpreter's teardown (freeing
    every object of the run). Handlers registered later (temporary folders, libraries) run before it, as
    `sys.exit` runs them. Output that cannot be flushed exits 120, as Python does."""
    status = [0]

    def last() -> None:
        code = status[0]
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BrokenPipeError:  # the reader went away (`| head`): nothing left to tell it
                pass
            except OSError:
                code = 120
        os._exit(code)

    atexit.register(last)

    def leave(code: int) -> NoReturn:
        status[0] = code
        sys.exit(code)

    return leave
