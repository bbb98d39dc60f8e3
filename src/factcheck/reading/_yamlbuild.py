"""The inside of `factcheck.reading.yamlfile`: libyaml's composer with pyyaml's tag resolution (`_Loader`), the
builder that turns the composed tree into located data (`_Builder`), and the check that aliases do not
expand the data past the limit (`factcheck.reading.yamlaliases`). The types built and the limits enforced
(`factcheck.reading.yamltree`) are given to it: it does not import the reader that uses it."""

from __future__ import annotations

import math
import re
import sys

import yaml

from factcheck.floor.errors import Problem
from factcheck.floor.numbers import EXACT_DIGITS, INEXACT_HINT, inexact
from factcheck.reading.yamlaliases import check_expansion
from factcheck.reading.yamltree import Limits, Mapping, Sequence, YamlError, refused
from factcheck.rules import duplicate_key, file_too_large, schema

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml is missing only on unusual builds
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_ScalarNode, _MappingNode, _SequenceNode = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
# Keys that make `flatten_mapping` change a mapping: `<<` merges, `=` becomes a plain key.
_FLATTENED = frozenset((_MERGE, _VALUE))
# The safe constructors of the scalar types a dataset may hold, called only for what the fast paths below do
# not cover (for example an explicit `!!int 0x1F`, or `!!str` on a mapping), so that their answers stay pyyaml's.
_SAFE_SCALARS = {
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
    _BOOL: yaml.constructor.SafeConstructor.construct_yaml_bool,
    _INT: yaml.constructor.SafeConstructor.construct_yaml_int,
    _FLOAT: yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": yaml.constructor.SafeConstructor.construct_yaml_timestamp,
    _STR: yaml.constructor.SafeConstructor.construct_yaml_str,
}


