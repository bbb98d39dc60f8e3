"""The project on disk: its root, its gates, and the files a gate names, never outside the root."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from factcheck import yamlfile
from factcheck.datasets import explain
from factcheck.models import Gate

CHECKS_DIR = "checks"
DATASETS_DIR = "datasets"


class ConfigError(Exception):
    """A usage or configuration problem: exit 2, with a message (and `file:line`) for people."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `checks/`, the way git finds its repository."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CHECKS_DIR).is_dir():
            return folder
    raise ConfigError(
        f"no project found: neither {start} nor any folder above it has a `{CHECKS_DIR}/` folder",
        "run factcheck inside a project, or pass --root",
    )


def inside(root: Path, path: Path, what: str, allow_outside: bool = False) -> Path:
    """`path` resolved (through `..` and symlinks); refused when it leaves the root."""
    try:
        resolved = (root / path).resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a symlink loop
        raise ConfigError(
            f"{what} {path.as_posix()!r} is a symlink loop", "replace the symlink with the file or folder it names"
        ) from None
    if not allow_outside and not resolved.is_relative_to(root):
        raise ConfigError(
            f"{what} {path.as_posix()!r} resolves to {resolved}, outside the project root {root}",
            "paths in a gate are relative to the project root and may not leave it (--allow-outside-root)",
        )
    return resolved


@dataclass(frozen=True)
class GateFile:
    name: str
    path: str
    gate: Gate


def read_config(root: Path, path: Path, what: str, shape: str) -> tuple[str, yamlfile.Mapping]:
    """A gate or suite file as a located mapping; anything wrong with it is a `ConfigError` at file:line."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        data, problems = yamlfile.read(path)
    except yamlfile.YamlError as error:
        raise ConfigError(f"{rel}:{error.problem.line}: {error.problem.message}", error.problem.hint) from None
    except OSError as error:
        raise ConfigError(f"{rel}: cannot read the {what} ({error.strerror})") from None
    if problems:
        raise ConfigError(f"{rel}:{problems[0].line}: {problems[0].message}", problems[0].hint)
    if not isinstance(data, yamlfile.Mapping):
        raise ConfigError(f"{rel}:1: a {what} is a mapping with {shape}")
    return rel, data


def invalid(rel: str, error: ValidationError, node: object, model: type[BaseModel]) -> ConfigError:
    """The first schema problem of a configuration file, as a `ConfigError` on its line."""
    first = explain(error, node, getattr(node, "line", 1) or 1, model)[0]
    return ConfigError(f"{rel}:{first.line}: {first.message}", first.hint)


def read_gate(root: Path, path: Path) -> GateFile:
    rel, data = read_config(root, path, "gate", "`datasets`, `suites` and `fail_on`")
    try:
        gate = Gate.model_validate(data)
    except ValidationError as error:
        raise invalid(rel, error, data, Gate) from None
    return GateFile(name=path.stem, path=rel, gate=gate)


def gate_files(root: Path) -> list[Path]:
    folder = root / CHECKS_DIR
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    if not files:
        raise ConfigError(f"no gate in {CHECKS_DIR}/", "add one, e.g. checks/publication.yml (docs/checks.md)")
    return files


def _pattern(glob: str) -> re.Pattern:
    """A gate glob as a regular expression over POSIX paths: `**` spans folders, `*` and `?` do not."""
    out = ""
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif glob.startswith("**", i):
            out += ".*"
            i += 2
        elif glob[i] == "*":
            out += "[^/]*"
            i += 1
        elif glob[i] == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(glob[i])
            i += 1
    return re.compile(out + r"\Z")


def expand(root: Path, globs: list[str], allow_outside: bool = False) -> list[Path]:
    """The YAML files that `globs` name, sorted, without following symlinked folders (no loops)."""
    found: set[Path] = set()
    for glob in globs:
        parts = Path(glob).parts
        static = []
        for part in parts:
            if any(c in part for c in "*?["):
                break
            static.append(part)
        base = inside(root, Path(*static) if static else Path("."), "dataset path", allow_outside)
        if len(static) == len(parts):
            if base.is_file():
                found.add(base)
            elif base.is_dir():
                found.update(_walk(root, base, re.compile(r".*\.ya?ml\Z"), allow_outside))
            else:
                raise ConfigError(f"dataset path {glob!r} does not exist")
            continue
        rest = "/".join(parts[len(static) :])
        found.update(_walk(root, base, _pattern(rest), allow_outside))
    checked = [inside(root, path, "dataset file", allow_outside) for path in found]
    return sorted(set(checked))


def _walk(root: Path, base: Path, pattern: re.Pattern, allow_outside: bool) -> list[Path]:
    """Files under `base` matching `pattern`. Symlinked folders are never entered (a loop cannot hang the
    walk), and one that leads outside the root is refused like any other path that leaves it."""
    matches = []
    for folder, dirs, files in os.walk(base, followlinks=False):
        dirs.sort()
        for name in dirs:
            link = Path(folder) / name
            if link.is_symlink():
                inside(root, link.relative_to(root) if link.is_relative_to(root) else link, "folder", allow_outside)
        for name in sorted(files):
            path = Path(folder) / name
            if pattern.match(path.relative_to(base).as_posix()):
                matches.append(path)
    return matches


def stray_files(root: Path) -> list[str]:
    """Files under datasets/ that are neither YAML nor hidden: DESIGN.md makes each of them a finding."""
    strays = []
    for folder, dirs, files in os.walk(root / DATASETS_DIR, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.endswith((".yml", ".yaml")):
                strays.append((Path(folder) / name).relative_to(root).as_posix())
    return strays
