"""What the YAML reader builds and the limits it reads a file within: located `Mapping` and `Sequence`,
`YamlError`, and `Limits`. Its own module, below the reader (`factcheck.reading.yamlfile`) and the builder
(`factcheck.reading._yamlbuild`), so that both use it and neither imports the other for it."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.floor.errors import Problem
from factcheck.rules import yaml_syntax


@dataclass(frozen=True)
class Limits:
    """What one YAML file may hold. The limits bound the time and memory of a file, not only its bytes."""

    depth: int = 50
    aliases: int = 1000
    # Nodes (keys, values and items) one file may hold. Composing costs time and memory for every node
    # whatever its bytes, so this, not the size limit, bounds the parse of a file of tiny values; the shipped
    # daily table of the General Staff holds a small part of it (docs/format.md gives the figures).
    nodes: int = 500_000
    # Values that aliases may add to what the file writes out: a shared source block used in every claim of
    # a large file stays below it, a "billion laughs" file (aliases of aliases) far above, whatever its aliases.
    alias_expansion: int = 50_000
    # Problems reported for one file: past them, a file is too broken to be worth reading on, and each costs
    # as much to report as a claim to check.
    problems: int = 1000


LIMITS = Limits()


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


class YamlError(Exception):
    """The file cannot be read as data at all; carries one `Problem`."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def refused(line: int, message: str, hint: str = "", check: str = yaml_syntax.ID) -> YamlError:
    """The error that refuses a file at `line` (a syntax problem unless `check` says otherwise)."""
    return YamlError(Problem(check, line, message, hint))
