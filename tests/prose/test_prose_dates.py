"""Date phrases (articles.dates): a date in a clause about another event (since, after, before, when) dates no
figure; a date of the count itself does."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.floor.spans import parse_span
from factcheck.prose.dates import find_dates

PUBLISHED = parse_span(dt.date(2026, 2, 4))


def _dates(text: str) -> dict[str, bool]:
    return {phrase.text: phrase.dates_figures for phrase in find_dates(text, PUBLISHED)}


@pytest.mark.parametrize(
    "text, phrase",
    [
        (
            "At least 900 people have died since the rebellion broke out on March 3, 2021, the agency said.",
            "March 3, 2021",
        ),
        ("Divers have searched the lake since the ferry sank on Friday.", "Friday"),
        ("The agency, the largest since the league was founded in 1920, counted 40 dead.", "1920"),
        ("Up to 2 million visitors may come before the closing day on March 30.", "March 30"),
        ("Forty bodies were found when the water receded in January.", "January"),
    ],
)
def test_a_date_in_a_clause_about_another_event_dates_no_figure(text, phrase):
    assert [figures for text, figures in _dates(text).items() if phrase in text] == [False]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The toll stood at 40 on Friday, officials said.", "Friday"),
        ("More than 300 people died after being crushed at the gate in 1986.", "1986"),
        ("Since then the toll has risen, and by March 2025 it stood at 410.", "March 2025"),
    ],
)
def test_a_date_of_the_count_dates_it(text, phrase):
    assert [figures for text, figures in _dates(text).items() if phrase in text] == [True]


def test_the_longest_of_overlapping_phrases_wins_so_an_abbreviated_day_is_read_whole():
    found = find_dates("The toll stood at 71 as of Nov. 16. Crews kept searching.", PUBLISHED)
    assert [(p.text, p.span.text) for p in found] == [("Nov. 16", "2025-11-16")]
