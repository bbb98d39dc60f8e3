"""Where a command may write: never onto or into what it reads, and never two outputs onto one path.

Every file or folder a command writes (`--report`, `--json`, `--junit`, `--data-docs`, `import --output`,
`FACTCHECK_PROFILE`) goes through `refuse_inputs` before any dataset or table is read. Paths are compared
once resolved (a symlinked output, or an output under a symlinked folder, is judged by where it lands) and
again by device and inode for what exists, so a hard link or a second spelling of a folder is caught too.
A refusal is a `ConfigError` (exit 2) naming the option and the input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.floor.errors import ConfigError
from factcheck.model.layout import LAYOUT
from factcheck.pipeline import project


@dataclass(frozen=True)
class Output:
    """One thing a command writes: the option (or variable) that named it, and its path."""

    option: str
    path: Path
    folder: bool = False  # a folder the command fills (`--data-docs`), not one file


@dataclass
class Inputs:
    """What a command reads: files, and folders whose every file it may read (now or on the next run)."""

    files: set[Path] = field(default_factory=set)
    folders: set[Path] = field(default_factory=set)


def check_writable(outputs: Iterable[Output]) -> None:
    """Fail before the work, not after it, when an output cannot be written where asked."""
    for output in outputs:
        path = output.path
        if output.folder:
            if path.exists() and not path.is_dir():
                raise ConfigError(f"{output.option} {path}: it is a file, not a folder", "give a folder name")
        elif path.is_dir():
            raise ConfigError(f"cannot write {output.option} {path}: it is a folder", "give a file name")
        elif path.exists() and not path.is_file():
            # A report replaces its file; over a device or a pipe (/dev/stdout) it would replace the node itself.
            raise ConfigError(
                f"cannot write {output.option} {path}: it is not a regular file", "give the path of a file"
            )
        folder = _nearest_existing(path if output.folder else path.parent)
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            raise ConfigError(
                f"cannot write {output.option} {path}: {folder} is not a writable folder",
                "choose a path in a folder you can write to",
            )


_HINT = "write outputs to paths of their own, outside datasets/, checks/, expectations/ and what gates name"


def refuse_inputs(outputs: Iterable[Output], inputs: Inputs) -> None:
    """Refuse (exit 2) an output onto an input file, inside an input folder, or onto another output; a
    folder output may neither contain nor lie inside an input."""
    outputs = list(outputs)
    if not outputs:
        return
    # In path order, so that of several inputs in the way the same one is named on every run.
    files = {_resolve("input", f): f for f in sorted(inputs.files)}
    folders = {_resolve("input", f): f for f in sorted(inputs.folders)}
    by_identity = {ident: f for resolved, f in folders.items() if (ident := _identity(resolved))}
    taken: dict[Path, Output] = {}
    for output in outputs:
        target = _resolve(output.option, output.path)
        where = f"{output.option} {output.path}"
        folder = _folder_holding(target, folders, by_identity)
        if folder is not None:
            raise ConfigError(f"{where} is inside {shown_path(folder)}/, which factcheck reads", _HINT)
        same = None if output.folder else _other_names(target)
        for resolved, shown in {**folders, **files}.items():
            if output.folder and resolved.is_relative_to(target):
                held = shown_path(shown) + ("/" if resolved in folders else "")
                raise ConfigError(f"{where} holds {held}, which factcheck reads", _HINT)
            onto = target == resolved or (same is not None and _identity(resolved) == same)
            if onto and resolved in files:
                raise ConfigError(f"{where} would replace {shown_path(shown)}, which factcheck reads", _HINT)
        for other_target, other in taken.items():
            inside_other = other.folder and target.is_relative_to(other_target)
            if target == other_target or inside_other or (output.folder and other_target.is_relative_to(target)):
                raise ConfigError(f"{where} and {other.option} {other.path} are one path", "give each its own path")
        taken[target] = output


def validate_inputs(
    root: Path, gates: Iterable[project.GateFile], suites: Iterable[Path], files: Iterable[Path], allow_outside: bool
) -> Inputs:
    """What `factcheck validate` reads: datasets/, checks/, expectations/, every folder a gate's globs walk,
    the gates, their suites, the catalog and the datasets."""
    inputs = Inputs(
        files={root / LAYOUT.catalog, *suites, *files},
        folders={root / LAYOUT.datasets, root / LAYOUT.gates, root / LAYOUT.suites},
    )
    for gate in gates:
        inputs.files.add(root / gate.path)
        for glob, what in (*((g, "dataset path") for g in gate.gate.datasets),
                           *((g, "article path") for g in gate.gate.articles)):  # fmt: skip
            walked = project.inside(root, project.glob_base(glob), what, allow_outside)
            (inputs.files if walked.is_file() else inputs.folders).add(walked)
    return inputs


def import_inputs(root: Path, table: Path, mapping: Path, corrections: Path | None) -> Inputs:
    """What `factcheck import` reads or checks against: the table, the mapping, the corrections, the
    catalog, checks/ and expectations/, and every suite and article a readable gate names. datasets/ (and
    the folders the gates' dataset globs walk) is where the output belongs, so it is not an input here."""
    inputs = project_inputs(root, datasets=False)
    inputs.files |= {table, mapping, *([corrections] if corrections else [])}
    return inputs


def project_inputs(root: Path, datasets: bool = True) -> Inputs:
    """What the project's next `factcheck validate` reads, as far as its gates can be read: the catalog,
    checks/ and expectations/, and of every readable gate its suites and what its article globs (and, with
    `datasets`, its dataset globs and datasets/) walk. For the commands that write into a project without
    validating it (`import`, `schema`): their output may not land on a draft or a dataset either."""
    inputs = Inputs(
        files={root / LAYOUT.catalog},
        folders={root / LAYOUT.gates, root / LAYOUT.suites, *([root / LAYOUT.datasets] if datasets else [])},
    )
    try:
        gates = project.gate_files(root)
    except (ConfigError, OSError):
        gates = []
    for path in gates:
        try:
            gate = project.read_gate(root, path)
        except ConfigError:  # a gate validate would refuse names nothing validate reads
            continue
        inputs.files.update(root / suite for suite in gate.gate.suites)
        globs = [*gate.gate.articles, *(gate.gate.datasets if datasets else [])]
        for glob in globs:
            try:  # a glob leaving the root is refused by validate; it names nothing validate reads
                walked = project.inside(root, project.glob_base(glob), "path")
            except ConfigError:
                continue
            (inputs.files if walked.is_file() else inputs.folders).add(walked)
    return inputs


def _resolve(option: str, path: Path) -> Path:
    try:
        return path.absolute().resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a symlink loop
        raise ConfigError(f"{option} {path} is a symlink loop", "give a path that is not a symlink loop") from None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _folder_holding(target: Path, folders: dict[Path, Path], by_identity: dict[tuple[int, int], Path]) -> Path | None:
    """The input folder `target` is or lies in, by path or by the identity of an existing folder on its
    way (a bind mount, or a second spelling of the same folder)."""
    for resolved, shown in folders.items():
        if target.is_relative_to(resolved):
            return shown
    for step in (target, *target.parents):
        ident = _identity(step)
        if ident in by_identity:
            return by_identity[ident]
    return None


def _other_names(target: Path) -> tuple[int, int] | None:
    """The identity of an existing file that has other names (hard links), which could be an input's."""
    try:
        info = target.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if info.st_nlink > 1 else None


def _nearest_existing(folder: Path) -> Path:
    folder = folder.absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def shown_path(path: Path) -> str:
    """The path relative to the working folder when it is under it, as the user gave it otherwise."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):
        return str(path)
