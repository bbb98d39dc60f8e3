"""The project on disk: its root, its gates, and the files a gate names, never outside the root."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from factcheck.floor.errors import ConfigError, Problem
from factcheck.floor.safe_regex import compile_regex
from factcheck.model.format import Gate
from factcheck.model.layout import LAYOUT
from factcheck.reading import yamlfile
from factcheck.reading.schema_errors import explain


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `checks/`, the way git finds its repository."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / LAYOUT.gates).is_dir():
            return folder
    raise ConfigError(
        f"no project found: neither {start} nor any folder above it has a `{LAYOUT.gates}/` folder",
        "run factcheck inside a project, or pass --root; `factcheck init` writes a new one",
    )


def inside(root: Path, path: Path, what: str, allow_outside: bool = False) -> Path:
    """`path` resolved (through `..` and symlinks); refused when it leaves the root."""
    if "\0" in str(path):
        raise ConfigError(f"{what} {path.as_posix()!r} holds a NUL character", "no file name can hold one")
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


def read_config(root: Path, path: Path, what: str, shape: str, rel: str | None = None) -> tuple[str, yamlfile.Mapping]:
    """A gate or suite file as a located mapping; anything wrong with it is a `ConfigError` at file:line.
    `rel`: the name errors give the file (default: its path from the root)."""
    if rel is None:
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    data, problems = read_mapping_file(path, rel, what, shape)
    if problems:
        raise ConfigError(f"{rel}:{problems[0].line}: {problems[0].message}", problems[0].hint)
    return rel, data


def read_mapping_file(path: Path, shown: str, what: str, shape: str) -> tuple[yamlfile.Mapping, list[Problem]]:
    """A configuration file (gate, suite, import mapping) as a located mapping, with the problems of reading
    it (duplicate keys and the like); a file that cannot be read as a mapping is a `ConfigError`."""
    try:
        data, problems = yamlfile.read(path)
    except yamlfile.YamlError as error:
        raise ConfigError(f"{shown}:{error.problem.line}: {error.problem.message}", error.problem.hint) from None
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read the {what} ({error.strerror})") from None
    if not isinstance(data, yamlfile.Mapping):
        raise ConfigError(f"{shown}:1: a {what} is a mapping with {shape}")
    return data, problems


def max_file_bytes() -> int:
    """`yamlfile.max_bytes()`, the size limit of every file a run reads; a bad setting is a `ConfigError`."""
    try:
        return yamlfile.max_bytes()
    except ValueError as error:
        raise ConfigError(str(error), "unset it for the default of 20 MiB") from None


def invalid(rel: str, error: ValidationError, node: object, model: type[BaseModel]) -> ConfigError:
    """The first schema problem of a configuration file, as a `ConfigError` on its line."""
    first = explain(error, node, getattr(node, "line", 1) or 1, model)[0]
    return ConfigError(f"{rel}:{first.line}: {first.message}", first.hint)


MAX_GATE_ENTRIES = 100  # globs or suites in one gate: each glob walks its folder
_SUITE_PATH = re.compile(r"[A-Za-z0-9._/-]{1,300}|factcheck:[a-z0-9-]{1,100}")
BUILTIN = "factcheck:"  # a gate names a suite shipped in the package as `factcheck:NAME`
BUILTIN_SUITES = Path(__file__).parents[1] / "builtin_suites"


def suite_file(root: Path, entry: str, gate: str, allow_outside: bool = False) -> tuple[Path, str]:
    """The file a gate's `suites` entry names, and the name reports give it: `factcheck:NAME` is the suite
    `NAME` shipped with factcheck (so that an upgrade brings its new checks), anything else a file relative
    to the root, which may not leave it."""
    if entry.startswith(BUILTIN):
        name = entry.removeprefix(BUILTIN)
        path = BUILTIN_SUITES / f"{name}.yml"
        if not path.is_file():
            import difflib

            shipped = sorted(p.stem for p in BUILTIN_SUITES.glob("*.yml"))
            close = difflib.get_close_matches(name, shipped, n=1)
            raise ConfigError(
                f"{gate}: factcheck ships no suite {name!r}",
                f"did you mean `{BUILTIN}{close[0]}`?" if close else f"the built-in suites: {', '.join(shipped)}",
            )
        return path, entry
    path = inside(root, Path(entry), f"{gate}: suite", allow_outside)
    if not path.is_file():
        raise ConfigError(
            f"{gate}: suite {entry!r} does not exist",
            f"suites live in expectations/, or name a built-in one: {BUILTIN}cumulative-totals",
        )
    return path, entry


def read_gate(root: Path, path: Path) -> GateFile:
    rel, data = read_config(root, path, "gate", "`datasets`, `suites` and `fail_on`")
    try:
        gate = Gate.model_validate(data)
    except ValidationError as error:
        raise invalid(rel, error, data, Gate) from None
    suites = data["suites"]
    for index, suite in enumerate(gate.suites):
        # Great Expectations names its Data Docs pages after the suite file and does not escape the name.
        if not _SUITE_PATH.fullmatch(suite):
            raise ConfigError(
                f"{rel}:{suites.line_of(index)}: the suite path {suite[:80]!r} holds characters a file name here may not",
                "name suite files with letters, digits, '.', '_', '-' and '/'",
            )
    for key in ("datasets", "suites"):
        if len(getattr(gate, key)) > MAX_GATE_ENTRIES:
            raise ConfigError(
                f"{rel}:{data.line_of(key)}: `{key}` lists more than {MAX_GATE_ENTRIES} entries",
                "name folders or globs, not every file",
            )
    return GateFile(name=path.stem, path=rel, gate=gate)


def gate_files(root: Path) -> list[Path]:
    files = LAYOUT.gate_files(root)
    if not files:
        raise ConfigError(
            f"no gate in {LAYOUT.gates}/", "add one, e.g. checks/publication.yml as `factcheck init` writes it"
        )
    return files


MAX_GLOB = 500  # characters in one gate glob


def glob_matcher(glob: str) -> Callable[[str], bool]:
    """Whether a POSIX path matches a gate glob: `**/` spans folders (or none), `**` anything, `*` and `?`
    stay within one folder; every other character is itself.

    The glob becomes a regular expression matched by RE2 (`factcheck.floor.safe_regex`), never by a backtracking
    engine: a glob like `*a*a*a*b` costs the same as `*.yml` on any path.
    """
    if len(glob) > MAX_GLOB:
        raise ConfigError(f"the glob {glob[:60]!r}... is longer than {MAX_GLOB} characters", "name folders, not files")
    out = []
    i = 0
    while i < len(glob):
        for token, regex in (("**/", "(?:.*/)?"), ("**", ".*"), ("*", "[^/]*"), ("?", "[^/]")):
            if glob.startswith(token, i):
                out.append(regex)
                i += len(token)
                break
        else:
            out.append(_literal(glob[i]))
            i += 1
    pattern = compile_regex("(?s)" + "".join(out) + r"\z")
    return lambda path: pattern.match(path) is not None


def _literal(char: str) -> str:
    return "\\" + char if char in r"\.^$|?*+()[]{}" else char


def _is_yaml(path: str) -> bool:
    return path.endswith((".yml", ".yaml"))


def glob_base(glob: str) -> Path:
    """The folder a gate glob walks (its part before the first wildcard), or the file it names."""
    static = []
    for part in Path(glob).parts:
        if any(c in part for c in "*?["):
            break
        static.append(part)
    return Path(*static) if static else Path(".")


def expand(root: Path, globs: list[str], allow_outside: bool = False, accept: Callable[[str], bool] = _is_yaml,
           what: str = "dataset") -> list[Path]:  # fmt: skip
    """The YAML files (or the files `accept` takes, in a folder named whole) that `globs` name, sorted, without
    following symlinked folders (no loops). Each folder is walked once, however many globs start from it."""
    found: set[Path] = set()
    walked: dict[Path, list[tuple[Path, str]]] = {}
    for glob in dict.fromkeys(globs):
        parts = Path(glob).parts
        static = glob_base(glob)
        base = inside(root, static, f"{what} path", allow_outside)
        if static.parts == parts:
            if base.is_file():
                found.add(base)
                continue
            if not base.is_dir():
                raise ConfigError(f"{what} path {glob!r} does not exist")
            pattern = accept
        else:
            pattern = glob_matcher("/".join(parts[len(static.parts) :]))
        if base not in walked:
            walked[base] = _walk(root, base, allow_outside)
        found.update(path for path, rel in walked[base] if pattern(rel))
    checked = [inside(root, path, f"{what} file", allow_outside) for path in found]
    return sorted(set(checked))


def _walk(root: Path, base: Path, allow_outside: bool) -> list[tuple[Path, str]]:
    """The files under `base` that can be read, with their paths from `base`. Symlinked folders are never
    entered (a loop cannot hang the walk), and one that leads outside the root is refused like any other
    path that leaves it. A name that is not UTF-8, or a symlink to nothing, is never read: `stray_files`
    reports it."""
    files_found = []
    for folder, dirs, files in os.walk(base, followlinks=False):
        dirs.sort()
        for name in dirs:
            link = Path(folder) / name
            if link.is_symlink():
                inside(root, link.relative_to(root) if link.is_relative_to(root) else link, "folder", allow_outside)
        for name in sorted(files):
            path = Path(folder) / name
            if _readable_name(str(path)) and not _dangling(path):
                files_found.append((path, path.relative_to(base).as_posix()))
    return files_found


def _readable_name(path: str) -> bool:
    """A path whose names are all UTF-8 text (os.walk gives the bytes of any other as surrogates)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _dangling(path: Path) -> bool:
    """A symlink to nothing (a symlink loop is not: `inside` refuses it as one)."""
    if os.path.exists(path) or not path.is_symlink():
        return False
    try:
        path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop
        return False
    return True


