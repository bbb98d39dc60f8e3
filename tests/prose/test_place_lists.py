"""A list of places and their figures (prose.figures): "Otago 14, Canterbury 22, Marlborough 31" gives each place
its figure; a number after a capitalised word elsewhere is still part of a name ("Article 51", "Route 66 and
Highway 101")."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.figures import find_numerals


def _figures(text: str) -> list[float]:
    return [n.value for n in find_numerals(text)]


@pytest.mark.parametrize(
    "text, values",
    [
        ("Rescuers by region: Otago 14, Canterbury 22, Marlborough 31.", [14, 22, 31]),
        ("Rescuers by region: Otago 14, Canterbury twelve and the West Coast 31.", [14, 31]),
        ("Rescuers by region were Otago eleven, Hawke's Bay 12 and Napier 14.", [12, 14]),
    ],
)
def test_a_list_of_places_and_figures_gives_each_place_its_figure(text, values):
    assert _figures(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "The envoy cited Article 51 of the charter.",
        "The convoy took Route 66 and Highway 101 west.",
        "The envoy cited Article 51, Article 52 and Article 53.",
        "The convoy from Otago 14 and Canterbury 22 is late.",  # two pairs: too few to be a list
    ],
)
def test_numbers_in_names_stay_names(text):
    assert _figures(text) == []


CATALOG = {
    "metrics": {"rescuers": {"unit": "people", "description": "rescuers sent", "terms": ["rescuers"]}},
    "subjects": {
        "otago": {"name": "Otago"},
        "canterbury": {"name": "Canterbury"},
        "marlborough": {"name": "Marlborough"},
    },
    "claimants": {"agency": {"name": "Civil Defence", "aliases": ["Civil Defence"]}},
}


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("otago", "rescuers", "otago", "agency", 14),
                          claim("canterbury", "rescuers", "canterbury", "agency", 22),
                          claim("marlborough", "rescuers", "marlborough", "agency", 31)])  # fmt: skip
    return desk


def test_each_place_of_the_list_backs_its_own_claim(curated):
    body = "Civil Defence listed the rescuers sent by region: Otago 14, Canterbury 22, Marlborough 31."
    found = curated.findings(body)
    assert sorted((f.check, f.claim) for f in found) == [
        ("article-backed", "canterbury"),
        ("article-backed", "marlborough"),
        ("article-backed", "otago"),
    ]


def test_a_changed_figure_in_the_list_stands_out(curated):
    body = "Civil Defence listed the rescuers sent by region: Otago 14, Canterbury 62, Marlborough 31."
    assert curated.verdict(body, "62")[0] in ("article-contradicts", "article-ambiguous")
