"""The loader's own builder gives exactly what pyyaml's constructor machinery gave, on every input.

`yamlfile.parse` builds `Mapping` / `Sequence` / scalars straight from the composed node tree. The reference
below is the loader as it was before that builder: pyyaml's SafeConstructor driven through
`construct_document`, with the same limits and duplicate-key detection. Each input goes through both; values,
types, lines, shared (aliased) objects, problems and errors must agree. The one intended difference: where the
reference crashed with a Python exception (`!!int abc`, `a: 0x_`, `!!map [1]`), the loader now reports a
located YamlError. The reference reads numbers and booleans with the loader's own rule (`_Builder.number`:
YAML 1.1 conversions of forms other than plain decimal are refused on purpose, and tested on their own), and
applies the loader's rules for keys lost in merges, so that what is compared is everything else.
"""

from __future__ import annotations

import gc
import math
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.floor.errors import Problem
from factcheck.reading import _yamlbuild, yamlfile
from factcheck.reading._yamlbuild import _mark_line
from factcheck.reading.yamlaliases import check_expansion
from factcheck.reading.yamltree import LIMITS, Limits, Mapping, Sequence, YamlError

REPO = Path(__file__).resolve().parents[1]

# --- the reference: the loader before its own builder ------------------------------------------------------


class _ReferenceLoader(yaml.CSafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.limits = LIMITS
        self.problems: list[Problem] = []
        self._depth = 0
        self._aliases = 0

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            self._aliases += 1
            if self._aliases > LIMITS.aliases:
                raise YamlError(
                    Problem(
                        "yaml-syntax",
                        node.start_mark.line + 1,
                        f"more than {LIMITS.aliases} alias references (*name): refusing to expand them",
                        "write the values out; anchors and aliases are meant for a few shared blocks",
                    )
                )
        self._depth += 1
        try:
            if self._depth > LIMITS.depth:
                raise YamlError(
                    Problem(
                        "yaml-syntax",
                        node.start_mark.line + 1,
                        f"data nested more than {LIMITS.depth} levels deep",
                        "a dataset needs only a few levels: claims, source, waivers",
                    )
                )
            return super().construct_object(node, deep=deep)
        finally:
            self._depth -= 1


def _reference_mapping(loader, node):
    """pyyaml's construct_mapping and flatten_mapping, with the loader's rules for keys that would be lost."""
    blocks, own, merges = [], [], []
    for key_node, value_node in node.value:
        if key_node.tag != "tag:yaml.org,2002:merge":
            if key_node.tag == "tag:yaml.org,2002:value":
                key_node.tag = "tag:yaml.org,2002:str"
            own.append((key_node, value_node))
            continue
        line = key_node.start_mark.line + 1
        if merges:
            loader.problems.append(
                Problem(
                    "duplicate-key",
                    line,
                    f"a second merge key `<<` in one mapping (first on line {merges[0]})",
                    "merge several blocks with one key: `<<: [*a, *b]`",
                )
            )
        merges.append(line)
        listed = isinstance(value_node, yaml.SequenceNode)
        for block in reversed(value_node.value) if listed else [value_node]:
            if not isinstance(block, yaml.MappingNode):
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"expected {'a mapping' if listed else 'a mapping or list of mappings'} for merging, "
                    f"but found {block.id}",
                    block.start_mark,
                )
            blocks.append((line, loader.construct_object(block, deep=True)))
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    came_from: dict = {}
    for line, block in blocks:
        if not isinstance(block, Mapping):
            continue
        for key, value in block.items():
            if key in came_from and came_from[key] is not block:
                loader.problems.append(
                    Problem(
                        "duplicate-key",
                        line,
                        f"key {key!r} is merged from two blocks (lines {came_from[key].line_of(key)} and "
                        f"{block.line_of(key)})",
                        "YAML keeps only one of them; remove it from one block, or write it in this mapping",
                    )
                )
            came_from[key] = block
            mapping[key] = value
            mapping.key_lines[key] = block.line_of(key)
    written: set = set()
    for key_node, value_node in own:
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
        written.add(key)
    return mapping


def _reference_number(loader, node):
    """Numbers and booleans by the loader's own rule (tested on its own below), built through pyyaml's machinery."""
    if not isinstance(node, yaml.ScalarNode):
        return _PYYAML_SCALARS[node.tag](loader, node)
    builder = _yamlbuild._Builder(loader, False)
    value = builder.number(node, node.tag)
    loader.problems += builder.problems
    return value


