"""`Finding` and `Report`: the one contract between checking and reporting, with the checked articles
(`CheckedArticle`) the report carries for the HTML page.

Checks (the schema stage and Great Expectations) produce findings (`factcheck.pipeline.messages` words them);
reporters only read a `Report`. Nothing here imports Great Expectations, and nothing here renders.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from factcheck.floor.severity import SEVERITIES, Severity
from factcheck.floor.spans import Span

if TYPE_CHECKING:  # the data a report carries, as the run made it; the contract itself needs no pydantic
    from factcheck.model.format import Catalog, Claim, Waiver

Status = Literal["failed", "waived", "corroborated"]
# Compared with a base (`--baseline`): a finding the base did not have, or one it had already.
BaselineState = Literal["new", "existing"]


@dataclass(frozen=True)
class Cue:
    """Words of an article that chose one part of a figure's reading, where they stand: "killed" its metric,
    "Kharkiv" its subject, "the ministry said" its claimant, "on Monday" its date. An editor reads from them
    why the figure was tied to the claims it was."""

    part: Literal["metric", "subject", "claimant", "date"]
    words: str  # as the article writes them (blanks made single spaces), clipped
    line: int
    column: int  # of the first character, 1-based
    # Where the words stand from the figure: in its own clause; in another clause of its sentence that holds no
    # figure ("police said", "On Friday,"); in the clause of another figure; in an earlier sentence of its
    # paragraph (a claimant carried: "He added"). `prose.certainty` says which readings are certain.
    source: Literal["clause", "sentence", "figure", "paragraph"] = "clause"
    rivals: int = 0  # other names of this part its sentence gives, among which nearness chose these words

    def shown(self) -> str:
        """`metric “killed” (line 4)`, `claimant “the ministry said” (line 3, an earlier sentence)`"""
        where = {"figure": ", another figure's clause", "paragraph": ", an earlier sentence"}.get(self.source, "")
        return f"{self.part} “{self.words}” (line {self.line}{where})"


@dataclass(frozen=True)
class Finding:
    """One rule broken (or waived, or one claim corroborated) at one place."""

    check: str
    severity: Severity
    file: str
    line: int
    message: str
    status: Status = "failed"
    claim: str | None = None
    related: tuple[str, ...] = ()
    title: str = ""
    explain: str = ""
    hint: str = ""
    waiver: Waiver | None = None
    blocking: bool = False
    baseline: BaselineState | None = None
    column: int | None = None  # 1-based, in characters: a figure in an article; None for a YAML line
    # For a claim the schema refused (it is not among the report's claims): its source as written, a few
    # plain fields, clipped (`factcheck.reading.raw_source`), so that reports still show who said it and the quote.
    source: tuple[tuple[str, str], ...] = ()
    # For a figure in an article: the words that chose its metric, subject, claimant and date (`Cue`).
    why: tuple[Cue, ...] = ()

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.column is None else f"{self.file}:{self.line}:{self.column}"

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column or 0, self.check, self.claim or "", self.message)


@dataclass(frozen=True)
class Hit:
    """One claim that failed one check (or that a comparison corroborated), with the claims it was compared
    with and any extra message fields the check computed."""

    check: str
    claim_id: str
    related: tuple[str, ...] = ()
    status: str = "failed"
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class GateRun:
    """What one gate covered: reporters show it in the summary of what passed."""

    name: str
    path: str
    fail_on: Severity
    files: tuple[str, ...]
    suites: tuple[str, ...]
    checks: tuple[str, ...]
    claims: int
    fail_on_new: bool = False  # only findings new against the base block (`fail_on_new`, `--fail-on-new`)


# --- the checked articles a report carries: each figure of an article, its verdict, the article's text ---

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
    qualifier: str  # a dataset qualifier (factcheck.floor.numbers.QUALIFIERS)
    half_unit: float  # half a unit of its last stated digit: the precision it implies
    percent: bool
    binding: str | None = None  # a claim id bound explicitly ([55,000](claim:ID) or 55,000{claim:ID})
    unit: str | None = None  # None for a count; "percent", "km", "usd", "age" (prose.quantities)
    low: float | None = None  # a range's ends ("14-16", "between 700 and 750"), compared whole; value is the low
    high: float | None = None


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
    cues: tuple[Cue, ...] = ()  # the words that chose each part, and where: the finding's `why`
    speaker: str | None = None  # a name the figure is attributed to ("X said") that is no claimant of the catalog
    part: str | None = None  # words that make it part of a set ("of the victims") or a single one ("one")
    date_elsewhere: bool = False  # its date phrase stands in another clause of the sentence, which it may date
    date_event: bool = False  # its date phrase dates the event it counts ("the landslide on July 14"), not the count
    date_of_event: bool = False  # its date phrase is an event noun's ("the blast on Saturday"): it may date the event
    whole: bool = False  # it is the whole a part before it is counted out of ("110 of the 160 districts")
    inside: frozenset[str] = frozenset()  # subjects the catalog places within its subject (a region of the country)
    others: frozenset[str] = frozenset()  # other metrics its words name, which it may count instead
    kin: frozenset[str] = frozenset()  # claimants whose names hold the claimant's, or are held in it: "UN", "UN office"
    named: frozenset[str] = frozenset()  # other subjects its own clause names, which nearness passed over
    mentioned: frozenset[str] = frozenset()  # every subject named around it (its sentence, within the window read)
    voices: frozenset[str] = frozenset()  # other claimants its sentence names, which the claimant rules passed over


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


# --- the report ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInfo:
    """A check of the run as the reports describe it."""

    title: str
    explain: str = ""
    severity: str = "critical"  # its default severity
    suite: str = ""  # the suite that runs it; none for a check of the files themselves or of the articles
    runs_on: Literal["datasets", "articles"] = "datasets"


@dataclass
class Report:
    """Everything a reporter needs, built once per run."""

    findings: list[Finding]
    claims: Mapping[str, Claim] = field(default_factory=dict)  # by id: a run gives `claimset.ById`
    catalog: Catalog | None = None
    gates: list[GateRun] = field(default_factory=list)
    checks: dict[str, CheckInfo] = field(default_factory=dict)  # every check of the run, by id
    today: dt.date | None = None
    timestamp: str | None = None
    root: Path | None = None
    # With `--baseline`: what the findings were compared with, the base's findings gone now, and (for a git
    # base) the claims and configuration files that changed. None and empty without one.
    comparison: Comparison | None = None
    fixed: list[Finding] = field(default_factory=list)
    changes: Changes | None = None
    articles: list[CheckedArticle] = field(default_factory=list)  # each article's text and figures (HTML)

    @property
    def blocked(self) -> bool:
        return any(f.blocking for f in self.findings)

    @property
    def verdict(self) -> str:
        return "blocked" if self.blocked else "publishable"

    def counts(self) -> dict[str, int]:
        """Failed findings by severity, plus waived and corroborated, always with every key."""
        failed = Counter(f.severity for f in self.findings if f.status == "failed")
        counts = {severity: failed.get(severity, 0) for severity in SEVERITIES}
        counts["waived"] = sum(f.status == "waived" for f in self.findings)
        counts["corroborated"] = sum(f.status == "corroborated" for f in self.findings)
        counts["blocking"] = sum(f.blocking for f in self.findings)
        return counts


def severity_rank(severity: str) -> int:
    """critical 3, warning 2, info 1: a finding blocks when its rank reaches the gate's `fail_on`."""
    return {"critical": 3, "warning": 2, "info": 1}[severity]


