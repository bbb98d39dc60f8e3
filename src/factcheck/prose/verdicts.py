"""Each figure judged against the claims its context fits: backed, contradicts, unbacked or ambiguous.

1. A figure bound to a claim (`[55,000](claim:ID)`, `55,000{claim:ID}`) is compared with that claim alone.
2. A figure in a paragraph that repeats a claim's quote (which states the figure) is compared with it.
3. Otherwise its context selects claims: its metric, and its subject and claimant where the article names
   them; the date phrase, when there is one, keeps the claims whose date or publication it overlaps.
   - One of them agrees in value and qualifier: *backed*. Several of one metric and subject: *backed* by the
     one that states the figure as the article writes it (two claimants, 71 and 71; "more than 100" against
     "more than 100" and 125), or, from one claimant, by the nearest in value; the others related. Else (other
     metrics or subjects, or claimants none of whom states it as written): *ambiguous*.
   - None agrees, and the words decide one metric: *contradicts*, against the claim nearest in value. When
     they leave several metrics ("20,000 soldiers": killed, or killed or wounded?), no claim is known to
     be the one the figure reports: *unbacked*.
   - No claim fits, but one would with another claimant (the article names the wrong one) or another date
     (it dates the figure wrongly): *contradicts*, saying which.
   - Else *unbacked*.
   A contradiction of 3. is critical only when the tool is sure of what it compares (`prose.certainty`): a
   reading taken from another figure's clause, an earlier sentence, or by nearness among several names makes
   it *ambiguous*, a warning that names the closest claim and what differs; so does the report's own figure as
   written given to a speaker (`_stated_elsewhere`), and a figure far from every claim of a metric no word of its
   clause names (`_far_reading`).

Readings (issue 22: backed when one reading the context allows fits): a date phrase attached to an event also
reads as the event's day, which a count reported that day or the next fits (`dated_alike`); a figure no metric
word names reads as every metric of its subject's claims (`_unnamed_metric`, `prose.readings`); another subject
named around the figure whose claims state it, when its nearest subject's fit none, backs it.

The finding each verdict makes, and its wording, is `prose.messages`'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from factcheck.model.format import Claim
from factcheck.prose.certainty import doubts
from factcheck.prose.match import ClaimIndex, agreement, date_fits, normalized
from factcheck.prose.relays import own_voice, relayed_by
from factcheck.report.findings import AMBIGUOUS, BACKED, CONTRADICTS, UNBACKED, Context, Figure
from factcheck.rules import article_contradicts

# The half unit of a figure stated to the hundred or coarser ("10,000", "4,500"): round enough that its
# writer may have dropped a "more than" or "at least" the claim states.
ROUNDED = 50
SHORTLY = dt.timedelta(days=1)  # after an event, the days its first tolls are reported on
FAR = 3  # a figure at least this many times above or below a claim: another count as likely as an error
SIGNIFICANT = 10  # a figure rounded down states at least two significant digits: 10 units of its last digit


@dataclass(frozen=True)
class Verdict:
    kind: str
    claim: Claim | None = None
    related: tuple[Claim, ...] = ()
    differs: tuple[str, ...] = ()  # what a contradiction concerns: value, qualifier, claimant, date
    how: str = "context"  # how the figure was tied: bound, quoted, context
    unknown_binding: str | None = None
    doubts: tuple[str, ...] = ()  # why a contradiction is not certain (`prose.certainty`): a warning, not critical


def differs(figure: Figure, context: Context, claim: Claim) -> tuple[str, ...]:
    found = list(agreement(figure.value, figure.qualifier, figure.half_unit, figure.high, claim))
    if context.claimant is not None and context.claimant != claim.claimant:
        found.append("claimant")
    if not dated_alike(context, claim):
        found.append("date")
    return tuple(found)


def dated_alike(context: Context, claim: Claim) -> bool:
    """Whether the figure's date phrase fits the claim: it overlaps the claim's date or publication, or, when
    it dates the event the figure counts ("the landslide on July 14 killed 15"), the day the claim's dataset
    counts from (its `origin`): a toll of an event is reported on its day or later."""
    span = context.date.span if context.date else None
    if span is None or date_fits(span, claim):
        return True
    origin = claim.origin
    if context.date_event and origin is not None and span.start <= origin.end and origin.start <= span.end:
        return True
    # Attached to an event ("died in the blast on Saturday", "Saturday's quakes"), it may date the event: a toll
    # is reported on the day of its event or shortly after, and that reading fits the claim too.
    of_event = context.date_of_event or context.date_event
    return of_event and span.start <= claim.date.end and claim.date.start <= span.end + SHORTLY


def _unquoted_date(context: Context, claim: Claim) -> Context:
    """The context without its date phrase when the claim's own quote states it ("the landslide on July 14
    killed 15"): the desk dated the claim with those words before it, so they are the source's, not a date
    the article gives the figure."""
    if context.date is None or not claim.source.quote:
        return context
    return replace(context, date=None) if normalized(context.date.text) in normalized(claim.source.quote) else context


def _compared(figure: Figure, context: Context, claim: Claim, how: str) -> Verdict:
    found = differs(figure, context, claim)
    return Verdict(CONTRADICTS if found else BACKED, claim, (), found, how)


def judge(figure: Figure, context: Context, index: ClaimIndex, paragraph: str,
          names: Mapping[str, frozenset[str]] | None = None, beside: tuple[str, ...] = (),
          readings: frozenset[str] = frozenset()) -> Verdict:  # fmt: skip
    """The verdict on `figure`. A claim whose quote `paragraph` repeats is tied to it when the repeated words hold
    the figure: a quote found whole in the text before it or after it (`beside`) is another figure's ("two from
    Greece ..., as well as two holding British and US passports"). `readings`: the metrics a figure no metric word
    names may count (those of its unit)."""
    if figure.binding is not None:
        claim = index.claims.get(figure.binding)
        if claim is None:
            return Verdict(UNBACKED, how="bound", unknown_binding=figure.binding)
        return _compared(figure, context, claim, "bound")
    quoted = index.quoted(figure.value, paragraph)
    if quoted and beside:
        elsewhere = {c.id for text in beside for c in index.quoted(figure.value, text)}
        quoted = [c for c in quoted if c.id not in elsewhere]
    if quoted:
        fine = sorted((c for c in quoted if not differs(figure, _unquoted_date(context, c), c)), key=lambda c: c.id)
        if len(fine) > 1:  # one quote of two figures ("three bodies ... three more"): the words choose the metric
            fine = [c for c in fine if c.metric in context.metrics] or fine
        if fine and context.speaker is not None and not index.relays(context.speaker):
            # The claim's words given to a speaker the catalog does not know: the article names another source.
            return Verdict(AMBIGUOUS, related=tuple(fine), how="quoted")
        if len(fine) == 1:
            return Verdict(BACKED, fine[0], how="quoted")
        if len(fine) > 1:
            return Verdict(AMBIGUOUS, related=tuple(fine), how="quoted")
        if context.carried_from is not None:  # the quote's sentence names no source: see the claimant branch
            unnamed = [c for c in quoted if not differs(figure, replace(_unquoted_date(context, c), claimant=None), c)]
            if unnamed:
                return _carried(unnamed, names)
        if len(quoted) == 1:
            return _compared(figure, _unquoted_date(context, quoted[0]), quoted[0], "quoted")
    if not context.metrics:
        return _unnamed_metric(figure, context, index, readings)
    span = context.date.span if context.date else None
    # A date that may date the event is compared claim by claim (`dated_alike`): the index's lookups read a date
    # strictly, as the count's.
    strict = None if context.date_event else span
    lookup = None if context.date_of_event else strict
    keys = index.keys(context.metrics, context.subject, context.claimant)
    agreeing = _fitting(index, keys, figure, context, lookup)
    rounded = figure.high is None and (context.headline or figure.half_unit >= ROUNDED)
    if not agreeing and figure.qualifier == "exact" and rounded:
        # A headline drops the "more than" its body states: "20 million face famine" for "more than 20 million";
        # so does a round figure in the body ("10,000 are missing" for "more than 10,000"): an editor reads it
        # as the same figure rounded. The value must still be the claim's at the figure's precision.
        agreeing = _fitting(index, keys, figure, context, lookup, "at_least")
        agreeing = agreeing or [c for c in _rounded(figure, index, keys, lookup) if dated_alike(context, c)]
    if not agreeing and figure.qualifier in ("more_than", "at_least") and rounded:
        agreeing = [c for c in _floored(figure, index, keys, lookup) if dated_alike(context, c)]
    if context.speaker is not None and not index.relays(context.speaker):
        # Said by someone the catalog does not know: no claim is known to be theirs, and none known to be
        # another's that they repeat. The claims that fit are listed, none is chosen, and nothing is critical.
        return Verdict(AMBIGUOUS, related=tuple(agreeing)) if agreeing else Verdict(UNBACKED)
    if len(agreeing) == 1:
        return Verdict(BACKED, agreeing[0])
    if agreeing and _one_reading(agreeing):
        # Claims of one metric and subject that all fit back the figure together: two claimants putting the
        # toll at 71, or "more than 100" against "more than 100" and 125. The one that states the figure as the
        # article does comes first.
        same = [c for c in agreeing if _states(figure, c)]
        if (same and _same_figure(same)) or len({c.claimant for c in agreeing}) == 1:
            first = (same or agreeing)[0]
            return Verdict(BACKED, first, tuple(c for c in agreeing if c is not first))
    if agreeing:
        return Verdict(AMBIGUOUS, related=tuple(agreeing))
    if not agreeing and context.subject is not None:
        # No claim of the subject the words name fits, but claims of another subject do (the festival of 1954
        # under the name of this year's, a region for its city): the subject is one reading, not a certainty.
        elsewhere = [k for k in index.keys(context.metrics, None, context.claimant) if k[1] != context.subject]
        other = _fitting(index, elsewhere, figure, context, lookup)
        inside = [c for c in other if c.subject in context.inside]
        if inside and _one_reading(inside) and not index.keys(context.metrics, context.subject, None):
            # "the death toll from Chile's wildfires reached 123" for the Valparaíso region's 123: a figure of a
            # place named by the country or region it lies in, which the catalog counts nothing of itself.
            return Verdict(BACKED, inside[0], tuple(inside[1:]), how="within")
        named = [c for c in other if c.subject in context.named]
        if named and _one_reading(named):
            # "Kenya had 32 nationals on board flight ET 302": the clause names both, and one reading fits.
            return Verdict(BACKED, named[0], tuple(named[1:]), how="named too")
        # Claims of one other subject that state the figure as written, when its own subject's fit none: the one
        # reading that fits (the subject was chosen by nearness; "27 of them in Kyiv, and more than 100 were
        # injured" for the country's 100). A changed figure fits neither, and stands out as before.
        stating = all(_states(figure, c) and c.subject in context.mentioned for c in other)
        one = _one_reading_backs(figure, other, "other subject") if stating else None
        if one is not None:
            return one
        if other:
            return Verdict(AMBIGUOUS, related=tuple(other), how="other subject")
    if context.others:
        # Its words name other metrics too ("17 soldiers, an officer among them, were killed"): a claim of one of
        # them that fits makes it ambiguous; with none, no reading fits and none is certain to be the one.
        other_keys = index.keys(context.others, context.subject, context.claimant)
        other = _fitting(index, other_keys, figure, context, lookup)
        return Verdict(AMBIGUOUS, related=tuple(other), how="other metric") if other else Verdict(UNBACKED)
    if len(context.metrics) > 1 or context.part is not None or context.whole:
        # The words decide no metric, or the figure counts a part of a set ("two of the victims", "one"): no
        # claim is known to be the one it reports, and a total it differs from is another figure.
        return Verdict(UNBACKED)
    nearest = index.nearest(keys, figure.value, strict)
    if nearest is not None and not dated_alike(context, nearest):
        nearest = None
    # The figure states a claim of its metric and subject that another claimant or date gives ("Hamzat disputed
    # Oki's account, saying 21 storeys had been approved", Oki's being 15 and Hamzat's 21): what may differ is
    # who said it or when, not the figure, which is compared with that claim first. A range only covers a claim
    # of one value, and a claimant carried from an earlier sentence is compared as one already (a warning).
    stated = (nearest is not None and figure.high is None and context.carried_from is None
              and bool(index.agreeing(index.keys(context.metrics, context.subject, None), figure.value,
                                      figure.qualifier, figure.half_unit, None)))  # fmt: skip
    if nearest is not None and (not stated or differs(figure, context, nearest) == ("qualifier",)):
        # Its own claim of the same value with another qualifier ("214" for "at least 214") is the one it states.
        return _contradicts(figure, context, nearest, (), differs(figure, context, nearest))
    if context.claimant is not None:
        others = [k for k in index.keys(context.metrics, context.subject, None) if k[2] != context.claimant]
        found = sorted(_fitting(index, others, figure, context, lookup), key=lambda c: c.id)
        voiced = [c for c in found if c.claimant in context.voices]
        if voiced and len({c.claimant for c in voiced}) == 1:
            # Its sentence names that claimant too, and rules of who speaks chose the other: one reading fits.
            return Verdict(BACKED, voiced[0], tuple(c for c in found if c is not voiced[0]), how="voiced too")
        related = [c for c in found if c.claimant in context.kin]
        if related:
            # "the UN" for its human rights office's figure, "the ministry" for the health ministry's: a parent,
            # an office or a shorter name of the claimant, not certainly another one.
            return Verdict(AMBIGUOUS, related=tuple(related), how="kin")
        relayed = relayed_by(found, context.claimant, names or {})
        if relayed:
            # "Dawn reported" for the agency's toll Dawn relayed: the outlet of the claim, not another claimant.
            first = relayed[0]
            return Verdict(BACKED, first, tuple(c for c in found if c is not first), how="relayed")
        if found and context.carried_from is not None:
            return _carried(found, names)
        if found:
            own = bool(own_voice(found[:1], names or {}))
            return _contradicts(figure, context, found[0], tuple(found[1:]), differs(figure, context, found[0]), own)
    if span is not None:
        found = sorted(index.agreeing(keys, figure.value, figure.qualifier, figure.half_unit, None, figure.high),
                       key=lambda c: (abs((c.date.start - span.start).days), c.id))  # fmt: skip
        if found and context.date_elsewhere:
            # The date stands in another clause ("1,400 died, most of them in the attack on Oct. 7"): it may
            # date an event the sentence tells, not the count. Read without it, claims fit: readings disagree.
            return Verdict(AMBIGUOUS, related=tuple(found), how="date elsewhere")
        if found and context.date_event:
            # The date dates the event, which the claims' dataset does not count from: another event of the
            # same kind, or a wrong day. Read as the count's date, it fits none: the readings disagree.
            return Verdict(AMBIGUOUS, related=tuple(found), how="event date")
        if found:
            return _contradicts(figure, context, found[0], tuple(found[1:]), differs(figure, context, found[0]))
    if nearest is not None:  # the claim that states the figure differs in more than its claimant or its date
        return _contradicts(figure, context, nearest, (), differs(figure, context, nearest))
    return Verdict(UNBACKED)


def _one_reading_backs(figure: Figure, claims: list[Claim], how: str) -> Verdict | None:
    """The verdict when the claims that fit the one reading that fits form one reading (one metric and subject):
    backed by the claim that states the figure as written, or by the only claimant's nearest; else None."""
    if not claims or not _one_reading(claims):
        return None
    same = [c for c in claims if _states(figure, c)]
    if len(claims) == 1 or (same and _same_figure(same)) or len({c.claimant for c in claims}) == 1:
        first = (same or claims)[0]
        return Verdict(BACKED, first, tuple(c for c in claims if c is not first), how=how)
    return None


