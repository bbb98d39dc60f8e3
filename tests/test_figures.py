"""Qualifiers as intervals, implied precision, and numbers as quotes write them (whether a quote states a
claim's figure is tests/rules/test_quote_states_figure.py)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.floor.numbers import bounds, format_figure, implied_half_unit, numbers_in


@pytest.mark.parametrize(
    ("value", "half"),
    [(55000, 500), (1325460, 5), (1100000, 50000), (20, 5), (2.5, 0.05), (2514, 0.5), (400000, 50000)],
)
def test_implied_precision_is_half_a_unit_of_the_last_nonzero_digit(value, half):
    assert implied_half_unit(value) == pytest.approx(half)


@settings(deadline=None)  # no wall-clock limit per example: a loaded machine stalls any of them
@given(st.one_of(st.integers(-(2**60), 2**60).map(float), st.floats(allow_nan=False, allow_infinity=False)))
def test_whole_figures_take_the_same_precision_as_their_written_decimal(value):
    """Whole figures skip the decimal arithmetic; they must get what reading their written form gives."""
    expected = 0.5 if value == 0 else 5 * 10.0 ** (Decimal(repr(abs(value))).normalize().as_tuple().exponent - 1)
    assert implied_half_unit(value) == expected


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("exact", (55000, 55000)),
        ("about", (54500, 55500)),
        ("nearly", (54000, 55000)),
        ("at_least", (55000, math.inf)),
        ("more_than", (55000, math.inf)),
        ("at_most", (0, 55000)),
        ("less_than", (0, 55000)),
    ],
)
def test_qualifiers_become_closed_intervals(qualifier, expected):
    assert bounds(55000, qualifier) == expected


def test_explicit_low_and_high_win():
    assert bounds(55000, "about", low=50000, high=60000) == (50000, 60000)


def test_a_gate_may_set_a_relative_tolerance():
    assert bounds(1000, "about", relative=0.1) == pytest.approx((900, 1100))


def test_numbers_in_reads_dotted_groups_both_ways():
    assert {55.0, 55000.0} <= numbers_in("55.000")


def test_figures_are_written_for_people():
    assert format_figure(46000, "more_than") == "more than 46,000"
    assert format_figure(20, "about", "percent") == "about 20%"
    assert format_figure(2.5, "exact") == "2.5"
