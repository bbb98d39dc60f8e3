"""Safe YAML reading that remembers lines and refuses what pyyaml would silently accept.

pyyaml keeps the last of two equal keys and forgets where each node stood. Every finding must point at a
line, so mappings and sequences come back as `Mapping` / `Sequence`: plain dicts and lists that also know
their line and the line of each key or item. Only the safe constructors run (libyaml's C parser when it is
installed): no tag ever builds a Python object. Dates stay strings; `factcheck.dates` reads them, so that a
day that does not exist gets a message about the day, not a traceback from the YAML library.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml is missing only on unusual builds
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = int(os.environ.get("FACTCHECK_MAX_FILE_BYTES", 20 * 1024 * 1024))
MAX_DEPTH = 50
MAX_ALIASES = 1000


class Mapping(dict):
    """A dict from YAML, with the line of the mapping and of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: object) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list from YAML, with its line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class Problem:
    """Something wrong in a YAML file, located for people: a finding in the making."""

    check: str
    line: int
    message: str
    hint: str = ""


class YamlError(Exception):
    """The file cannot be read as data at all; carries one `Problem`."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


class _Loader(_BaseLoader):
    """The safe loader with line-keeping containers, duplicate-key detection and size limits."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.problems: list[Problem] = []
        self._depth = 0
        self._aliases = 0

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise YamlError(
                    Problem(
                        "yaml-syntax",
                        node.start_mark.line + 1,
                        f"more than {MAX_ALIASES} alias references (*name): refusing to expand them",
                        "write the values out; anchors and aliases are meant for a few shared blocks",
                    )
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlError(
                    Problem(
                        "yaml-syntax",
                        node.start_mark.line + 1,
                        f"data nested more than {MAX_DEPTH} levels deep",
                        "a dataset needs only a few levels: claims, source, waivers",
                    )
                )
            return super().construct_object(node, deep=deep)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise YamlError(
                Problem("yaml-syntax", line, "a mapping key must be a plain value, not a list or mapping")
            ) from None
        if key in mapping.key_lines:
            loader.problems.append(
                Problem(
                    "duplicate-key",
                    line,
                    f"key {key!r} appears twice in one mapping (first on line {mapping.key_lines[key]})",
                    "YAML keeps only the last one; delete or rename one of them",
                )
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    sequence = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


def _construct_undefined(loader: _Loader, node: yaml.Node) -> None:
    raise YamlError(
        Problem(
            "yaml-syntax",
            node.start_mark.line + 1,
            f"the tag {node.tag!r} is not allowed",
            "datasets are plain data: remove the tag",
        )
    )


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:omap", _construct_undefined)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_Loader.add_constructor(None, _construct_undefined)
# Dates and times stay text: factcheck.dates reads partial dates and explains impossible ones.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _mark_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def parse(text: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; raise `YamlError` when it cannot be read as data."""
    loader = _Loader(text)
    try:
        if not loader.check_node():
            return None, loader.problems
        data = loader.construct_document(loader.get_node())
        if loader.check_node():
            raise YamlError(
                Problem(
                    "yaml-syntax",
                    loader.get_node().start_mark.line + 1,
                    "the file holds more than one YAML document (a second `---`)",
                    "keep one document per file",
                )
            )
    except yaml.YAMLError as error:
        reason = getattr(error, "problem", None) or str(error)
        line = _mark_line(error)
        lines = text.splitlines()
        hint = ""
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            hint = "YAML does not allow tab characters: indent with spaces"
        raise YamlError(Problem("yaml-syntax", line, f"YAML syntax error: {reason}", hint)) from None
    except RecursionError:
        raise YamlError(Problem("yaml-syntax", 1, "data nested too deeply to read", "flatten the structure")) from None
    finally:
        loader.dispose()
    return data, loader.problems


def read(path: Path) -> tuple[object, list[Problem]]:
    """Read and parse a YAML file, refusing files too large, binary or not UTF-8 before parsing them."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlError(
            Problem(
                "file-too-large",
                1,
                f"the file is {size:,} bytes, above the limit of {MAX_BYTES:,}",
                "split it into several files, or raise FACTCHECK_MAX_FILE_BYTES",
            )
        )
    raw = path.read_bytes()
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlError(Problem("yaml-syntax", line, "the file contains a NUL byte: it is not text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlError(Problem("yaml-syntax", line, "the file is not UTF-8 text", "save it as UTF-8")) from None
    return parse(text)
