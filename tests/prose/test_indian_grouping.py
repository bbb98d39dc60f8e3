"""South Asian digit grouping (prose.figures): pairs after the first digits, then three ("3,14,391"), read as
one figure, not the "14,391" at its end; digits that are not so grouped are not read as one."""

from __future__ import annotations

import pytest

from factcheck.prose.figures import find_numerals


@pytest.mark.parametrize(
    "text, values",
    [
        ("some 4,27,815 people were moved to camps", [427815.0]),
        ("about 1,00,000 homes", [100000.0]),
        ("losses of 23,45,67,890 rupees", [234567890.0]),
        ("8,150 were moved", [8150.0]),
        ("camps for 61,903 people", [61903.0]),
        ("7,21,53 in the list", [21.0, 53.0]),
    ],
)  # fmt: skip
def test_pairs_then_a_group_of_three_are_one_figure(text, values):
    assert [n.value for n in find_numerals(text)] == values
