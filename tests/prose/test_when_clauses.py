"""A date followed by a clause of "when" that states a figure (prose.dates): "the worst since 1998, when 312
died" dates that figure to 1998, so a toll of another year is never read against this year's claim; a clause
of "when" with no figure ("since June 2, when the river burst") still only bounds the count."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.dates import find_dates

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed by a flood", "terms": ["died", "killed"]},
        "evacuated": {"unit": "people", "description": "people evacuated", "terms": ["evacuated"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}
CLAIMS = [
    claim("deaths", "flood_deaths", "marlow", "council", 6, qualifier="at_least"),
    claim("evacuated", "evacuated", "marlow", "council", 4000),
]


def test_a_toll_in_a_when_clause_of_another_year_is_no_contradiction(curated):
    body = ("The council said at least six people died in Marlow. It is the county's worst flood since 1998, "
            "when 312 people died.")  # fmt: skip
    check, severity, _ = curated.verdict(body, "312")
    assert severity != "critical" and check != "article-backed"


def test_a_when_clause_without_a_figure_still_only_bounds_the_count(curated):
    body = "Since June 2, when the river burst its banks, the council has evacuated 4,000 people in Marlow."
    assert curated.verdict(body, "4,000") == ("article-backed", "info", "evacuated")


@pytest.mark.parametrize(
    "text, dates",
    [
        ("the worst since 1998, when 312 people died", True),
        ("since June 2, when the river burst its banks, 4,000 left", False),
        ("since 1998 the toll has doubled", False),
    ],
)  # fmt: skip
def test_which_bounds_date_the_figures_of_their_when_clause(text, dates):
    (phrase,) = find_dates(text, None, 0)
    assert phrase.dates_figures is dates
