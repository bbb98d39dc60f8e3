"""The markup an article's prose leaves out (prose.source): each pattern runs unbounded first and must find
exactly what its bounded form finds, parts past their limit included."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.prose.source import MAX_PART, _pattern, _spans, prose_of

# Pieces that open, close and fill each kind of span, with runs around the 1,000-character limit.
PIECES = ["[", "]", "(", ")", "!", "`", "<", "</", ">", "\n", " ", "a", "é", "{claim:", "}", ":", "]:", "   ",
          "x" * 150, "y" * 999, "z" * 1000, "w" * 1001, "v" * 1500]  # fmt: skip
BOUNDED = ["marker", "link", "code", "tag", "reference"]


LONG = "w" * (MAX_PART + 1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.integers(0, 5))
# A span past its limit is no span, and what follows it is read as the bounded pattern reads it: its closing
# mark may open the next one.
@example(["`", LONG, "` b `c`"], 0)
@example(["[", LONG, "](y) [t](u)"], 0)
@example(["![a](", LONG, ") [t](u)"], 0)
@example(["<a", LONG, "> <b>"], 0)
@example(["[", LONG, "]: x\n[r]: y"], 0)
@example(["{claim:", "w" * 201, "} {claim:id}"], 0)
def test_each_pattern_finds_what_its_bounded_form_finds(pieces: list[str], start: int) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    for name in BOUNDED:
        bounded = [(m.start(), m.end(), m.groups()) for m in _pattern(name, bounded=True).finditer(text, start)]
        assert [(m.start(), m.end(), m.groups()) for m in _spans(name, text, start)] == bounded, name


@pytest.mark.parametrize("length, blanked", [(MAX_PART, True), (MAX_PART + 1, False)])
def test_a_code_span_past_the_limit_is_left_as_prose(length: int, blanked: bool) -> None:
    text = "`" + "a" * length + "` said 55,000"
    prose = prose_of(text, 0, markdown=True).prose
    assert ("a" * length in prose) is not blanked
    assert prose.endswith(" said 55,000")


def test_the_bounded_form_bounds_each_part_in_brackets() -> None:
    assert _pattern("link", bounded=True).pattern == r"(!?)\[([^\[\]\n]{0,1000})\]\(([^()\n]{0,1000})\)"
    assert _pattern("code", bounded=True).pattern == r"`([^`\n]{1,1000})`"
    assert _pattern("marker", bounded=True).pattern == r"\{claim:\s*([^{}\s]{1,200})\s*\}"
