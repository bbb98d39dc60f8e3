"""The finding of each verdict (`prose.verdicts`): its check, severity, message and hint, in the words an editor
reads. Ambiguous figures are worded by why they are ambiguous (the verdict's `how`), one small function each,
looked up in a table."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.floor.numbers import format_figure
from factcheck.floor.text import clip
from factcheck.model.format import Catalog, Claim
from factcheck.prose.guesses import Guesses
from factcheck.prose.verdicts import Verdict
from factcheck.report.findings import AMBIGUOUS, BACKED, CONTRADICTS, UNBACKED, CheckInfo, Context, Figure, Finding
from factcheck.rules import article_ambiguous, article_backed, article_contradicts, article_format, article_unbacked

CHECKS = (article_backed, article_contradicts, article_unbacked, article_ambiguous, article_format)
# `runs_on`: these checks read the gates' articles, not their datasets (the JUnit report lists them per article).
META = {m.ID: CheckInfo(m.TITLE, m.EXPLAIN, m.SEVERITY, runs_on="articles") for m in CHECKS}
_BY_VERDICT = {BACKED: article_backed, CONTRADICTS: article_contradicts, UNBACKED: article_unbacked,
               AMBIGUOUS: article_ambiguous}  # fmt: skip
LISTED = 3  # claims an ambiguous figure's message names; the rest are counted
# Claims an ambiguous figure's finding relates (`related`), the nearest in value first: a figure can fit thousands
# of claims, and every reporter lists a finding's related claims (docs/security.md).
MAX_RELATED = 20

_WORDS = {"value": "the value", "qualifier": "the qualifier", "claimant": "the claimant", "date": "the date"}
# How a backed figure was tied, when not by its context alone: the words after the claim.
_BACKED_HOW = {
    "bound": lambda context, claim: ", as bound",
    "quoted": lambda context, claim: ", whose quote the article repeats",
    "within": lambda context, claim: f", a figure of {claim.subject}, which lies within {context.subject}",
    "relayed": lambda context, claim: f", which {context.claimant} relayed",
    "other subject": lambda context, claim: (
        f", a figure of {claim.subject}, the one subject whose claims state it ({context.subject}'s state none)"
    ),
    "named too": lambda context, claim: f", a figure of {claim.subject}, which its clause names too",
    "voiced too": lambda context, claim: f", a claim of {claim.claimant}, another source its sentence gives",
    "repeated": lambda context, claim: ", the figure the article stated before, which it names again",
    "subject": lambda context, claim: f", the one claim of {claim.subject} it fits (no metric word names it)",
    "own voice": lambda context, claim: (
        f", stated by the report itself (the sentence names no source; {context.claimant} is named in an earlier one)"
    ),
}


def _quoted(figure: Figure) -> str:
    return f"“{clip(figure.phrase, 100)}”"


def describe_context(figure: Figure, context: Context) -> str:
    parts = []
    if len(context.metrics) == 1:
        parts.append(next(iter(context.metrics)))
    elif context.metrics:
        parts.append(" or ".join(sorted(context.metrics)))
    if context.subject:
        parts.append(context.subject)
    if context.claimant:
        carried = f" (named on line {context.carried_from})" if context.carried_from else ""
        parts.append(context.claimant + carried)
    if context.date is not None and context.date.span is not None:
        text, iso = context.date.text, context.date.span.text
        parts.append(iso if text == iso else f"{clip(text, 60)}: {iso}")
    return f"{_quoted(figure)} ({', '.join(parts)})" if parts else _quoted(figure)


def describe_claim(claim: Claim, catalog: Catalog | None) -> str:
    metric = catalog.metrics.get(claim.metric) if catalog else None
    figure = format_figure(claim.value, claim.qualifier, metric.unit if metric else "")
    if claim.low is not None or claim.high is not None:
        low = claim.low if claim.low is not None else claim.value
        high = claim.high if claim.high is not None else claim.value
        figure = f"{format_figure(low, 'exact')} to {format_figure(high, 'exact')}"
    return (
        f"{figure} ({claim.claimant}, {claim.metric}, {claim.subject}, {claim.date.text}) at {claim.file}:{claim.line}"
    )


def _listing(claims: tuple[Claim, ...]) -> str:
    named = ", ".join(f"{c.id} ({c.file}:{c.line})" for c in claims[:LISTED])
    rest = len(claims) - LISTED
    return named + (f" and {rest:,} more" if rest > 0 else "")


def _what_differs(verdict: Verdict) -> tuple[str, str]:
    """What a contradiction concerns, in words, and the verb that agrees with it."""
    return " and ".join(_WORDS[d] for d in verdict.differs), "differ" if len(verdict.differs) > 1 else "differs"


# --------------------------------------------------------------------------------------------- verdicts


def _backed(figure: Figure, context: Context, verdict: Verdict, catalog: Catalog | None) -> tuple[str, str]:
    claim = verdict.claim
    how = _BACKED_HOW[verdict.how](context, claim) if verdict.how in _BACKED_HOW else ""
    message = f"{_quoted(figure)} is backed by {describe_claim(claim, catalog)}{how}"
    if verdict.related:
        message += f"; {len(verdict.related):,} more fit it: {_listing(verdict.related)}"
    return message, ""


def _contradicts(figure: Figure, context: Context, verdict: Verdict, catalog: Catalog | None) -> tuple[str, str]:
    claim = verdict.claim
    what, verb = _what_differs(verdict)
    message = (f"{what} {verb}: the article says {describe_context(figure, context)}, "
               f"the claim {claim.id} says {describe_claim(claim, catalog)}")  # fmt: skip
    return message, _contradiction_hint(verdict, figure, catalog)


def _unsure(figure: Figure, context: Context, verdict: Verdict, catalog: Catalog | None) -> tuple[str, str]:
    claim = verdict.claim
    what, verb = _what_differs(verdict)
    message = (f"{describe_context(figure, context)} fits no claim; the closest, {claim.id}, says "
               f"{describe_claim(claim, catalog)} ({what} {verb}), but the reading is not certain: "
               f"{'; '.join(verdict.doubts)}")  # fmt: skip
    return message, "if the figure reports that claim, " + _contradiction_hint(verdict, figure, catalog)


def _unknown_speaker(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = (f"{_quoted(figure)} is attributed to “{clip(context.speaker, 80)}”, who is no claimant of the "
               f"catalog; {len(claims):,} claims of others fit it: {_listing(claims)}")  # fmt: skip
    return message, _speaker_hint(context.speaker, figure, claims[0].id)


def _other_subject(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = (f"{describe_context(figure, context)} fits no claim of {context.subject}, but fits "
               f"{len(claims):,} of another subject: {_listing(claims)}")  # fmt: skip
    hint = (f"if the figure is about {claims[0].subject}, name it as the catalog does (or add the article's "
            f"spelling to its aliases), or bind the figure: [{figure.text}](claim:{claims[0].id})")  # fmt: skip
    return message, hint


def _other_metric(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = (f"{describe_context(figure, context)} fits no claim of its nearest metric word, but fits "
               f"{_listing(claims)} of {claims[0].metric}, which its words name too")  # fmt: skip
    hint = (f"if it counts {claims[0].metric}, bind it: [{figure.text}](claim:{claims[0].id}); if not, "
            "correct the figure or add its claim to a dataset")  # fmt: skip
    return message, hint


def _kin(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = (f"{describe_context(figure, context)} fits no claim of {context.claimant}, but fits "
               f"{_listing(claims)} of {claims[0].claimant}, whose name holds {context.claimant}'s or is held "
               "in it (a parent, an office or a shorter name)")  # fmt: skip
    hint = (f"name the claimant as the catalog does, or bind the figure to the claim it reports: "
            f"[{figure.text}](claim:{claims[0].id})")  # fmt: skip
    return message, hint


def _carried_claimant(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = (f"{describe_context(figure, context)} fits {_listing(claims)} of another claimant; its sentence "
               f"names none, and {context.claimant} is only carried from line {context.carried_from}")  # fmt: skip
    return message, f"name the figure's source in its sentence, or bind it: [{figure.text}](claim:{claims[0].id})"


def _date_elsewhere(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = (f"{describe_context(figure, context)} fits {_listing(claims)} only if its date phrase, which "
               "stands in another clause, dates something else")  # fmt: skip
    hint = (f"if the date is the figure's, correct it or the claim; if it dates something else, bind the figure: "
            f"[{figure.text}](claim:{claims[0].id})")  # fmt: skip
    return message, hint


def _event_date(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    origin = f", counting from {claims[0].origin.text}" if claims[0].origin is not None else ""
    message = (f"{describe_context(figure, context)} fits {_listing(claims)} only if its date phrase, which "
               f"dates the event it counts, names another event than the claim's (dated "
               f"{claims[0].date.text}{origin})")  # fmt: skip
    hint = (f"if the event is dated wrongly, correct it; if it is another event, bind the figure: "
            f"[{figure.text}](claim:{claims[0].id})")  # fmt: skip
    return message, hint


def _unnamed_metric(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = (f"{describe_context(figure, context)} names no metric, and fits {_listing(claims)} of "
               f"{context.subject}, which count different things")  # fmt: skip
    return message, f"name what it counts, or bind it: [{figure.text}](claim:{claims[0].id})"


def _several(figure: Figure, context: Context, claims: tuple[Claim, ...]) -> tuple[str, str]:
    message = f"{describe_context(figure, context)} fits {len(claims):,} claims: {_listing(claims)}"
    first = claims[0].id
    return message, f"bind it to the claim it reports: [{figure.text}](claim:{first}) or {figure.text}{{claim:{first}}}"


# An ambiguous figure that fits claims, worded by why none is chosen (the verdict's `how`); any other reason is
# `_several`'s: claims of other metrics, subjects or claimants fit it alike.
_AMBIGUOUS: dict[str, Callable[[Figure, Context, tuple[Claim, ...]], tuple[str, str]]] = {
    "other subject": _other_subject,
    "other metric": _other_metric,
    "kin": _kin,
    "carried claimant": _carried_claimant,
    "date elsewhere": _date_elsewhere,
    "event date": _event_date,
    "unnamed metric": _unnamed_metric,
}


def _unbacked(figure: Figure, context: Context, verdict: Verdict, guesses: Guesses) -> tuple[str, str]:
    if verdict.unknown_binding is not None:
        message = f"{_quoted(figure)} is bound to the claim {verdict.unknown_binding!r}, which no dataset holds"
        return message, guesses.hint(verdict.unknown_binding) + "bind it to a claim id of the gate's datasets"
    if context.speaker is not None and context.metrics:
        message = (f"no claim backs {describe_context(figure, context)}: it is attributed to "
                   f"“{clip(context.speaker, 80)}”, who is no claimant of the catalog")  # fmt: skip
        return message, _speaker_hint(context.speaker, figure, None)
    if not context.metrics:
        message = f"no claim backs {_quoted(figure)}: no metric word of the catalog is near it"
        hint = ("if it reports a claim, add the claim to a dataset and bind it ([figure](claim:ID)), or name "
                "its metric as the catalog's `terms` do; if it is no claim, list it under `ignore:` in the "
                "front matter with a reason")  # fmt: skip
        return message, hint
    message = f"no claim backs {describe_context(figure, context)}"
    if context.part is not None:
        message += f": “{context.part}” makes it a part of a set or a single one, not a total"
    elif context.whole:
        message += ": it is the whole a part before it is counted out of, not that part's count"
    elif context.others:
        message += f", nor a claim of {' or '.join(sorted(context.others))}, which its words name too"
    metric = next(iter(context.metrics)) if len(context.metrics) == 1 else "..."
    hint = (f"add the claim to a dataset (metric: {metric}, subject: {context.subject or '...'}, claimant: "
            f"{context.claimant or '...'}), or, if it is no claim, list it under `ignore:` in the front "
            "matter with a reason")  # fmt: skip
    return message, hint


def finding(figure: Figure, context: Context, verdict: Verdict, file: str, catalog: Catalog | None,
            guesses: Guesses, unbacked: str) -> Finding:  # fmt: skip
    """The finding of one verdict, located at the figure's first character."""
    module = _BY_VERDICT[verdict.kind]
    claim = verdict.claim
    related: tuple[str, ...] = tuple(c.id for c in verdict.related[:MAX_RELATED])
    status = "failed"
    severity = module.SEVERITY
    if verdict.kind == BACKED:
        message, hint = _backed(figure, context, verdict, catalog)
        status = "corroborated"
    elif verdict.kind == CONTRADICTS:
        message, hint = _contradicts(figure, context, verdict, catalog)
    elif verdict.kind == AMBIGUOUS and verdict.how == "unsure":
        message, hint = _unsure(figure, context, verdict, catalog)
        related = (claim.id, *(c.id for c in verdict.related[: MAX_RELATED - 1]))
    elif verdict.kind == AMBIGUOUS:
        # A speaker the catalog does not know is why, whatever else is: no claim is known to be theirs.
        words = _unknown_speaker if context.speaker is not None else _AMBIGUOUS.get(verdict.how, _several)
        message, hint = words(figure, context, verdict.related)
    else:
        severity = unbacked
        message, hint = _unbacked(figure, context, verdict, guesses)
    return Finding(
        check=module.ID,
        severity=severity,
        file=file,
        line=figure.line,
        column=figure.column,
        message=message,
        status=status,
        claim=claim.id if claim is not None else None,
        related=related,
        title=module.TITLE,
        explain=module.EXPLAIN,
        hint=hint,
        why=context.cues,
    )


