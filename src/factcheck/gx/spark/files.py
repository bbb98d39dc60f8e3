"""Stage 0's task on Spark's executors: the rows of the dataset files a task is given, read where it runs.

Apart from `stage0.py` and free of Great Expectations, as `tasks.py` is: an executor's Python worker imports
the module of the function it runs, and Great Expectations would cost it seconds of imports for nothing.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from factcheck.floor.columns import COLUMNS, FLAGS, NUMERIC
from factcheck.gx.frame import build, text_as_python_strings
from factcheck.gx.spark import worker
from factcheck.model.claimset import ClaimSet, Part, Points
from factcheck.model.format import Catalog
from factcheck.report.findings import Finding

# One dataset file: its parts and findings, as `load.load_dataset` gives them (bound to the catalog and limits),
# and a digest of its bytes, which the driver compares when it reads the file again.
ReadFile = Callable[[Path, str], tuple[list[Part], list[Finding], bytes | None]]

# pandas keeps texts as its `str` type; Arrow takes them, and every number, as they are.
ARROW_TYPES = {name: object for name in COLUMNS if name not in NUMERIC and name not in FLAGS}

_FILE_RANK_SHIFT = 32  # a file's claims ranked below 2**32 in it: a file holds at most MAX_CLAIMS


def task(
    read_file: ReadFile, catalog: Catalog, tolerances: tuple[float | None, ...], names: list[str]
) -> Callable[[Iterator[pd.DataFrame]], Iterator[pd.DataFrame]]:
    """The function `mapInPandas` runs over the listed files: for each, a row of its findings and count of
    claims (`pos` -1, pickled), then its claims' rows in the columns `names`."""

    def run(jobs: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        worker.settle()
        for job in jobs:
            for index, path, name, rank in job.itertuples(index=False):
                parts, findings, digest = read_file(Path(path), name)
                claims = ClaimSet(parts)
                own = {name: pd.Series([None], dtype=object) for name in names}
                own.update(file_index=[index], pos=[-1], found=[pickle.dumps((findings, len(claims), digest))])
                yield pd.DataFrame(own)
                if len(claims):
                    yield _rows(claims, catalog, tolerances, index, rank)[names]

    return run


def _rows(
    claims: ClaimSet, catalog: Catalog, tolerances: tuple[float | None, ...], index: int, rank: int
) -> pd.DataFrame:
    """The batch's rows of one file's claims, as a pandas run's frame holds them, and their places."""
    with text_as_python_strings():
        frame = build(claims, catalog, tolerances[0]).astype(ARROW_TYPES)
        for n, tolerance in enumerate(tolerances[1:], start=1):
            other = build(claims, catalog, tolerance)
            frame[f"lower_{n}"], frame[f"upper_{n}"] = other["lower"], other["upper"]
    frame["entry"] = (rank << _FILE_RANK_SHIFT) + frame["entry"]
    frame["origin_text"] = _origins(claims)
    frame["file_index"] = index
    frame["pos"] = np.arange(len(frame), dtype=np.int64)
    frame["found"] = None
    return frame


def _origins(claims: ClaimSet) -> np.ndarray:
    """Each row's origin as written ("" for none), in `build`'s order of rows: a series' points share theirs."""
    texts: list[str] = []
    for part in claims.parts:
        text = part.origin.text if part.origin else ""
        texts += [text] * len(part) if isinstance(part, Points) else [text]
    return np.array(texts, dtype=object)
