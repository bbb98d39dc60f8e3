"""`text.shown`: what every log and terminal writer prints of a text from data."""

from __future__ import annotations

import re

import pytest

from factcheck.floor.text import MAX_SHOWN, clip, escaped, shown, shown_lines

# What GitHub's runner reads as a command: `::name` at a line's start after spaces (it trims them), or
# `##[name` anywhere in a line; Azure Pipelines' agent reads `##vso[` anywhere.
COMMAND = re.compile(r"^\s*::|##\[|##vso\[", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text, 55,000", "plain text, 55,000"),
        ("a\nb\r\nc\td", "a\\nb\\r\\nc\\td"),
        ("\x1b[2J\x1b]0;title\x07\x1b[8mhidden", "\\x1b[2J\\x1b]0;title\\x07\\x1b[8mhidden"),
        ("nul\x00 del\x7f c1\x85\x9b", "nul\\x00 del\\x7f c1\\x85\\x9b"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("\u202eevil\u202c \u2066iso\u2069 \u202a\u202b\u202d\u2067\u2068", None),
        ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
        ("not a character \ufffe\uffff", "not a character \\ufffe\\uffff"),
        ("é, 55 000, Україна, עברית, 🇺🇦", "é, 55 000, Україна, עברית, 🇺🇦"),
    ],
)
def test_controls_separators_and_bidi_controls_are_shown_as_escapes(text, expected):
    result = shown(text)
    if expected is not None:
        assert result == expected
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]", result)
    assert "\n" not in result


@pytest.mark.parametrize(
    "text",
    [
        "::error file=x,line=1::forged",
        "  ::stop-commands::token",
        "\u3000\u00a0::warning::x",
        ":",
        "\n::error::after a line break",
        "x ##[error]v1 command",
        "##[stop-commands]token",
        "###[error]x ####[error]y",
        "x ##vso[task.setvariable variable=a]b ##VSO[task.complete]",
    ],
)
def test_no_text_can_start_a_workflow_command(text):
    result = shown(text)
    assert not COMMAND.search(result), result
    assert not COMMAND.search("  " + result)  # nor where a line starts with it after our own indent


def test_a_colon_inside_the_text_is_left_alone():
    assert shown("the URL https://x.org/a::b") == "the URL https://x.org/a::b"


def test_long_text_is_clipped_to_one_line_with_an_ellipsis():
    text = "é" * 10_000_000
    assert shown(text) == "é" * (MAX_SHOWN - 1) + "…"
    assert shown("a" * MAX_SHOWN) == "a" * MAX_SHOWN
    assert shown("a" * 30, limit=10) == "a" * 9 + "…"


def test_clipping_never_cuts_an_escape_in_half():
    for n in range(480, 500):
        result = shown("a" * n + "\x1b" * 100)
        assert len(result) <= MAX_SHOWN
        assert re.fullmatch(r"a+(\\x1b)*…", result), result[-12:]


def test_escaped_keeps_any_length():
    assert escaped("a\x1b" * 1000) == "a\\x1b" * 1000


def test_shown_lines_keeps_an_errors_own_indented_lines_and_escapes_every_other_break():
    assert shown_lines("2 problems:\n  a.csv:2: bad\x1b[2J\n    hint: fix it\n  b.csv:3: x\n::error::y") == [
        "2 problems:",
        "  a.csv:2: bad\\x1b[2J",
        "    hint: fix it",
        "  b.csv:3: x\\n::error::y",
    ]
    assert shown_lines("checks/x\n::error file=a::b.yml:1: bad") == ["checks/x\\n::error file=a::b.yml:1: bad"]
    assert shown_lines("x\n  ::error::y") == ["x", "  \\x3a:error::y"]  # even an indented line is no command
    assert shown_lines("\u2028::x") == ["\\u2028::x"]


def test_shown_lines_bounds_the_number_of_lines():
    lines = shown_lines("x" + "\n  y" * 350_000)
    assert len(lines) == 51
    assert lines[-1] == "  … (349951 more lines)"


def test_clip_bounds_the_length_and_escapes_nothing():
    assert clip("a\nb" * 200, 10) == "a\nba\nba\nb…"
    assert clip("short") == "short"
