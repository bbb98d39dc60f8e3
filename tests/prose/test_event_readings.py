"""A date phrase attached to an event ("the landslide on Wednesday", "Wednesday's landslides") has two readings
(prose.event_dates, prose.verdicts): the day of the count, and the day of the event, which a toll reported on
that day or the next fits. A claim that fits the event's reading backs the figure; a day of the count, a day
further back, or a changed figure still stands out."""

from __future__ import annotations

from pathlib import Path

import pytest

from article_helpers import desk_findings
from factcheck.prose.dates import find_dates
from factcheck.prose.event_dates import names_the_event


@pytest.mark.parametrize(
    "sentence, date, named",
    [
        ("The landslide on Wednesday buried 31 people.", "Wednesday", True),
        ("Wednesday's landslides buried 31 people.", "Wednesday", True),
        ("Wednesday evening's blast killed 31 people.", "Wednesday", True),
        ("The storms that swept the hills on Wednesday killed 31.", "Wednesday", True),
        ("Officials said on Wednesday that 31 had died.", "Wednesday", False),
        ("Rescuers reached the village on Wednesday and found 31 bodies.", "Wednesday", False),
    ],
)  # fmt: skip
def test_a_date_attached_to_an_event_noun_may_date_the_event(sentence, date, named):
    (phrase,) = [p for p in find_dates(sentence, None) if p.text == date]
    assert names_the_event(sentence, phrase) is named


CATALOG = """\
metrics:
  slide_deaths: {unit: people, description: people killed by the landslide, terms: [killed, dead, died, death toll]}
subjects:
  hill-slide: {name: Hill landslide, aliases: [the landslide]}
claimants:
  rescue-service: {name: Rescue Service, role: state rescue service, affiliation: independent, aliases: [the rescue service]}
"""
# No `origin`: the dataset does not say which day it counts from; the claim is dated by its report, a Thursday.
CLAIMS = """\
dataset: hill-slide
title: The hill landslide, as reported on 9 October 2025
claims:
  - {id: slide-deaths-2025-10-09, metric: slide_deaths, subject: hill-slide, claimant: rescue-service, value: 31,
     as_of: 2025-10-09, source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
"""


def _findings(root: Path, sentence: str) -> list[tuple[str, str, str | None]]:
    return desk_findings(root, CATALOG, CLAIMS, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The landslide on Wednesday killed 31 people, the rescue service said.",
        "Wednesday's landslide killed 31 people, the rescue service said.",
        "31 people died in the landslide on Wednesday, the rescue service said.",
    ],
)  # fmt: skip
def test_a_toll_of_an_event_dated_the_day_before_its_report_is_backed(tmp_path, sentence):
    assert _findings(tmp_path, sentence) == [("article-backed", "info", "slide-deaths-2025-10-09")]


def test_a_count_dated_the_day_before_its_report_still_contradicts(tmp_path):
    found = _findings(tmp_path, "The rescue service said on Wednesday that 31 people had died in the landslide.")
    assert found == [("article-contradicts", "critical", "slide-deaths-2025-10-09")]


def test_an_event_moved_further_back_is_not_backed(tmp_path):
    found = _findings(tmp_path, "The landslide on Monday killed 31 people, the rescue service said.")
    assert len(found) == 1 and found[0][0] != "article-backed"


def test_a_changed_figure_of_an_event_day_still_contradicts(tmp_path):
    found = _findings(tmp_path, "The landslide on Wednesday killed 13 people, the rescue service said.")
    assert found == [("article-contradicts", "critical", "slide-deaths-2025-10-09")]