_PYYAML_SCALARS = {
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
}


def _reference_sequence(loader, node):
    sequence = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


def _reference_undefined(loader, node):
    raise YamlError(
        Problem(
            "yaml-syntax",
            node.start_mark.line + 1,
            f"the tag {node.tag!r} is not allowed",
            "datasets are plain data: remove the tag",
        )
    )


_ReferenceLoader.add_constructor("tag:yaml.org,2002:map", _reference_mapping)
for _tag in _PYYAML_SCALARS:
    _ReferenceLoader.add_constructor(_tag, _reference_number)
for _tag in ("omap", "pairs", "set", "binary"):
    _ReferenceLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _reference_undefined)
_ReferenceLoader.add_constructor("tag:yaml.org,2002:seq", _reference_sequence)
_ReferenceLoader.add_constructor(None, _reference_undefined)
_ReferenceLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def reference_parse(text: str) -> tuple[object, list[Problem]]:
    loader = _ReferenceLoader(text)
    collecting = gc.isenabled()
    gc.disable()
    try:
        if not loader.check_node():
            return None, loader.problems
        node = loader.get_node()
        if "&" in text:
            check_expansion(node, LIMITS.alias_expansion)
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


# --- comparing the two ----------------------------------------------------------------------------------------


def describe(data: object) -> object:
    """Everything observable about parsed data: types, values, lines, and which containers are one object."""
    seen: dict[int, int] = {}

    def walk(value: object) -> object:
        if isinstance(value, (Mapping, Sequence)):
            if id(value) in seen:
                return ("same object as", seen[id(value)])
            seen[id(value)] = len(seen)
            if isinstance(value, Mapping):
                items = [(walk(k), walk(v)) for k, v in value.items()]
                lines = [(walk(k), line) for k, line in value.key_lines.items()]
                return ("Mapping", value.line, lines, items)
            return ("Sequence", value.line, list(value.item_lines), [walk(v) for v in value])
        assert not isinstance(value, (dict, list)), f"a plain {type(value).__name__} escaped: {value!r}"
        if isinstance(value, float) and math.isnan(value):
            return (float, "nan")
        return (type(value), repr(value))

    return walk(data)


def outcome(parse, text: str) -> tuple:
    try:
        data, problems = parse(text)
    except YamlError as error:
        return ("YamlError", error.problem)
    except Exception as error:  # the reference's crashes are compared too
        return ("crash", type(error).__name__)
    return ("data", describe(data), problems)


def assert_same(text: str) -> tuple:
    expected = outcome(reference_parse, text)
    actual = outcome(yamlfile.parse, text)
    assert actual[0] != "crash", f"the loader crashed on {text!r}: {actual}"
    if expected[0] == "crash":
        # The reference died with a traceback; the loader must say what is wrong, where.
        assert actual[0] == "YamlError", text
        assert actual[1].check == "yaml-syntax" and actual[1].line >= 1
    else:
        assert actual == expected, text
    return actual


# --- fixed cases ----------------------------------------------------------------------------------------------

