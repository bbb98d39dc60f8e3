"""Claims indexed for articles: by metric, subject and claimant, then by value and by date, so that a figure
is compared with the few claims that can fit it and never with every claim.

Claims of one metric, subject and claimant form a group; a figure's context names a set of metrics and
perhaps a subject and a claimant, which select groups (a catalog has tens of them, not thousands). Within a
group, claims are sorted by value (the claims that agree with a figure are a bisected window) and by the end
of their dates (the claims a date phrase overlaps). A claim's quote, when the article repeats it, ties a
figure to that claim directly: quotes are indexed by the figure they state.

A gate's claims are mostly series points held as columns (`ClaimSet`), and an article names a few of their
metrics: a group is sorted only when a figure first asks for it, from its series' columns, and a point is made
into a `Claim` only when a lookup returns it. Building the index is grouping the gate's parts and reading the
quotes and outlets of each, not a pass over every claim.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

from factcheck.floor.spans import Span
from factcheck.model.claimset import ClaimSet, Part
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


# Days after a claim's date, and before its publication, within which an article's date still fits it: a count
# as of Monday still stood on Tuesday, and a statement of Monday is reported on Tuesday; a toll of 1996 recalled
# in a report of 2018 is no toll of 2006.
REPORTING_DELAY = dt.timedelta(days=31)


def _between(span: Span, date_end: dt.date, published: Span | None) -> bool:
    """Whether `span` lies wholly between a claim's date (ending `date_end`) and a publication long after it,
    more than `REPORTING_DELAY` from each: it is neither the day counted nor the day reported."""
    return (published is not None and date_end + REPORTING_DELAY < span.start
            and span.end < published.start - REPORTING_DELAY)  # fmt: skip


def date_fits(span: Span | None, claim: Claim) -> bool:
    if span is None:
        return True
    start, end = dated(claim)
    return span.start <= end and start <= span.end and not _between(span, claim.date.end, claim.source.published)


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


def _columns(part: Part) -> tuple[list[float], list[str], list[dt.date], list[dt.date], list[int], list[dt.date],
                                  Span | None]:  # fmt: skip
    """A part's claims as the index sorts them: their values, ids, the days of `dated`, the rows that have
    bounds (`low`/`high`), the end of each one's own date and their publication. A series is read from its
    columns, without making a claim per point."""
    if isinstance(part, Claim):
        start, end = dated(part)
        bounded = [0] if part.low is not None or part.high is not None else []
        return [part.value], [part.id], [start], [end], bounded, [part.date.end], part.source.published
    dates, published = part.dates, part.source.published
    starts, ends = [date.start for date in dates], [date.end for date in dates]
    own_ends = list(ends)
    if published is not None:  # a point of an undated series is published on its date: `dated` adds nothing
        starts = [min(start, published.start) for start in starts]
        ends = [max(end, published.end) for end in ends]
    bounded = sorted(row for row, extra in part.own.items() if extra.low is not None or extra.high is not None)
    return (
        part.values.tolist(),
        [f"{part.series}@{date.text}" for date in dates],
        starts,
        ends,
        bounded,
        own_ends,
        published,
    )


class Group:
    """The claims of one metric, subject and claimant, sorted by value and by the end of their dates. Built
    from the parts as written when a figure first asks for the group; a claim is made only when a lookup
    returns it."""

    def __init__(self, parts: list[Part]):
        self.claims = ClaimSet(parts)  # row `i` of the group is its claim `i`
        self.made: dict[int, Claim] = {}
        values: list[float] = []
        ids: list[str] = []
        self.starts: list[dt.date] = []  # by row
        self.ends: list[dt.date] = []
        self.own_ends: list[dt.date] = []  # by row: the end of the claim's own date, and its publication
        self.published: list[Span | None] = []
        bounded: set[int] = set()
        for part in parts:
            first = len(values)
            part_values, part_ids, starts, ends, rows, own_ends, published = _columns(part)
            values += part_values
            ids += part_ids
            self.starts += starts
            self.ends += ends
            self.own_ends += own_ends
            self.published += [published] * len(part_values)
            bounded.update(first + row for row in rows)
        rows = range(len(values))
        # Claims with bounds are compared one by one; the others are a window of `by_value`.
        self.by_value = [i for _, _, i in sorted(zip(values, ids, rows, strict=True)) if i not in bounded]
        self.values = [values[i] for i in self.by_value]
        self.ranged = [self.claim(i) for i in sorted(bounded)]
        self.by_end = [i for _, _, i in sorted(zip(self.ends, ids, rows, strict=True))]
        self.sorted_ends = [self.ends[i] for i in self.by_end]
        self.longest = max(map(operator.sub, self.ends, self.starts), default=dt.timedelta(0))

    def claim(self, row: int) -> Claim:
        """The claim of `row`, made once."""
        claim = self.made.get(row)
        if claim is None:
            claim = self.made[row] = self.claims[row]
        return claim

    def fits(self, row: int, span: Span | None) -> bool:
        """Whether the days of `row` overlap `span`: `date_fits` without making the claim."""
        return span is None or (span.start <= self.ends[row] and self.starts[row] <= span.end
                                and not _between(span, self.own_ends[row], self.published[row]))  # fmt: skip

    def around(self, value: float) -> list[Claim]:
        """The claims without bounds nearest `value`: the last below it and the first from it."""
        at = bisect.bisect_left(self.values, value)
        return [self.claim(i) for i in self.by_value[max(at - 1, 0) : at + 1]]

    def window(self, low: float, top: float, span: Span | None) -> list[Claim]:
        """The claims without bounds whose value is within `low`..`top` and whose days overlap `span`, by value."""
        rows = self.by_value[bisect.bisect_left(self.values, low) : bisect.bisect_right(self.values, top)]
        return [self.claim(i) for i in rows if self.fits(i, span)]

    def dated(self, span: Span) -> list[Claim]:
        """The claims whose days overlap `span`: those ending from its start, until one starts later than any
        overlapping claim could."""
        found = []
        at = bisect.bisect_left(self.sorted_ends, span.start)
        limit = span.end + self.longest
        for i in self.by_end[at : at + MAX_DATE_SCAN]:
            if self.ends[i] > limit:
                break
            if self.fits(i, span):
                found.append(self.claim(i))
        return found


def _quotes(part: Part) -> Iterator[tuple[str, float, Callable[[], Claim]]]:
    """The quotes of `part`'s claims in their order: each quote, the value it should state and how to make its
    claim. A series point has its own quote or its series'."""
    if isinstance(part, Claim):
        if part.source.quote:
            yield part.source.quote, part.value, lambda: part
        return
    shared = part.source.quote
    rows = range(len(part)) if shared else sorted(row for row, extra in part.own.items() if extra.quote)
    for row in rows:
        extra = part.own.get(row)
        quote = (extra.quote if extra is not None else None) or shared
        if quote:
            yield quote, float(part.values[row]), lambda row=row: part.claim(row)


