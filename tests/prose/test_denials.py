"""A figure someone denies is not theirs (prose.denials): the one who rejects, denies or disputes a figure is not
its claimant; a denier who gives a figure of their own is its source, and the one whose account is disputed is
not."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.denials import not_claimants


def _spans(sentence: str, figure: str) -> list[str]:
    start = sentence.index(figure)
    return [sentence[a:b] for a, b in not_claimants(sentence, 0, start, start + len(figure), len(sentence))]


@pytest.mark.parametrize(
    "sentence, figure, denied",
    [
        ("The ministry rejected reports that 300 had died.", "300", ["The ministry "]),
        ("Officials have denied claims by the union that 40 miners are trapped.", "40", ["Officials have "]),
        ("The mayor dismissed suggestions that over 1,000 homes were lost.", "1,000", ["The mayor "]),
        ("The union disputed the company's figures, saying 40 miners are trapped.", "40",
         [" the company's figures, "]),
        ("Rescuers said a count of 84 did not match what they had seen.", "84", ["Rescuers said a count of "]),
        ("Rescuers said the official figure of 84 was wrong.", "84", ["Rescuers said the official figure of "]),
        ("The ministry said 300 had died.", "300", []),
        ("The ministry said 300 had died and it rejected any delay.", "300", []),  # the denial follows the figure
    ],
)  # fmt: skip
def test_the_names_that_deny_a_figure_or_are_denied(sentence, figure, denied):
    assert _spans(sentence, figure) == denied


CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed by the floods",
                         "terms": ["death toll", "died", "killed", "deaths"]},
    },
    "subjects": {"varna": {"name": "Varna"}},
    "claimants": {
        "ministry": {"name": "Interior Ministry", "aliases": ["ministry"]},
        "red-cross": {"name": "Red Cross"},
    },
}  # fmt: skip
CLAIMS = [
    claim("deaths-ministry", "flood_deaths", "varna", "ministry", 84),
    claim("deaths-red-cross", "flood_deaths", "varna", "red-cross", 120, qualifier="more_than"),
]


@pytest.mark.parametrize(
    "body, figure, verdict",
    [
        ("The Interior Ministry rejected reports by the Red Cross that more than 120 people had died in Varna.",
         "120", ("article-backed", "info", "deaths-red-cross")),
        ("The ministry denied that more than 120 people had died in Varna.",
         "120", ("article-backed", "info", "deaths-red-cross")),
        ("The Red Cross disputed the Interior Ministry's count, saying more than 120 people had died in Varna.",
         "120", ("article-backed", "info", "deaths-red-cross")),
        ("The Red Cross said a count of 84 deaths in Varna did not match what its volunteers had seen.",
         "84", ("article-backed", "info", "deaths-ministry")),
        ("The Interior Ministry said 84 people had died in Varna.",
         "84", ("article-backed", "info", "deaths-ministry")),
    ],
)  # fmt: skip
def test_a_denied_figure_is_backed_by_its_source_not_the_denier(curated, body, figure, verdict):
    assert curated.verdict(body, figure) == verdict


@pytest.mark.parametrize(
    "body, figure",
    [
        ("The Interior Ministry said 94 people had died in Varna.", "94"),  # no denial: the ministry's, wrong
        ("The Interior Ministry rejected reports by the Red Cross that more than 150 people had died in Varna.",
         "150"),
        ("The Red Cross disputed the Interior Ministry's count, saying more than 160 people had died in Varna.",
         "160"),
    ],
)  # fmt: skip
def test_a_changed_figure_still_stands_out(curated, body, figure):
    assert curated.verdict(body, figure)[0] != "article-backed"