# fmt: off
SCALARS = [
    # YAML 1.1 integers
    "0", "-0", "+12", "012", "0o17", "08", "0x1F", "-0x1f", "0b1010", "1_000", "1:30", "-1:30:00", "190:20:30",
    "0b_", "0x_", "0_", "1__2", "99999999999999999999999",
    # floats
    "1.5", "-1.5", "3.", ".5", "1e3", "1.0e+3", "6.8523015e+5", "1_000.5", "190:20:30.15", ".inf", "-.Inf",
    "+.INF", ".nan", ".NaN", "._", "1.0e3",
    # booleans and null
    "yes", "No", "ON", "off", "y", "n", "Y", "true", "False", "TRUE", "~", "null", "Null", "NULL", "",
    # dates and times stay text
    "2022-02-24", "2022-2-4", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2022-02-30", "12:30",
    # text that looks like something else
    "<<", "=", "<a", "=b", "a b", "-", "0o", "1 000", "1,000", "€5", "é", "日本語", "🙂", "nul", "yess", "truefalse",
    # quoted forms and escapes
    '"1"', "'yes'", '"~"', '""', "''", '"\\u00e9\\t\\n"', "'it''s'", '"a\\\nb"',
    # explicit tags
    "!!int 3", "!!int 0x1F", "!!int '1:30'", "!!int abc", "!!int", "!!int ''", "!!int ²", "!!int ٣",
    "!!float 1", "!!float 1e3", "!!float x", "!!float", "!!float infinity", "!!bool yes", "!!bool maybe",
    "!!bool", "!!null x", "!!null", "!!str 3", "!!str", "!!str yes", "!!timestamp 2022-01-01",
    "!!timestamp 2022-01-01 10:00:00", "!!timestamp foo", "!!timestamp 2022-02-30", "!!binary aGVsbG8=",
    "!!python/object:os.system x", "!!python/name:os.system", "!custom x", "! 3", "! yes",
    "!<tag:yaml.org,2002:int> 3", "!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]", "!!merge x", "!!value x",
    "!!map", "!!map []", "!!map [1]", "!!map x", "!!seq", "!!seq {}", "!!seq {a: 1}", "!!seq x",
    "!!str {a: 1}", "!!str {=: x}", "!!int {=: '5'}", "!!int [1]", "!!null {a: 1}",
]
# fmt: on


@pytest.mark.parametrize("scalar", SCALARS)
@pytest.mark.parametrize("place", ["value", "key", "item", "root"])
def test_every_scalar_form_is_read_as_before(scalar, place):
    text = {
        "value": f"a: {scalar}\nb: 1\n",
        "key": f"{scalar}: 1\nz: 2\n",
        "item": f"- {scalar}\n- 1\n",
        "root": f"{scalar}\n",
    }[place]
    assert_same(text)


# fmt: off
PLAIN_FORMS = {
    "0": 0, "-0": 0, "17": 17, "-12": -12, "12345678901234567168": 12345678901234567168, "12.5": 12.5,
    "-0.25": -0.25, "1.0e+5": 100000.0, "6.8523015e+5": 685230.15, "true": True, "False": False, "TRUE": True,
    "!!int 3": 3, "!!float 1": 1.0, "!!float 1e3": 1000.0, "!!bool true": True, "~": None, "": None,
    # text in YAML 1.1 already, and read as text by everyone
    "1e5": "1e5", "0o17": "0o17", "08": "08", "y": "y", "n": "n", "2022-02-24": "2022-02-24",
}
# form: (the YAML 1.1 reading the message names, what the hint says to write)
MISREAD_FORMS = {
    "017": ("15", "write 17, or put it in quotes ('017') if it is text"),
    "-017": ("-15", "write -17,"),
    "0x1F": ("31", "write 31,"),
    "0b101": ("5", "write 5,"),
    "55:00": ("3300", "write 3300,"),
    "190:20:30.15": ("685230.15", "write 685230.15,"),
    "1_000": ("1000", "write 1000,"),
    "+5": ("5", "write 5,"),
    ".5": ("0.5", "write 0.5,"),
    "3.": ("3.0", "write 3,"),
    "1_000.50": ("1000.5", "write 1000.5,"),
    "yes": ("true", "write true or false, or put it in quotes ('yes') if it is text"),
    "No": ("false", "write true or false,"),
    "on": ("true", "write true or false,"),
    "OFF": ("false", "write true or false,"),
    "!!int 0x1F": ("31", "write 31,"),
    "!!int '017'": ("15", "write 17,"),
    "!!int \u0663": ("3", "write 3,"),
    "!!float \u0663.5": ("3.5", "write 3.5,"),
    "!!float infinity": ("inf", "write the figure in decimal digits,"),
    "!!bool yes": ("true", "write true or false,"),
}
# fmt: on


@pytest.mark.parametrize("form", list(PLAIN_FORMS))
def test_numbers_and_booleans_written_plainly_are_read_without_a_problem(form):
    data, problems = yamlfile.parse(f"a: {form}\n")
    assert problems == []
    assert data["a"] == PLAIN_FORMS[form] and type(data["a"]) is type(PLAIN_FORMS[form])


