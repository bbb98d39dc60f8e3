"""`factcheck init`: a project that works at once, for a desk's first hour.

It writes a catalog with a commented example of each field, a dataset of two claims, a draft (articles/)
whose two figures they back, a gate that checks both with the suites shipped with factcheck, the GitHub
workflow (the pull-request view of this repository's own: the whole history, `--baseline` of the pull
request's base commit, SARIF uploaded by a job of its own), the pre-commit configuration, the requirements
that pin this version of factcheck, a README, and the editor schemas of the new project; `factcheck
validate` passes in it as written. It never replaces a file unless asked (`force`): with a file in the way it stops
before writing anything, naming that file (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck import __version__, file_schemas
from factcheck.errors import ConfigError

TEMPLATES = Path(__file__).parent / "templates"

# Template (package data) -> where it goes in the new project. The templates have plain names, so that
# none is a dotfile a packaging tool might leave out.
FILES: dict[str, str] = {
    "catalog.yml": "datasets/catalog.yml",
    "example.yml": "datasets/example.yml",
    "article.md": "articles/example.md",
    "publication.yml": "checks/publication.yml",
    "workflow.yml": ".github/workflows/factcheck.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "requirements.txt": "requirements.txt",
    "README.md": "README.md",
}
SCHEMAS = {kind: f"{file_schemas.SCHEMA_FOLDER}/{kind}.schema.json" for kind in file_schemas.KINDS}
VERSION = "@VERSION@"  # replaced by the version of factcheck that writes the project


@dataclass(frozen=True)
class Written:
    root: Path
    files: tuple[str, ...]


def init(root: Path, force: bool = False) -> Written:
    """Write a new project into `root` (made if missing); see the module docstring."""
    from factcheck.reporters.files import write_atomic

    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root}: it is a file, not a folder", "give the folder to make the project in")
    targets = [*FILES.values(), *SCHEMAS.values()]
    if not force:
        for rel in targets:
            if (root / rel).exists() or (root / rel).is_symlink():
                raise ConfigError(
                    f"{root / rel} already exists: factcheck init writes only new files",
                    "init in an empty folder, move the file away, or pass --force to replace what init writes",
                )
    for template, rel in FILES.items():
        text = (TEMPLATES / template).read_text(encoding="utf-8").replace(VERSION, __version__)
        _write(write_atomic, root / rel, text, force)
    # The schemas list the new project's own keys: made from the catalog and gate just written.
    for kind, rel in SCHEMAS.items():
        document, _ = file_schemas.for_project(kind, root.resolve())
        _write(write_atomic, root / rel, file_schemas.dumps(document), force)
    return Written(root, tuple(targets))


def _write(write_atomic, path: Path, text: str, force: bool) -> None:
    try:
        write_atomic(path, lambda stream: stream.write(text), what="the file", replace=force)
    except FileExistsError:  # appeared since the check above
        raise ConfigError(f"{path} already exists: factcheck init writes only new files") from None
