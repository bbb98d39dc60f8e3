"""Docs that come from the code: every check and command documented, and the generated pages current."""

from __future__ import annotations

from conftest import REPO
from factcheck.cli import docs
from factcheck.pipeline.suites import read_suite
from factcheck.rules import REGISTRY, STAGE_0


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
        assert (REPO / rel).read_text(encoding="utf-8") == make(), f"{rel} is stale: run python -m factcheck.cli.docs"


def test_checks_page_lists_every_check_id():
    text = (REPO / "docs/checks.md").read_text(encoding="utf-8")
    ids = set(STAGE_0)
    for path in (REPO / "expectations").glob("*.yml"):
        ids |= {check.id for check in read_suite(REPO, path).checks}
    assert all(f"`{check_id}`" in text for check_id in ids)


def test_every_name_docs_architecture_cites_exists():
    """docs/architecture.md follows a claim through named functions: each `module.name` must still exist, and
    each `path.py` (or `folder/`) must be a module (or package) of factcheck or a file of the project."""
    import importlib
    import re

    package = REPO / "src" / "factcheck"
    PATHS = {
        ".".join(p.relative_to(package).with_suffix("").parts).removesuffix(".__init__") for p in package.rglob("*.py")
    }
    PATHS = {"factcheck." + m if m else "factcheck" for m in PATHS}

    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"`([a-z_]+(?:\.[a-z_]+)*)\.([A-Za-z_]+)`", text))
    assert len(cited) >= 15
    for module, name in cited:
        if name in ("py", "md", "j2", "yml"):
            continue  # a file: checked below
        found = [m for m in PATHS if m == module or m.endswith("." + module)]
        assert found, f"{module} names no module of factcheck"
        assert any(hasattr(importlib.import_module(m), name) for m in found), f"{module}.{name}"
    for path in re.findall(r"`([a-z_/]+(?:\.(?:py|j2|md))?/?)`", text):
        if "/" not in path and "." not in path:
            continue
        found = [
            p
            for p in (
                REPO / "src" / "factcheck" / path,
                REPO / path,
                REPO / "src" / "factcheck" / "reporters" / path,
                REPO / "src" / "factcheck" / "pipeline" / path,
            )
            if p.exists()
        ]
        assert found, path