class ClaimIndex:
    def __init__(self, claims: ClaimSet | Iterable[Claim]):
        if not isinstance(claims, ClaimSet):
            claims = ClaimSet(claims)
        self.claims: Mapping[str, Claim] = claims.by_id
        self._parts: dict[tuple[str, str, str], list[Part]] = defaultdict(list)
        self._groups: dict[tuple[str, str, str], Group] = {}
        quotes: dict[float, list[tuple[tuple[str, ...], Claim]]] = defaultdict(list)
        names: set[str] = set()
        for part in claims.parts:
            self._parts[(part.metric, part.subject, part.claimant)].append(part)
            names.update(name for name in (part.source.outlet, part.source.via) if name)
            for quote, value, make in _quotes(part):
                key = round(value, 6)
                if len(quote) <= MAX_QUOTE_MATCHED and len(quotes[key]) < MAX_QUOTED:
                    parts = quote_parts(quote)
                    if parts and states_figure(quote, value):
                        quotes[key].append((parts, make()))
        self._parts = dict(self._parts)
        self.by_metric: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for key in sorted(self._parts):
            self.by_metric[key[0]].append(key)
        self.quotes = dict(quotes)
        # The outlets that publish or relay the claims: named as a figure's speaker, they relay it ("Reuters
        # reported"), and the claimant is whoever they quote. A series' points share their series' source.
        self.outlets = frozenset(_name(name) for name in names)

    def group(self, key: tuple[str, str, str]) -> Group:
        """The claims of one metric, subject and claimant, indexed the first time a figure asks for them."""
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = Group(self._parts[key])
        return group

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
            group = self.group(key)
            for claim in (*group.window(low, top, span), *group.ranged):
                if date_fits(span, claim) and not agreement(value, qualifier, half_unit, high, claim):
                    found.append(claim)
        return found

    def nearest(self, keys: list[tuple[str, str, str]], value: float, span: Span | None) -> Claim | None:
        """Of the claims of these groups whose date fits, the one whose value is nearest the figure's."""
        best: tuple | None = None
        for key in keys:
            group = self.group(key)
            pool = group.around(value) + group.ranged if span is None else group.dated(span)
            for claim in pool:
                rank = (abs(claim.value - value) / max(abs(value), 1.0), claim.id)
                if best is None or rank < best[0]:
                    best = (rank, claim)
        return best[1] if best else None

    def quoted(self, value: float, paragraph: str) -> list[Claim]:
        """The claims whose quote states `value` and which the paragraph (normalized) repeats."""
        return [claim for parts, claim in self.quotes.get(round(value, 6), ()) if repeats(paragraph, parts)]