def _implicit(first: str | None) -> tuple:
    # Dates and times stay text: factcheck.floor.spans reads partial dates and explains impossible ones.
    resolvers = _BaseLoader.yaml_implicit_resolvers.get(first, [])
    return tuple((tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp")


# pyyaml's patterns for the tag of a plain scalar, by its first character; _ANY_FIRST apply to all.
_ANY_FIRST = _implicit(None)
_IMPLICIT = {first: _implicit(first) + _ANY_FIRST for first in _BaseLoader.yaml_implicit_resolvers if first is not None}


class _Loader(_BaseLoader):
    """libyaml's composer with pyyaml's tag resolution, except timestamps, and at most `Limits.nodes` nodes."""

    __slots__ = ("limits", "nodes_left")  # slots, not the instance dict: the counter is touched for every node

    def __init__(self, stream: str, limits: Limits) -> None:
        super().__init__(stream)
        self.limits = limits
        self.nodes_left = limits.nodes

    def resolve(self, kind, value, implicit):
        # The composer calls this for every node it makes (not for aliases), so counting here refuses a file of
        # too many nodes before the rest of its tree exists.
        self.nodes_left -= 1
        if self.nodes_left < 0:
            raise refused(
                1,
                f"the file holds more than {self.limits.nodes:,} values (keys, values and list items)",
                "split it into several files; a series can go on in another file",
                check=file_too_large.ID,
            )
        # pyyaml's Resolver.resolve without its steps for path resolvers (none are registered) and list
        # concatenation: composing gets about a tenth faster.
        if kind is _ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _ANY_FIRST):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is _SequenceNode else _MAP


# Numbers as JSON writes them, in ASCII digits: the forms that a reader, YAML 1.1 and YAML 1.2 all read alike.
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
# Infinity and not-a-number mean the same in every YAML; the dataset schema refuses them with its own message.
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# An integer of at most `_FLOAT_DIGITS` digits always fits a float; one of more than `_MAX_DIGITS` characters
# never does, and is not worth converting (int() refuses thousands of digits).
_FLOAT_DIGITS = sys.float_info.max_10_exp
_MAX_DIGITS = _FLOAT_DIGITS + 2
# Reading a base-60 number costs a multiplication of ever larger integers per part: only short ones are read,
# and only to say what YAML 1.1 would have made of them.
_SHOWN_READING = 30
# Cosmetic variations of a decimal number (sign, leading zeros, `_`, a bare point), which the hint can undo.
_DECIMALISH = re.compile(r"[-+]?[0-9_]*\.?[0-9_]*")


def _plain(text: str) -> str:
    """`text` without what keeps a decimal number from being plain: `+`, `_`, leading zeros, a bare point."""
    sign = "-" if text.startswith("-") else ""
    whole, point, decimals = text.lstrip("+-").replace("_", "").partition(".")
    whole = whole.lstrip("0") or "0"
    decimals = decimals.rstrip("0")
    return sign + whole + ("." + decimals if point and decimals else "")


def _limit_error(node: yaml.Node, kind: str, limits: Limits) -> YamlError:
    if kind == "aliases":
        return refused(
            node.start_mark.line + 1,
            f"more than {limits.aliases} alias references (*name): refusing to expand them",
            "write the values out; anchors and aliases are meant for a few shared blocks",
        )
    return refused(
        node.start_mark.line + 1,
        f"data nested more than {limits.depth} levels deep",
        "a dataset needs only a few levels: claims, source, waivers",
    )


class _Builder:
    """Builds the data of a composed node tree: `Mapping`, `Sequence` and safe scalars, checking the limits.

    It gives what pyyaml's SafeConstructor would, with the same node memo for aliases, but reads text
    scalars, containers and plain integers directly instead of going through the constructor dispatch for
    every node. The root is at depth 1, and every node counts a level, scalars included.
    """

    __slots__ = ("aliases", "limits", "loader", "memo", "problems", "unreported")

    def __init__(self, loader: _Loader, shared: bool) -> None:
        self.loader = loader
        self.limits = loader.limits
        # Nodes can be reached twice only through an alias (or through the merged keys of an aliased
        # mapping); without an anchor, nothing needs remembering.
        self.memo: dict | None = {} if shared else None
        self.aliases = 0
        self.problems: list[Problem] = []
        self.unreported = (0, 0)  # how many problems past `Limits.problems`, and the line of the first

    def report(self, problem: Problem) -> None:
        if len(self.problems) < self.limits.problems:
            self.problems.append(problem)
        else:
            self.unlisted(problem.line)

    def unlisted(self, line: int) -> None:
        count, first = self.unreported
        self.unreported = (count + 1, first or line)

    def all_problems(self) -> list[Problem]:
        count, line = self.unreported
        if not count:
            return self.problems
        more = Problem(
            schema.ID,
            line,
            f"{count:,} more problems like the ones above, from this line on, are not listed",
            "fix the ones above first",
        )
        return [*self.problems, more]

    def value(self, node: yaml.Node, depth: int) -> object:
        memo = self.memo
        if memo is not None and node in memo:
            self.aliases += 1
            if self.aliases > self.limits.aliases:
                raise _limit_error(node, "aliases", self.limits)
            if depth > self.limits.depth:
                raise _limit_error(node, "depth", self.limits)
            return memo[node]
        if depth > self.limits.depth:
            raise _limit_error(node, "depth", self.limits)
        kind = node.__class__
        tag = node.tag
        if kind is _ScalarNode and tag == _STR:
            data = node.value
        elif kind is _MappingNode and tag == _MAP:
            data = self.mapping(node, depth)
        elif kind is _SequenceNode and tag == _SEQ:
            data = self.sequence(node, depth)
        else:
            data = self.tagged(node, tag)
        if memo is not None:
            memo[node] = data
        return data

    def mapping(self, node: yaml.MappingNode, depth: int) -> Mapping:
        mapping = Mapping()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = key_lines = {}
        pairs = node.value
        for key_node, _ in pairs:
            if key_node.tag in _FLATTENED:
                pairs = self.merge(node, mapping, depth + 1)
                break
        # The keys written in the mapping itself, which no later key may repeat. Merged keys (`<<: *base`)
        # come first, and a key written in the mapping overrides them by design.
        written = set() if mapping else mapping
        # Text scalars are read in place when no node can be shared and the children are within the limit.
        inline = self.memo is None and depth < self.limits.depth
        depth += 1
        value = self.value
        for key_node, value_node in pairs:
            # `=` is a plain key too (pyyaml's flatten_mapping makes it one).
            if (inline and key_node.tag == _STR and key_node.__class__ is _ScalarNode) or key_node.tag == _VALUE:
                key = key_node.value
            else:
                key = self.key(key_node, depth)
            line = key_node.start_mark.line + 1
            if key in written:
                self.report(
                    Problem(
                        duplicate_key.ID,
                        line,
                        f"key {key!r} appears twice in one mapping (first on line {key_lines[key]})",
                        "YAML keeps only the last one; delete or rename one of them",
                    )
                )
            if inline and value_node.tag == _STR and value_node.__class__ is _ScalarNode:
                mapping[key] = value_node.value
            else:
                mapping[key] = value(value_node, depth)
            key_lines[key] = line
            if written is not mapping:
                written.add(key)
        return mapping

    def merge(self, node: yaml.MappingNode, mapping: Mapping, depth: int) -> list[tuple[yaml.Node, yaml.Node]]:
        """Put into `mapping` the keys that the `<<` keys of `node` merge in; return the pairs written in it.

        The blocks are merged in pyyaml's order (of a list `<<: [*a, *b]`, the earlier wins), but a key that
        two blocks bring, or a second `<<`, is reported on the line of the `<<` instead of losing a value.
        """
        own = []
        blocks: list[tuple[int, Mapping]] = []  # (line of the `<<`, the block), in the order they apply
        first = 0
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE:
                own.append((key_node, value_node))
                continue
            line = key_node.start_mark.line + 1
            if first:
                self.report(
                    Problem(
                        duplicate_key.ID,
                        line,
                        f"a second merge key `<<` in one mapping (first on line {first})",
                        "merge several blocks with one key: `<<: [*a, *b]`",
                    )
                )
            first = first or line
            listed = value_node.__class__ is _SequenceNode
            for block in reversed(value_node.value) if listed else (value_node,):
                if block.__class__ is not _MappingNode:
                    expected = "a mapping" if listed else "a mapping or list of mappings"
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"expected {expected} for merging, but found {block.id}",
                        block.start_mark,
                    )
                built = self.value(block, depth)
                if isinstance(built, Mapping):
                    blocks.append((line, built))
        source: dict = {}  # merged key -> the block it came from
        for line, block in blocks:
            for key, value in block.items():
                earlier = source.get(key)
                if earlier is not None and earlier is not block:
                    self.report(
                        Problem(
                            duplicate_key.ID,
                            line,
                            f"key {key!r} is merged from two blocks (lines {earlier.line_of(key)} and "
                            f"{block.line_of(key)})",
                            "YAML keeps only one of them; remove it from one block, or write it in this mapping",
                        )
                    )
                source[key] = block
                mapping[key] = value
                mapping.key_lines[key] = block.line_of(key)
        return own

    def key(self, node: yaml.Node, depth: int) -> object:
        key = self.value(node, depth)
        try:
            hash(key)
        except TypeError:
            raise refused(
                node.start_mark.line + 1, "a mapping key must be a plain value, not a list or mapping"
            ) from None
        return key

    def sequence(self, node: yaml.SequenceNode, depth: int) -> Sequence:
        children = node.value
        value = self.value
        depth += 1
        if self.memo is None and depth <= self.limits.depth:
            items = [
                child.value if child.tag == _STR and child.__class__ is _ScalarNode else value(child, depth)
                for child in children
            ]
        else:
            items = [value(child, depth) for child in children]
        sequence = Sequence(items)
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [child.start_mark.line + 1 for child in children]
        return sequence

    def tagged(self, node: yaml.Node, tag: str) -> object:
        """Scalars other than text, and every node whose tag does not match its kind."""
        if node.__class__ is _ScalarNode and tag in _NUMBERS:
            return self.number(node, tag)
        constructor = _SAFE_SCALARS.get(tag)
        if constructor is not None:
            try:
                return constructor(self.loader, node)
            except (ValueError, LookupError, AttributeError):
                raise _unreadable(node, tag) from None
        if tag in (_MAP, _SEQ):
            if not node.value:  # `!!map` or `!!seq` on an empty value of another kind: an empty container
                empty = Mapping() if tag == _MAP else Sequence()
                empty.line = node.start_mark.line + 1
                if tag == _MAP:
                    empty.key_lines = {}
                else:
                    empty.item_lines = []
                return empty
            raise refused(
                node.start_mark.line + 1,
                f"the tag {tag!r} does not fit a {node.id}",
                "datasets are plain data: remove the tag",
            )
        raise refused(
            node.start_mark.line + 1, f"the tag {tag!r} is not allowed", "datasets are plain data: remove the tag"
        )

    def number(self, node: yaml.ScalarNode, tag: str) -> object:
        """The int, float or bool of a scalar written plainly; otherwise its text, and a problem on its line.

        The one place where YAML text becomes a number or a boolean, for implicit and explicit tags alike.
        """
        text = node.value
        if tag == _INT:
            if text.isascii() and text.isdigit() and text[0] != "0" and len(text) <= EXACT_DIGITS:
                return int(text)  # the common case, kept fast: most scalars of a dataset are plain counts
            if _PLAIN_INT.fullmatch(text):
                if len(text) <= _MAX_DIGITS and abs(value := int(text)) <= sys.float_info.max:
                    return value if (lost := inexact(text)) is None else self.refuse(node, text, lost, INEXACT_HINT)
                return self.refuse(node, text, f"{_shown(text)} is too large to be a number", _TOO_LARGE)
        elif tag == _FLOAT:
            if _PLAIN_FLOAT.fullmatch(text):
                value = float(text)
                if value in (_INF, -_INF):
                    return self.refuse(node, text, f"{_shown(text)} is too large to be a number", _TOO_LARGE)
                if value == 0 and _NONZERO.search(text.partition("e")[0].partition("E")[0]):
                    message = f"{_shown(text)} is too close to zero to be read as a number: it would become 0"
                    return self.refuse(node, text, message, _TOO_LARGE)
                return value if (lost := inexact(text)) is None else self.refuse(node, text, lost, INEXACT_HINT)
            if _NOT_FINITE.fullmatch(text):
                return _SAFE_SCALARS[_FLOAT](self.loader, node)
        elif text in _BOOLEANS:
            return _BOOLEANS[text]
        if len(self.problems) >= self.limits.problems:  # past the limit a problem is only counted: no need to word it
            self.unlisted(node.start_mark.line + 1)
            return text
        reading = None
        if len(text) <= _SHOWN_READING:
            try:
                reading = _SAFE_SCALARS[tag](self.loader, node)
            except (ValueError, LookupError, AttributeError):
                raise _unreadable(node, tag) from None
        if tag == _BOOL:
            said = f"YAML 1.1 reads it as {str(reading).lower()}, YAML 1.2 as text" if reading is not None else ""
            message = f"{_shown(text)} is not true or false as written" + (f": {said}" if said else "")
            return self.refuse(node, text, message, _hint("true or false", text))
        message = f"{_shown(text)} is not a plain decimal number"
        if reading is not None:
            message += f": YAML 1.1 reads it as {reading!r}"
        if _DECIMALISH.fullmatch(text) and any(c.isdigit() for c in text):
            plain = _plain(text)
        elif isinstance(reading, int) or (isinstance(reading, float) and math.isfinite(reading)):
            plain = repr(reading)
        else:
            plain = "the figure in decimal digits"
        return self.refuse(node, text, message, _hint(plain, text))

    def refuse(self, node: yaml.Node, text: str, message: str, hint: str) -> str:
        self.report(Problem(schema.ID, node.start_mark.line + 1, message, hint))
        return text


