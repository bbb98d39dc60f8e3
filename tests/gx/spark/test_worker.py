"""factcheck.gx.spark.worker: a Spark Python worker reads an archive on its path again only when it changed.

No Spark here: what a worker does before each task is `importlib.invalidate_caches()`, called directly."""

from __future__ import annotations

import importlib
import sys
import zipfile
import zipimport

import pytest

from factcheck.gx.spark import worker


def _archive(path, **modules: str) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in modules.items():
            archive.writestr(f"{name}.py", text)


@pytest.fixture
def on_path(tmp_path, monkeypatch):
    """An archive on the path holding one module, imported once (so that it has its finder), and a count of
    the times any archive's directory is read."""
    path = tmp_path / "lib.zip"
    _archive(path, fc_worker_first="VALUE = 1\n")
    monkeypatch.syspath_prepend(str(path))
    monkeypatch.setattr(sys, "path_importer_cache", dict(sys.path_importer_cache))
    importlib.import_module("fc_worker_first")
    reads: list[str] = []
    real = zipimport._read_directory
    monkeypatch.setattr(zipimport, "_read_directory", lambda archive: reads.append(archive) or real(archive))
    yield path, reads
    for name in ("fc_worker_first", "fc_worker_second"):
        sys.modules.pop(name, None)


def _look_up(name: str) -> None:
    """An import that searches every finder on the path (the name is nowhere)."""
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(name)


def test_without_it_every_invalidation_reads_the_archive_again(on_path):
    path, reads = on_path
    assert type(sys.path_importer_cache[str(path)]) is zipimport.zipimporter
    importlib.invalidate_caches()
    _look_up("fc_worker_nowhere")
    assert reads.count(str(path)) == 1


def test_a_settled_archive_is_not_read_again_while_it_is_unchanged(on_path):
    path, reads = on_path
    worker.settle()
    worker.settle()  # each task calls it: a finder already swapped stays
    importlib.invalidate_caches()
    importlib.invalidate_caches()
    _look_up("fc_worker_nowhere")
    assert str(path) not in reads
    assert importlib.import_module("fc_worker_first").VALUE == 1


def test_a_changed_archive_is_read_again(on_path):
    path, reads = on_path
    worker.settle()
    _archive(path, fc_worker_first="VALUE = 1\n", fc_worker_second="VALUE = 2\n")
    importlib.invalidate_caches()
    assert importlib.import_module("fc_worker_second").VALUE == 2
    assert reads.count(str(path)) == 1