def _unnamed_metric(figure: Figure, context: Context, index: ClaimIndex, readings: frozenset[str]) -> Verdict:
    """A figure no metric word names ("Graves County: 21", a county a line): its readings are the claims of
    every metric of its unit whose subject its words name (and claimant, and date, where they name them). When
    those that fit are one reading, they back it; when a changed figure fits none and its subject's claims have
    one metric and claimant, the closest is named, as a warning: no word of the article chose that metric."""
    if context.subject is None or not readings or context.part is not None or context.speaker is not None:
        return Verdict(UNBACKED)
    keys = index.keys(readings, context.subject, context.claimant)
    lookup = None if context.date_of_event or context.date_event or context.date is None else context.date.span
    found = _fitting(index, keys, figure, context, lookup)
    one = _one_reading_backs(figure, found, "subject")
    if one is not None:
        return one
    if found:
        return Verdict(AMBIGUOUS, related=tuple(found), how="unnamed metric")
    nearest = index.nearest(keys, figure.value, lookup) if len({k[0] for k in keys}) == 1 else None
    if nearest is None or len({k[2] for k in keys}) != 1 or not dated_alike(context, nearest):
        return Verdict(UNBACKED)
    found_diff = differs(figure, context, nearest)
    doubt = ("no metric word names it: its subject's claims have that one metric",)
    return Verdict(AMBIGUOUS, nearest, (), found_diff, how="unsure", doubts=doubt)


