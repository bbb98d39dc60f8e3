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


@pytest.mark.parametrize(
    "text, phrase, span",
    [
        ("The shelters have been open since March 9 and house 400 families.", "March 9", "2025-03-09"),
        ("Clinics treated 900 patients from January 12 to 15.", "January 12 to 15", "2026-01-12/2026-01-15"),
        ("Clinics treated 900 patients on 12-15 January.", "12-15 January", "2026-01-12/2026-01-15"),
        ("The 2023-24 flu season put 8,000 in hospital.", "2023-24", "2023/2024"),
        ("The 2024/25 budget funds 300 clinics.", "2024/25", "2024/2025"),
        (
            "Clinics treated 900 patients between 3 and 5 of January.",
            "between 3 and 5 of January",
            "2026-01-03/2026-01-05",
        ),
        (
            "Shelters took in 1,400 people between November 21 and 28, the agency said.",
            "between November 21 and 28",
            "2025-11-21/2025-11-28",
        ),
        ("The council's report on Tuesday (3) counted 62 homes lost.", "Tuesday (3)", "2026-02-03"),
        ("A bulletin on Sunday evening (1) listed 80 people missing.", "Sunday evening (1)", "2026-02-01"),
    ],
)
def test_the_day_of_a_month_in_a_date_phrase_is_read_with_it_never_left_as_a_figure(text, phrase, span):
    found = {p.text: p.span.text if p.span else None for p in find_dates(text, PUBLISHED)}
    assert found.get(phrase) == span


def test_a_month_alone_is_still_a_month_when_no_day_follows():
    found = {
        p.text: p.span.text
        for p in find_dates("Rescuers found 30 survivors in January, 12 of them children.", PUBLISHED)
    }
    assert found == {"in January": "2026-01"}


def test_a_period_between_two_days_dates_the_figures_of_its_clause():
    assert _dates("Between November 21 and 28 the storms killed 1,400 people.") == {"Between November 21 and 28": True}
    assert _dates("The rains, which fell between November 21 and 28, have eased.") == {
        "between November 21 and 28": True
    }
    # a bound before an event is no period of the count
    assert _dates("Crews have worked since the dam burst between November 21 and 28.") == {
        "between November 21 and 28": False
    }


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Officials expect the count of shelters to rise to 120 by Friday evening.", "Friday"),
        ("The fund could reach $40 million by Tuesday, the charity said.", "Tuesday"),
        ("By Saturday, some 600 engineers will be repairing the line.", "Saturday"),
        ("Crews say they'll have 300 pumps running by March 2027.", "March 2027"),
    ],
)
def test_the_horizon_of_a_forecast_dates_no_figure(text, phrase):
    assert [figures for text, figures in _dates(text).items() if phrase in text] == [False]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("By Friday evening, rescuers had pulled 120 survivors from the rubble.", "Friday"),
        ("The toll had reached 40 by Tuesday, officials said.", "Tuesday"),
        # a forecast in another clause of the sentence leaves the count's own date alone
        ("By Monday 300 homes were flooded, and forecasters expect more rain.", "Monday"),
    ],
)
def test_a_date_after_by_in_a_clause_of_the_past_dates_the_count(text, phrase):
    assert [figures for text, figures in _dates(text).items() if phrase in text] == [True]


@pytest.mark.parametrize(
    "published, text, span",
    [
        # written on Thursday 4 February 2026: the weekend just past
        (dt.date(2026, 2, 4), "Three barns burned last weekend.", "2026-01-31/2026-02-01"),
        (dt.date(2026, 2, 4), "Three barns burned over the weekend.", "2026-01-31/2026-02-01"),
        # written on a Sunday, "last weekend" is the one before, "at the weekend" this one so far
        (dt.date(2026, 2, 8), "Three barns burned last weekend.", "2026-01-31/2026-02-01"),
        (dt.date(2026, 2, 8), "Three barns burned at the weekend.", "2026-02-07/2026-02-08"),
        (dt.date(2026, 2, 4), "The clinic opened a month ago.", "2025-12-29/2026-01-12"),
        (dt.date(2026, 2, 4), "The clinic opened a week ago.", "2026-01-26/2026-01-30"),
    ],
)
def test_a_weekend_and_a_time_ago_are_the_days_they_can_mean(published, text, span):
    (phrase,) = find_dates(text, parse_span(published))
    assert phrase.span.text == span and phrase.dates_figures


@pytest.mark.parametrize(
    "text, phrase, dates",
    [
        ("It needs $40 million to feed 900,000 people through the dry season, which starts in October.",
         "in October", False),
        ("The harvest, which usually ends in March, will feed 2 million.", "in March", False),
        ("A relief scheme that will run from June is to reach 12,000 families.", "from June", False),
        ("The toll, which rose on Monday, stood at 30.", "Monday", True),  # what the toll did, not a calendar
        ("In October 300 people died of cholera.", "In October", True),
    ],
)  # fmt: skip
def test_the_calendar_a_relative_clause_gives_a_period_dates_no_figure(text, phrase, dates):
    assert [figures for text, figures in _dates(text).items() if phrase in text] == [dates]
