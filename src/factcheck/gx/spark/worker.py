"""What a Spark Python worker needs once before it runs factcheck's code on the executors.

Before each task a worker calls `importlib.invalidate_caches()` (`pyspark.worker_util.setup_spark_files`), and
on Python 3.11 each `zipimporter` then reads its archive's whole directory again. Spark puts three archives on
every worker's path (`pyspark.zip`, py4j's and the spark-core jar: about 6,700 entries) and each package
imported from one has a finder of its own, so a worker reads those directories a dozen times before every
task of every stage: far more than the work of a small gate's tasks (docs/performance.md, "The suites on
Spark"). `settle` gives each a finder that reads its archive again only when the archive itself changed (its
size or time of change), which is all the invalidation is for.
"""

from __future__ import annotations

import os
import sys
import zipimport


class _StableArchive(zipimport.zipimporter):
    """A zipimporter that reads its archive's directory again only when the archive changed."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self._stamp = _stamp(self.archive)

    def invalidate_caches(self) -> None:
        stamp = _stamp(self.archive)
        if stamp != self._stamp:
            self._stamp = stamp
            super().invalidate_caches()


def _stamp(archive: str) -> tuple[int, int] | None:
    try:
        found = os.stat(archive)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def settle() -> None:
    """Swap each archive's finder for one that reads it again only when it changed; a finder already swapped
    is left as it is, so that each task can call it first."""
    cache = sys.path_importer_cache
    for entry, finder in list(cache.items()):
        if type(finder) is zipimport.zipimporter:
            try:
                cache[entry] = _StableArchive(entry)
            except zipimport.ZipImportError:
                continue
