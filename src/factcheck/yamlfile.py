"""Safe YAML reading that remembers lines and refuses what pyyaml would silently accept.

pyyaml keeps the last of two equal keys and forgets where each node stood. Every finding must point at a
line, so mappings and sequences come back as `Mapping` / `Sequence`: plain dicts and lists that also know
their line and the line of each key or item. Only the safe constructors run (libyaml's C parser when it is
installed): no tag ever builds a Python object. Dates stay strings; `factcheck.dates` reads them, so that a
day that does not exist gets a message about the day, not a traceback from the YAML library.
"""

from __future__ import annotations

import gc
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml is missing only on unusual builds
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 50
MAX_ALIASES = 1000
# Values that aliases would add if the data were written out: a few shared blocks stay far below it, a
# "billion laughs" file (aliases of aliases) far above, whatever the number of aliases.
MAX_ALIAS_EXPANSION = 1_000_000


def max_bytes() -> int:
    """The file size limit: FACTCHECK_MAX_FILE_BYTES when set, else 20 MiB; `ValueError` when it is not a size."""
    text = os.environ.get("FACTCHECK_MAX_FILE_BYTES", "").strip()
    if not text:
        return DEFAULT_MAX_BYTES
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise ValueError(f"FACTCHECK_MAX_FILE_BYTES must be a positive whole number of bytes, not {text[:40]!r}")
    return value


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
    own = sum(key_node.tag != "tag:yaml.org,2002:merge" for key_node, _ in node.value)
    loader.flatten_mapping(node)
    # Merged keys (`<<: *base`) come first; a key written in the mapping itself overrides them by design.
    merged = len(node.value) - own
    written: set = set()
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise YamlError(
                Problem("yaml-syntax", line, "a mapping key must be a plain value, not a list or mapping")
            ) from None
        if key in written:
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
        if index >= merged:
            written.add(key)
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
for _tag in ("omap", "pairs", "set", "binary"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _construct_undefined)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_Loader.add_constructor(None, _construct_undefined)
# Dates and times stay text: factcheck.dates reads partial dates and explains impossible ones.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse aliases that would expand the data beyond `MAX_ALIAS_EXPANSION` values, or into itself.

    The node graph shares aliased nodes, so this costs one pass over the distinct nodes; it runs before any
    Python object is built and without recursion (libyaml allows 1000 levels of nesting).
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise YamlError(
                Problem(
                    "yaml-syntax",
                    node.start_mark.line + 1,
                    "an alias refers to the block that contains it: the data would never end",
                    "write the values out",
                )
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    expansion = sizes[id(root)] - len(sizes)
    if expansion > MAX_ALIAS_EXPANSION:
        node = root
        while (bigger := [c for c in _children(node) if sizes[id(c)] > MAX_ALIAS_EXPANSION]) and bigger[0] is not node:
            node = bigger[0]
        raise YamlError(
            Problem(
                "yaml-syntax",
                node.start_mark.line + 1,
                f"aliases (*name) here would expand the data to {sizes[id(root)]:,} values, "
                f"above the limit of {MAX_ALIAS_EXPANSION:,}",
                "write the values out; anchors and aliases are meant for a few shared blocks",
            )
        )


def _mark_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def parse(text: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; raise `YamlError` when it cannot be read as data."""
    loader = _Loader(text)
    # The tree is acyclic and kept: the cyclic collector would only re-walk every node built so far, over
    # and over, which made parsing a large project superlinear.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if not loader.check_node():
            return None, loader.problems
        node = loader.get_node()
        if "&" in text:  # an alias needs an anchor (`&name`): without one there is nothing to expand
            _check_expansion(node)
        data = loader.construct_document(node)
        if loader.check_node():
            raise YamlError(
                Problem(
                    "yaml-syntax",
                    loader.get_node().start_mark.line + 1,
                    "the file holds more than one YAML document (a second `---`)",
                    "keep one document per file",
                )
            )
    except yaml.reader.ReaderError as error:
        # Raised before any token exists, so it carries a character position instead of a line.
        line = text[: error.position].count("\n") + 1
        message = f"the file contains the control character U+{error.character:04X}, which YAML does not allow"
        raise YamlError(
            Problem("yaml-syntax", line, message, "delete it, or write it as an escape in a quoted string")
        ) from None
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
        if collecting:
            gc.enable()
    return data, loader.problems


def read(path: Path) -> tuple[object, list[Problem]]:
    """Read and parse a YAML file, refusing files too large, binary or not UTF-8 before parsing them."""
    limit = max_bytes()
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block the run or never end; git only ever checks out regular files.
        raise YamlError(Problem("yaml-syntax", 1, "this is not a regular file", "datasets are plain text files"))
    with path.open("rb") as handle:
        # Read one byte past the limit, so a file that grows after stat() is still refused.
        raw = handle.read(limit + 1)
    if info.st_size > limit or len(raw) > limit:
        size = max(info.st_size, len(raw))
        raise YamlError(
            Problem(
                "file-too-large",
                1,
                f"the file is {size:,} bytes, above the limit of {limit:,}",
                "split it into several files, or raise FACTCHECK_MAX_FILE_BYTES",
            )
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlError(Problem("yaml-syntax", line, "the file contains a NUL byte: it is not text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlError(Problem("yaml-syntax", line, "the file is not UTF-8 text", "save it as UTF-8")) from None
    return parse(text)
