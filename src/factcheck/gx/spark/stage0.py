"""Stage 0 where the files are: each dataset file read by a Spark task with the per-file code a pandas run
uses, into the rows of the batch, and only what reports need brought back to the driver.

A task reads a group of files (`mapInPandas` over the list of files, so that a file is read where the task
runs and nothing but its path passes through the driver; the task itself is `files.py`'s). For each file it yields the batch's rows of its
claims, built by `frame.build` as a pandas run builds them (the same columns, the same values), and one row
holding the file's stage-0 findings and its count of claims, pickled as the forked workers of a pandas run
hand them back (`pipeline/pool.py`): the driver collects those rows only. The rows stay in Spark, persisted
for the run (memory, then disk); the claims kept once ids used again are left out are checkpointed (Spark's
local checkpoint: on the executors, not in any directory), and each gate's batch is a filter of them.

What stage 0 does across files runs on Spark too. A claim id used twice keeps its first use in the written
order (the plan's order of files, then the order of the file) and reports the others, as `load.load` does:
a `groupBy` of the ids and their places, then the later uses left out of the batch by an anti-join on their
places. `entry`, the rank of a claim by (file, line, id), is made order-preserving without a global sort:
the file's rank among the run's file names (given by the driver), times 2**32, plus the claim's rank in
its file (at most `MAX_CLAIMS` rows).

Every join here is a sort-merge join (`hint("merge")`): left to its size estimates, Spark broadcasts a side
it finds small, a job more and a plan that changes with the data, where a run's jobs and stages should not.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

from factcheck.floor.columns import COLUMNS
from factcheck.gx.spark.engine import SCHEMA, by_subject
from factcheck.gx.spark.files import ReadFile, task
from factcheck.model.format import Catalog
from factcheck.report.findings import Finding

# The batch's columns, `lower` and `upper` again for each further tolerance of `about` the gates set, the
# origin as written (a claim's series, `series_id`, names it so: the batch holds its days), and where each
# row comes from: the file's place in the plan, the row's place in the file; a file's own row (`pos` -1)
# holds its findings and count instead of a claim.
_ORIGIN = T.StructField("origin_text", T.StringType())
_PLACE = [T.StructField("file_index", T.LongType()), T.StructField("pos", T.LongType())]
_FOUND = T.StructField("found", T.BinaryType())
_SERIES = ["kind", "metric", "subject", "claimant", "origin_text"]  # `series_id`'s fields


def _schema(tolerances: int) -> T.StructType:
    bounds = [T.StructField(f"{name}_{n}", T.DoubleType()) for n in range(1, tolerances) for name in ("lower", "upper")]
    return T.StructType([*SCHEMA.fields, *bounds, _ORIGIN, *_PLACE, _FOUND])


@dataclass(frozen=True)
class Duplicate:
    """A later use of a claim id, left out of the checks: where it is, and the first use."""

    file: str
    line: int
    claim_id: str
    series: str | None
    first_file: str
    first_line: int
    first_series: str | None


@dataclass
class Stage0:
    """What the executors read, as the driver holds it: the findings of each file, its count of claims and
    the digest of its bytes, in the plan's order; the later uses of ids (the first `most` of each file, and
    how many more); and the rows, kept in Spark."""

    found: list[tuple[list[Finding], int, bytes | None]]  # per file of the plan: its findings, claims, digest
    duplicates: list[list[Duplicate]]  # per file: the later uses of ids listed, in the file's order
    unlisted: dict[int, tuple[int, int]]  # file index -> (how many more later uses, the line of the first)
    rows: DataFrame  # every claim of every file, persisted; `kept` is the batch
    kept: DataFrame
    later: DataFrame  # the later uses of ids (`_later_uses`), persisted
    tolerances: tuple[float | None, ...]

    def batch(self, files: Sequence[int], tolerance: float | None) -> DataFrame:
        """A gate's batch: the kept claims of these files (by their index in the plan), its `about`
        tolerance's bounds, partitioned by subject."""
        rows = self.kept.where(F.col("file_index").isin(list(files)))
        at = self.tolerances.index(tolerance)
        if at:
            rows = rows.withColumn("lower", F.col(f"lower_{at}")).withColumn("upper", F.col(f"upper_{at}"))
        return by_subject(rows.select(*COLUMNS))

    def for_reports(self, named: set[str]) -> tuple[set[str], int]:
        """What the reports of claims `named` need: the files they must read, those holding the claims or
        any claim of their series (a chart draws the series) and those holding a claim with waivers (a gate
        checks their checks); and the number of series of the claims checked (the HTML page gives it)."""
        # The same query with no claim named: a run's jobs and stages do not depend on what it finds. The
        # count rides in the same job, as one row more.
        session = self.kept.sparkSession
        ids = session.createDataFrame([(claim_id,) for claim_id in sorted(named)], "claim_id string")
        keys = ["metric", "subject", "claimant"]
        series = self.kept.join(ids.hint("merge"), "claim_id").select(*keys).distinct()
        wanted = self.kept.where(F.col("waived")).select("file")
        wanted = wanted.union(self.kept.join(series.hint("merge"), keys).select("file"))
        files = wanted.distinct().select("file", F.lit(None).cast("long").alias("series"))
        count = self.kept.select(*_SERIES).distinct().agg(F.count("*").alias("series"))
        rows = files.unionByName(count.select(F.lit(None).cast("string").alias("file"), "series")).collect()
        return {row.file for row in rows if row.file is not None}, sum(row.series or 0 for row in rows)

    def later_uses_in(self, files: set[str]) -> set[tuple[str, str]]:
        """The later uses of ids in these files (file, id) whose first use lies in another file."""
        found = self.later.where(F.col("file").isin(sorted(files)) & (F.col("first_file") != F.col("file")))
        return {(row.file, row.claim_id) for row in found.select("file", "claim_id").distinct().collect()}

    def close(self) -> None:
        self.later.unpersist()
        self.rows.unpersist()


