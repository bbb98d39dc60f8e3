"""What a run is asked to do: the command line's choices as one value, which `run()` and the comparison
with a base (`factcheck.pipeline.compare`) both read, so that neither imports the other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from factcheck.pipeline.profiling import NO_PROFILE, Profiler
from factcheck.pipeline.write_guard import Output


@dataclass(frozen=True)
class Source:
    """What `--baseline` names: a git revision, or a baseline file (`factcheck.pipeline.compare.source` reads it)."""

    kind: Literal["git", "file"]
    text: str  # as given
    path: Path | None = None


@dataclass(frozen=True)
class Options:
    root: Path
    targets: tuple[str, ...] = ()
    today: dt.date | None = None
    fail_on: str | None = None
    allow_outside_root: bool = False
    data_docs: Path | None = None  # also write GX's Data Docs site here
    writes: tuple[Output, ...] = ()  # every file and folder the command writes: never onto an input
    baseline: Source | None = None  # compare with the project at a git commit, or with a baseline file
    fail_on_new: bool = False  # only findings new against the baseline block (as every gate's `fail_on_new`)
    select: tuple[str, ...] = ()  # only these suite checks run (`--select`)
    ignore: tuple[str, ...] = ()  # these suite checks do not run (`--ignore`)
    articles: tuple[str, ...] = ()  # `factcheck article PATH...`: only these, against the gates' claims, no suite
    profiler: Profiler = NO_PROFILE  # the stage times (`FACTCHECK_PROFILE`)
    engine: Literal["pandas", "spark"] | None = None  # every gate's engine (`--engine`), else each gate's own
    spark_master: str | None = None  # where a Spark run's executors are (`--spark-master`)
    # The report holds every claim, not only those its findings name: the base of a comparison, whose
    # claims are compared with the run's (`factcheck.pipeline.on_executors`).
    every_claim: bool = False
