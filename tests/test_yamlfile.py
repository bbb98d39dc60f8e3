"""The YAML loader against golden data: inputs and what the loader gives for them, written out once.

tests/yamlfile/golden.json holds, for every fixed input below (each scalar form in four places, the documents,
the limits, and the YAML files in tests/yamlfile/), the outcome as data: each value with its type, each
mapping's and list's line and the lines of its keys and items, which containers are one object (aliases), and
the problems with their lines; or the error with its line. It was generated once from the loader of the time
(when the loader still agreed with pyyaml's constructor machinery on every input, the intended differences
apart) and reviewed by hand; a change in what the loader gives fails here and is reviewed as a change of the
golden file. A large outcome is kept as the SHA-256 of its JSON text. Generated documents are held to what
pyyaml itself reads, value for value and type for type, wherever the loader reports no problem and pyyaml reads
the text (about one generated document in six; most others are refused or have a problem, on a line of theirs).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.floor.errors import Problem
from factcheck.reading import _yamlbuild, yamlfile
from factcheck.reading.yamltree import LIMITS, Limits, Mapping, Sequence, YamlError

REPO = Path(__file__).resolve().parents[1]
GOLDEN_DIR = Path(__file__).resolve().parent / "yamlfile"
GOLDEN = json.loads((GOLDEN_DIR / "golden.json").read_text(encoding="utf-8"))
LARGE = 4000  # characters of an outcome's JSON text past which the golden file keeps its SHA-256


def describe(data: object) -> object:
    """Everything observable about parsed data, as JSON: types, values, lines, which containers are one object."""
    seen: dict[int, int] = {}

    def walk(value: object) -> object:
        if isinstance(value, (Mapping, Sequence)):
            if id(value) in seen:
                return ["same object as", seen[id(value)]]
            seen[id(value)] = len(seen)
            if isinstance(value, Mapping):
                items = [[walk(k), walk(v)] for k, v in value.items()]
                lines = [[walk(k), line] for k, line in value.key_lines.items()]
                return ["Mapping", value.line, lines, items]
            return ["Sequence", value.line, list(value.item_lines), [walk(v) for v in value]]
        assert not isinstance(value, (dict, list)), f"a plain {type(value).__name__} escaped: {value!r}"
        if isinstance(value, float) and math.isnan(value):
            return ["float", "nan"]
        return [type(value).__name__, repr(value)]

    return walk(data)


def _problem(problem: Problem) -> list:
    return [problem.check, problem.line, problem.message, problem.hint]


def outcome(text: str, limits: Limits = LIMITS) -> dict:
    """What the loader gives for `text`, as the golden file writes it."""
    try:
        data, problems = yamlfile.parse(text, limits)
    except YamlError as error:
        return {"error": _problem(error.problem)}
    return {"data": describe(data), "problems": [_problem(p) for p in problems]}


def as_golden(found: dict) -> dict:
    text = json.dumps(found, ensure_ascii=False, sort_keys=True)
    return found if len(text) <= LARGE else {"sha256": hashlib.sha256(text.encode()).hexdigest()}


def assert_golden(case: str, text: str) -> dict:
    """The loader's outcome for `text` is the golden file's for `case`; the outcome, for further asserts."""
    found = outcome(text)
    assert as_golden(found) == GOLDEN[case]["outcome"], f"{case}: {text[:200]!r}"
    if "text" in GOLDEN[case]:  # the input as the golden file wrote it: the case is the one reviewed
        assert GOLDEN[case]["text"] == text
    return found


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
def test_every_scalar_form_is_read_as_the_golden_file_says(scalar, place):
    assert_golden(f"scalar {place} {scalar}", scalar_document(scalar, place))


def scalar_document(scalar: str, place: str) -> str:
    return {
        "value": f"a: {scalar}\nb: 1\n",
        "key": f"{scalar}: 1\nz: 2\n",
        "item": f"- {scalar}\n- 1\n",
        "root": f"{scalar}\n",
    }[place]


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


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_document_is_read_as_the_golden_file_says(name):
    assert_golden(f"document {name}", DOCUMENTS[name])


def nested(levels: int, leaf: str = "1", flow: bool = False) -> str:
    if flow:
        return "{a: " * (levels - 1) + leaf + "}" * (levels - 1)
    return "".join("  " * i + "a:\n" for i in range(levels - 2)) + "  " * (levels - 2) + f"a: {leaf}\n"


@pytest.mark.parametrize("levels", [LIMITS.depth - 1, LIMITS.depth, LIMITS.depth + 1, LIMITS.depth + 5, 900])
@pytest.mark.parametrize("form", ["block", "flow", "sequence", "empty at the end", "alias at the end"])
def test_nesting_at_the_depth_limit_is_treated_as_the_golden_file_says(levels, form):
    found = assert_golden(f"depth {form} {levels}", deep_document(levels, form))
    if levels > LIMITS.depth + 1 and form != "empty at the end":
        assert "levels deep" in found["error"][2]


def deep_document(levels: int, form: str) -> str:
    return {
        "block": nested(levels),
        "flow": nested(levels, flow=True),
        "sequence": "[" * (levels - 1) + "1" + "]" * (levels - 1),
        "empty at the end": nested(levels, "{}", flow=True),
        # the alias is the only node at the deepest level
        "alias at the end": "x: &v 1\ny: " + "[" * (levels - 2) + "*v" + "]" * (levels - 2),
    }[form]


@pytest.mark.parametrize("count", [LIMITS.aliases - 1, LIMITS.aliases, LIMITS.aliases + 1])
@pytest.mark.parametrize("target", ["1", "[1]", "{x: 1}"])
def test_alias_counts_at_the_limit_are_treated_as_the_golden_file_says(count, target):
    found = assert_golden(f"aliases {target} {count}", aliases_document(count, target))
    assert ("error" in found) is (count > LIMITS.aliases)


def aliases_document(count: int, target: str) -> str:
    return f"a: &v {target}\nb: [" + ", ".join(["*v"] * count) + "]\n"


def test_a_merged_block_counts_as_one_alias_and_its_keys_towards_the_expansion_limit():
    few, many = merged_documents()
    assert "data" in assert_golden("merged block three times", few)
    assert "expand the data" in assert_golden("merged block seventy times", many)["error"][2]


def merged_documents() -> tuple[str, str]:
    keys = ", ".join(f"k{i}: {i}" for i in range(400))
    many = "".join(f"m{i}: {{<<: *v}}\n" for i in range(70))  # 70 x 801 values: past the expansion limit
    return f"a: &v {{{keys}}}\nb: {{<<: *v}}\nc: {{<<: *v}}\nd: {{<<: *v}}\n", f"a: &v {{{keys}}}\n{many}"


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


def test_alias_expansion_is_refused_as_the_golden_file_says():
    assert "expand the data" in assert_golden("billion laughs", laughs_document())["error"][2]


def laughs_document() -> str:
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        text += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    return text


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
GOLDEN_FILES = sorted(
    p.name for p in GOLDEN_DIR.glob("*.yml")
)  # copies of a catalog, gate, suite, dataset, hostile cases


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_each_golden_file_is_read_as_the_golden_file_says(name):
    assert_golden(f"file {name}", (GOLDEN_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", list(PROJECT_YAML.values()), ids=list(PROJECT_YAML))
def test_every_yaml_file_of_the_repository_is_read_or_refused_on_a_line_of_it(text):
    found = outcome(text)
    lines = text.count("\n") + 1
    assert all(1 <= problem[1] <= lines for problem in found.get("problems", [])), found["problems"]
    assert "error" not in found or 1 <= found["error"][1] <= lines + 1, found["error"]


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


class _Pyyaml(yaml.CSafeLoader):
    """pyyaml as the loader reads YAML: safe, dates left as text. Nothing of factcheck's."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }


