"""Bounds as newsrooms write them (prose.figures, prose.carried): "as many as 150" is an upper end; "under"
after a verb it completes, or "over" as the particle of a verb ("handed over"), is no bound; a qualifier carries over to the figure coordinated with its own."""

from __future__ import annotations

import pytest

from factcheck.prose.carried import carry_qualifiers
from factcheck.prose.figures import find_numerals


def _qualifiers(text: str) -> list[tuple[float, str]]:
    return [(n.value, n.qualifier) for n in carry_qualifiers(text, find_numerals(text))]


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("Officials fear as many as 240 died.", "at_most"),
        ("The repairs could cost as much as 300 million.", "at_most"),
        ("The toll could go as high as 240.", "at_most"),
        ("Under 240 people were evacuated.", "less_than"),
        ("Clinics buckled under 240 casualties a day.", "exact"),
        ("A row over 240 unmarked graves went on.", "exact"),
        ("Over 240 people were evacuated.", "more_than"),
        ("The coroner has handed over 240 remains to families.", "exact"),
        ("Volunteers were turning over 240 tonnes of debris.", "exact"),
        ("The coroner has released over 240 remains to families.", "more_than"),
    ],
)  # fmt: skip
def test_upper_ends_and_prepositions(text, qualifier):
    assert _qualifiers(text)[0][1] == qualifier


@pytest.mark.parametrize(
    "text, expected",
    [
        ("More than 70 people died and 210 were hurt.", [(70, "more_than"), (210, "more_than")]),
        ("At least 70 were killed and 210 wounded.", [(70, "at_least"), (210, "at_least")]),
        ("About 70 dead or 210 missing.", [(70, "about"), (210, "about")]),
    ],
)  # fmt: skip
def test_a_qualifier_carries_over_to_the_coordinated_figure(text, expected):
    assert _qualifiers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The quake killed at least 70 people and injured 210.", [(70, "at_least"), (210, "exact")]),
        ("At least 70 died, and 210 were hurt.", [(70, "at_least"), (210, "exact")]),
        ("At least 70 died and nearly 210 were hurt.", [(70, "at_least"), (210, "nearly")]),
        ("At least 70 died in the north of the province and 210 were hurt.", [(70, "at_least"), (210, "exact")]),
        ("70 died and 210 were hurt.", [(70, "exact"), (210, "exact")]),
        ("Nearly 70 houses and 210 schools were damaged.", [(70, "nearly"), (210, "exact")]),
    ],
)  # fmt: skip
def test_a_figure_stated_for_itself_keeps_its_own_qualifier(text, expected):
    assert _qualifiers(text) == expected
