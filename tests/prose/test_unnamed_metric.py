"""A figure no metric word names (prose.readings.names_nothing_else, prose.verdicts): a list of counties with a
toll each, "two Nigerians". Its readings are the claims of every metric of its unit whose subject its words
name; one that fits backs it, two that fit and differ leave it ambiguous, and a changed figure still stands
out. A figure followed by words the catalog does not know counts something else, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from article_helpers import desk_findings
from factcheck.prose.readings import names_nothing_else

CATALOG = """\
metrics:
  storm_deaths: {unit: people, description: people killed by the storm, terms: [killed, dead, died]}
  storm_injured: {unit: people, description: people injured by the storm, terms: [injured, hurt]}
  homes_destroyed: {unit: homes, description: homes the storm destroyed, terms: [homes destroyed]}
subjects:
  pine-county: {name: Pine County, aliases: [Pine]}
  oak-county: {name: Oak County, aliases: [Oak]}
  elm-county: {name: Elm County, aliases: [Elm]}
  nigerians: {name: Nigerian nationals, aliases: [Nigerians, Nigerian]}
claimants:
  governor: {name: The Governor, role: state governor, affiliation: independent, aliases: [the governor]}
"""
_SOURCE = 'as_of: 2025-10-09, source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}'
CLAIMS = f"""\
dataset: storm
title: The storm, as reported on 9 October 2025
claims:
  - {{id: pine-deaths, metric: storm_deaths, subject: pine-county, claimant: governor, value: 12, {_SOURCE}}}
  - {{id: pine-injured, metric: storm_injured, subject: pine-county, claimant: governor, value: 30, {_SOURCE}}}
  - {{id: oak-deaths, metric: storm_deaths, subject: oak-county, claimant: governor, value: 17, {_SOURCE}}}
  - {{id: elm-deaths, metric: storm_deaths, subject: elm-county, claimant: governor, value: 15, {_SOURCE}}}
  - {{id: elm-injured, metric: storm_injured, subject: elm-county, claimant: governor, value: 15, {_SOURCE}}}
  - {{id: nigerian-deaths, metric: storm_deaths, subject: nigerians, claimant: governor, value: 2, {_SOURCE}}}
"""
_LIST = "The governor gave the toll by county.\n\n- Pine County: {pine}\n- Oak County: {oak}\n"


def _findings(root: Path, body: str) -> list[tuple[str, str, str | None]]:
    return desk_findings(root, CATALOG, CLAIMS, body)


@pytest.mark.parametrize(
    "text, end, subject, alone",
    [
        ("- Graves County: 21\n", 19, "Graves County", True),
        ("Kenya 32, Canada 18", 8, None, True),
        ("two Nigerians were among them", 3, "Nigerians", False),
        ("two Nigerians, the agency said", 3, "Nigerians", True),
        ("39,300 hospital admissions", 6, None, False),
    ],
)  # fmt: skip
def test_only_the_subject_after_a_figure_leaves_its_metric_open(text, end, subject, alone):
    assert names_nothing_else(text, end, subject) is alone


def test_a_list_of_tolls_by_subject_is_backed_by_the_claim_of_each(tmp_path):
    found = _findings(tmp_path, _LIST.format(pine=12, oak=17))
    assert found == [("article-backed", "info", "pine-deaths"), ("article-backed", "info", "oak-deaths")]


def test_a_changed_toll_in_the_list_stands_out_without_a_critical(tmp_path):
    found = _findings(tmp_path, _LIST.format(pine=21, oak=17))
    assert found[0][0] == "article-unbacked" and found[1] == ("article-backed", "info", "oak-deaths")


def test_a_subject_with_one_metric_names_its_claim_for_a_changed_figure(tmp_path):
    found = _findings(tmp_path, "The governor gave the toll by county.\n\n- Oak County: 19\n")
    assert found == [("article-ambiguous", "warning", "oak-deaths")]


def test_two_metrics_that_fit_alike_leave_it_ambiguous(tmp_path):
    found = _findings(tmp_path, "The governor gave the figures by county.\n\n- Elm County: 15\n")
    assert found == [("article-ambiguous", "warning", None)]


def test_words_the_catalog_does_not_know_after_it_count_something_else(tmp_path):
    found = _findings(tmp_path, "The governor gave the figures.\n\n- Pine County: 12 hospital admissions\n")
    assert [f[0] for f in found] == ["article-unbacked"]


def test_a_number_in_words_of_a_subject_a_claim_states_is_backed(tmp_path):
    assert _findings(tmp_path, "The governor said the victims included two Nigerians.") == [
        ("article-backed", "info", "nigerian-deaths")
    ]


def test_a_number_in_words_no_claim_states_is_still_no_figure(tmp_path):
    assert _findings(tmp_path, "The governor said the victims included three Nigerians.") == []


# A single digit is read only where a claim backs it (prose.figures `small`, prose.check): newsrooms write one to
# nine as words, so a digit is more often a list count or part of a name.
_SMALL = (
    CLAIMS
    + f"""\
  - {{id: ash-deaths, metric: storm_deaths, subject: ash-county, claimant: governor, value: 4, {_SOURCE}}}
"""
)
_SMALL_CATALOG = CATALOG.replace("  nigerians:", "  ash-county: {name: Ash County, aliases: [Ash]}\n  nigerians:")


def test_a_single_digit_a_claim_states_is_backed(tmp_path):
    found = desk_findings(
        tmp_path, _SMALL_CATALOG, _SMALL, "The governor gave the toll by county.\n\n- Ash County: 4\n"
    )
    assert found == [("article-backed", "info", "ash-deaths")]


def test_a_single_digit_no_claim_states_is_still_no_figure(tmp_path):
    body = "The governor gave the toll by county.\n\n- Ash County: 5\n\nSee part 2 of the series."
    assert desk_findings(tmp_path, _SMALL_CATALOG, _SMALL, body) == []
