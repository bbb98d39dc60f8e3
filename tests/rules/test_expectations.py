"""factcheck.rules._expectation: what a check's declaration promises the engines. A table check's `shared`
columns are shared by every set of claims its function compares, so the function of the whole frame is the
concatenation of its function of each group, by those columns or by subject alone where it is one of them
(the Spark engine runs it so): held on the shipped data
with every table check's failing example beside it, and on a generated project with failures planted."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil

import pandas as pd
import pytest
import yaml
from checkcases import complete, entries

from conftest import REPO, Project
from factcheck.gx.frame import build
from factcheck.pipeline import load
from factcheck.rules import EXPECTATIONS, REGISTRY
from factcheck.rules._expectation import TableExpectation

_spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

pytestmark = pytest.mark.slow  # the whole shipped datasets and a generated project

TABLES = [e for e in EXPECTATIONS if isinstance(e, TableExpectation)]


def _frame(root) -> pd.DataFrame:
    loaded = load.load(root, sorted((root / "datasets").rglob("*.yml")))
    return build(loaded.claims, loaded.catalog)


def _examples(project: Project) -> None:
    """The failing example of every table check, in a dataset of its own with an origin of its own (so that
    no example meets another's claims), each claim's id prefixed with its check's; the catalog with the
    metric without a maximum that metric-has-range's example names."""
    catalog = yaml.safe_load((project.root / "datasets" / "catalog.yml").read_text(encoding="utf-8"))
    catalog["metrics"]["deaths"] = {"unit": "people", "description": "deaths"}
    project.write("datasets/catalog.yml", yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True))
    modules = [m for m in REGISTRY.values() if isinstance(getattr(m, "EXPECTATION", None), TableExpectation)]
    for number, module in enumerate(modules):
        claims = [complete({**c, "id": f"{module.ID}-{c['id']}"}) for c in entries(module.FAILS)]
        series = [c for c in claims if "points" in c]
        origin = (dt.date(2022, 2, 24) + dt.timedelta(days=number)).isoformat()
        project.dataset([c for c in claims if "points" not in c] or None, name=f"examples/{module.ID}.yml",
                        dataset=module.ID, origin=origin, **({"series": series} if series else {}))  # fmt: skip


@pytest.fixture(scope="module")
def frames(tmp_path_factory) -> dict[str, pd.DataFrame]:
    shipped = Project(tmp_path_factory.mktemp("shipped"))
    shutil.rmtree(shipped.root / "datasets")
    shutil.copytree(REPO / "datasets", shipped.root / "datasets")
    _examples(shipped)
    generated = tmp_path_factory.mktemp("generated")
    generate.generate(generated, 3_000, seed=1, fail=0.3)
    return {"shipped": _frame(shipped.root), "generated": _frame(generated)}


def _texts(hits: list) -> list[str]:
    return sorted(json.dumps(hit, sort_keys=True, default=str) for hit in hits)


@pytest.mark.parametrize("declared", TABLES, ids=lambda d: d.metric)
def test_the_function_of_the_whole_is_the_functions_of_its_groups(declared, frames):
    found_somewhere = False
    for frame in frames.values():
        whole = _texts(declared.find(frame))
        found_somewhere |= bool(whole)
        for by in [list(declared.shared), *(["subject"] if "subject" in declared.shared else [])]:
            parts = [declared.find(group.reset_index(drop=True)) for _, group in frame.groupby(by, dropna=False)]
            assert _texts([hit for part in parts for hit in part]) == whole, by
    assert found_somewhere  # the data gives the check something to find


def test_every_table_check_declares_columns_of_the_batch():
    from factcheck.floor.columns import COLUMNS

    assert all(declared.shared and set(declared.shared) <= set(COLUMNS) for declared in TABLES)
