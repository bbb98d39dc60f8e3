"""Figures as intervals, and figures as people write them in quotes.

A claimed figure is a value with a qualifier ("about 55,000", "more than 46,000"). Every check compares
intervals `[lower, upper]`, so that "about 55,000" and "55,400" are not called a contradiction while a
one-digit slip in a large daily total still is.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Literal

Qualifier = Literal["exact", "about", "nearly", "at_least", "more_than", "at_most", "less_than"]

QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "nearly": "nearly ",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "less_than": "less than ",
}


# Any decimal of at most this many significant digits becomes a float of its own (DBL_DIG): two such figures
# never become the same float, so a fall between them is never lost.
EXACT_DIGITS = 15
EXACT_WHOLE = 2**53  # the largest whole number below which a float holds every whole number


INEXACT_HINT = f"a figure is compared exactly up to {EXACT_WHOLE:,}, or to {EXACT_DIGITS} significant digits"


def inexact(text: str) -> str | None:
    """Why a plain decimal number `text` cannot be compared exactly, or None when it can (docs/format.md)."""
    if (became := lost_in_float(text)) is None:
        return None
    shown = text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text):,} characters)"
    what = "too large" if abs(became) >= EXACT_WHOLE else "too precise"
    read = str(int(became)) if became.is_integer() else repr(became)
    return f"{shown} is {what} to compare exactly: the checks would read it as {read}"


def lost_in_float(text: str) -> float | None:
    """The float a plain decimal number `text` ("-9007199254740993", "1.5e3") becomes, when that float is
    not the number written and the number has more significant digits than a float keeps apart
    (9,007,199,254,740,993 becomes 9,007,199,254,740,992: a fall of one would be lost); otherwise None."""
    mantissa = text.lstrip("+-").partition("e")[0].partition("E")[0]
    if len(mantissa) <= EXACT_DIGITS:  # the common case: too short to have more significant digits
        return None
    whole, _, fraction = mantissa.partition(".")
    significant = (whole + fraction).lstrip("0").rstrip("0")
    if len(significant) <= EXACT_DIGITS:
        return None
    value = float(text)
    return None if Decimal(text) == Decimal(value) else value


def implied_half_unit(value: float) -> float:
    """Half a unit of the last non-zero digit as stated: 55,000 -> 500; 1,325,460 -> 5; 2.5 -> 0.05."""
    if value == 0 or not math.isfinite(value):
        return 0.5
    magnitude = abs(value)
    if magnitude < 2**53 and magnitude == int(magnitude):  # a whole figure, exactly a float: count its zeros
        digits = str(int(magnitude))
        exponent = len(digits) - len(digits.rstrip("0"))
    else:
        exponent = Decimal(repr(magnitude)).normalize().as_tuple().exponent
    return 5 * 10.0 ** (exponent - 1)


def tolerance(value: float, relative: float | None = None) -> float:
    """The half-width `h` of "about": the implied precision, or `relative` x value when a gate sets it."""
    if relative is not None:
        return abs(value) * relative
    return implied_half_unit(value)


def bounds(
    value: float,
    qualifier: str = "exact",
    low: float | None = None,
    high: float | None = None,
    relative: float | None = None,
) -> tuple[float, float]:
    """The closed interval of values a claim allows (docs/format.md: "Figures: value and qualifier")."""
    if low is not None or high is not None:
        return (low if low is not None else value, high if high is not None else value)
    h = tolerance(value, relative)
    match qualifier:
        case "exact":
            return value, value
        case "about":
            return max(value - h, 0.0), value + h
        case "nearly":
            return max(value - 2 * h, 0.0), value
        case "at_least" | "more_than":
            return value, math.inf
        case "at_most" | "less_than":
            return 0.0, value
    raise ValueError(f"unknown qualifier {qualifier!r}")


def format_number(value: float) -> str:
    """55000 -> '55,000'; 1100000.0 -> '1,100,000'; 20.5 -> '20.5'; inf -> 'no upper limit'."""
    if math.isinf(value):
        return "unbounded"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def format_figure(value: float, qualifier: str, unit: str = "") -> str:
    """'about 55,000', 'more than 46,000', 'about 20%'."""
    text = QUALIFIER_WORDS.get(qualifier, "") + format_number(value)
    if unit == "percent":
        return text + "%"
    return text


# Thousands separators: comma, dot, space, no-break space, narrow no-break space, thin space, and the
# typographic apostrophe (Swiss style). Each must stand before exactly three digits.
_SEPARATORS = ",. \u00a0\u202f\u2009\u2019"
# The words that multiply the number before them, in quotes as in articles (prose.figures reads them too).
# "lakh" (100,000) and "crore" (10 million) are how South Asian English news states large counts: "2.3 lakh
# cases" is 230,000 cases.
MULTIPLIERS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
               "bn": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7,
               "crores": 1e7}  # fmt: skip
# In a quote, "m" after a space is as often metres as a million: only glued to the digits ("1.1m") is it read.
_NUMBER = re.compile(
    r"(?<![\w.,])(?:(\d{1,3}(?:[" + _SEPARATORS + r"]\d{3})+)(?!\d)|(\d+))"
    r"(?:[.,](\d+))?"
    r"(?:\s*(" + "|".join(sorted((w for w in MULTIPLIERS if w != "m"), key=len, reverse=True)) + r")\b|(m)\b)?",
    re.IGNORECASE,
)


def number_spans(text: str) -> list[tuple[int, int, frozenset[float]]]:
    """Where `text` states each figure, and what it may read as: (start, end, readings), in text order.

    "55.000" is read both as thousands and as a decimal, so a quote is never called wrong because of the
    separator convention of its language. The span covers the number and its word ("1.1 million").
    """
    found = []
    for match in _NUMBER.finditer(text):
        grouped, plain, decimals, word, million = match.groups()
        word = word or million
        multiplier = MULTIPLIERS[word.lower()] if word else 1.0
        if grouped:
            readings = [float(re.sub("[" + _SEPARATORS + "]", "", grouped))]
            if len(grouped) in (5, 6, 7) and grouped[-4] in ".,":
                readings.append(float(grouped.replace(",", ".")))
        else:
            readings = [float(f"{plain}.{decimals}" if decimals else plain)]
        found.append((match.start(), match.end(), frozenset(round(r * multiplier, 6) for r in readings)))
    return found


def numbers_in(text: str) -> set[float]:
    """Every figure that `text` states: "55,000", "55 000", "55.000", "55 thousand", "1.1 million"."""
    return {reading for _, _, readings in number_spans(text) for reading in readings}