@pytest.mark.parametrize("form", list(MISREAD_FORMS))
@pytest.mark.parametrize("place", ["value", "item", "key"])
def test_a_number_or_boolean_yaml_1_1_would_convert_is_kept_as_text_with_a_problem_on_its_line(form, place):
    # YAML 1.1 (pyyaml) read all of these as numbers or booleans without a word; the loader refuses on purpose.
    text = form.encode().decode("unicode_escape") if "\\u" in form else form
    document = {"value": f"x: 1\na: {text}\n", "item": f"x: 1\na:\n  - {text}\n", "key": f"x: 1\n{text}: 1\n"}
    data, problems = yamlfile.parse(document[place])
    written = text.split(" ", 1)[1].strip("'") if text.startswith("!!") else text
    reading, hint = MISREAD_FORMS[form]
    expected = {"value": {"x": 1, "a": written}, "item": {"x": 1, "a": [written]}, "key": {"x": 1, written: 1}}
    assert data == expected[place]
    (problem,) = problems
    assert problem.check == "schema"
    assert problem.line == (3 if place == "item" else 2)
    assert f"reads it as {reading}" in problem.message
    assert problem.hint.startswith(hint)


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ("9" * 400, "(400 characters) is too large to be a number"),
        ("1" + "0" * 309, "is too large to be a number"),
        ("9" * 309, "is too large to be a number"),
        ("-" + "9" * 309, "is too large to be a number"),
        ("1.0e+400", "'1.0e+400' is too large to be a number"),
        ("-1.5e+309", "is too large to be a number"),
        ("1.0e-400", "too close to zero to be read as a number"),
        ("9" * 5000, "(5,000 characters) is too large"),
    ],
)
def test_a_number_too_large_for_a_float_is_kept_as_text_with_a_problem(form, message):
    data, problems = yamlfile.parse(f"a: {form}\n")
    assert data == {"a": form}
    assert [(p.check, p.line) for p in problems] == [("schema", 1)]
    assert message in problems[0].message
    assert problems[0].hint == "a figure is a count or a share: check its digits"


def test_the_largest_number_a_float_holds_is_still_a_number():
    largest = str(int(sys.float_info.max))
    data, problems = yamlfile.parse(f"a: {largest}\nb: -1.7e+308\n")
    assert problems == [] and data == {"a": int(largest), "b": -1.7e308}


def test_a_base_60_number_of_many_parts_is_refused_without_reading_it():
    # Reading it would multiply ever larger integers, once per part; it is refused from its text.
    form = "1:" + ":".join(["59"] * 50_000)
    data, problems = yamlfile.parse(f"a: {form}\n")
    assert data == {"a": form}
    assert "is not a plain decimal number" in problems[0].message
    assert "reads it as" not in problems[0].message


def test_problems_past_the_limit_are_counted_in_one_more():
    data, problems = yamlfile.parse("a: [yes, 017, on, off, 0x1]\nb:\n  - no\n", Limits(problems=3))
    assert data == {"a": ["yes", "017", "on", "off", "0x1"], "b": ["no"]}
    assert len(problems) == 4
    assert problems[-1] == Problem(
        "schema",
        1,
        "3 more problems like the ones above, from this line on, are not listed",
        "fix the ones above first",
    )


def test_a_tag_that_pyyaml_cannot_convert_is_a_located_problem():
    with pytest.raises(YamlError) as raised:
        yamlfile.parse("a: 1\nb: !!int abc\n")
    assert raised.value.problem == Problem(
        "yaml-syntax", 2, "'abc' cannot be read as !!int", "write it as plain text or a plain number, without a tag"
    )
    with pytest.raises(YamlError) as raised:
        yamlfile.parse("a:\n  - 1\n  - 0x_\n")
    assert raised.value.problem.line == 3
    with pytest.raises(YamlError) as raised:
        yamlfile.parse("a: !!map [1]\n")
    assert "does not fit a sequence" in raised.value.problem.message


