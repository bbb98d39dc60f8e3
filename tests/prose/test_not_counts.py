"""Numbers that count nothing a desk curates: a numbered week or day ("from week 1 to week 18", prose.figures) and
numbers listed before a unit word, which share it ("aged eight, 12 and 13 years old", prose.quantities)."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.figures import find_numerals
from factcheck.prose.quantities import quantity, threshold


def _figures(text: str) -> list[float]:
    return [n.value for n in find_numerals(text)]


@pytest.mark.parametrize(
    "text, values",
    [
        ("Since epi week 32 the district has logged 1,400 cases.", [1400]),
        ("From week 10 to week 14 the wards admitted 310 patients.", [310]),
        ("On day 12 of the blockade, 40 people were evacuated.", [40]),
        # A week that is not numbered: the figure after it counts.
        ("In the past week 18 people were evacuated.", [18]),
        ("Over a week 300 homes burned.", [300]),
    ],
)
def test_a_numbered_week_or_day_is_no_figure(text, values):
    assert _figures(text) == values


@pytest.mark.parametrize(
    "text, figure, unit",
    [
        ("The boys, aged nine, 14 and 15 years old, were rescued.", "14", "age"),
        ("The boys, aged nine, 14 and 15 years old, were rescued.", "15", "age"),
        ("Villages 20, 35 or 50 km from the dam were warned.", "20", "km"),
        ("Villages 20, 35 or 50 km from the dam were warned.", "35", "km"),
    ],
)
def test_numbers_listed_before_a_unit_share_it(text, figure, unit):
    at = text.index(figure)
    found = quantity(text, at, at, at + len(figure))
    assert found is not None and found.unit == unit


@pytest.mark.parametrize(
    "text, figure",
    [("Officials said 12 and 13 people drowned.", "12"), ("The crews counted 140, 150 and 160 dead.", "140")],
)
def test_a_list_of_counts_stays_counts(text, figure):
    at = text.index(figure)
    assert quantity(text, at, at, at + len(figure)) is None


CATALOG = {
    "metrics": {
        "child_deaths": {"unit": "people", "description": "children killed", "terms": ["children"]},
        "deaths": {"unit": "people", "description": "people killed", "terms": ["killed", "deaths"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("children", "child_deaths", "marlow", "council", 3),
                          claim("deaths", "deaths", "marlow", "council", 152)])  # fmt: skip
    return desk


def test_ages_and_week_numbers_raise_no_alarm(curated):
    body = (
        "The council said 152 people were killed in Marlow from week 1 to week 18, among them three children "
        "aged nine, 14 and 15 years old."
    )
    assert [(f.check, f.claim) for f in curated.findings(body)] == [
        ("article-backed", "deaths"),
        ("article-backed", "children"),
    ]


def test_a_changed_count_beside_them_still_stands_out(curated):
    body = (
        "The council said 125 people were killed in Marlow from week 1 to week 18, among them three children "
        "aged nine, 14 and 15 years old."
    )
    assert curated.verdict(body, "125")[0] == "article-contradicts"


@pytest.mark.parametrize(
    "text, meets",
    [
        ("The agency said 31 counties have recorded at least one confirmed case.", True),
        ("Officials said 12 wards reported at least one death.", True),
        ("At least one person drowned in Marlow.", False),
        ("The flood killed at least one fisherman.", False),
        ("Police said 40 officers were hurt and at least one officer died.", False),
    ],
)
def test_at_least_one_after_a_counted_set_is_a_threshold(text, meets):
    at = text.lower().index("at least one")
    assert threshold(text, at, at + len("at least one"), 1.0, "at_least") is meets


def test_a_threshold_raises_no_alarm(curated):
    body = "The council said 152 people were killed in Marlow; 14 wards recorded at least one death."
    # Only the 14 wards, no claim of the desk's, are flagged; "at least one" is not.
    assert [f.column for f in curated.findings(body) if f.check != "article-backed"] == [body.index("14") + 1]
