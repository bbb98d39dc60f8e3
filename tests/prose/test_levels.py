"""A level reached by a change (prose.increments): in "jumped by nearly 1,200 to 5,209" the figure after "to" is
the running count, not the change, even where the change's verb is the nearest metric word; the figure after
"by" stays the change."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.increments import level_reached

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed", "terms": ["death toll", "dead", "killed"]},
        "toll_rise": {"unit": "people", "cumulative": False, "description": "rise of the toll in one update",
                      "terms": ["jumped", "risen by", "rose by", "over the past week"]},
    },
    "subjects": {"tessaly": {"name": "Tessaly"}},
    "claimants": {"agency": {"name": "Tessaly disaster agency", "aliases": ["disaster agency", "the agency"]}},
}  # fmt: skip
CLAIMS = [
    claim("deaths", "flood_deaths", "tessaly", "agency", 5209),
    claim("rise", "toll_rise", "tessaly", "agency", 1200, qualifier="nearly"),
]


@pytest.mark.parametrize(
    "text, reached",
    [
        ("the number of dead jumped by nearly 1,200 to ", True),
        ("the toll had risen by 88 over the past week and now stood at ", True),
        ("two more bodies were found, taking the toll to ", True),
        ("the agency said the toll rose to about ", True),
        ("the number of dead jumped by nearly ", False),  # the change itself
        ("aid was sent to ", False),  # no change before "to"
    ],
)  # fmt: skip
def test_a_figure_after_to_or_at_that_follows_a_change_is_a_level(text, reached):
    assert level_reached(text, 0, len(text)) is reached


@pytest.mark.parametrize(
    "body, figure, claim_id",
    [
        ("In Tessaly the number of dead jumped by nearly 1,200 to 5,209, the disaster agency said.", "5,209", "deaths"),
        ("In Tessaly the number of dead jumped by nearly 1,200 to 5,209, the disaster agency said.", "1,200", "rise"),
        ("The disaster agency said the Tessaly toll had jumped by nearly 1,200 and now stood at 5,209.", "5,209",
         "deaths"),
    ],
)  # fmt: skip
def test_the_level_is_the_running_count_and_the_change_stays_the_change(curated, body, figure, claim_id):
    assert curated.verdict(body, figure) == ("article-backed", "info", claim_id)


def test_a_changed_level_still_stands_out(curated):
    body = "In Tessaly the number of dead jumped by nearly 1,200 to 5,609, the disaster agency said."
    assert curated.verdict(body, "5,609")[0] != "article-backed"


PLACES = {
    **CATALOG,
    "subjects": {"tessaly": {"name": "Tessaly", "aliases": ["the country"]},
                 "orne": {"name": "Orne", "within": "tessaly", "aliases": ["Orne valley"]}},
}  # fmt: skip


@pytest.fixture
def places(desk):  # noqa: F811
    desk.curate(PLACES, [*CLAIMS, claim("orne-deaths", "flood_deaths", "orne", "agency", 14)])
    return desk


@pytest.mark.parametrize(
    "body, figure, claim_id",
    [
        ("The agency confirmed a death in the Orne valley on Monday, which took the death toll to 5,209.", "5,209",
         "deaths"),
        ("Two more bodies were found in Orne, bringing the death toll to 5,209, the agency said.", "5,209", "deaths"),
        ("In Orne, 14 people were killed, the agency said.", "14", "orne-deaths"),  # the place's own count
    ],
)  # fmt: skip
def test_the_place_of_what_moved_a_toll_is_not_the_tolls(places, body, figure, claim_id):
    assert places.verdict(body, figure) == ("article-backed", "info", claim_id)


def test_a_changed_level_after_a_place_still_stands_out(places):
    body = "Two more bodies were found in Orne, bringing the death toll to 5,309, the agency said."
    assert places.verdict(body, "5,309")[0] != "article-backed"
