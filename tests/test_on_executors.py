"""factcheck.pipeline.on_executors without Spark: which runs read their datasets on the executors. A run that
needs every claim on the driver reads them there, as a pandas run does (tests/gx/spark/ run both paths)."""

from __future__ import annotations

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
