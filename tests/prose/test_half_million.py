""" "half a million" and "a half million" are 500,000 (prose.numberwords), and a catalog term inside a figure's
own qualifier ("more" of "More than") names no metric (prose.context)."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.numberwords import find_number_words

CATALOG = {
    "metrics": {
        "hungry": {"unit": "people", "description": "people facing hunger", "terms": ["facing hunger"]},
        "next_band": {"unit": "people", "description": "people close behind them", "terms": ["more", "behind"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nearly half a million voters", ("nearly half a million", 500_000)),
        ("More than a half million tenants", ("More than a half million", 500_000)),
        ("a half million acres", ("a half million", 500_000)),
    ],
)
def test_half_a_million_is_five_hundred_thousand(text, expected):
    (found,) = find_number_words(text)
    assert (text[found.phrase_start : found.end], found.value) == expected


@pytest.mark.parametrize("text", ["half an hour later", "a half-built dam", "half a mile away"])
def test_half_of_no_scale_is_no_count(text):
    assert all(n.value < 1000 for n in find_number_words(text))


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("hungry", "hungry", "marlow", "council", 500_000, qualifier="more_than")])
    return desk


def test_a_term_inside_the_qualifier_names_no_metric(curated):
    body = "The council said on Monday more than a half million people in Marlow are facing hunger."
    assert curated.verdict(body, "a half million")[0] == "article-backed"


def test_a_changed_figure_still_stands_out(curated):
    body = "The council said on Monday more than a quarter of a million people in Marlow are facing hunger."
    assert curated.verdict(body, "a quarter of a million")[0] != "article-backed"
