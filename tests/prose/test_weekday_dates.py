"""A weekday before a date (prose.dates): "Wednesday, February 22", "Monday 3 June 2024" is one phrase, the day its
date gives, so that the weekday read alone does not date the figure a day apart when the two disagree."""

from __future__ import annotations

import datetime as dt

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.floor.spans import parse_span
from factcheck.prose.dates import find_dates


@pytest.mark.parametrize(
    "text, phrase, day",
    [
        ("on the night of Wednesday, February 22.", "Wednesday, February 22", dt.date(2024, 2, 22)),
        ("late on Thursday, 22 February, officials said", "Thursday, 22 February", dt.date(2024, 2, 22)),
        ("on Monday 3 June 2024", "Monday 3 June 2024", dt.date(2024, 6, 3)),
        ("by Wednesday, February 22, 2023, police said", "Wednesday, February 22, 2023", dt.date(2023, 2, 22)),
        ("On Friday, the morning after", "Friday", dt.date(2024, 2, 23)),  # a weekday alone stays one
    ],
)  # fmt: skip
def test_a_weekday_before_a_date_is_read_with_it(text, phrase, day):
    (found,) = find_dates(text, parse_span("2024-02-23"))
    assert (found.text, found.span.start, found.span.end) == (phrase, day, day)


CATALOG = {
    "metrics": {"mine_deaths": {"unit": "people", "description": "miners killed", "terms": ["killed", "died"]}},
    "subjects": {"brava": {"name": "Brava mine", "aliases": ["Brava"]}},
    "claimants": {"governor": {"name": "Governor Ana Ruiz", "aliases": ["the governor", "Ruiz"]},
                  "mayor": {"name": "Mayor Luis Pena", "aliases": ["the mayor", "Pena"]}},
}  # fmt: skip
CLAIMS = [
    claim("first", "mine_deaths", "brava", "mayor", 25, as_of="2024-06-09"),
    claim("update", "mine_deaths", "brava", "governor", 16, qualifier="at_least", as_of="2024-06-10"),
]


def test_the_date_a_weekday_labels_dates_the_figure(curated):
    # 10 June 2024 was a Monday; the copy calls it Sunday, and the desk dates the count by the date it gives
    body = "At least 16 miners were killed at Brava, according to a count updated on Sunday, June 10."
    assert curated.verdict(body, "16") == ("article-backed", "info", "update")


def test_a_changed_date_still_stands_out(curated):
    body = "At least 16 miners were killed at Brava, according to a count updated on Sunday, June 2."
    assert curated.verdict(body, "16")[0] != "article-backed"
