"""`factcheck init`: a project that works at once, for a desk's first hour.

It writes a catalog with a commented example of each field, a dataset of two claims, a draft (articles/)
whose two figures they back, a gate that checks both with the suites shipped with factcheck, the GitHub
workflow (the pull-request view of this repository's own: the whole history, `--baseline` of the pull
request's base commit, SARIF uploaded by a job of its own), the pre-commit configuration, the requirements
that pin this version of factcheck, a README, and the editor schemas of the new project; `factcheck
validate` passes in it as written. With a desk (`disaster`, `epidemic`, `conflict`), the catalog, dataset
and draft are that desk's worked example instead (desks/, package data: the one copy docs/desks.md shows and
tests/test_desk_examples.py validates). It never replaces a file unless asked (`force`): with a file in the way it stops
before writing anything, naming that file (exit 2).
"""

from __future__ import annotations

import contextlib
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from factcheck.cli import file_schemas, installed
from factcheck.floor.errors import ConfigError
from factcheck.model.layout import LAYOUT

TEMPLATES = Path(__file__).parent / "new_project"
DESKS = Path(__file__).parent / "desks"
DESK_NAMES = ("disaster", "epidemic", "conflict")
# What a desk's worked example replaces: the default desk's catalog, example dataset and draft.
DESK_REPLACES = ("catalog.yml", "example.yml", "article.md")

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
SCHEMAS = {kind: f"{LAYOUT.schemas}/{kind}.schema.json" for kind in file_schemas.KINDS}
REQUIREMENT = "@REQUIREMENT@"  # replaced by how the running factcheck was installed (installed.py)
DATASET, ARTICLE = "@DATASET@", "@ARTICLE@"  # the README's names of the example dataset and draft


@dataclass(frozen=True)
class Written:
    root: Path
    files: tuple[str, ...]


def contents(desk: str | None = None, requirement: str | None = None) -> dict[str, str]:
    """What init writes, path in the new project -> text, but the editor schemas (made from what it
    writes). `requirement`: the requirements' install line and its comment (default: `installed.requirement()`)."""
    if desk is not None and desk not in DESK_NAMES:
        raise ConfigError(f"no desk {desk!r}", f"the desks: {', '.join(DESK_NAMES)}")
    files = {rel: (TEMPLATES / template).read_text(encoding="utf-8") for template, rel in FILES.items()}
    if desk is not None:
        for template in DESK_REPLACES:
            del files[FILES[template]]
        example = DESKS / desk
        for path in sorted((example / "datasets").glob("*.yml")):
            kind = "catalog" if path.name == "catalog.yml" else "dataset"
            # The editor's schema, as the default desk's files name it on their first line.
            first = f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n"
            files[f"datasets/{path.name}"] = first + path.read_text(encoding="utf-8")
        for path in sorted((example / "articles").iterdir()):
            files[f"articles/{path.name}"] = path.read_text(encoding="utf-8")
    dataset = next(rel for rel in files if rel.startswith("datasets/") and rel != "datasets/catalog.yml")
    article = next(rel for rel in files if rel.startswith("articles/"))
    line = requirement if requirement is not None else installed.requirement()
    for rel, text in files.items():
        text = text.replace(REQUIREMENT, line.rstrip("\n")).replace(DATASET, dataset).replace(ARTICLE, article)
        files[rel] = text
    return files


def init(root: Path, force: bool = False, desk: str | None = None, requirement: str | None = None) -> Written:
    """Write a new project into `root` (made if missing), from `desk`'s worked example if given; see the
    module docstring and `contents`.

    Everything is written inside `root` itself: a symlink on the way to a file (a folder such as
    `datasets/` linked elsewhere, or the file itself) is refused, whatever `force` says, and the folders and
    files are opened relative to the folder above them without following a symlink, so that one swapped in
    meanwhile is refused too, never written through."""
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root}: it is a file, not a folder", "give the folder to make the project in")
    files = contents(desk, requirement)
    targets = [*files, *SCHEMAS.values()]
    for rel in targets:
        _refuse_links(root, rel)
        if not force and os.path.lexists(root / rel):
            raise ConfigError(
                f"{root / rel} already exists: factcheck init writes only new files",
                "init in an empty folder, move the file away, or pass --force to replace what init writes",
            )
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"cannot make {root}: {error.strerror}", "give a folder you can write to") from None
    for rel, text in files.items():
        _write(root, rel, text, force)
    # The schemas list the new project's own keys: made from the catalog and gate just written.
    for kind, rel in SCHEMAS.items():
        document, _ = file_schemas.for_project(kind, root.resolve())
        _write(root, rel, file_schemas.dumps(document), force)
    return Written(root, tuple(targets))


_LINK_HINT = "init writes only into the new project's own folders: remove the symlink, or init elsewhere"


def _refuse_links(root: Path, rel: str) -> None:
    """Refuse (exit 2) a symlink on the way from `root` to `rel`, the file included, and a file where a
    folder must be, before anything is written."""
    path = root
    parts = Path(rel).parts
    for index, part in enumerate(parts, 1):
        path = path / part
        if path.is_symlink():
            raise ConfigError(f"{path} is a symlink: factcheck init does not write through it", _LINK_HINT)
        if index < len(parts) and path.exists() and not path.is_dir():
            raise ConfigError(f"{path} is not a folder", "move the file away, or init elsewhere")


def _write(root: Path, rel: str, text: str, force: bool) -> None:
    """`text` into `root/rel`: each folder made and opened under the one above it (O_NOFOLLOW), the file
    created new (O_EXCL); with `force`, a temporary file so made replaces the file (a rename replaces a
    name, never writes through it)."""
    *folders, name = Path(rel).parts
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    where = root
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)  # root itself is the user's to name, link or not
        try:
            for folder in folders:
                where = where / folder
                with contextlib.suppress(FileExistsError):
                    os.mkdir(folder, dir_fd=fd)
                inner = os.open(folder, flags, dir_fd=fd)
                os.close(fd)
                fd = inner
            where = where / name
            if not force:
                _create(fd, name, text)
            else:
                temp = f".{name}.init-{os.getpid()}.tmp"
                _create(fd, temp, text)
                try:
                    os.replace(temp, name, src_dir_fd=fd, dst_dir_fd=fd)
                except OSError:
                    os.unlink(temp, dir_fd=fd)
                    raise
        finally:
            os.close(fd)
    except FileExistsError:  # appeared since the check above
        raise ConfigError(f"{where} already exists: factcheck init writes only new files") from None
    except OSError as error:
        if where.is_symlink():
            raise ConfigError(f"{where} is a symlink: factcheck init does not write through it", _LINK_HINT) from None
        if error.errno == errno.ENOTDIR:
            raise ConfigError(f"{where} is not a folder", "move the file away, or init elsewhere") from None
        raise ConfigError(f"cannot write {where}: {error.strerror}", "give a folder you can write to") from None


def _create(fd: int, name: str, text: str) -> None:
    handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=fd)
    with open(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
