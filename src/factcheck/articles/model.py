"""What an article check produces: each figure found, its verdict, and the article's text for reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.dates import Span
from factcheck.findings import Finding

# Verdicts, as the HTML report marks them (a symbol as well as a colour).
BACKED, CONTRADICTS, UNBACKED, AMBIGUOUS, IGNORED = "backed", "contradicts", "unbacked", "ambiguous", "ignored"


@dataclass(frozen=True)
class Figure:
    """A figure as the article states it: "more than 46,000" is the value 46,000 with the qualifier more_than."""

    start: int  # offsets of the numeral (with its multiplier or %) in the article's text
    end: int
    phrase_start: int  # where the qualifier words begin (== start without them)
    line: int
    column: int  # of the numeral's first character, 1-based
    text: str  # the numeral as written: "1.1 million", "20%"
    phrase: str  # with its qualifier words: "some 420,000"
    value: float
    qualifier: str  # a dataset qualifier (factcheck.figures.QUALIFIERS)
    half_unit: float  # half a unit of its last stated digit: the precision it implies
    percent: bool
    binding: str | None = None  # a claim id bound explicitly ([55,000](claim:ID) or 55,000{claim:ID})
    unit: str | None = None  # None for a count; "percent", "km", "usd", "age" (articles.quantities)


@dataclass(frozen=True)
class DatePhrase:
    """A date in the prose ("February 2025", "last month") and the days it means (None: not resolvable)."""

    start: int
    end: int
    text: str
    span: Span | None
    dates_figures: bool  # False for "since 2022", "before the 2022 invasion": a bound or a label, not a date


@dataclass(frozen=True)
class Context:
    """What the prose around a figure says about it, each part read from the catalog's vocabulary."""

    metrics: frozenset[str]
    subject: str | None
    claimant: str | None
    carried_from: int | None  # the line of an earlier sentence whose claimant this one carries ("he added")
    date: DatePhrase | None
    words: tuple[str, ...] = ()  # the metric words that decided the metric, nearest first
    headline: bool = False  # the figure stands in a heading, which drops the qualifiers its body states


@dataclass(frozen=True)
class Mark:
    """One figure of an article with its verdict, for the HTML report."""

    figure: Figure
    verdict: str
    finding: Finding | None  # None for an ignored figure
    reason: str = ""  # why it is ignored
    context: Context | None = None  # what the prose says about it (None for an ignored figure)


@dataclass
class CheckedArticle:
    """An article as the reports show it: its body, and a mark on every figure."""

    file: str
    title: str | None
    published: str | None
    text: str  # the whole file as read
    body_start: int  # the offset where the text after the front matter begins
    marks: list[Mark] = field(default_factory=list)
