"""The layers of docs/architecture.md, held by reading every module's imports (top-level and local alike).

Modules are named in full (`factcheck.reporters.html`); a relative import and `from factcheck import x` are
resolved to the module they load. Imports for type checkers only (`if TYPE_CHECKING:`) never run: they count
for no rule but the cycle rule, as a type named in both directions ties two modules as much as a call does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "factcheck"


def _module_name(path: Path) -> str:
    return ".".join(("factcheck", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


PATHS = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path) -> tuple[set[str], set[str]]:
    """What module `name` imports when it runs, and what it imports for type checkers only: ours by their full
    dotted name, others by their top-level name prefixed with '!' ('!great_expectations')."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            typing_only |= {id(child) for statement in node.body for child in ast.walk(statement)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: tuple[set[str], set[str]] = (set(), set())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            # `from factcheck import datasets` loads the module factcheck.pipeline.load; `from x import name` loads x
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in PATHS else base for a in node.names]
        else:
            continue
        ours = {n for n in names if n.split(".")[0] == "factcheck"}
        others = {"!" + n.split(".")[0] for n in names if n.split(".")[0] != "factcheck"}
        for module in ours:  # `import factcheck.a.b` where b is a name in a: the nearest module
            while module not in PATHS and "." in module:
                module = module.rpartition(".")[0]
            found[id(node) in typing_only].add(module)
        found[id(node) in typing_only].update(others)
    found[0].discard(name)
    found[1].discard(name)
    return found


IMPORTS = {name: _imports(name, path) for name, path in PATHS.items()}
RUNS = {name: runs for name, (runs, _) in IMPORTS.items()}  # what each module imports when it runs
ALL = {name: runs | types for name, (runs, types) in IMPORTS.items()}


def _ours(name: str) -> set[str]:
    return {m for m in RUNS[name] if not m.startswith("!")}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of `graph` (iterative: no recursion limit), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in graph:
                    continue
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_cycles_and_only_them():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"d", "f"}, "f": {"e"}}
    assert sorted(c for c in strongly_connected(graph) if len(c) > 1) == [["a", "b", "c"], ["e", "f"]]
    assert sorted(strongly_connected({"x": {"y"}, "y": set()})) == [["x"], ["y"]]


def test_no_module_imports_itself_back_through_others():
    ours = {name: {m for m in imports if m in PATHS} for name, imports in ALL.items()}
    cycles = [component for component in strongly_connected(ours) if len(component) > 1]
    assert cycles == []


def test_imports_are_resolved_to_full_names():
    assert "factcheck.reporters.files" in RUNS["factcheck.cli.delivery"]
    assert "factcheck.pipeline.profiling" in ALL["factcheck.pipeline.pool"]
    assert (
        "factcheck.pipeline.run" in RUNS["factcheck.cli.commands"]
        and "factcheck.report.findings" in RUNS["factcheck.reporters.html"]
    )
    assert {
        "factcheck.pipeline.run",
        "factcheck.pipeline.plan",
        "factcheck.report.findings",
        "factcheck.reporters.html",
    } <= set(PATHS)


# --- the layers --------------------------------------------------------------------------------------------------

# Each folder of the package, and the folders its modules may import (docs/architecture.md draws them). Lower
# folders first: the floor imports nothing of ours, the command line anything.
FOLDERS = {
    "floor": set(),  # errors, safe text, numbers, date spans, RE2, the process
    # One GX-free module per check; a quote's number words are read as the article check reads them.
    "rules": {"floor", "prose.numberwords"},
    "model": {"floor", "rules"},  # the dataset format, the claim set, the vocabulary, the layout
    "report": {"floor"},  # the contract: the claims and catalog it carries are the model's, named for types only
    "reading": {"floor", "rules", "model", "report"},  # YAML read into located data; schema errors
    # Render a Report, nothing else; the claims' series index when the HTML page draws a series.
    "reporters": {"floor", "report", "model.claimset"},
    "gx": {"floor", "rules", "model", "report"},  # the only importers of Great Expectations
    "prose": {"floor", "rules", "model", "report", "reading"},  # articles checked figure by figure
    "pipeline": {"floor", "rules", "model", "report", "reading", "reporters", "gx", "prose"},  # one run
    "importer": {"floor", "rules", "model", "reading", "reporters", "pipeline"},
    "cli": {"floor", "rules", "model", "report", "reading", "reporters", "gx", "prose", "pipeline", "importer"},
}
TOP = {"factcheck", "factcheck.__main__"}  # the package (its version) and `python -m factcheck`


def _folder(module: str) -> str:
    return module.split(".")[1] if module not in TOP else ""


def _allowed(target: str, rule: set[str]) -> bool:
    return target == "factcheck" or any(
        target == f"factcheck.{r}" or target.startswith(f"factcheck.{r}.") for r in rule
    )


def test_every_module_is_in_a_folder_with_a_rule():
    assert {_folder(m) for m in PATHS if m not in TOP} == set(FOLDERS)


@pytest.mark.parametrize("module", sorted(m for m in PATHS if m not in TOP))
def test_each_module_imports_only_what_its_folder_may(module):
    folder = _folder(module)
    outside = {m for m in _ours(module) if _folder(m) != folder and not _allowed(m, FOLDERS[folder])}
    assert outside == set(), f"{module} ({folder}/) imports {sorted(outside)}"


def test_the_contract_imports_only_the_floor():
    assert {_folder(m) for m in _ours("factcheck.report.findings")} <= {"floor"}


def test_great_expectations_is_imported_only_in_gx():
    importers = {m for m, imports in RUNS.items() if "!great_expectations" in imports}
    assert importers and {_folder(m) for m in importers} == {"gx"}, importers


def test_pyspark_is_imported_only_by_the_spark_engine():
    importers = {m for m, imports in RUNS.items() if "!pyspark" in imports}
    assert importers and all(m.startswith("factcheck.gx.spark.") for m in importers), importers
    # The modules that every run imports on its way to validating never import it, even lazily.
    reached = {"factcheck.pipeline.run", "factcheck.pipeline.validate", "factcheck.gx.engine"}
    assert not any("!pyspark" in RUNS[m] for m in reached)
