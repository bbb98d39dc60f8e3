"""A date phrase that dates the event a figure counts, not the count (prose.event_dates, prose.verdicts): it
fits a claim dated by its report when the claim's dataset counts from that day (`origin`); a count dated
wrongly, or an event moved to another day, still stands out."""

from __future__ import annotations

from pathlib import Path

import pytest

from article_helpers import desk_findings
from factcheck.prose.dates import find_dates
from factcheck.prose.event_dates import dates_an_event


def _event(sentence: str, date: str) -> bool:
    (phrase,) = [p for p in find_dates(sentence, None) if p.text == date]
    return dates_an_event(sentence, phrase)


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("The flood on Tuesday swept away 30 homes.", "Tuesday"),
        ("A second mudslide on March 3 buried at least 12 people.", "March 3"),
        ("The blast late on Monday night left 40 dead.", "Monday"),
        ("Thirty people were hurt in Sunday's collapse.", "Sunday"),
        ("The toll from Sunday night's collapse has reached 30.", "Sunday"),
        ("Officials said 30 people were killed in and around the port on Sunday.", "Sunday"),
        ("The cyclone that battered the coast on Saturday has killed 19.", "Saturday"),
        ("More than 60 people drowned and 12 died on Wednesday, the agency said.", "Wednesday"),
        ("Police said 5 people detained on Thursday were released.", "Thursday"),
    ],
)  # fmt: skip
def test_a_date_of_what_happened_dates_the_event(sentence, date):
    assert _event(sentence, date)


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("The toll climbed to 80 on Tuesday.", "Tuesday"),
        ("Health officials said on Tuesday that 80 had died.", "Tuesday"),
        ("As of Tuesday, 80 people had died.", "Tuesday"),
        ("By Tuesday evening the toll was 80.", "Tuesday"),
        ("The ministry's figures released on Tuesday put the toll at 80.", "Tuesday"),
        ("Rescuers searched the hills on Tuesday for 80 missing.", "Tuesday"),
    ],
)  # fmt: skip
def test_a_date_of_the_count_or_of_the_report_dates_the_count(sentence, date):
    assert not _event(sentence, date)


CATALOG = """\
metrics:
  flood_deaths: {unit: people, description: people killed by the flood, terms: [killed, dead, died, death toll]}
  flood_missing: {unit: people, description: people missing, terms: [missing]}
subjects:
  valley-flood: {name: Valley flood, aliases: [the flood, the valley, flash flood]}
claimants:
  rescue-service: {name: Rescue Service, role: state rescue service, affiliation: independent, aliases: [the rescue service]}
"""
CLAIMS = """\
dataset: valley-flood
title: The valley flood, as reported on 9 October 2025
origin: 2025-10-06
claims:
  - {id: flood-deaths-2025-10-09, metric: flood_deaths, subject: valley-flood, claimant: rescue-service, value: 31,
     qualifier: at_least, as_of: 2025-10-09, source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
  - {id: flood-missing-2025-10-09, metric: flood_missing, subject: valley-flood, claimant: rescue-service, value: 14,
     as_of: 2025-10-09, source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
"""


def _findings(root: Path, sentence: str) -> list[tuple[str, str, str | None]]:
    return desk_findings(root, CATALOG, CLAIMS, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The flash flood on Monday killed at least 31 people, the rescue service said.",
        "At least 31 people died on Monday when the flood tore through the valley, the rescue service said.",
        "The bodies of those killed in Monday's flood were recovered; the death toll is at least 31, the rescue service said.",
    ],
)  # fmt: skip
def test_a_toll_whose_event_is_dated_by_its_origin_is_backed(tmp_path, sentence):
    assert _findings(tmp_path, sentence) == [("article-backed", "info", "flood-deaths-2025-10-09")]


def test_an_event_moved_to_a_day_before_the_origin_stands_out_without_a_critical(tmp_path):
    found = _findings(tmp_path, "The flash flood on Saturday killed at least 31 people, the rescue service said.")
    assert found == [("article-ambiguous", "warning", None)]


def test_a_count_dated_on_another_day_than_its_claim_still_contradicts(tmp_path):
    found = _findings(tmp_path, "The number of missing rose to 14 on Monday, the rescue service said.")
    assert found == [("article-contradicts", "critical", "flood-missing-2025-10-09")]
    found = _findings(tmp_path, "The rescue service said on Monday that 14 people were missing.")
    assert found == [("article-contradicts", "critical", "flood-missing-2025-10-09")]


def test_a_changed_figure_with_an_event_date_still_contradicts(tmp_path):
    found = _findings(tmp_path, "The flash flood on Monday killed at least 13 people, the rescue service said.")
    assert found == [("article-contradicts", "critical", "flood-deaths-2025-10-09")]


@pytest.mark.parametrize(
    "sentence, date, dates",
    [
        ("The toll from the March 3 floods has risen to 240.", "March 3", False),  # a label of the event
        ("The toll from the floods has risen to 240 since March 3.", "March 3", False),  # a bound
        ("The toll from the floods had risen to 240 on March 3.", "March 3", True),
    ],
)  # fmt: skip
def test_a_day_before_an_event_noun_labels_the_event_and_dates_no_figure(sentence, date, dates):
    (phrase,) = [p for p in find_dates(sentence, None) if p.text == date]
    assert phrase.dates_figures is dates