def _contradicts(figure: Figure, context: Context, claim: Claim, related: tuple[Claim, ...],
                 found: tuple[str, ...], own: bool = False) -> Verdict:  # fmt: skip
    """The figure against the closest claim: a contradiction when its reading is certain, else ambiguous."""
    if not found:
        return Verdict(BACKED, claim, related)
    doubt = doubts(context) + _dropped_floor(figure, claim, found) + _stated_elsewhere(figure, claim, found, own)
    doubt += _far_reading(figure, context, claim, found)
    return Verdict(AMBIGUOUS, claim, related, found, how="unsure", doubts=doubt) if doubt else Verdict(
        CONTRADICTS, claim, related, found)  # fmt: skip


def _stated_elsewhere(figure: Figure, claim: Claim, found: tuple[str, ...], own: bool) -> tuple[str, ...]:
    """A figure that states the report's own claim as written (value and qualifier; `own`: the claimant is the
    report itself) and differs only in the claimant its sentence names: the speaker may be where the report had
    it, and the figure is right. The editor is told the claimant differs; it does not block. A figure of one
    named source given to another stays critical."""
    if found != ("claimant",) or not own or not _states(figure, claim):
        return ()
    return ("the figure is the report's own claim as written; only the claimant its sentence names differs",)


def _far_reading(figure: Figure, context: Context, claim: Claim, found: tuple[str, ...]) -> tuple[str, ...]:
    """A figure whose metric no word of its own clause names ("One of those killed was Jane Doe, 15": an age),
    and whose value is FAR from the closest claim of it: a reading by nearness that no claim fits is as likely
    another count as a wrong one."""
    metric = next((cue for cue in context.cues if cue.part == "metric"), None)
    if metric is None or metric.source == "clause" or "value" not in found or min(figure.value, claim.value) <= 0:
        return ()
    if max(figure.value, claim.value) / min(figure.value, claim.value) < FAR:
        return ()
    return (f"its metric “{metric.words}” stands outside its clause, and the claim's value is far from it",)


