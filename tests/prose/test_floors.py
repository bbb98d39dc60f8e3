"""A toll that passes a mark (prose.figures, prose.verdicts): "surpasses", "exceeded", "tops", "passed", "soared
past" say more than, "nears" says nearly; and a round "more than" floors a precise claim at its own precision
("over 4,300" for 4,371), never one at or beyond its next step."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.figures import find_numerals

CATALOG = {
    "metrics": {
        "quake_deaths": {"unit": "people", "description": "people killed", "terms": ["death toll", "killed"]},
        "quake_injured": {"unit": "people", "description": "people injured", "terms": ["injured", "injures"]},
    },
    "subjects": {"ardena": {"name": "Ardena"}},
    "claimants": {"civil-protection": {"name": "Ardena civil protection", "aliases": ["civil protection"]}},
}
CLAIMS = [
    claim("deaths", "quake_deaths", "ardena", "civil-protection", 4371),
    claim("injured", "quake_injured", "ardena", "civil-protection", 1948),
]


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("the toll surpasses 4,300", "more_than"),
        ("the toll has exceeded 4,300", "more_than"),
        ("the toll topped 4,300", "more_than"),
        ("the toll crossed 4,300", "more_than"),
        ("the toll had passed 4,300", "more_than"),
        ("the toll has now passed 4,300", "more_than"),
        ("the toll passes 4,300", "more_than"),
        ("the toll nears 4,400", "nearly"),
        ("the toll reached 4,371", "exact"),
        ("Ardena's toll passes 4,300", "more_than"),
        ("the count had passed 4,300 by noon", "more_than"),
        ("a toll passing 4,300, the worst in decades", "more_than"),
        ("infections soared past 4,300", "more_than"),
        ("the toll crept past 4,300", "more_than"),
        ("in the past 24 hours", "exact"),  # "past" after a determiner is an adjective of time
        ("over the past 48 hours", "exact"),
        ("in past 12 months", "exact"),
    ],
)  # fmt: skip
def test_a_verb_of_passing_a_mark_qualifies_the_figure(text, qualifier):
    assert [n.qualifier for n in find_numerals(text)] == [qualifier]


@pytest.mark.parametrize(
    "body, figure, verdict",
    [
        ("Civil protection said the death toll in Ardena surpasses 4,300.", "4,300", "article-backed"),
        ("Civil protection said more than 1,900 were injured in Ardena.", "1,900", "article-backed"),
        ("Civil protection said the death toll in Ardena surpasses 4,400.", "4,400", "article-contradicts"),
        ("Civil protection said the death toll in Ardena nears 4,400.", "4,400", "article-backed"),
        ("Civil protection said the death toll in Ardena had passed 4,300.", "4,300", "article-backed"),
        ("Civil protection said the death toll in Ardena had passed 4,400.", "4,400", "article-contradicts"),
        ("Civil protection said the death toll in Ardena nears 4,300.", "4,300", "article-contradicts"),
        ("Civil protection said more than 1,800 were injured in Ardena.", "1,800", "article-contradicts"),
        ("Civil protection said the death toll in Ardena has passed 4,300.", "4,300", "article-backed"),
        ("Ardena's death toll passes 4,300, civil protection says.", "4,300", "article-backed"),
        ("Civil protection said the death toll in Ardena soared past 4,400.", "4,400", "article-contradicts"),
        ("Civil protection said the death toll in Ardena was 4,300-plus.", "4,300", "article-backed"),
        ("Civil protection said 4,300+ people were killed in Ardena.", "4,300", "article-backed"),
        ("Civil protection said the death toll in Ardena was 4,400-plus.", "4,400", "article-contradicts"),
    ],
)  # fmt: skip
def test_a_round_more_than_floors_a_precise_claim_within_its_own_step(curated, body, figure, verdict):
    assert curated.verdict(body, figure)[0] == verdict
