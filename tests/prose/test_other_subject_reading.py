"""A figure whose nearest subject has no claim it fits, when claims of one other subject state it as written
(prose.verdicts), and the article names that subject around it: that is the one reading that fits, and it
backs the figure. A changed figure fits neither
and still stands out; claims of several other subjects leave it ambiguous."""

from __future__ import annotations

from pathlib import Path

from article_helpers import desk_findings

CATALOG = """\
metrics:
  strike_injured: {unit: people, description: people injured in the strikes, terms: [injured, wounded]}
subjects:
  ukraine: {name: Ukraine, aliases: [Ukrainian]}
  lviv: {name: Lviv}
  odesa: {name: Odesa}
claimants:
  officials: {name: Officials, role: regional officials, affiliation: independent, aliases: [officials]}
"""
_SOURCE = 'as_of: 2025-10-09, source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}'
CLAIMS = f"""\
dataset: strikes
title: The strikes, as reported on 9 October 2025
claims:
  - {{id: ukraine-injured, metric: strike_injured, subject: ukraine, claimant: officials, value: 100,
     qualifier: more_than, {_SOURCE}}}
  - {{id: lviv-injured, metric: strike_injured, subject: lviv, claimant: officials, value: 40, {_SOURCE}}}
  - {{id: odesa-injured, metric: strike_injured, subject: odesa, claimant: officials, value: 25, {_SOURCE}}}
"""


def _findings(root: Path, body: str, claims: str = CLAIMS) -> list[tuple[str, str, str | None]]:
    return desk_findings(root, CATALOG, claims, body)


_BOTH = "The strikes on Ukraine hit Lviv overnight, and {} people were injured, officials said."


def test_the_one_other_subject_named_whose_claim_states_the_figure_backs_it(tmp_path):
    assert _findings(tmp_path, _BOTH.format("more than 100")) == [("article-backed", "info", "ukraine-injured")]


def test_a_subject_the_article_does_not_name_is_no_reading(tmp_path):
    body = "The missiles hit Lviv overnight, and more than 100 people were injured, officials said."
    assert _findings(tmp_path, body) == [("article-ambiguous", "warning", None)]


def test_its_own_subject_still_comes_first(tmp_path):
    assert _findings(tmp_path, _BOTH.format("40")) == [("article-backed", "info", "lviv-injured")]


def test_a_changed_figure_fits_no_reading_and_stands_out(tmp_path):
    found = _findings(tmp_path, _BOTH.format("more than 120"))
    assert len(found) == 1 and found[0][0] != "article-backed"


def test_claims_of_two_other_subjects_named_leave_it_ambiguous(tmp_path):
    claims = CLAIMS.replace("value: 25,", "value: 100, qualifier: more_than,")
    body = "The strikes on Ukraine and Odesa hit Lviv overnight, and more than 100 people were injured, officials said."
    assert _findings(tmp_path, body, claims) == [("article-ambiguous", "warning", None)]