def _dropped_floor(figure: Figure, claim: Claim, found: tuple[str, ...]) -> tuple[str, ...]:
    """A bare figure that states a claim's floor ("137 dead" for "at least 137") drops the claim's "at least":
    an editor adds the words back; the figure itself is the claim's, so it warns and does not block."""
    if found != ("qualifier",) or figure.qualifier != "exact" or figure.high is not None:
        return ()
    if claim.qualifier != "at_least" or claim.low is not None or claim.high is not None:
        return ()
    if abs(claim.value - figure.value) > article_contradicts.epsilon(claim.value, figure.value):
        return ()
    return ("the article may state the claim's floor without its “at least”",)


def _fitting(index: ClaimIndex, keys: list, figure: Figure, context: Context, lookup,
             qualifier: str | None = None) -> list[Claim]:  # fmt: skip
    """The claims of these groups that fit the figure (`ClaimIndex.agreeing`, as `qualifier` when given) and
    whose date fits it claim by claim (`dated_alike`), the closest first."""
    found = index.agreeing(keys, figure.value, qualifier or figure.qualifier, figure.half_unit, lookup, figure.high)
    return sorted((c for c in found if dated_alike(context, c)), key=lambda c: (abs(c.value - figure.value), c.id))


def _carried(found: list[Claim], names: Mapping[str, frozenset[str]] | None) -> Verdict:
    """Claims of another claimant than the one carried from an earlier sentence: this one names none, so it
    may be the report's own voice. The report's own claim fits that reading; any other leaves readings apart."""
    voiced = own_voice(found, names or {})
    if len(voiced) == 1:
        return Verdict(BACKED, voiced[0], tuple(c for c in found if c is not voiced[0]), how="own voice")
    return Verdict(AMBIGUOUS, related=tuple(found), how="carried claimant")


