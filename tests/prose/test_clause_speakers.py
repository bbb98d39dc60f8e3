"""Two figures, two speakers, one sentence (prose.context): a claimant or a place named in another clause that
holds a figure of its own belongs to that figure ("X said 20 ..., while the minister said at least 15")."""

from __future__ import annotations

from article_helpers import desk_findings

CATALOG = """\
metrics:
  heat_deaths: {unit: people, description: people who died of heat, terms: [died, dead, deaths]}
subjects:
  north-clinic: {name: North Clinic, aliases: [North Clinic]}
  south-clinic: {name: South Clinic, aliases: [South Clinic]}
claimants:
  ortiz: {name: Ana Ortiz, role: North Clinic spokeswoman, affiliation: independent, aliases: [Ana Ortiz, Ortiz]}
  minister: {name: health minister, role: regional health minister, affiliation: independent, aliases: [the health minister]}
  bauer: {name: Jan Bauer, role: South Clinic director, affiliation: independent, aliases: [Jan Bauer]}
"""
CLAIMS = """\
dataset: heat
title: The heat wave, as reported on 9 July 2025
origin: 2025-07-01
claims:
  - {id: north-ortiz, metric: heat_deaths, subject: north-clinic, claimant: ortiz, value: 20, as_of: 2025-07-09,
     source: {outlet: The Courier, published: 2025-07-09, url: "https://example.org/a"}}
  - {id: north-minister, metric: heat_deaths, subject: north-clinic, claimant: minister, value: 15, qualifier: at_least, as_of: 2025-07-09,
     source: {outlet: The Courier, published: 2025-07-09, url: "https://example.org/a"}}
  - {id: south-bauer, metric: heat_deaths, subject: south-clinic, claimant: bauer, value: 24, as_of: 2025-07-09,
     source: {outlet: The Courier, published: 2025-07-09, url: "https://example.org/a"}}
"""


def _findings(tmp_path, body: str):
    return desk_findings(tmp_path, CATALOG, CLAIMS, body, published="2025-07-09")


def test_each_figure_takes_the_speaker_of_its_own_clause(tmp_path):
    body = "Ana Ortiz, a spokeswoman for North Clinic, said 20 people had died there, while the health minister said at least 15 had died at North Clinic."
    assert _findings(tmp_path, body) == [
        ("article-backed", "info", "north-ortiz"),
        ("article-backed", "info", "north-minister"),
    ]


def test_a_place_and_a_source_after_the_second_figure_are_its_own(tmp_path):
    body = "Ana Ortiz said 20 people had died at the clinic, while 24 were reported dead at South Clinic, according to Jan Bauer."
    assert _findings(tmp_path, body) == [
        ("article-backed", "info", "north-ortiz"),
        ("article-backed", "info", "south-bauer"),
    ]


def test_a_speaker_swapped_into_the_other_clause_still_stands_out(tmp_path):
    body = "Ana Ortiz said 20 people had died at the clinic, while 24 were reported dead at South Clinic, according to the health minister."
    found = _findings(tmp_path, body)
    assert found[0] == ("article-backed", "info", "north-ortiz") and found[1][0] != "article-backed"