DOCUMENTS = {
    "empty": "",
    "only a comment": "# nothing here\n",
    "explicit empty document": "---\n",
    "document end": "a: 1\n...\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "comments everywhere": "# head\na: 1  # one\n# middle\nb:   # two\n  - x  # item\n",
    "multi-line strings": "a: |\n  one\n  two\nb: >-\n  folded\n  text\nc: 'single\n  quoted'\nd: plain\n  continued\n",
    "unicode": "名前: 日本語\nemoji: 🙂\n\"é\": 'é'\n",
    "flow": "{a: [1, 2, {b: c}], d: {e: f}, g: []}\n",
    "nested block": "a:\n  b:\n    - c: 1\n      d: [x, y]\n    - - 1\n      - 2\n",
    "complex keys": "? [1, 2]\n: x\n",
    "mapping key": "? {a: 1}\n: x\n",
    "null key": "~: 1\nnull: 2\n",
    "numeric keys": "1: a\n0x1: b\ntrue: c\n1.0: d\n",
    "duplicate keys": "a: 1\nb: 2\na: 3\nb: 4\na: 5\n",
    "duplicates by value": "1: a\n0x1: b\n01: c\n1.0: d\ntrue: e\n",
    "duplicate nan": ".nan: a\n.NaN: b\n",
    "nested duplicates first": "a:\n  x: 1\n  x: 2\nb: 1\nb: 2\n",
    "merge": "base: &b\n  x: 1\n  y: 2\nc:\n  <<: *b\n  y: 3\n  z: 4\n",
    "merge list": "a: &a {x: 1, k: a}\nb: &b {y: 2, k: b}\nc:\n  <<: [*a, *b]\n  z: 3\n",
    "merge one-letter keys": "a: &a {x: 1}\nb: &b {x: 2}\nc: {<<: [*a, *b]}\n",
    "merge long keys": "a: &a {xx: 1}\nb: &b {xx: 2}\nc: {<<: [*a, *b]}\n",
    "merge then duplicate": "a: &a {x: 1}\nc:\n  <<: *a\n  x: 2\n  x: 3\n",
    "merge twice": "a: &a {x: 1}\nb: &b {y: 1}\nc:\n  <<: *a\n  <<: *b\n",
    "merge inline": "c:\n  <<: {x: 1, y: 2}\n  y: 3\n",
    "merge of a merge": "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\nd: *b\n",
    "merge mutates the anchor": "x:\n  <<: &b\n    a: 1\n    <<: {c: 2, a: 0}\n  d: 3\ny: *b\n",
    "merged duplicate then alias": "x:\n  <<: &b {<<: {c: 2}, c: 3}\ny: *b\n",
    "merge scalar": "a: {<<: 1}\n",
    "merge list of scalars": "a: {<<: [1]}\n",
    "merge key as value": "a: <<\n",
    "merge key in list": "- <<\n",
    "explicit merge tag": "!!merge a: {b: 1}\n",
    "value key": "=: 1\nb: 2\n",
    "value key twice": "=: 1\n=: 2\n",
    "value as value": "a: =\n",
    "aliases of scalars": "a: &v 5\nb: *v\nc: [*v, *v]\n*v : key\n",
    "alias of a sequence": "a: &s [1, 2]\nb: *s\nc: {d: *s}\n",
    "alias of a mapping": "a: &m {x: 1}\nb: *m\nc: [*m]\n",
    "alias as key": "a: &k key\n*k : 2\n",
    "alias of a mapping as key": "a: &m {x: 1}\n? *m\n: 2\n",
    "anchor without alias": "a: &m {x: 1, x: 2}\n",
    "undefined alias": "a: *nope\n",
    "recursive alias": "a: &r [1, *r]\n",
    "duplicate anchor": "a: &x 1\nb: &x 2\nc: *x\n",
    "ampersand in text only": "a: 'b & c'\nb: x&y\n",
    "tab indent": "a:\n\tb: 1\n",
    "bad indent": "a: 1\n  b: 2\n",
    "unclosed flow": "a: [1, 2\n",
    "unclosed quote": 'a: "abc\n',
    "control character": "a: \x07\n",
    "byte order mark": "\ufeffa: 1\n",
    "%TAG directive": "%TAG !m! tag:yaml.org,2002:\n---\na: !m!int 3\nb: !m!str 4\nc: !m!python/object x\n",
    "%YAML directive": "%YAML 1.1\n---\na: 1\n",
    "anchored root": "&r {a: 1}\n",
    "alias at the root": "*a\n",
}


@pytest.mark.parametrize("text", list(DOCUMENTS.values()), ids=list(DOCUMENTS))
def test_each_document_is_read_as_before(text):
    assert_same(text)


def nested(levels: int, leaf: str = "1", flow: bool = False) -> str:
    if flow:
        return "{a: " * (levels - 1) + leaf + "}" * (levels - 1)
    return "".join("  " * i + "a:\n" for i in range(levels - 2)) + "  " * (levels - 2) + f"a: {leaf}\n"


