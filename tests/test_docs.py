"""Docs that come from the code: every check and command documented, and the generated pages current."""

from __future__ import annotations

from conftest import REPO
from factcheck import docs
from factcheck.datasets import SCHEMA_CHECKS
from factcheck.suites import read_suite


def test_every_check_has_a_title_an_explanation_and_a_message():
    for path in sorted((REPO / "expectations").glob("*.yml")):
        for check in read_suite(REPO, path).checks:
            assert check.title and check.explain and check.message, check.id
    assert all(meta["title"] and meta["explain"] for meta in SCHEMA_CHECKS.values())


def test_every_own_expectation_has_documentation_with_examples():
    for type_name, doc in docs._own_expectations().items():
        assert "Passes" in doc and "Fails" in doc, f"{type_name} has no passing and failing example"


def test_generated_pages_are_current():
    for rel, make in docs.GENERATED.items():
        assert (REPO / rel).read_text(encoding="utf-8") == make(), f"{rel} is stale: run python -m factcheck.docs"


def test_checks_page_lists_every_check_id():
    text = (REPO / "docs/checks.md").read_text(encoding="utf-8")
    ids = set(SCHEMA_CHECKS)
    for path in (REPO / "expectations").glob("*.yml"):
        ids |= {check.id for check in read_suite(REPO, path).checks}
    assert all(f"`{check_id}`" in text for check_id in ids)
