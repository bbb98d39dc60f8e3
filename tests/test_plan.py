"""The plan of a run: gates, their suites (each read once), the files they check, decided before any dataset
is read."""

from __future__ import annotations

import pytest

from conftest import claim
from factcheck.floor.errors import ConfigError
from factcheck.pipeline import plan
from factcheck.pipeline.write_guard import Output


def test_every_gate_with_its_suites_and_files_and_the_catalog_left_to_stage_0(project):
    project.dataset([claim()], name="b.yml")
    project.dataset([claim("c2")], name="a.yml")
    planned = plan.make(project.root, (), False)
    (gate,) = planned.gates
    assert (gate.name, gate.path, gate.fail_on(None), gate.fail_on("info")) == (
        "publication", "checks/publication.yml", "critical", "info"
    )  # fmt: skip
    assert [s.path for s in gate.suites] == list(gate.settings.suites)
    assert [p.name for p in planned.files] == ["a.yml", "b.yml"]
    assert project.root / "datasets/catalog.yml" in planned.covered and planned.strictest == "critical"


def test_a_suite_two_gates_run_is_read_once(project):
    project.dataset([claim()])
    project.write("checks/second.yml", (project.root / "checks/publication.yml").read_text())
    first, second = plan.make(project.root, (), False).gates
    assert all(a is b for a, b in zip(first.suites, second.suites, strict=True))


def test_a_dataset_target_restricts_the_files_and_must_be_covered(project):
    project.dataset([claim()], name="a.yml")
    project.dataset([claim("c2")], name="b.yml")
    (gate,) = plan.make(project.root, ("datasets/a.yml",), False).gates
    assert [p.name for p in gate.files] == ["a.yml"]
    project.write("checks/publication.yml", "datasets: [datasets/a.yml]\nsuites: [expectations/cross-claim.yml]\n")
    with pytest.raises(ConfigError, match="no gate in checks/ covers the given datasets"):
        plan.make(project.root, ("datasets/b.yml",), False)


def test_two_suites_of_one_gate_may_not_define_one_check_id(project):
    project.dataset([claim()])
    copy = project.write("expectations/copy.yml", (project.root / "expectations/cross-claim.yml").read_text())
    project.write(
        "checks/publication.yml",
        f"datasets: ['datasets/**/*.yml']\nsuites: [expectations/cross-claim.yml, expectations/{copy.name}]\n",
    )
    with pytest.raises(
        ConfigError,
        match=r"expectations/copy.yml:\d+: check id '[a-z-]+' is also defined in expectations/cross-claim.yml",
    ):
        plan.make(project.root, (), False)


def test_an_output_onto_an_input_is_refused_before_anything_is_read(project):
    target = project.dataset([claim()])
    before = target.read_bytes()
    with pytest.raises(ConfigError, match="--json"):
        plan.make(project.root, (), False, (Output("--json", target),))
    assert target.read_bytes() == before