@pytest.mark.parametrize("levels", [LIMITS.depth - 1, LIMITS.depth, LIMITS.depth + 1, LIMITS.depth + 5, 900])
@pytest.mark.parametrize("form", ["block", "flow", "sequence", "empty at the end", "alias at the end"])
def test_nesting_at_the_depth_limit_is_treated_as_before(levels, form):
    text = {
        "block": nested(levels),
        "flow": nested(levels, flow=True),
        "sequence": "[" * (levels - 1) + "1" + "]" * (levels - 1),
        "empty at the end": nested(levels, "{}", flow=True),
        # the alias is the only node at the deepest level
        "alias at the end": "x: &v 1\ny: " + "[" * (levels - 2) + "*v" + "]" * (levels - 2),
    }[form]
    result = assert_same(text)
    if levels > LIMITS.depth + 1 and form != "empty at the end":
        assert result[0] == "YamlError" and "levels deep" in result[1].message


@pytest.mark.parametrize("count", [LIMITS.aliases - 1, LIMITS.aliases, LIMITS.aliases + 1])
@pytest.mark.parametrize("target", ["1", "[1]", "{x: 1}"])
def test_alias_counts_at_the_limit_are_treated_as_before(count, target):
    text = f"a: &v {target}\nb: [" + ", ".join(["*v"] * count) + "]\n"
    assert_same(text)


def test_a_merged_block_counts_as_one_alias_and_its_keys_towards_the_expansion_limit():
    keys = ", ".join(f"k{i}: {i}" for i in range(400))
    text = f"a: &v {{{keys}}}\nb: {{<<: *v}}\nc: {{<<: *v}}\nd: {{<<: *v}}\n"
    result = assert_same(text)
    assert result[0] == "data"
    many = "".join(f"m{i}: {{<<: *v}}\n" for i in range(70))  # 70 x 801 values: past the expansion limit
    result = assert_same(f"a: &v {{{keys}}}\n{many}")
    assert result[0] == "YamlError" and "expand the data" in result[1].message


# --- keys are never lost --------------------------------------------------------------------------------------

MERGES = {
    # a duplicate key in a block that is only merged, never read on its own
    "duplicate inside an inline block": ("c:\n  <<: {x: 1,\n    x: 2}\n", [(3, "key 'x' appears twice")]),
    "duplicate inside an anchored block": ("a: &a {x: 1,\n  x: 2}\nc:\n  <<: *a\n", [(2, "key 'x' appears twice")]),
    "two merge keys": (
        "a: &a {x: 1}\nb: &b {y: 1}\nc:\n  <<: *a\n  <<: *b\n",
        [(5, "a second merge key `<<` in one mapping (first on line 4)")],
    ),
    "one key from two listed blocks": (
        "a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: [*a, *b]\n",
        [(4, "key 'x' is merged from two blocks (lines 2 and 1)")],
    ),
    "one key from two merge keys": (
        "a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: *a\n  <<: *b\n",
        [(5, "a second merge key"), (5, "key 'x' is merged from two blocks (lines 1 and 2)")],
    ),
    "a written key overrides a merged one": ("a: &a {x: 1}\nc:\n  <<: *a\n  x: 2\n", []),
    "a written key twice after a merge": ("a: &a {x: 1}\nc:\n  <<: *a\n  x: 2\n  x: 3\n", [(5, "appears twice")]),
}


@pytest.mark.parametrize("name", list(MERGES))
def test_a_key_lost_in_a_merge_is_a_duplicate_key_on_its_line(name):
    text, expected = MERGES[name]
    _, problems = yamlfile.parse(text)
    assert [(p.line, p.check) for p in problems] == [(line, "duplicate-key") for line, _ in expected]
    assert all(fragment in p.message for p, (_, fragment) in zip(problems, expected, strict=True))


def test_merged_values_are_those_yaml_gives():
    data, _ = yamlfile.parse("a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n")
    assert data["c"] == {"x": 1, "z": 3, "y": 1}  # of a list, the earlier block wins; a written key wins over all
    assert data["c"].key_lines == {"x": 1, "z": 5, "y": 1}


