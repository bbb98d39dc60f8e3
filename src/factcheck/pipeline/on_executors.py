"""Stage 0 on Spark's executors, for a run whose every gate runs on Spark (docs/scale.md, "Reading the YAML
where the files are"): each dataset file is read by a Spark task with `load.load_dataset` (`gx/spark/stage0.py`),
and this process holds the stage-0 findings and, once the suites have run, the claims the reports name,
never every claim.

The claims a report names are read again here, file by file, with the same `load.load`: the files holding
the claims the findings name or a claim of their series (an HTML chart draws the series), those holding a
claim with waivers (a gate reports a waiver that names no check), and the datasets of the articles the run
checks (an article is matched against every claim of its datasets). A later use of an id in those files
whose first use lies in a file not read again is left out, as the whole run leaves it out. A file read again
must hold what the executors read: each task takes a digest of a file's bytes before reading it, and a file
whose bytes differ here after it is read again (edited, replaced or removed while the suites ran) stops the
run with exit 2, as the report would mix two versions of it. The count of series the HTML page gives comes
back from the executors with the files to read.

A run that needs every claim here reads them here, as a pandas run does (`wanted` says which): a
comparison with a base (`--baseline`, and the base's own run) compares every claim with the base's; a plan
without suites (`factcheck article`) checks articles only; a gate on pandas needs its frame here; and
without a catalog nothing is validated.
"""

from __future__ import annotations

import functools
import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from factcheck.floor.errors import ConfigError
from factcheck.model.claimset import ById, ClaimSet, Part, Points
from factcheck.model.format import Catalog
from factcheck.model.vocabulary import Vocabulary
from factcheck.pipeline import load
from factcheck.pipeline.options import Options
from factcheck.pipeline.plan import GatePlan, Plan
from factcheck.pipeline.profiling import Profiler
from factcheck.reading import yamlfile
from factcheck.reading.yamltree import LIMITS, Limits
from factcheck.report.findings import Finding, Hit

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from factcheck.gx.spark.stage0 import Stage0


def wanted(planned: Plan, options: Options) -> bool:
    """Whether this run reads its datasets on Spark's executors (see the module's notes)."""
    return (
        planned.checks_datasets
        and bool(planned.gates)
        and all((options.engine or gate.settings.engine) == "spark" for gate in planned.gates)
        and options.baseline is None
        and not options.every_claim
    )


@dataclass
class Spread:
    """A run's datasets as the executors read them."""

    root: Path
    catalog: Catalog
    paths: list[Path]  # the plan's files, in its order
    names: list[str]  # their names in reports
    findings: list[Finding]  # the catalog's, then each file's, as `load.load` lists them
    counts: list[int]  # each file's claims that the checks see (later uses of an id left out)
    digests: list[bytes | None]  # each file's bytes as the executors read them (`digest`)
    read: Stage0

    @property
    def count(self) -> int:
        return sum(self.counts)

    def _indexes(self, gate_files: tuple[str, ...]) -> list[int]:
        wanted = set(gate_files)
        return [n for n, name in enumerate(self.names) if name in wanted]

    def gate_count(self, gate_files: tuple[str, ...]) -> int:
        return sum(self.counts[n] for n in self._indexes(gate_files))

    def batch(self, gate: GatePlan, gate_files: tuple[str, ...]) -> DataFrame:
        return self.read.batch(self._indexes(gate_files), gate.settings.about_tolerance)

    def claims(self, named: set[str], also: set[str], profiler: Profiler) -> ById:
        """The claims of the files the reports read (see the module's notes), `also` more files by name, with
        the count of claims and of series checked."""
        files, series = self.read.for_reports(named)
        chosen = [n for n, name in enumerate(self.names) if name in files | also]
        try:
            loaded = load.load(self.root, [self.paths[n] for n in chosen], profiler=profiler)
        except OSError:  # a file removed or made unreadable since the executors read it
            self._unchanged(chosen)
            raise
        self._unchanged(chosen)
        claims = _without(loaded.claims, self.read.later_uses_in({self.names[n] for n in chosen}))
        return ById(claims, self.count, series)

    def _unchanged(self, files: list[int]) -> None:
        """Refuse a file (by its index) whose bytes are no longer those the executors read."""
        limit = yamlfile.max_bytes()
        for n in files:
            if digest(self.paths[n], limit) != self.digests[n]:
                raise ConfigError(
                    f"{self.names[n]}: the file changed while it was validated (its claims were checked as "
                    "they were before, and the report would show them as they are now)",
                    "run factcheck again once the file is saved",
                )

    def close(self) -> None:
        self.read.close()


