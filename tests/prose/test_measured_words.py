"""Quantities the catalog measures (prose.check, prose.quantities): a number in words before a unit that a metric
counts in ("extended by three months", "three days of mourning") measures what that metric does, as digits would;
a unit of several words ("degrees Celsius") is the unit its words name, and a temperature's scale tells one
heat in Celsius from the same heat in Fahrenheit."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.quantities import canonical

CATALOG = {
    "metrics": {
        "curfew_extension": {"unit": "months", "cumulative": False, "description": "length of the curfew's extension",
                             "terms": ["curfew", "extended"]},
        "mourning_days": {"unit": "days", "cumulative": False, "description": "days of mourning declared",
                          "terms": ["mourning"]},
        "peak_heat": {"unit": "degrees Celsius", "cumulative": False, "description": "highest temperature",
                      "terms": ["temperature", "heat"]},
        "deaths": {"unit": "people", "description": "people killed", "terms": ["killed", "died"]},
    },
    "subjects": {"dorvan": {"name": "Dorvan"}},
    "claimants": {"governor": {"name": "Governor Ilse Marek", "aliases": ["the governor", "Marek"]}},
}  # fmt: skip
CLAIMS = [
    claim("curfew", "curfew_extension", "dorvan", "governor", 3),
    claim("mourning", "mourning_days", "dorvan", "governor", 3),
    claim("heat", "peak_heat", "dorvan", "governor", 47.5),
    claim("deaths", "deaths", "dorvan", "governor", 12),
]


@pytest.mark.parametrize(
    "body, figure, claim_id",
    [
        ("In Dorvan, Marek extended the curfew by three months.", "three", "curfew"),
        ("In Dorvan, the governor declared three days of mourning.", "three", "mourning"),
        ("Dorvan's temperature reached 47.5 degrees Celsius on Monday, the governor said.", "47.5", "heat"),
        ("Dorvan's temperature reached 47.5 C (117.5 F) on Monday, the governor said.", "47.5", "heat"),
    ],
)  # fmt: skip
def test_a_quantity_of_the_catalogs_unit_is_backed(curated, body, figure, claim_id):
    assert curated.verdict(body, figure) == ("article-backed", "info", claim_id)


@pytest.mark.parametrize(
    "body, figure",
    [
        ("In Dorvan, Marek extended the curfew by six months.", "six"),
        ("In Dorvan, the governor declared five days of mourning.", "five"),
        ("Dorvan's temperature reached 45.7 degrees Celsius on Monday, the governor said.", "45.7"),
    ],
)  # fmt: skip
def test_a_changed_quantity_still_stands_out(curated, body, figure):
    assert curated.verdict(body, figure)[0] != "article-backed"


def test_the_same_heat_in_another_scale_is_no_figure(curated):
    body = "Dorvan's temperature reached 47.5 degrees Celsius (117.5 Fahrenheit) on Monday, the governor said."
    assert [f.message for f in curated.findings(body) if f.line == 5 and f.column == body.index("117.5") + 1] == []


def test_a_number_in_words_before_a_unit_no_metric_counts_in_stays_no_figure(curated):
    body = "In Dorvan, 12 people died, the governor said three hours later."
    assert [f.claim for f in curated.findings(body)] == ["deaths"]


@pytest.mark.parametrize(
    "unit, canonical_unit",
    [("degrees Celsius", "celsius"), ("degrees Fahrenheit", "fahrenheit"), ("Celsius", "celsius"),
     ("degrees", "degrees"), ("months", "months"), ("people a day", None), ("people", None)],
)  # fmt: skip
def test_a_catalog_unit_of_several_words(unit, canonical_unit):
    assert canonical(unit) == canonical_unit
