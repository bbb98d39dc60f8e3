"""A change between counts (prose.differences): "15 more died than the first count showed", "up 40 from
Friday", "revised up by 12" read as a running total is set aside; a metric the desk declares for differences
(`cumulative: false`) still compares it, and a total in the same words still stands out."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.differences import difference

CATALOG = {
    "metrics": {
        "deaths": {"unit": "people", "description": "deaths of the storm", "terms": ["died", "deaths"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("deaths", "deaths", "marlow", "council", 212)])
    return desk


@pytest.mark.parametrize(
    "text, figure, expected",
    [
        ("that 15 more people died in Marlow than the first count showed", "15", True),
        ("deaths now stand at 212, up 40 from Friday", "40", True),
        ("the toll was revised up by 12 on Monday", "12", True),
        ("rescuers found 12 more bodies on Monday", "12", False),
        ("212 people died, more than in any storm", "212", False),
        ("a toll of 212, up from 172 on Friday", "212", False),
    ],
)
def test_a_figure_that_states_a_change_is_a_difference(text, figure, expected):
    start = text.index(figure)
    assert difference(text, start, start + len(figure)) is expected


def test_a_difference_is_not_compared_with_the_total(curated):
    body = "The council said on Monday that 15 more people died in Marlow than the first count showed."
    assert not [f for f in curated.findings(body) if f.line == 5]


def test_the_total_beside_it_still_stands_out(curated):
    body = "The council said on Monday that 221 people died in Marlow, 15 more than the first count showed."
    assert curated.verdict(body, "221")[0] == "article-contradicts"


def test_a_metric_of_differences_still_compares_it(desk):  # noqa: F811
    catalog = {**CATALOG, "metrics": {**CATALOG["metrics"], "excess": {
        "unit": "people", "cumulative": False, "description": "deaths above the average",
        "terms": ["more deaths than"]}}}  # fmt: skip
    desk.curate(catalog, [claim("excess", "excess", "marlow", "council", 310)])
    body = "The council said on Monday that Marlow recorded 130 more deaths than average."
    assert desk.verdict(body, "130")[0] != "article-backed"
    backed = "The council said on Monday that Marlow recorded 310 more deaths than average."
    assert desk.verdict(backed, "310") == ("article-backed", "info", "excess")
