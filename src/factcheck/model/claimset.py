"""The claims of a run, held as columns: a series' points are a line, a date and a value each.

A daily table of a thousand regions is a million series points. Held as one `Claim` object each, they
took about half of a run's memory; a series' points share everything but their line, date and value,
so `Points` holds those three as columns and what they share once (and, for the few points that have
fields of their own, those fields). A `Claim` is made only when a point is asked for (a finding names it, a report shows it, a chart draws it), and is not kept. A claim written
on its own, under `claims:`, stays one object: a desk writes those by hand, a few thousand at most.

`ClaimSet` is the claims of a run in the order they were written (file, then `claims:` before `series:`,
then line), as a sequence; `ClaimSet.by_id` is the same claims by id, the mapping reports read
(`Report.claims`); `SeriesIndex` gives a report the claims of one series. `frame.build` takes a series'
columns as they are, without making a `Claim` per point.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from factcheck.floor.columns import series_id
from factcheck.floor.spans import Span
from factcheck.model.format import Claim, PointExtra, PointSource, Source


@dataclass(slots=True, eq=False)
class Points:
    """The points of one series in one file: a line, a date and a value each, and for a point with more
    (notes, waivers, a qualifier, bounds, a quote, `fall`) those fields in `own`."""

    series: str
    file: str
    dataset: str
    origin: Span | None
    metric: str
    subject: str
    claimant: str
    qualifier: str
    kind: str
    source: Source
    notes: str | None
    lines: np.ndarray  # int64
    values: np.ndarray  # float64
    dates: list[Span]
    own: dict[int, PointExtra] = field(default_factory=dict)  # row -> the point's fields of its own
    _rows: dict[str, int] | None = None  # date text -> row, made on the first lookup

    def __len__(self) -> int:
        return len(self.lines)

    def claim(self, row: int) -> Claim:
        """The point at `row` as a claim: the series' fields, then the point's own over them."""
        date = self.dates[row]
        extra = self.own.get(row)
        if extra is None:
            extra, notes = _PLAIN, self.notes
        else:  # the series' notes hold for every point; a point's own notes add to them
            notes = "\n\n".join(n for n in (self.notes, extra.notes) if n) or None
        source = self.source
        if source.published is None or extra.quote:  # an undated series' point is published when it is dated
            source = PointSource(source.outlet, source.published or date, source.url, extra.quote or source.quote,
                                 source.via)  # fmt: skip
        return Claim(
            id=f"{self.series}@{date.text}", file=self.file, line=int(self.lines[row]), dataset=self.dataset,
            origin=self.origin, metric=self.metric, subject=self.subject, claimant=self.claimant,
            value=float(self.values[row]), qualifier=extra.qualifier or self.qualifier, low=extra.low,
            high=extra.high, date=date, kind=self.kind, source=source, notes=notes, waivers=tuple(extra.waivers),
            series=self.series, fall=extra.fall,
        )  # fmt: skip

    def row_of(self, date_text: str) -> int | None:
        if self._rows is None:
            self._rows = {span.text: row for row, span in enumerate(self.dates)}
        return self._rows.get(date_text)

    def kept(self, keep: np.ndarray) -> Points:
        """These points where `keep` (a boolean per row) holds."""
        rows = np.flatnonzero(keep)
        renumber = {int(old): new for new, old in enumerate(rows)}
        return Points(
            self.series, self.file, self.dataset, self.origin, self.metric, self.subject, self.claimant,
            self.qualifier, self.kind, self.source, self.notes, self.lines[rows], self.values[rows],
            [self.dates[r] for r in rows], {renumber[r]: c for r, c in self.own.items() if r in renumber},
        )  # fmt: skip


_PLAIN = PointExtra()  # a point with no fields of its own
Part = Claim | Points


def _claims_of(parts: Iterable[Part]) -> Iterator[Claim]:
    """The claims of `parts` in their order, each series point made as it comes."""
    for part in parts:
        if isinstance(part, Points):
            for row in range(len(part)):
                yield part.claim(row)
        else:
            yield part


_FEW_PARTS = 4  # a series in more parts than this is looked up through one index of its dates


class ClaimSet(Sequence[Claim]):
    """The claims of a run (or of one gate), in the order they were written."""

    def __init__(self, parts: Iterable[Part] = ()) -> None:
        self.parts: list[Part] = []
        self._ends: list[int] = []  # the number of claims up to and including each part
        self._singles: dict[str, Claim] = {}
        self._series: dict[str, list[Points]] = {}
        # For a series in many parts (a table split by year or by month), the part that holds each date,
        # made on the first lookup: trying the parts in turn made every lookup cost as many parts.
        self._part_of: dict[str, dict[str, Points]] = {}
        for part in parts:
            self.append(part)

    def append(self, part: Part) -> None:
        if isinstance(part, Points):
            if not len(part):
                return
            self._series.setdefault(part.series, []).append(part)
            index = self._part_of.get(part.series)
            if index is not None:
                for span in part.dates:
                    index.setdefault(span.text, part)
        else:
            self._singles[part.id] = part
        self.parts.append(part)
        self._ends.append((self._ends[-1] if self._ends else 0) + (len(part) if isinstance(part, Points) else 1))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __eq__(self, other: object) -> bool:  # the same claims in the same order, however they are held
        return (
            isinstance(other, ClaimSet)
            and len(self) == len(other)
            and all(a == b for a, b in zip(self, other, strict=True))
        )

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, index):  # a position, as in a list; `by_id` looks claims up by id
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        at = bisect.bisect_right(self._ends, index)
        part = self.parts[at]
        if isinstance(part, Points):
            return part.claim(index - (self._ends[at - 1] if at else 0))
        return part

    def __iter__(self) -> Iterator[Claim]:
        return _claims_of(self.parts)

    def get(self, claim_id: str) -> Claim | None:
        """The claim with this id, made anew for a series point."""
        claim = self._singles.get(claim_id)
        if claim is not None:
            return claim
        found = self._point(claim_id)
        return found[0].claim(found[1]) if found else None

    def has(self, claim_id: str) -> bool:
        """Whether a claim has this id, without making it."""
        return claim_id in self._singles or self._point(claim_id) is not None

    def _point(self, claim_id: str) -> tuple[Points, int] | None:
        series, at, date_text = claim_id.rpartition("@")
        parts = self._series.get(series, ()) if at else ()
        if len(parts) > _FEW_PARTS:
            index = self._part_of.get(series)
            if index is None:
                index = self._part_of[series] = {}
                for points in parts:
                    for span in points.dates:
                        index.setdefault(span.text, points)
            parts = (index[date_text],) if date_text in index else ()
        for points in parts:
            row = points.row_of(date_text)
            if row is not None:
                return points, row
        return None

    def ids(self) -> Iterator[str]:
        for part in self.parts:
            if isinstance(part, Points):
                for span in part.dates:
                    yield f"{part.series}@{span.text}"
            else:
                yield part.id

    def series_ids(self) -> Iterable[str]:
        """The series that have points here."""
        return self._series.keys()

    def in_files(self, files: set[str] | frozenset[str]) -> ClaimSet:
        """The claims of these files, in the same order."""
        return ClaimSet(p for p in self.parts if p.file in files)

    def by_file(self) -> dict[str, ClaimSet]:
        """The claims of each file, in the same order: one pass, for a caller that wants many files."""
        parts: dict[str, list[Part]] = {}
        for part in self.parts:
            parts.setdefault(part.file, []).append(part)
        return {file: ClaimSet(found) for file, found in parts.items()}

    def with_waivers(self) -> Iterator[Claim]:
        """The claims that carry waivers (a series point carries them only as a point of its own)."""
        for part in self.parts:
            if isinstance(part, Points):
                yield from (part.claim(row) for row, extra in part.own.items() if extra.waivers)
            elif part.waivers:
                yield part

    @property
    def by_id(self) -> ById:
        return ById(self)


class ById(Mapping[str, Claim]):
    """A run's claims by id: what `Report.claims` holds. Each lookup of a series point makes its claim.

    A run whose datasets were read on Spark's executors holds only the claims its reports read; `count` is
    then the number of claims it checked, which its length says, and `series` the number of their series,
    which `SeriesIndex` says (`factcheck.pipeline.on_executors`)."""

    def __init__(self, claims: ClaimSet, count: int | None = None, series: int | None = None) -> None:
        self.claims = claims
        self.count = count
        self.series = series

    def __getitem__(self, claim_id: str) -> Claim:
        claim = self.claims.get(claim_id)
        if claim is None:
            raise KeyError(claim_id)
        return claim

    def get(self, claim_id: str, default: Claim | None = None) -> Claim | None:
        claim = self.claims.get(claim_id)
        return default if claim is None else claim

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self.claims.has(claim_id)

    def __iter__(self) -> Iterator[str]:
        return self.claims.ids()

    def __len__(self) -> int:
        return len(self.claims) if self.count is None else self.count

    def values(self) -> Iterator[Claim]:  # type: ignore[override]
        return iter(self.claims)

    def items(self) -> Iterator[tuple[str, Claim]]:  # type: ignore[override]
        return ((c.id, c) for c in self.claims)


class SeriesIndex:
    """The claims of each series (`series_id`), each series made when it is first asked for: a report
    draws the few series that have findings, and the claims of the others are never made. Its length is
    the number of series the run checked: those of the claims held, or `ById.series` when the claims held
    are only those the reports read."""

    def __init__(self, claims: Mapping[str, Claim]) -> None:
        parts: Iterable[Part] = claims.claims.parts if isinstance(claims, ById) else claims.values()
        self._parts: dict[tuple, list[Part]] = {}
        for part in parts:
            self._parts.setdefault(series_id(part.claim(0) if isinstance(part, Points) else part), []).append(part)
        self._count = claims.series if isinstance(claims, ById) else None

    def __len__(self) -> int:
        return len(self._parts) if self._count is None else self._count

    def claims(self, sid: tuple) -> list[Claim]:
        """The claims of series `sid`, in written order (none for a series not here)."""
        return list(_claims_of(self._parts.get(sid, ())))


def apart_from_same_points(old: Mapping[str, Claim], new: Mapping[str, Claim]) -> tuple[list[Claim], list[Claim]]:
    """The claims of `old` and of `new` that a comparison of the two must look at: all of them, less the
    points of each series that both hold alike, file by file (one part each in that file, with the same
    shared fields, dates, values and points' own fields in the same order; their lines may have moved).
    A pull request that adds a day to a daily table leaves a million points alike, and comparing them
    would make each one twice."""
    if not (isinstance(old, ById) and isinstance(new, ById)):
        return list(old.values()), list(new.values())
    alike: set[int] = set()  # the parts' id()s
    for series, after in new.claims._series.items():
        before = _one_a_file(old.claims._series.get(series, ()))
        for file, part in _one_a_file(after).items():
            if file in before and _alike(before[file], part):
                alike.update((id(before[file]), id(part)))

    def rest(claims: ClaimSet) -> list[Claim]:
        return list(_claims_of(p for p in claims.parts if id(p) not in alike))

    return rest(old.claims), rest(new.claims)


def _one_a_file(parts: Iterable[Points]) -> dict[str, Points]:
    """The part of each file, for the files that hold one part of the series."""
    by_file: dict[str, list[Points]] = {}
    for part in parts:
        by_file.setdefault(part.file, []).append(part)
    return {file: found[0] for file, found in by_file.items() if len(found) == 1}


def _alike(a: Points, b: Points) -> bool:
    shared = ("file", "dataset", "origin", "metric", "subject", "claimant", "qualifier", "kind", "source", "notes")
    return (
        a.own == b.own
        and all(getattr(a, name) == getattr(b, name) for name in shared)
        and len(a) == len(b)
        and np.array_equal(a.values, b.values)
        and [d.text for d in a.dates] == [d.text for d in b.dates]
    )
