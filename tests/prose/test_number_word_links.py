"""A number in words that states a count named before it (prose.context, prose.increments): "the death toll rose
to nine", "the toll stood at nine", "cases soared past half a million" join the count's noun to its value with a
few words of change or standing; any other words between leave the number in words no figure."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.increments import links

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed", "terms": ["death toll", "killed"]},
        "cholera_cases": {"unit": "cases", "description": "suspected cholera cases", "terms": ["cholera cases"]},
    },
    "subjects": {"orne": {"name": "Orne"}},
    "claimants": {"agency": {"name": "Orne relief agency", "aliases": ["the agency"]}},
}  # fmt: skip
CLAIMS = [
    claim("deaths", "flood_deaths", "orne", "agency", 9),
    claim("cases", "cholera_cases", "orne", "agency", 500000, qualifier="more_than"),
]


@pytest.mark.parametrize(
    "between, joined",
    [(" to ", True), (" rose to ", True), (" has risen to ", True), (" stood at ", True), (" soared ", True),
     (" in ", False), (" rose in the ", False), ("", False), (" was expected to reach ", False)],
)  # fmt: skip
def test_words_that_join_a_count_to_its_value(between, joined):
    assert links(between) is joined


@pytest.mark.parametrize(
    "body, figure, claim_id",
    [
        ("The agency said the Orne death toll rose to nine on Monday.", "nine", "deaths"),
        ("In Orne the death toll stood at nine, the agency said.", "nine", "deaths"),
        ("# Orne's cholera cases soar past half a million, agency says", "half", "cases"),
    ],
)  # fmt: skip
def test_a_number_in_words_after_its_count_is_read(curated, body, figure, claim_id):
    assert curated.verdict(body, figure) == ("article-backed", "info", claim_id)


def test_a_changed_number_in_words_still_stands_out(curated):
    body = "The agency said the Orne death toll rose to eleven on Monday."
    assert curated.verdict(body, "eleven")[0] != "article-backed"


def test_other_words_between_leave_it_no_figure(curated):
    body = "The agency said the Orne death toll rose in nine villages."
    assert curated.findings(body) == []