def shown_name(path: str) -> str:
    """A path as text: the bytes of a name that is not UTF-8 shown as `\\xff` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def stray_files(root: Path, read: set[Path], under: str = LAYOUT.datasets,
                accept: Callable[[str], bool] = _is_yaml, kind: str | None = "a YAML dataset") -> list[tuple[str, str]]:  # fmt: skip
    """Every file under `under` (datasets/) that no gate reads (its path and what is wrong with it), whatever
    its name, extension or kind: a file that is never looked at would pass the gate unseen. A symlinked
    folder is never entered, so it is reported itself. With `kind` None, a file `accept` refuses (an image
    beside the drafts in articles/) is left alone; one whose name cannot be read is still reported."""
    strays = []
    for folder, dirs, files in os.walk(root / under, followlinks=False):
        dirs.sort()
        for name in dirs:
            path = Path(folder) / name
            if path.is_symlink():  # never entered: its files would pass under datasets/ unread
                strays.append(
                    (
                        shown_name(path.relative_to(root).as_posix()),
                        "this is a symlinked folder, whose files are never read",
                    )
                )
        for name in sorted(files):
            path = Path(folder) / name
            try:
                target = path.resolve()  # a gate reads a symlinked file as the file it names
            except (RuntimeError, OSError):
                target = path
            if target in read or path in read or path == root / LAYOUT.catalog:
                continue
            rel = shown_name(path.relative_to(root).as_posix())
            if not _readable_name(str(path)):
                strays.append((rel, "the file name is not UTF-8 text, so it is never read"))
            elif _dangling(path):
                strays.append((rel, "this symlink points to nothing"))
            elif accept(name):
                strays.append((rel, "no gate in checks/ reads this file"))
            elif kind is not None:
                strays.append((rel, f"this file is not {kind}"))
    return strays
