"""Safe YAML reading that remembers lines and refuses what pyyaml would silently accept.

pyyaml keeps the last of two equal keys and forgets where each node stood. Every finding must point at a
line, so mappings and sequences come back as `Mapping` / `Sequence`: plain dicts and lists that also know
their line and the line of each key or item. libyaml's C parser (when it is installed) composes the node
tree and pyyaml resolves the tags; a builder (`factcheck.reading._yamlbuild`) turns the tree into data, giving what pyyaml's safe
constructors would for the types it allows: no tag ever builds a Python object. Dates stay strings;
`factcheck.floor.spans` reads them, so that a day that does not exist gets a message about the day, not a traceback
from the YAML library.

YAML 1.1, which pyyaml implements, reads `017` as 15, `55:00` as 3300, `0x7EA` as 2026 and `no` as false,
where a reader (and YAML 1.2) sees something else. The builder's `number` is the one place where a scalar becomes
a number or a boolean: only the forms that mean the same to everyone do (decimal digits as JSON writes them,
`true`/`false`); any other is kept as its text and reported on its line, as is a figure too large for a float.
A mapping never loses a key without a problem either: a key written twice, merged (`<<`) from two blocks, or
a second `<<` are each reported (a key written in the mapping still overrides a merged one, by design).

The limits (`factcheck.reading.yamltree.Limits`, given to `read` and `parse`) bound the time and memory of a file, not
only its bytes: at most `nodes` nodes are composed (counted as they are, so a file of tiny values is refused
before its tree is built), and aliases may add at most `alias_expansion` values to what the file writes out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.floor import process
from factcheck.floor.errors import Problem
from factcheck.reading.yamltree import LIMITS, Limits, Mapping, Sequence, YamlError
from factcheck.rules import file_too_large, yaml_syntax

__all__ = ["Limits", "Mapping", "Sequence", "YamlError", "max_bytes", "parse", "read"]  # the types: the reader's

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The most FACTCHECK_MAX_FILE_BYTES may raise the limit to: a file is read whole, so the limit is also what
# one read may allocate, and a file of this size would take minutes to parse anyway.
MAX_BYTES_CEILING = 1024 * 1024 * 1024


def max_bytes() -> int:
    """The file size limit: FACTCHECK_MAX_FILE_BYTES when set, else 20 MiB; `ValueError` when it is not a size."""
    text = os.environ.get("FACTCHECK_MAX_FILE_BYTES", "").strip()
    if not text:
        return DEFAULT_MAX_BYTES
    # ASCII digits only: int() would also take "1_000" and digits of other scripts.
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= 20 else 0
    if not 0 < value <= MAX_BYTES_CEILING:
        raise ValueError(
            f"FACTCHECK_MAX_FILE_BYTES must be a whole number of bytes from 1 to {MAX_BYTES_CEILING:,} (1 GiB), "
            f"not {text[:40]!r}"
        )
    return value


def parse(text: str, limits: Limits = LIMITS) -> tuple[object, list[Problem]]:
    """Parse one YAML document; raise `YamlError` when it cannot be read as data."""
    from factcheck.reading import _yamlbuild  # libyaml's composer: only a command that reads YAML needs it

    loader = _yamlbuild._Loader(text, limits)
    with process.collector_paused():  # the tree is acyclic and kept (`factcheck.floor.process`)
        return _yamlbuild.build(loader, text)


def read(path: Path, limits: Limits = LIMITS, limit: int | None = None) -> tuple[object, list[Problem]]:
    """Read and parse a YAML file, refusing files too large (over `limit` bytes, by default `max_bytes()`),
    binary or not UTF-8 before parsing them."""
    limit = max_bytes() if limit is None else limit
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block the run or never end; git only ever checks out regular files.
        raise YamlError(Problem(yaml_syntax.ID, 1, "this is not a regular file", "datasets are plain text files"))
    with path.open("rb") as handle:
        # Read one byte past the limit, so a file that grows after stat() is still refused.
        raw = handle.read(limit + 1)
    if info.st_size > limit or len(raw) > limit:
        size = max(info.st_size, len(raw))
        raise YamlError(
            Problem(
                file_too_large.ID,
                1,
                f"the file is {size:,} bytes, above the limit of {limit:,}",
                "split it into several files, or raise FACTCHECK_MAX_FILE_BYTES",
            )
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlError(Problem(yaml_syntax.ID, line, "the file contains a NUL byte: it is not text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlError(Problem(yaml_syntax.ID, line, "the file is not UTF-8 text", "save it as UTF-8")) from None
    return parse(text, limits)
