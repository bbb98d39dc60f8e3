"""A currency the catalog names in words (prose.quantities.canonical, from CLDR's names through Babel): a metric
counted in "US dollars" is what "$12.5 million" is compared with; and a term that is only the unit other metrics
count too ("people") does not decide over the clause's other metric words (prose.context)."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.quantities import canonical

CATALOG = {
    "metrics": {
        "relief_pledged": {"unit": "US dollars", "description": "money pledged for relief", "terms": ["pledged"]},
        "evacuated": {"unit": "people", "description": "people moved to safety", "terms": ["evacuated"]},
        "fed": {"unit": "people", "description": "people the agency feeds", "terms": ["feed", "people"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}
CLAIMS = [
    claim("pledged", "relief_pledged", "marlow", "council", 12_500_000),
    claim("evacuated", "evacuated", "marlow", "council", 40_000),
    claim("fed", "fed", "marlow", "council", 90_000),
]


@pytest.mark.parametrize("unit, code", [("US dollars", "usd"), ("US dollar", "usd"), ("euros", "eur"),
                                        ("British pounds", "gbp"), ("USD", "usd"), ("people", None)])  # fmt: skip
def test_a_currency_named_in_words_is_that_currency(unit, code):
    assert canonical(unit) == code


def test_money_is_compared_with_the_metric_counted_in_that_currency(curated):
    body = "The council said on Monday it had pledged $12.5 million to Marlow."
    assert curated.verdict(body, "12.5") == ("article-backed", "info", "pledged")


def test_a_changed_sum_still_stands_out(curated):
    body = "The council said on Monday it had pledged $21.5 million to Marlow."
    assert curated.verdict(body, "21.5")[0] == "article-contradicts"


def test_a_sum_in_a_currency_no_metric_counts_is_set_aside(curated):
    body = "The council said on Monday it had pledged 12.5 million euros to Marlow."
    assert not [f for f in curated.findings(body) if f.line == 5]


def test_the_unit_word_alone_does_not_decide_over_the_clause_metric_word(curated):
    body = "The council said on Monday 40,000 people in Marlow were evacuated."
    assert curated.verdict(body, "40,000") == ("article-backed", "info", "evacuated")
    changed = "The council said on Monday 60,000 people in Marlow were evacuated."
    assert curated.verdict(changed, "60,000")[0] != "article-backed"


def test_the_unit_word_still_names_its_metric_when_no_other_word_does(curated):
    body = "The council said on Monday it would feed 90,000 people in Marlow."
    assert curated.verdict(body, "90,000") == ("article-backed", "info", "fed")


@pytest.mark.parametrize(
    "body",
    [
        "The council pledged $12.5 million (S$16.9 million) for Marlow.",
        "The council pledged A$19 million for Marlow, about $12.5 million.",
        "Marlow's council has pledged NZ$20.4 million.",
        "The council pledged HK$97.6 million for Marlow.",
    ],
)
def test_another_dollar_is_never_compared_with_the_us_one(curated, body):
    # S$, A$, NZ$, HK$: the sum in another currency is set aside; the US dollar figure beside it is still read
    other = [f for f in curated.findings(body) if "12.5" not in f.message]
    assert other == []


@pytest.mark.parametrize("body", ["The council pledged US$14 million for Marlow.", "The council pledged $14 million."])
def test_a_us_dollar_sum_written_either_way_is_still_compared(curated, body):
    assert curated.verdict(body, "14 million")[:2] == ("article-contradicts", "critical")
