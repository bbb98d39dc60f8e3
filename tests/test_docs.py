"""Docs that come from the code: every check and command documented, and the generated pages current."""

from __future__ import annotations

from conftest import REPO
from factcheck import docs
from factcheck.checks import REGISTRY, STAGE_0
from factcheck.suites import read_suite


def test_every_check_has_a_title_an_explanation_and_a_message():
    for path in sorted((REPO / "expectations").glob("*.yml")):
        for check in read_suite(REPO, path).checks:
            assert check.title and check.explain and check.message, check.id
    assert all(REGISTRY[check_id].TITLE and REGISTRY[check_id].EXPLAIN for check_id in STAGE_0)


def test_every_check_has_documentation_with_examples():
    page = docs.checks_markdown()
    for check_id, module in REGISTRY.items():
        assert module.__doc__ and module.PASSES.strip() and module.FAILS.strip(), check_id
        section = page.split(f"### `{check_id}`: ", 1)[1].split("\n### ", 1)[0]
        assert module.__doc__.strip() in section, f"{check_id}: its docstring is not on the page"
        assert "Passes:" in section and "Fails:" in section, f"{check_id} has no passing and failing example"


def test_generated_pages_are_current():
    for rel, make in docs.GENERATED.items():
        assert (REPO / rel).read_text(encoding="utf-8") == make(), f"{rel} is stale: run python -m factcheck.docs"


def test_checks_page_lists_every_check_id():
    text = (REPO / "docs/checks.md").read_text(encoding="utf-8")
    ids = set(STAGE_0)
    for path in (REPO / "expectations").glob("*.yml"):
        ids |= {check.id for check in read_suite(REPO, path).checks}
    assert all(f"`{check_id}`" in text for check_id in ids)
