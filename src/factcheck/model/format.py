"""The dataset format (docs/format.md) as pydantic models: what a curator may write, and nothing else.

Models are strict: a number written as text, a boolean where a number belongs or an unknown field is an
error with a line number, never a silent conversion. `Claim` is the checked, located form that the rest
of the tool works with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator

from factcheck.floor.numbers import Qualifier
from factcheck.floor.severity import Severity
from factcheck.floor.spans import Span, parse_span

Engine = Literal["pandas", "spark"]

DateSpan = Annotated[Span, BeforeValidator(parse_span)]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=100)]
ClaimId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@:-]*$", max_length=200)]
# A series id never holds '@': its points are `<series id>@<date>`, so a derived id names one point only.
SeriesId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$", max_length=150)]
# `fall: unexplained` marks a cumulative total that the claimant itself published below an earlier one,
# with no correction known: still reported, as a warning (cumulative-fall-unexplained), never waived.
Fall = Literal["unexplained"]


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


Text = Annotated[str, AfterValidator(_not_blank)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, arbitrary_types_allowed=True, frozen=True)


# The words an article uses for a metric or a subject ("killed or wounded", "Ukrainian"): a phrase of at
# most a few words, so that matching an article against the catalog costs a few lookups per word.
Phrase = Annotated[str, AfterValidator(_not_blank), Field(max_length=100)]
MAX_PHRASES = 200


def _distinct(phrases: list[str]) -> list[str]:
    folded = [" ".join(p.lower().split()) for p in phrases]
    for phrase, fold in zip(phrases, folded, strict=True):
        if len(fold.split()) > 8:
            raise ValueError(f"{phrase!r} has more than 8 words: give the words an article uses, not a sentence")
    seen = {f for f in folded if folded.count(f) > 1}
    if seen:
        raise ValueError(f"{sorted(seen)[0]!r} is listed twice")
    return phrases


Phrases = Annotated[list[Phrase], Field(max_length=MAX_PHRASES), AfterValidator(_distinct)]


def _distinct_keys(keys: list[str]) -> list[str]:
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ValueError(f"{twice[0]!r} is listed twice")
    return keys


class Metric(_Model):
    unit: Text
    description: Text
    cumulative: bool = True
    within: Key | None = None
    # The most a figure of this metric can plausibly be: above it, most likely a slip (value-within-max).
    max: Annotated[Number, Field(gt=0)] | None = None
    # How articles word this metric ("killed", "killed or wounded", "soldiers"): docs/articles.md.
    terms: Phrases = []


class Subject(_Model):
    name: Text
    description: str | None = None
    # Other names and demonyms an article uses ("Ukrainian", "Kyiv", "Kiev"): docs/articles.md.
    aliases: Phrases = []
    # How many people it counts: no count of people about it can be higher (people-within-population).
    population: Annotated[int, Field(gt=0)] | None = None
    # A place inside another (a province in its country, the areas a government holds): its counts are a
    # part of the whole's, compared with them by part-within-whole only, never as the same series.
    within: Key | None = None
    # A group counted together (two countries struck by one earthquake): each part is within the group.
    parts: Annotated[list[Key], Field(min_length=2), AfterValidator(_distinct_keys)] = []


class Claimant(_Model):
    name: Text
    role: str | None = None
    # On a conflict desk, the party the claimant speaks for (a subject): its figures about another subject
    # are about its adversary. Elsewhere (a ministry, a UN agency, a rescue NGO) it is left out: independent.
    affiliation: Key = "independent"
    aliases: list[Text] = []


class Catalog(_Model):
    metrics: dict[Key, Metric]
    subjects: dict[Key, Subject]
    claimants: dict[Key, Claimant]
    # Each subject's wholes (`within`, and the groups listing it in `parts`), nearest first, transitively.
    _wholes: dict[str, tuple[str, ...]] = PrivateAttr(default_factory=dict)

    def wholes(self, subject: str) -> tuple[str, ...]:
        """The subjects `subject` lies within: its `within`, the groups it is a part of, and theirs."""
        return self._wholes.get(subject, ())

    @model_validator(mode="after")
    def _references(self) -> Catalog:
        for key, metric in self.metrics.items():
            if metric.within is not None and metric.within not in self.metrics:
                raise ValueError(f"metric {key!r} is `within` {metric.within!r}, which is not a metric")
        self._wholes = _subject_wholes(self.subjects)
        for key, claimant in self.claimants.items():
            if claimant.affiliation != "independent" and claimant.affiliation not in self.subjects:
                raise ValueError(
                    f"claimant {key!r} has affiliation {claimant.affiliation!r}: "
                    "use a subject key (the party to a conflict it speaks for), or leave it out (independent)"
                )
        # An article names a subject by any of its spellings: one spelling for two subjects names neither.
        spellings: dict[str, str] = {}
        for key, subject in self.subjects.items():
            for spelling in (subject.name, *subject.aliases):
                fold = " ".join(spelling.lower().split())
                if spellings.setdefault(fold, key) != key:
                    raise ValueError(f"{spelling!r} names both subjects {spellings[fold]!r} and {key!r}")
        return self


def _subject_wholes(subjects: dict[str, Subject]) -> dict[str, tuple[str, ...]]:
    """Each subject's wholes, nearest first; a reference to no subject, or a subject within itself, is refused."""
    direct: dict[str, list[str]] = {key: [] for key in subjects}
    for key, subject in subjects.items():
        if subject.within is not None:
            if subject.within not in subjects:
                raise ValueError(f"subject {key!r} is `within` {subject.within!r}, which is not a subject")
            direct[key].append(subject.within)
        for part in subject.parts:
            if part not in subjects:
                raise ValueError(f"subject {key!r} lists {part!r} in `parts`, which is not a subject")
            if key not in direct[part]:
                direct[part].append(key)
    wholes: dict[str, tuple[str, ...]] = {}
    for key in subjects:
        found: list[str] = []
        todo = list(direct[key])
        while todo:
            whole = todo.pop(0)
            if whole == key:
                raise ValueError(f"subject {key!r} lies within itself (through `within` or `parts`)")
            if whole not in found:
                found.append(whole)
                todo.extend(direct[whole])
        if found:
            wholes[key] = tuple(found)
    return wholes


