"""Partial ISO dates as day intervals."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.floor.spans import DateError, parse_span

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025", D(2025, 1, 1), D(2025, 12, 31)),
        (2025, D(2025, 1, 1), D(2025, 12, 31)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2025-02", D(2025, 2, 1), D(2025, 2, 28)),
        ("2025-10-14", D(2025, 10, 14), D(2025, 10, 14)),
        (D(2025, 10, 14), D(2025, 10, 14), D(2025, 10, 14)),
        ("2025-05/2025-08", D(2025, 5, 1), D(2025, 8, 31)),
        ("2025/2025-03-02", D(2025, 1, 1), D(2025, 3, 2)),
    ],
)
def test_dates_are_intervals_of_days(text, start, end):
    span = parse_span(text)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-30", "February 2025 has 28 days"),
        ("2025-13", "there is no month 13"),
        ("0000-01-01", "year must be between"),
        ("2025-08/2025-05", "ends before it starts"),
        ("14 October 2025", "is not a date"),
        ("2025-10-14T10:00", "is not a date"),
        (True, "is not a date"),
        (2025.5, "is not a date"),
    ],
)
def test_bad_dates_explain_themselves(text, message):
    with pytest.raises(DateError, match=message):
        parse_span(text)


def test_span_keeps_the_text_it_was_written_as():
    assert str(parse_span("2025-05/2025-08")) == "2025-05/2025-08"


@pytest.mark.parametrize(
    "text",
    [
        "\u0662\u0660\u0662\u0665-\u0661\u0660-\u0661\u0664",  # Arabic-Indic digits
        "\u0968\u0966\u0968\u096b",  # Devanagari
        "\uff12\uff10\uff12\uff15-10",  # fullwidth
        "2025-\u0661\u0660",  # one part in another script
        "\U0001d7da\U0001d7d8\U0001d7da\U0001d7dd",  # mathematical digits
    ],
)
def test_a_date_is_written_in_ascii_digits_only(text):
    # Python's \d and int() take the digits of every script: such a date must not pass as 2025 unseen.
    with pytest.raises(DateError, match="is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_span(text)