def plain(value: object) -> object:
    """Data as plain dicts and lists (the loader's `Mapping` and `Sequence` are such), NaN made comparable."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return "NaN" if isinstance(value, float) and math.isnan(value) else value


def assert_read_as_pyyaml_reads(text: str) -> None:
    """Never a crash: data, or an error on a line of the text; and where the loader reports no problem and
    pyyaml reads the text, the values (types included) are pyyaml's."""
    try:
        data, problems = yamlfile.parse(text)
    except YamlError as error:
        assert 1 <= error.problem.line <= text.count("\n") + 2, error.problem
        return
    if problems:
        return
    try:
        expected = yaml.load(text, Loader=_Pyyaml)
    except (yaml.YAMLError, TypeError, ValueError):
        return  # refused by pyyaml, read by the loader: the fixed cases above say how
    assert plain(data) == plain(expected), text
    assert repr(plain(data)) == repr(plain(expected)), text  # 1 and 1.0 and True are not alike


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_are_read_as_pyyaml_reads_them(text):
    assert_read_as_pyyaml_reads(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    documents(),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(list(" :-[]{},&*!#'\"\n\t<=?|>"))), max_size=3),
)
def test_damaged_documents_are_read_as_pyyaml_reads_them_or_refused_on_a_line(text, edits):
    for position, character in edits:
        position %= len(text) + 1
        text = text[:position] + character + text[position:]
    assert_read_as_pyyaml_reads(text)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode]),
    st.one_of(
        st.sampled_from(SCALARS + KEYS), st.text(max_size=12), st.from_regex(r"[-+.0-9][-+.0-9_:eExXbBa-f]{0,8}")
    ),
    st.tuples(st.booleans(), st.booleans()),
)
def test_tags_are_resolved_as_pyyaml_resolves_them(kind, value, implicit):
    loader, reference = _yamlbuild._Loader("", LIMITS), _Pyyaml("")
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
