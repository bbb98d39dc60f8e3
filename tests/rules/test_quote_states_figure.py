"""quote-states-figure: one-line cases (a quote and a figure) of `states_figure`, and the documented examples."""

from __future__ import annotations

import pytest
from checkcases import entries

from factcheck.rules import quote_states_figure as check


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("is 55,000, Zelensky said", 55000),
        ("55 000 soldiers", 55000),
        ("55.000 soldiers", 55000),
        ("55\u00a0000", 55000),
        ("55\u202f000", 55000),
        ("55’000", 55000),
        ("55 thousand", 55000),
        ("55k", 55000),
        ("1.1 million", 1100000),
        ("2,5 mln", 2500000),
        ("1.2bn", 1200000000),
        ("about 20% of Ukraine", 20),
        ("killed 2,514 civilians and injured 12,142 in 2025", 12142),
        # In words and South Asian multipliers, as the article check reads them (prose.numberwords).
        ("nine crew members were rescued", 9),
        ("Forty-one were taken to hospital", 41),
        ("wounding at least a hundred villagers", 100),
        ("two dozen homes were lost", 24),
        ("some 3 lakh people fled", 300000),
        ("relief worth 1.5 crore", 15000000),
        ("only one patient has died", 1),
    ],
)
def test_quotes_state_figures_in_every_usual_way(quote, value):
    assert check.states_figure(quote, value)


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("is 55,000", 65000),
        ("55,0000", 55000),
        ("155,000", 55000),
        ("1.1 million", 1100),
        ("nine crew members were rescued", 19),
        ("one of the victims was a child", 1),  # a pronoun, not a count
        ("a 5 m wave", 5000000),  # metres after a space, not a million
        ("", 1),
        (None, 1),
    ],
)
def test_quotes_that_do_not_state_the_figure(quote, value):
    assert not check.states_figure(quote, value)


@pytest.mark.parametrize(("example", "states"), [(check.PASSES, True), (check.FAILS, False)])
def test_the_examples(example, states):
    (claim,) = entries(example)
    assert check.states_figure(claim["source"]["quote"], claim["value"]) == states
