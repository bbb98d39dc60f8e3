"""The life of a factcheck process: one policy for the cyclic garbage collector, and a fast exit.

A run builds large acyclic structures (YAML trees, claims, the frame, hits, findings) and keeps them until
its reports are written. The cyclic collector would walk all of them again each time they grow by a
quarter, which made parsing superlinear and took a large share of a run (docs/performance.md,
rounds 3 and 4, has the figures). So:

- the `factcheck` program turns the collector off for its whole life (`collector_off_for_the_program`);
  the cyclic garbage left behind (Great Expectations' own objects) goes with the process;
- code that builds such a structure (`yamlfile.parse`, unpickling a worker's results in `factcheck.pool`)
  pauses the collector (`collector_paused`), for the library and the tests, which keep it on;
- the program exits with `exit_now`: its exit handlers run and its output is flushed, and then the process
  ends without freeing the run's objects one by one, which nothing needs done before it ends.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from typing import NoReturn


def collector_off_for_the_program() -> None:
    gc.disable()


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


def exit_now(code: int) -> NoReturn:
    """End the process with `code` once the exit handlers ran and the output is flushed.

    The handlers are those the interpreter would run first on its way out (the profile, temporary files):
    `atexit._run_exitfuncs` is private, chosen knowingly, as no public function runs them and `os._exit`
    skips them. Output that cannot be flushed exits 120, as Python does.
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader went away (`| head`): nothing left to tell it
            pass
        except OSError:
            code = 120
    os._exit(code)