def _rounded(figure: Figure, index: ClaimIndex, keys: list, span) -> list[Claim]:
    """The claims a round figure states rounded as newsrooms round: dropping the claim's "nearly" or "about"
    ("90 lakh" for nearly 9 million), or rounding a precise claim down to the figure's own precision
    ("3,200" for 3,271), when it states at least two significant digits: "3,000" for 3,999 is not a rounding
    an editor accepts, and "3,200" for 3,350 is not one either (it rounds to 3,300, up to 3,299 only)."""
    half = figure.half_unit
    found = index.agreeing(keys, figure.value, "about", half, span)
    if not found and figure.value >= SIGNIFICANT * 2 * half:
        found = [c for c in index.agreeing(keys, figure.value + half, "about", half, span)
                 if c.qualifier in ("exact", "about") and c.value < figure.value + 2 * half]  # fmt: skip
    return sorted(found, key=lambda c: (abs(c.value - figure.value), c.id))


def _floored(figure: Figure, index: ClaimIndex, keys: list, span) -> list[Claim]:
    """The precise claims a round "more than" floors at its own precision: "over 2,500" for 2,562, "surpasses
    2,800" for 2,862 (above the figure, below its next step), when it states two significant digits."""
    half = figure.half_unit
    if figure.value < SIGNIFICANT * 2 * half:
        return []
    found = [c for c in index.agreeing(keys, figure.value + half, "about", half, span)
             if c.qualifier == "exact" and figure.value < c.value < figure.value + 2 * half]  # fmt: skip
    return sorted(found, key=lambda c: (abs(c.value - figure.value), c.id))


def _one_reading(claims: list[Claim]) -> bool:
    """Claims that agree on metric and subject: they differ at most in who said it and when."""
    return len({(c.metric, c.subject) for c in claims}) == 1


def _same_figure(claims: list[Claim]) -> bool:
    """Claims that state the same figure (value, qualifier, range)."""
    return len({(c.value, c.qualifier, c.low, c.high) for c in claims}) == 1


def _states(figure: Figure, claim: Claim) -> bool:
    """The claim states the figure as the article writes it: the same value and kind of qualifier."""
    point = {"exact", "about"}
    same_kind = claim.qualifier == figure.qualifier or {claim.qualifier, figure.qualifier} <= point
    return claim.low is None and claim.high is None and claim.value == figure.value and same_kind