# --- compared with a base (`--baseline`): what reporters show of the comparison -------------------------

ClaimChangeKind = Literal["added", "removed", "changed"]
FileChangeKind = Literal["added", "removed", "modified"]


@dataclass(frozen=True)
class Comparison:
    """What the findings of a run were compared with, for the reporters."""

    kind: Literal["git", "file", "none"]
    label: str  # 'origin/main (1a2b3c4d5e6f)', 'baseline.json', '' when there was no base
    ref: str | None = None
    commit: str | None = None
    fail_on_new: bool = False
    note: str = ""  # said plainly where it matters: no gates in the base, a base that could not run


@dataclass(frozen=True)
class ClaimState:
    """One claim as a reviewer compares it, on one side of the change."""

    file: str
    line: int
    figure: str  # 'about 55,000', with the metric's unit
    value: float
    qualifier: str
    low: float | None
    high: float | None
    date: str
    kind: str
    metric: str
    subject: str
    claimant: str
    outlet: str | None
    published: str | None
    url: str | None
    quote: str | None
    via: str | None
    fall: str | None
    waivers: tuple[tuple[str, str, str | None], ...]  # (check, reason, until)


@dataclass(frozen=True)
class ClaimChange:
    change: ClaimChangeKind
    claim: str
    old: ClaimState | None
    new: ClaimState | None
    fields: tuple[str, ...] = ()  # for a changed claim: what changed, in `FIELDS` order

    @property
    def state(self) -> ClaimState:
        """The state a reader is pointed at: the new one, or the old one of a removed claim."""
        return self.new or self.old  # type: ignore[return-value]


@dataclass(frozen=True)
class FileChange:
    path: str
    change: FileChangeKind


@dataclass
class Changes:
    claims: list[ClaimChange] = field(default_factory=list)
    files: list[FileChange] = field(default_factory=list)

    def of(self, change: ClaimChangeKind) -> list[ClaimChange]:
        return [c for c in self.claims if c.change == change]


FORMAT = "factcheck-baseline"
IDENTITY = 2  # the version of `identity`: a baseline file made with another cannot be compared
# What `fingerprint` hashes with the identity: the version that last changed a dataset finding's identity, so
# that their fingerprints (and the code scanning alerts matched by them) outlive a change to articles'.
_HASHED_AS = 1

_LINE_NUMBER = re.compile(r"\b(lines?) \d+")
_AT_LINE = re.compile(r"(\.ya?ml):\d+\b")  # `datasets/war.yml:117`, where a message names a claim's place


def _figure(claim: Claim) -> list:
    return [claim.value, claim.qualifier, claim.low, claim.high]


def identity(finding: Finding, claims: dict[str, Claim]) -> list:
    """What makes two findings, of two runs, the same finding (see the module docstring of `baseline`).

    A figure in an article (a finding with a column) is identified by its article, its check, its claims
    and its message as the reader sees it (the article's figure and context, the claim's figures), with the
    lines of the article and of the claims taken out: a line shifted, or an edit elsewhere, keeps it; a
    changed figure makes a new one."""
    related = sorted(finding.related)
    if finding.column is not None:
        words = _AT_LINE.sub(r"\1:#", _LINE_NUMBER.sub(r"\1 #", finding.message))
        return ["article", finding.check, finding.file, finding.claim, related, words]
    claim = claims.get(finding.claim) if finding.claim else None
    if claim is not None:
        figures = [_figure(claim), *(_figure(claims[r]) if r in claims else None for r in related)]
        return [finding.check, finding.claim, related, figures]
    where = finding.file if finding.claim is None else None
    return [finding.check, finding.claim, related, where, _LINE_NUMBER.sub(r"\1 #", finding.message)]


def fingerprint(finding: Finding, claims: dict[str, Claim]) -> str:
    """`identity` as 32 hex digits: the key of baseline files and of SARIF's partialFingerprints."""
    text = json.dumps([FORMAT, _HASHED_AS, *identity(finding, claims)], separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:32]
