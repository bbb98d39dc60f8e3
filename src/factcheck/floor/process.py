"""The life of a factcheck process: one policy for the cyclic garbage collector, and a fast exit.

A run builds large acyclic structures (YAML trees, claims, the frame, hits, findings) and keeps them until
its reports are written. The cyclic collector walks every object it tracks each time the tracked objects
grow by a quarter; walking the run's structures again and again made parsing superlinear (docs/performance.md,
rounds 3 and 4). The policy, the same for the program, the library and the tests:

- the collector stays on, so that the cyclic garbage of a run (Great Expectations makes some) is collected,
  also when `validate --baseline` runs the pipeline twice;
- code that builds such a structure in one go (`yamlfile.parse`, unpickling a worker's results in
  `factcheck.pipeline.pool`) pauses it (`collector_paused`);
- once the objects that live until the end are made (Great Expectations imported, the datasets read, the
  report made), `settled()` moves them out of the collector's sight (`gc.freeze`), so that later
  collections walk only what came after;
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


def settled() -> None:
    """The objects made so far live until the end of the run: collect what is garbage among them once, and
    keep the rest out of every later collection."""
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