def read(
    session: SparkSession,
    files: Sequence[tuple[str, str]],
    read_file: ReadFile,
    catalog: Catalog,
    tolerances: Sequence[float | None],
    most: int,
) -> Stage0:
    """Stage 0 over `files` (absolute path, name in reports) on the executors; `most` later uses of ids are
    listed a file, as `Limits.problems` bounds its own problems."""
    tolerances = tuple(dict.fromkeys(tolerances)) or (None,)
    ranks = {name: rank for rank, name in enumerate(sorted({name for _, name in files}))}
    jobs = pd.DataFrame(
        {
            "file_index": np.arange(len(files), dtype=np.int64),
            "path": [path for path, _ in files],
            "file": [name for _, name in files],
            "rank": np.array([ranks[name] for _, name in files], dtype=np.int64),
        }
    )
    # Never one slice: rows in a single partition need no shuffle to be grouped, and the plan would change.
    slices = 4 * session.sparkContext.defaultParallelism
    listed = session.createDataFrame(jobs, "file_index long, path string, file string, rank long").repartition(slices)
    schema = _schema(len(tolerances))
    rows = listed.mapInPandas(task(read_file, catalog, tolerances, schema.fieldNames()), schema)
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
    own = rows.where(F.col("pos") < 0).select("file_index", "found").collect()
    found: list[tuple[list[Finding], int, bytes | None]] = [([], 0, None)] * len(files)
    for row in own:
        found[row.file_index] = pickle.loads(row.found)
    claims = rows.where(F.col("pos") >= 0)
    later = _later_uses(claims).persist(StorageLevel.MEMORY_AND_DISK)
    duplicates: list[list[Duplicate]] = [[] for _ in files]
    unlisted: dict[int, tuple[int, int]] = {}
    in_file = Window.partitionBy("file_index").orderBy("pos")
    numbered = later.withColumn("nth", F.row_number().over(in_file))
    # Sorted here, not by Spark: a sort before a collect is a job more, to sample the range of its keys.
    for row in sorted(numbered.where(F.col("nth") <= most).collect(), key=lambda row: (row.file_index, row.pos)):
        duplicates[row.file_index].append(
            Duplicate(row.file, row.line, row.claim_id, row.series, row.first_file, row.first_line, row.first_series)
        )
    rest = numbered.where(F.col("nth") > most).groupBy("file_index")
    for row in rest.agg(F.count("*").alias("n"), F.min_by("line", "pos").alias("line")).collect():
        unlisted[row.file_index] = (row.n, row.line)
    kept = claims.join(later.select("file_index", "pos").hint("merge"), ["file_index", "pos"], "left_anti")
    kept = kept.localCheckpoint(eager=True)  # each gate's batch and the reports' queries start from it
    return Stage0(found, duplicates, unlisted, rows, kept, later, tolerances)


def _later_uses(claims: DataFrame) -> DataFrame:
    """Each use of a claim id after its first (by file index, then place in the file), with the first's place."""
    places = claims.select("claim_id", "file_index", "pos", "file", "line", "series")
    first = F.min(F.struct("file_index", "pos", "file", "line", "series")).alias("first")
    firsts = places.groupBy("claim_id").agg(F.count("*").alias("uses"), first).where(F.col("uses") > 1)
    joined = places.join(firsts.hint("merge"), "claim_id")
    return joined.where(
        (F.col("file_index") != F.col("first.file_index")) | (F.col("pos") != F.col("first.pos"))
    ).select(
        "claim_id", "file_index", "pos", "file", "line", "series",
        F.col("first.file").alias("first_file"), F.col("first.line").alias("first_line"),
        F.col("first.series").alias("first_series"),
    )  # fmt: skip