_NUMBERS = frozenset((_INT, _FLOAT, _BOOL))
_INF = float("inf")
_NONZERO = re.compile("[1-9]")
_TOO_LARGE = "a figure is a count or a share: check its digits"


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:37] + "...") + f" ({len(text):,} characters)"


def _hint(plain: str, text: str) -> str:
    quoted = f" ({text!r})" if len(text) <= 40 else ""
    return f"write {plain}, or put it in quotes{quoted} if it is text"


def _unreadable(node: yaml.Node, tag: str) -> YamlError:
    # pyyaml's own converters fail on these (`!!int abc`, `0x_`, `!!bool maybe`): say so.
    value = node.value
    shown = repr(value) if isinstance(value, str) else "this value"
    return refused(
        node.start_mark.line + 1,
        f"{shown[:80]} cannot be read as !!{tag.rpartition(':')[2]}",
        "write it as plain text or a plain number, without a tag",
    )


def _mark_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def build(loader: _Loader, text: str) -> tuple[object, list[Problem]]:
    try:
        if not loader.check_node():
            return None, []
        node = loader.get_node()
        shared = "&" in text  # an alias needs an anchor (`&name`): without one, no node is reached twice
        if shared:
            check_expansion(node, loader.limits.alias_expansion)
        builder = _Builder(loader, shared)
        data = builder.value(node, 1)
        if loader.check_node():
            raise refused(
                loader.get_node().start_mark.line + 1,
                "the file holds more than one YAML document (a second `---`)",
                "keep one document per file",
            )
    except yaml.reader.ReaderError as error:
        # Raised before any token exists, so it carries a character position instead of a line.
        line = text[: error.position].count("\n") + 1
        message = f"the file contains the control character U+{error.character:04X}, which YAML does not allow"
        raise refused(line, message, "delete it, or write it as an escape in a quoted string") from None
    except yaml.YAMLError as error:
        reason = getattr(error, "problem", None) or str(error)
        line = _mark_line(error)
        lines = text.splitlines()
        hint = ""
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            hint = "YAML does not allow tab characters: indent with spaces"
        raise refused(line, f"YAML syntax error: {reason}", hint) from None
    except RecursionError:
        raise refused(1, "data nested too deeply to read", "flatten the structure") from None
    finally:
        loader.dispose()
    return data, builder.all_problems()