# --- limits on what a file may cost ------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["flow", "block", "mapping"])
def test_a_file_of_more_nodes_than_the_limit_is_refused_as_it_is_composed(form):
    limits = Limits(nodes=100)

    def text(nodes: int) -> str:  # the root counts one node
        if form == "flow":
            return "[" + ", ".join(["1"] * (nodes - 1)) + "]\n"
        if form == "block":
            return "".join("- 1\n" for _ in range(nodes - 1))
        return "".join(f"k{i}: 1\n" for i in range((nodes - 1) // 2))  # a key and its value: two nodes

    data, _ = yamlfile.parse(text(99), limits)
    assert data is not None
    with pytest.raises(YamlError) as raised:
        yamlfile.parse(text(103), limits)
    assert raised.value.problem.check == "file-too-large"
    assert raised.value.problem.message == "the file holds more than 100 values (keys, values and list items)"
    assert raised.value.problem.hint.startswith("split it into several files")


@pytest.mark.parametrize(
    ("setting", "accepted"),
    [("1", 1), ("20971520", 20971520), ("1073741824", 1073741824), ("1073741825", None), (str(10**30), None),
     ("0", None), ("-5", None), ("lots", None), ("1_000", None), ("\u0661\u0660\u0660", None), ("1e6", None),
     ("9" * 5000, None), (" 2048 ", 2048)],
)  # fmt: skip
def test_the_size_limit_setting_is_a_whole_number_of_bytes_up_to_a_ceiling(setting, accepted, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", setting.encode().decode("unicode_escape"))
    if accepted is not None:
        assert yamlfile.max_bytes() == accepted
        return
    with pytest.raises(ValueError, match="must be a whole number of bytes from 1 to 1,073,741,824"):
        yamlfile.max_bytes()


def test_alias_expansion_is_refused_as_before():
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        text += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    result = assert_same(text)
    assert result[0] == "YamlError" and "expand the data" in result[1].message


def _project_yaml() -> dict[str, str]:
    """The text of every YAML file in the repository that read() would parse (the shipped project, the hostile
    corpus), by path."""
    texts = {}
    for path in sorted(REPO.glob("**/*.yml")):
        if ".git" in path.parts or not path.is_file() or path.is_symlink() or path.stat().st_size > 1_000_000:
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        if "\0" not in text:
            texts[str(path.relative_to(REPO))] = text
    return texts


PROJECT_YAML = _project_yaml()


@pytest.mark.parametrize("text", list(PROJECT_YAML.values()), ids=list(PROJECT_YAML))
def test_every_yaml_file_of_the_repository_is_read_as_before(text):
    assert_same(text)


# --- generated documents ------------------------------------------------------------------------------------

# Keys that collide (duplicates, equal values, merges); the last one, a list, is refused as a key.
# fmt: off
KEYS = ["a", "b", "ab", "id", "1", "0x1", "yes", "~", "''", "é", "<<", "<<", "=", "'a'", '"b"', "1.0", "true",
        "!!str 1", "[k]"]
# fmt: on
PLAIN = ["x", "1", "12.5", "-3", "'q'", '"r"', "word words", "2022-02-24", "yes", "~", "é"]


@st.composite
def documents(draw, max_depth: int = 4) -> str:
    """YAML text in block and flow styles, with anchors, aliases, merges, tags and duplicate keys."""
    anchors: list[str] = []
    mappings: list[str] = []  # the anchors of mappings, which `<<` can merge

    def leaf(flow: bool) -> str:
        text = draw(st.sampled_from(SCALARS if draw(st.integers(0, 2)) == 0 else PLAIN))
        if flow and text.startswith("!") and " " not in text:
            text += " "  # a tag needs a space before the `,` or `}` that follows it
        if flow and any(c in text for c in ",[]{}#\n") and not text.startswith(("'", '"')):
            text = "'x'"
        return text

    def anchor(mapping: bool = False) -> str:
        if draw(st.integers(0, 4 if not mapping else 1)):
            return ""
        anchors.append(f"n{len(anchors)}")
        if mapping:
            mappings.append(anchors[-1])
        return f"&{anchors[-1]} "

    def merge_value() -> str:
        names = draw(
            st.lists(st.sampled_from(mappings if draw(st.integers(0, 5)) else anchors), min_size=1, max_size=3)
        )
        return "*" + names[0] if len(names) == 1 else "[" + ", ".join("*" + n for n in names) + "]"

    def separator() -> str:
        return ",\n  " if draw(st.integers(0, 3)) == 0 else ", "

    def node(depth: int) -> str:
        choice = draw(st.integers(0, 9))
        if anchors and choice == 0:
            return "*" + draw(st.sampled_from(anchors))
        if depth >= max_depth or choice < 5:
            return anchor() + leaf(True)
        if choice < 8:
            entries = []
            for _ in range(draw(st.integers(0, 4))):
                key = draw(st.sampled_from(KEYS[:-1] if draw(st.integers(0, 9)) else KEYS))
                value = merge_value() if key == "<<" and mappings and draw(st.integers(0, 5)) else node(depth + 1)
                entries.append(f"{key}: {value}")
            text = "{" + separator().join(entries) + "}"
            return anchor(mapping=True) + text  # anchored after its entries: they cannot refer to it
        return anchor() + "[" + separator().join(node(depth + 1) for _ in range(draw(st.integers(0, 4)))) + "]"

    def block(indent: str) -> list[str]:
        """A block mapping or sequence, one entry a line, each entry a flow node."""
        lines = []
        mapping = draw(st.booleans())
        for _ in range(draw(st.integers(1, 5))):
            if mapping:
                key = draw(st.sampled_from(KEYS))
                if key == "[k]":
                    lines += [f"{indent}? [k, {draw(st.sampled_from(['1', 'x']))}]", f"{indent}: {node(2)}"]
                    continue
                if draw(st.integers(0, 3)) == 0:
                    lines.append(f"{indent}{key}: {anchor(mapping=True)}".rstrip())
                    lines += block(indent + "  ")
                else:
                    value = merge_value() if key == "<<" and mappings and draw(st.integers(0, 5)) else node(2)
                    lines.append(f"{indent}{key}: {value}")
            else:
                lines.append(f"{indent}- {node(2)}")
            if draw(st.integers(0, 4)) == 0:
                lines.append(f"{indent}# a comment")
        return lines

    return "\n".join(block("")) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_are_read_as_before(text):
    assert_same(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    documents(),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(list(" :-[]{},&*!#'\"\n\t<=?|>"))), max_size=3),
)
def test_damaged_documents_are_read_or_refused_as_before(text, edits):
    for position, character in edits:
        position %= len(text) + 1
        text = text[:position] + character + text[position:]
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode]),
    st.one_of(
        st.sampled_from(SCALARS + KEYS), st.text(max_size=12), st.from_regex(r"[-+.0-9][-+.0-9_:eExXbBa-f]{0,8}")
    ),
    st.tuples(st.booleans(), st.booleans()),
)
def test_tags_are_resolved_as_pyyaml_resolves_them(kind, value, implicit):
    loader, reference = _yamlbuild._Loader("", LIMITS), _ReferenceLoader("")
    try:
        if kind is not yaml.ScalarNode:
            value, implicit = None, implicit[0]
        assert loader.resolve(kind, value, implicit) == reference.resolve(kind, value, implicit)
    finally:
        loader.dispose()
        reference.dispose()


@pytest.mark.parametrize(
    ("written", "read"),
    [("9007199254740993", "9007199254740992"), ("-9007199254740995", "-9007199254740996"),
     ("9007199254740993.0", "9007199254740992"), ("12345678901234567890", "12345678901234567168")],
)  # fmt: skip
def test_a_number_a_float_would_change_is_refused_on_its_line(tmp_path, written, read):
    """The checks compare floats: two figures a float reads alike (a fall of one above 2**53) are not read."""
    path = tmp_path / "case.yml"
    path.write_text(f"a: 1\nb: {written}\n")
    data, problems = yamlfile.read(path)
    assert data["b"] == written  # kept as its text, never as a number it is not
    (problem,) = problems
    assert (problem.line, problem.check) == (2, "schema")
    assert problem.message == f"{written} is too large to compare exactly: the checks would read it as {read}"


@pytest.mark.parametrize("written", ["9007199254740992", "1.0e+20", "123456789012345", "0.123456789012345"])
def test_a_large_number_a_float_holds_exactly_is_read(tmp_path, written):
    path = tmp_path / "case.yml"
    path.write_text(f"a: {written}\n")
    data, problems = yamlfile.read(path)
    assert problems == [] and data["a"] == float(written)
