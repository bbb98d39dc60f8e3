"""Qualifier words before a figure (prose.figures): "as many as" states an upper bound, as "up to" does."""

from __future__ import annotations

import pytest

from factcheck.prose.figures import find_numerals


@pytest.mark.parametrize(
    "text, phrase, qualifier",
    [
        ("As many as 600 pilgrims were stranded.", "As many as 600", "at_most"),
        ("losses as high as 350 homes", "as high as 350", "at_most"),
        ("It raised as much as 4,000 tonnes.", "as much as 4,000", "at_most"),
        ("As many people as 600 came.", "600", "exact"),  # no qualifier right before the figure
    ],
)
def test_as_many_as_states_an_upper_bound(text, phrase, qualifier):
    (numeral,) = find_numerals(text, 0)
    assert (text[numeral.phrase_start : numeral.end], numeral.qualifier) == (phrase, qualifier)


@pytest.mark.parametrize(
    "text, phrase, qualifier",
    [
        ("crops worth more than Rs 2,400 crore", "more than Rs 2,400 crore", "more_than"),
        ("a loss of about Rs. 90 lakh", "about Rs. 90 lakh", "about"),
        ("some US$ 40 million in aid", "some US$ 40 million", "about"),
        ("Mrs 40 guests", "40", "exact"),  # a word that ends in "rs" is no currency
    ],
)
def test_a_qualifier_before_a_currency_word_qualifies_the_sum(text, phrase, qualifier):
    (numeral,) = find_numerals(text, 0)
    assert (text[numeral.phrase_start : numeral.end], numeral.qualifier) == (phrase, qualifier)


@pytest.mark.parametrize(
    "text, phrase, qualifier",
    [
        ("Now 150 plus homes lie under the mud.", "150 plus", "more_than"),
        ("a 670-plus toll", "670-plus", "more_than"),
        ("150+ homes were buried", "150+", "more_than"),
        ("300 or more pilgrims", "300 or more", "at_least"),
        ("40-odd bodies were recovered", "40-odd", "about"),
        ("an estimated 670 plus people", "an estimated 670 plus", "more_than"),  # the bound says more
        ("more than 670 or so people", "more than 670", "more_than"),  # a bound before keeps its word
        ("killed 20 plus the gunman", "20", "exact"),  # "plus" that adds
        ("20 plus 3 officers", "20", "exact"),
        ("about 300 or so", "about 300", "about"),
    ],
)  # fmt: skip
def test_qualifier_words_after_a_figure(text, phrase, qualifier):
    (numeral, *_) = find_numerals(text, 0)
    assert (text[numeral.phrase_start : numeral.end], numeral.qualifier) == (phrase, qualifier)


@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("Officials fear 320 plus homes were swept away.", 320, "more_than"),
        ("roughly 900 plus people are missing", 900, "more_than"),  # the words after it bound it
        ("Some 75+ villages lost power.", 75, "more_than"),
        ("The clinic treated 60 or more patients a day.", 60, "at_least"),
        ("At least 45 people were hurt.", 45, "at_least"),
        ("The ward has 40 pluses and minuses.", 40, "exact"),  # a word that only starts with "plus"
        ("The toll was 212, plus 30 missing.", 212, "exact"),  # "plus" after a comma adds another figure
        ("Rescuers found 12 soldiers plus three civilians.", 12, "exact"),  # "plus" before a number adds
        ("Rescuers found 12 plus 4 bodies.", 12, "exact"),
    ],
)
def test_a_qualifier_after_the_figure_bounds_it(text, value, qualifier):
    numeral = find_numerals(text, 0)[0]
    assert (numeral.value, numeral.qualifier) == (value, qualifier)