def read(planned: Plan, catalog: Catalog, catalog_findings: list[Finding], session: SparkSession) -> Spread:
    """Stage 0 over the plan's files on the executors, with the catalog loaded here."""
    from factcheck.gx.spark import stage0

    paths = list(planned.files)
    names = [load.file_name(planned.root, path) for path in paths]
    # The limits are this process's: an executor's environment need not hold FACTCHECK_MAX_FILE_BYTES.
    read_file = functools.partial(
        read_dataset, vocabulary=Vocabulary(catalog), limits=LIMITS, max_bytes=yamlfile.max_bytes()
    )
    tolerances = [gate.settings.about_tolerance for gate in planned.gates]
    done = stage0.read(
        session,
        [(str(p), n) for p, n in zip(paths, names, strict=True)],
        read_file,
        catalog,
        tolerances,
        LIMITS.problems,
    )
    findings = list(catalog_findings)
    counts = []
    for n, (name, (found, claims, _)) in enumerate(zip(names, done.found, strict=True)):
        findings += found
        listed = [
            load.Reuse(d.line, d.claim_id, d.series, f"{d.first_file}:{d.first_line}", d.first_series)
            for d in done.duplicates[n]
        ]
        more, line = done.unlisted.get(n, (0, 0))
        findings += load.reuse_findings(name, listed, more, line)
        counts.append(claims - len(listed) - more)
    digests = [file_digest for *_, file_digest in done.found]
    return Spread(planned.root, catalog, paths, names, findings, counts, digests, done)


def read_dataset(
    path: Path, rel: str, vocabulary: Vocabulary, limits: Limits, max_bytes: int
) -> tuple[list[Part], list[Finding], bytes | None]:
    """One dataset file as a Spark task reads it: `load.load_dataset`, and the digest of its bytes taken
    first, so that a change after the digest shows as a change when the driver reads the file again."""
    taken = digest(path, max_bytes)
    parts, findings = load.load_dataset(path, rel, vocabulary, limits, max_bytes=max_bytes)
    return parts, findings, taken


def digest(path: Path, limit: int) -> bytes | None:
    """A digest of the bytes stage 0 reads of a file (at most `limit` + 1), or None for a file that is not
    a regular one or cannot be read (stage 0 reads no claim from it)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe could block: stage 0 refuses it unopened too
            return None
        with path.open("rb") as handle:
            return hashlib.blake2b(handle.read(limit + 1), digest_size=16).digest()
    except OSError:
        return None


def named(hits: list[dict[str, list[Hit]]], findings: list[Finding]) -> set[str]:
    """The claims that hits and findings name."""
    ids = {finding.claim for finding in findings if finding.claim}
    for by_suite in hits:
        for suite_hits in by_suite.values():
            for hit in suite_hits:
                ids.add(hit.claim_id)
                ids.update(hit.related)
    return ids


def _without(claims: ClaimSet, later: set[tuple[str, str]]) -> ClaimSet:
    """`claims` less the later uses of ids (file, id) whose first use is in another file."""
    if not later:
        return claims
    parts = []
    for part in claims.parts:
        if isinstance(part, Points):
            keep = np.fromiter(
                ((part.file, f"{part.series}@{d.text}") not in later for d in part.dates), dtype=bool, count=len(part)
            )
            parts.append(part if keep.all() else part.kept(keep))
        elif (part.file, part.id) not in later:
            parts.append(part)
    return ClaimSet(parts)
