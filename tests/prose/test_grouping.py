"""A dot grouping thousands in English copy (prose.grouping): "18.261 patients" is 18,261 when what the figure
counts are whole things; a share, a rate or a measurement keeps its decimals."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.grouping import counts_whole_things

CATALOG = {
    "metrics": {
        "admitted": {"unit": "patients", "description": "patients admitted", "terms": ["admitted"]},
        "admission_rate": {"unit": "per 100,000", "description": "admissions per 100,000", "terms": ["rate"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"board": {"name": "Marlow health board", "aliases": ["the health board"]}},
}


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("admitted", "admitted", "marlow", "board", 12730),
                          claim("rate", "admission_rate", "marlow", "board", 41.125)])  # fmt: skip
    return desk


def test_a_count_written_with_a_dot_grouping_thousands_is_read_whole(curated):
    body = "In Marlow 12.730 patients were admitted this year, the health board said."
    assert curated.verdict(body, "12.730") == ("article-backed", "info", "admitted")


def test_a_changed_count_so_written_still_stands_out(curated):
    body = "In Marlow 12.370 patients were admitted this year, the health board said."
    assert curated.verdict(body, "12.370")[0] == "article-contradicts"


def test_a_rate_keeps_its_decimals(curated):
    body = "In Marlow the rate stood at 41.125 this year, the health board said."
    assert curated.verdict(body, "41.125") == ("article-backed", "info", "rate")


@pytest.mark.parametrize(
    "unit, whole",
    [
        ("people", True),
        ("houses", True),
        ("deaths per 100,000", False),
        ("cases/day", False),
        ("percent", False),
        ("km", False),
        ("rate", False),
    ],
)
def test_which_units_count_whole_things(unit, whole):
    assert counts_whole_things(unit) is whole
