"""A round figure as newsrooms round (prose.verdicts): a headline or a body that drops the claim's "nearly", or
rounds a precise claim down to two significant digits, is backed; a figure that rounds it otherwise, or
further, still contradicts."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "heat_deaths": {"unit": "people", "description": "deaths above the average", "terms": ["excess deaths"]},
        "stranded": {"unit": "people", "description": "people stranded", "terms": ["stranded"]},
    },
    "subjects": {"veland": {"name": "Veland", "aliases": ["Velandic"]}},
    "claimants": {"stats": {"name": "the statistics office", "aliases": ["statisticians"]}},
}
CLAIMS = [
    claim("summer", "heat_deaths", "veland", "stats", 4817),
    claim("stranded", "stranded", "veland", "stats", 3_000_000, qualifier="nearly"),
]


@pytest.mark.parametrize(
    "figure, verdict",
    [
        ("4,800", "article-backed"),  # two significant digits, rounded down
        ("4,810", "article-contradicts"),  # stated to the ten: precise enough to say 4,817
        ("4,817", "article-backed"),
        ("4,000", "article-contradicts"),  # one significant digit: 4,817 is "nearly 5,000", not "4,000"
        ("4,700", "article-contradicts"),  # further than its own precision
        ("4,900", "article-contradicts"),  # 4,817 rounds to 4,800
        ("4,818", "article-contradicts"),  # stated to the unit: the value itself
    ],
)
def test_a_precise_claim_rounded_down_to_two_significant_digits_is_the_same_figure(curated, figure, verdict):
    body = f"Veland recorded {figure} excess deaths over the summer, the statisticians said."
    assert curated.verdict(body, figure)[0] == verdict


def test_a_round_figure_may_drop_the_claims_nearly_but_not_its_value(curated):
    body = (
        "# Storm leaves {} stranded in Veland\n\nNearly 3 million people were stranded in Veland, statisticians said."
    )
    assert curated.verdict(body.format("3 million"), "3 million")[0] == "article-backed"
    assert curated.verdict(body.format("4 million"), "4 million")[0] == "article-contradicts"
    assert curated.verdict(body.format("more than 3 million"), "3 million")[0] == "article-contradicts"
