"""The registry of checks: one module per check id, each with its constants, every check that factcheck
reports listed, and none of it importing Great Expectations or a module that reads or runs a project."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO
from factcheck.floor.severity import SEVERITIES
from factcheck.pipeline.suites import read_suite
from factcheck.rules import REGISTRY, STAGE_0

SHIPPED = {path.stem: read_suite(REPO, path) for path in sorted((REPO / "expectations").glob("*.yml"))}


def test_every_check_of_the_shipped_suites_is_in_the_registry_under_its_suite():
    in_suites = {check.id: name for name, suite in SHIPPED.items() for check in suite.checks}
    assert in_suites == {check_id: m.SUITE for check_id, m in REGISTRY.items() if m.SUITE is not None}


def test_the_checks_of_the_files_are_in_the_registry():
    assert set(STAGE_0) == {
        "yaml-syntax", "file-too-large", "duplicate-key", "schema", "unknown-reference", "duplicate-id",
        "stray-file", "unknown-check",
    }  # fmt: skip


def test_the_shipped_suites_take_every_text_and_severity_from_the_registry():
    for suite in SHIPPED.values():
        for check in suite.checks:
            module = REGISTRY[check.id]
            assert (check.title, check.explain, check.message, check.severity) == (
                module.TITLE, module.EXPLAIN, module.MESSAGE, module.SEVERITY
            )  # fmt: skip
            assert set(check.meta) == {"id", "title", "explain", "message"}


@pytest.mark.parametrize("check_id", list(REGISTRY))
def test_every_module_has_its_constants(check_id):
    module = REGISTRY[check_id]
    assert module.__name__ == f"factcheck.rules.{check_id.replace('-', '_')}"
    assert check_id == module.ID
    assert (module.__doc__ or "").startswith(f"{check_id}: ")
    assert module.SEVERITY in SEVERITIES
    assert all(isinstance(text, str) and text.strip() for text in (module.TITLE, module.EXPLAIN))
    assert all(isinstance(text, str) and text.strip() for text in (module.PASSES, module.FAILS))
    assert isinstance(module.MESSAGE, str) and (module.MESSAGE != "") == (module.SUITE is not None)
    assert module.SUITE is None or module.SUITE in SHIPPED


def test_importing_the_registry_imports_no_great_expectations_and_no_hub_module():
    code = (
        "import json, sys\nimport factcheck.rules\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('factcheck', 'great_expectations')))))"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert not [m for m in loaded if m.startswith("great_expectations")]
    floor = {
        "factcheck",
        "factcheck.floor",
        "factcheck.floor.columns",
        "factcheck.floor.numbers",
        "factcheck.floor.spans",
        "factcheck.floor.text",
    }
    assert {m for m in loaded if not m.startswith("factcheck.rules")} <= floor