def _speaker_hint(speaker: str, figure: Figure, first: str | None) -> str:
    bind = f", or bind the figure to the claim it reports: [{figure.text}](claim:{first})" if first else ""
    return (f"if “{clip(speaker, 80)}” is a claimant of the catalog under another name, add the name to its "
            f"aliases; if not, add their claim to a dataset{bind}")  # fmt: skip


def _contradiction_hint(verdict: Verdict, figure: Figure, catalog: Catalog | None) -> str:
    claim = verdict.claim
    if "claimant" in verdict.differs:
        claimant = catalog.claimants.get(claim.claimant) if catalog else None
        name = claimant.name if claimant else claim.claimant
        return f"the claim is {name}'s: attribute the figure to them, or add the claim the article reports to a dataset"
    if "date" in verdict.differs and len(verdict.differs) == 1:
        return f"the claim is dated {claim.date.text}: correct the date, or add the claim of that date to a dataset"
    return (f"correct the figure to what the claim says, or, if the article reports another claim, add it to a "
            f"dataset and bind the figure to it: [{figure.text}](claim:ID)")  # fmt: skip


def format_finding(file: str, line: int, message: str, hint: str = "", column: int | None = None,
                   severity: str = article_format.SEVERITY) -> Finding:  # fmt: skip
    return Finding(check=article_format.ID, severity=severity, file=file, line=line, column=column,
                   message=clip(" ".join(message.split()), 300), title=article_format.TITLE,
                   explain=article_format.EXPLAIN, hint=clip(hint, 300))  # fmt: skip
