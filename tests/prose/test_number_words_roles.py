"""Numbers in words and units that newsrooms write around a figure: "One survivor said" picks a speaker and
counts nothing; "one patient was at a clinic" continues the count of the clause before; "waves of about 6m"
are metres, not six million."""

from __future__ import annotations

import pytest

from article_helpers import desk_findings
from factcheck.prose.figures import find_numerals
from factcheck.prose.numberwords import find_number_words


@pytest.mark.parametrize(
    "text, values",
    [
        ("One survivor said the stairs were blocked.", []),
        ("One official told reporters the road was shut.", []),
        ("One person died.", [1.0]),
        ("Only one survivor was found.", [1.0]),
    ],
)  # fmt: skip
def test_one_before_a_speaker_is_no_figure(text, values):
    assert [n.value for n in find_number_words(text)] == values


@pytest.mark.parametrize(
    "text, values",
    [
        ("Forecasters warned of waves of about 6m on Sunday.", []),
        ("A storm surge of up to 4m hit the port.", []),
        ("The levee failed at a height of 12m.", []),
        ("About 6m people face hunger.", [6e6]),
        ("The appeal raised $6m in a week.", [6e6]),
    ],
)  # fmt: skip
def test_metres_after_a_word_of_height(text, values):
    assert [n.value for n in find_numerals(text)] == values


CATALOG = """\
metrics:
  patients: {unit: people, cumulative: false, description: injured people in hospital, terms: [being treated, treated]}
subjects:
  city: {name: the city, aliases: [City Hospital]}
  clinic: {name: the burns clinic, aliases: [burns clinic]}
claimants:
  health-office: {name: Health Office, role: city health office, affiliation: independent, aliases: [the health office]}
"""
CLAIMS = """\
dataset: fire
title: The fire, as reported on 9 October 2025
origin: 2025-10-08
claims:
  - {id: treated-city, metric: patients, subject: city, claimant: health-office, value: 14, as_of: 2025-10-09,
     source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
  - {id: treated-clinic, metric: patients, subject: clinic, claimant: health-office, value: 1, as_of: 2025-10-09,
     source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
"""


def test_a_number_word_whose_clause_says_where_continues_the_count_before(tmp_path):
    body = "The health office said 14 were being treated in City Hospital, and one child was at a burns clinic."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, body) == [
        ("article-backed", "info", "treated-city"),
        ("article-backed", "info", "treated-clinic"),
    ]
