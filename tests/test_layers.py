"""The layers of docs/architecture.md, held by reading every module's imports (top-level and local alike)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "factcheck"

# Modules that import nothing of ours but each other: any layer may use them.
FLOOR = {"errors", "text", "linear", "columns", "dates", "figures", "process", "schema_errors", "wording", "checks"}
# What reporters may read: the contract and the floor (and the package's version).
# `articles.model`: the checked articles' types, which the report carries (Report.articles) for the HTML page.
REPORTER_MAY_IMPORT = FLOOR | {"", "findings", "claimset", "models", "outputs", "reporters", "articles"}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    """The modules `path` imports: ours as their name inside the package ('' for the package itself),
    others by their top-level name prefixed with '!' ('!great_expectations'). Imports for type checkers
    only (`if TYPE_CHECKING:`) do not count: they never run."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "factcheck":  # `from factcheck import datasets, profiling`
                names = [f"factcheck.{alias.name}" for alias in node.names if alias.name != "__version__"]
                names = names or ["factcheck"]
            else:
                names = [node.module]
        else:
            continue
        for name in names:
            if name == "factcheck" or name.startswith("factcheck."):
                found.add(name.removeprefix("factcheck").removeprefix("."))
            else:
                found.add("!" + name.split(".")[0])
    return found


MODULES = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _ours(imports: set[str]) -> set[str]:
    return {
        name.split(".")[0] if not name.startswith("reporters") else "reporters"
        for name in imports
        if not name.startswith("!")
    }


@pytest.mark.parametrize("module", sorted(FLOOR))
def test_the_floor_imports_only_the_floor(module):
    assert _ours(MODULES[module]) <= FLOOR


def test_the_contract_imports_only_the_models_and_the_floor():
    assert _ours(MODULES["findings"]) <= FLOOR | {"models"}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("reporters")))
def test_reporters_import_only_the_contract(module):
    assert _ours(MODULES[module]) <= REPORTER_MAY_IMPORT


def test_great_expectations_is_imported_only_by_the_engine_and_its_adapters():
    importers = {m for m, imports in MODULES.items() if "!great_expectations" in imports}
    assert importers and all(m == "engine" or m.startswith("expectations") for m in importers), importers


def test_every_module_is_seen():
    assert {"run", "plan", "messages", "validation", "findings", "errors", "reporters.html"} <= set(MODULES)
    assert "run" in _ours(MODULES["cli"]) and "findings" in _ours(MODULES["reporters.html"])
