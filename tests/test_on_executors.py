"""factcheck.pipeline.on_executors without Spark: which runs read their datasets on the executors. A run that
needs every claim on the driver reads them there, as a pandas run does (tests/gx/spark/ run both paths)."""

from __future__ import annotations

import os
import threading
from dataclasses import replace

from conftest import claim
from factcheck.pipeline import on_executors, plan
from factcheck.pipeline.options import Options, Source


def test_a_run_whose_gates_all_run_on_spark_reads_on_the_executors(project):
    project.dataset([claim("a")])
    planned = plan.make(project.root, (), False, (), (), ())
    on_spark = Options(root=project.root, engine="spark")
    assert on_executors.wanted(planned, on_spark)
    assert not on_executors.wanted(planned, replace(on_spark, engine="pandas"))
    assert not on_executors.wanted(planned, replace(on_spark, engine=None))  # the shipped gate's own: pandas


def test_a_comparison_with_a_base_reads_every_claim_on_the_driver(project):
    project.dataset([claim("a")])
    planned = plan.make(project.root, (), False, (), (), ())
    on_spark = Options(root=project.root, engine="spark")
    assert not on_executors.wanted(planned, replace(on_spark, baseline=Source("git", "HEAD")))
    assert not on_executors.wanted(planned, replace(on_spark, every_claim=True))  # the base's own run


def test_an_article_run_reads_every_claim_on_the_driver(project):
    project.dataset([claim("a")])
    project.write("articles/a.md", "Zelensky said 55,000 soldiers were killed by February 2026.\n")
    planned = plan.for_articles(project.root, ("articles/a.md",), False, ())
    assert not on_executors.wanted(planned, Options(root=project.root, engine="spark"))


def test_a_digest_tells_the_bytes_stage_0_reads_apart(tmp_path):
    """What the driver compares with the executors' reading when it reads a file again: the bytes up to the
    size limit, and nothing for what stage 0 reads no claim from (no file, not a regular file)."""
    path = tmp_path / "a.yml"
    path.write_bytes(b"claims: []\n")
    first = on_executors.digest(path, 100)
    assert first is not None and on_executors.digest(path, 100) == first
    path.write_bytes(b"claims: [] \n")  # the same size, one byte changed
    assert on_executors.digest(path, 100) not in (None, first)
    path.write_bytes(b"x" * 10 + b"y")
    past_the_limit = on_executors.digest(path, 9)  # stage 0 reads 10 bytes and refuses the file
    path.write_bytes(b"x" * 10 + b"z")
    assert on_executors.digest(path, 9) == past_the_limit
    assert on_executors.digest(tmp_path / "gone.yml", 100) is None
    assert on_executors.digest(tmp_path, 100) is None


def test_a_digest_never_opens_a_pipe(tmp_path):
    """A pipe would block the reader until something writes to it: it is not read, as stage 0 refuses it."""
    pipe = tmp_path / "pipe.yml"
    os.mkfifo(pipe)
    done: list[object] = []
    reader = threading.Thread(target=lambda: done.append(on_executors.digest(pipe, 100)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert done == [None]