MAX_QUOTE = 100_000


class Source(_Model):
    outlet: Text | None = None
    published: DateSpan | None = None
    url: Text | None = None
    # The quote-states-figure check reads every number in the quote: a quote is a sentence or a paragraph,
    # and a bound keeps a file of digits from costing minutes.
    quote: Annotated[Text, Field(max_length=MAX_QUOTE)] | None = None
    via: Text | None = None


class Waiver(_Model):
    check: Text
    reason: Text
    until: DateSpan | None = None


class ClaimIn(_Model):
    id: ClaimId
    metric: Text
    subject: Text
    claimant: Text
    value: Number
    qualifier: Qualifier = "exact"
    low: Number | None = None
    high: Number | None = None
    as_of: DateSpan | None = None
    period: DateSpan | None = None
    source: Source
    notes: str | None = None
    fall: Fall | None = None
    # A figure expected, not counted ("could reach 20,000"), dated `as_of` the day it was made: it is no
    # total to date, so the checks of totals and series leave it out (kind `projection`).
    projection: bool = False
    waivers: list[Waiver] = []

    @model_validator(mode="after")
    def _one_date(self) -> ClaimIn:
        if (self.as_of is None) == (self.period is None):
            raise ValueError("give exactly one of `as_of` (a cumulative total) or `period` (a total over a window)")
        if self.projection and self.as_of is None:
            raise ValueError(
                'a projection is dated `as_of` the day it was made: write its horizon ("by March") in `notes`'
            )
        _check_extra(self)
        return self


def _check_extra(model: ClaimIn | PointExtra) -> None:
    if model.low is not None and model.high is not None and model.low > model.high:
        raise ValueError(f"`low` ({model.low:g}) is above `high` ({model.high:g})")
    if model.fall is not None and not model.notes:
        raise ValueError("`fall: unexplained` needs `notes` saying what is known about the fall")


class SeriesIn(_Model):
    """Many figures from one claimant: shared fields once, then `points: [[date, value], ...]`."""

    id: SeriesId
    metric: Text
    subject: Text
    claimant: Text
    qualifier: Qualifier = "exact"
    kind: Literal["as_of", "period"] = "as_of"
    source: Source
    notes: str | None = None
    # Each point is checked on its own (datasets._read_point), so one bad point never hides the others.
    points: Annotated[list[object], Field(min_length=1)]


class PointExtra(_Model):
    """The optional third element of a series point: what only this point has."""

    qualifier: Qualifier | None = None
    low: Number | None = None
    high: Number | None = None
    notes: str | None = None
    quote: Text | None = None
    fall: Fall | None = None
    waivers: list[Waiver] = []

    @model_validator(mode="after")
    def _consistent(self) -> PointExtra:
        _check_extra(self)
        return self


class DatasetHeader(_Model):
    dataset: Key
    title: Text
    origin: DateSpan | None = None
    description: str | None = None
    claims: list[object] = []
    series: list[object] = []


class Gate(_Model):
    """A gate in `checks/`: which datasets, which suites, and what blocks publication."""

    description: str | None = None
    datasets: list[Text] = Field(min_length=1)
    suites: list[Text] = Field(min_length=1)
    fail_on: Severity = "critical"
    # Compared with a base (`--baseline`), only findings the base did not have block; the rest stay visible.
    fail_on_new: bool = False
    about_tolerance: Annotated[float, Field(strict=False, gt=0, lt=1)] | None = None
    # Great Expectations' engine for the suites: Spark for claims past one machine (docs/scale.md).
    engine: Engine = "pandas"
    # Drafts whose figures are checked against this gate's claims (docs/articles.md), and the severity of
    # a figure that no claim backs (`article-unbacked`).
    articles: list[Text] = []
    article_unbacked: Severity = "warning"


@dataclass(frozen=True, slots=True)
class PointSource:
    """A series point's source: its series' `Source`, dated as the point is (and with its own quote, if it
    has one). A run holds one per point, so it is five plain fields rather than a copy of the model;
    reporters read the same attributes of either."""

    outlet: str | None
    published: Span | None
    url: str | None
    quote: str | None
    via: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim that passed the schema, with where it was written. Slotted: a run holds one per claim."""

    id: str
    file: str
    line: int
    dataset: str
    origin: Span | None
    metric: str
    subject: str
    claimant: str
    value: float
    qualifier: str
    low: float | None
    high: float | None
    date: Span
    kind: Literal["as_of", "period", "projection"]
    source: Source | PointSource
    notes: str | None = None
    waivers: tuple[Waiver, ...] = ()
    series: str | None = None
    fall: str | None = None
