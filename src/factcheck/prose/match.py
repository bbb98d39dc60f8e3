"""Claims indexed for articles: by metric, subject and claimant, then by value and by date, so that a figure
is compared with the few claims that can fit it and never with every claim.

Claims of one metric, subject and claimant form a group; a figure's context names a set of metrics and
perhaps a subject and a claimant, which select groups (a catalog has tens of them, not thousands). Within a
group, claims are sorted by value (the claims that agree with a figure are a bisected window) and by the end
of their dates (the claims a date phrase overlaps). A claim's quote, when the article repeats it, ties a
figure to that claim directly: quotes are indexed by the figure they state.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.floor.spans import Span
from factcheck.model.format import Claim
from factcheck.rules.article_contradicts import disagreement, range_disagreement, value_window
from factcheck.rules.quote_states_figure import states_figure

MAX_QUOTED = 20  # quotes indexed per figure value: a quote is tied once, a dataset of copies costs nothing more
MAX_QUOTE_MATCHED = 2000  # characters: a quote an article repeats is a sentence or two
MIN_QUOTE = 20  # characters: "is 55,000" says too little to tie a figure to one claim
MAX_DATE_SCAN = 20_000  # claims one date lookup may step over in a group


def dated(claim: Claim) -> tuple[dt.date, dt.date]:
    """The days a claim is about or was published on: a date phrase in an article may give either."""
    start, end = claim.date.start, claim.date.end
    published = claim.source.published
    if published is not None:
        start, end = min(start, published.start), max(end, published.end)
    return start, end


def date_fits(span: Span | None, claim: Claim) -> bool:
    if span is None:
        return True
    start, end = dated(claim)
    return span.start <= end and start <= span.end


_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})


def normalized(text: str) -> str:
    return " ".join(text.translate(_QUOTE_MARKS).casefold().split())


def _name(text: str) -> str:
    lowered = normalized(text)
    return lowered[4:] if lowered.startswith("the ") else lowered


def quote_parts(quote: str) -> tuple[str, ...]:
    """A quote as the pieces an article repeats in order: split at its ellipses, trimmed of quotation marks."""
    pieces = quote.replace("…", "...").split("...")
    parts = tuple(p for p in (normalized(piece).strip(" \"'.,;:") for piece in pieces) if p)
    return parts if sum(len(p) for p in parts) >= MIN_QUOTE else ()


def repeats(text: str, parts: tuple[str, ...]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at == -1:
            return False
        at += len(part)
    return True


def agreement(value: float, qualifier: str, half_unit: float, high: float | None, claim: Claim) -> tuple[str, ...]:
    """What differs between a figure (a range when `high` is given) and a claim: () when they agree."""
    if high is not None:
        return range_disagreement(value, high, half_unit, claim.value, claim.qualifier, claim.low, claim.high)
    return disagreement(value, qualifier, half_unit, claim.value, claim.qualifier, claim.low, claim.high)


@dataclass
class Group:
    claims: list[Claim] = field(default_factory=list)  # sorted by value
    values: list[float] = field(default_factory=list)
    ranged: list[Claim] = field(default_factory=list)  # claims with `low`/`high`, compared one by one
    by_end: list[Claim] = field(default_factory=list)  # sorted by the end of `dated`
    ends: list[dt.date] = field(default_factory=list)
    longest: dt.timedelta = dt.timedelta(0)


class ClaimIndex:
    def __init__(self, claims: Iterable[Claim]):
        groups: dict[tuple[str, str, str], Group] = defaultdict(Group)
        self.claims: dict[str, Claim] = {}
        quotes: dict[float, list[tuple[tuple[str, ...], Claim]]] = defaultdict(list)
        for claim in claims:
            self.claims[claim.id] = claim
            group = groups[(claim.metric, claim.subject, claim.claimant)]
            (group.ranged if claim.low is not None or claim.high is not None else group.claims).append(claim)
            quote = claim.source.quote
            key = round(claim.value, 6)
            if quote and len(quote) <= MAX_QUOTE_MATCHED and len(quotes[key]) < MAX_QUOTED:
                parts = quote_parts(quote)
                if parts and states_figure(quote, claim.value):
                    quotes[key].append((parts, claim))
        for group in groups.values():
            group.claims.sort(key=lambda c: (c.value, c.id))
            group.values = [c.value for c in group.claims]
            group.by_end = sorted(group.claims + group.ranged, key=lambda c: (dated(c)[1], c.id))
            group.ends = [dated(c)[1] for c in group.by_end]
            group.longest = max((dated(c)[1] - dated(c)[0] for c in group.by_end), default=dt.timedelta(0))
        self.groups = dict(groups)
        self.by_metric: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for key in sorted(self.groups):
            self.by_metric[key[0]].append(key)
        self.quotes = dict(quotes)
        # The outlets that publish or relay the claims: named as a figure's speaker, they relay it ("Reuters
        # reported"), and the claimant is whoever they quote.
        self.outlets = frozenset(
            _name(name) for claim in self.claims.values() for name in (claim.source.outlet, claim.source.via) if name
        )

    def relays(self, name: str) -> bool:
        """Whether `name` ("the Post", "Reuters") names an outlet of the claims, whole or by its last words."""
        wanted = _name(name)
        return any(outlet == wanted or outlet.endswith(" " + wanted) for outlet in self.outlets)

    def keys(self, metrics: Iterable[str], subject: str | None, claimant: str | None) -> list[tuple[str, str, str]]:
        """The groups of these metrics, of this subject and this claimant when the article names them."""
        return [
            key
            for metric in sorted(metrics)
            for key in self.by_metric.get(metric, ())
            if (subject is None or key[1] == subject) and (claimant is None or key[2] == claimant)
        ]

    def agreeing(self, keys: list[tuple[str, str, str]], value: float, qualifier: str, half_unit: float,
                 span: Span | None, high: float | None = None) -> list[Claim]:  # fmt: skip
        """The claims of these groups whose value and qualifier agree with the figure (or its range
        `value`..`high`) and whose date fits."""
        low, top = value_window(value, qualifier, half_unit, high)
        found = []
        for key in keys:
            group = self.groups[key]
            window = group.claims[bisect.bisect_left(group.values, low) : bisect.bisect_right(group.values, top)]
            for claim in (*window, *group.ranged):
                if date_fits(span, claim) and not agreement(value, qualifier, half_unit, high, claim):
                    found.append(claim)
        return found

    def nearest(self, keys: list[tuple[str, str, str]], value: float, span: Span | None) -> Claim | None:
        """Of the claims of these groups whose date fits, the one whose value is nearest the figure's."""
        best: tuple | None = None
        for key in keys:
            group = self.groups[key]
            if span is None:
                at = bisect.bisect_left(group.values, value)
                pool = group.claims[max(at - 1, 0) : at + 1] + group.ranged
            else:
                pool = self._dated(group, span)
            for claim in pool:
                rank = (abs(claim.value - value) / max(abs(value), 1.0), claim.id)
                if best is None or rank < best[0]:
                    best = (rank, claim)
        return best[1] if best else None

    def _dated(self, group: Group, span: Span) -> list[Claim]:
        """The claims of a group whose dates overlap `span`: those ending from its start, until one starts
        later than any overlapping claim could."""
        found = []
        at = bisect.bisect_left(group.ends, span.start)
        limit = span.end + group.longest
        for claim in group.by_end[at : at + MAX_DATE_SCAN]:
            if dated(claim)[1] > limit:
                break
            if date_fits(span, claim):
                found.append(claim)
        return found

    def quoted(self, value: float, paragraph: str) -> list[Claim]:
        """The claims whose quote states `value` and which the paragraph (normalized) repeats."""
        return [claim for parts, claim in self.quotes.get(round(value, 6), ()) if repeats(paragraph, parts)]
