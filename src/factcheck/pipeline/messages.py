"""Hits into findings: the words of each finding, from its check's message template and the claims it
names, and the verdict on it (waived, blocking). `factcheck.report.findings` holds the types; this module fills them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck import rules
from factcheck.floor.numbers import format_figure, format_number
from factcheck.floor.text import MAX_FIELD, clip
from factcheck.model.format import Catalog, Claim, Waiver
from factcheck.report.findings import Finding, Hit, severity_rank

if TYPE_CHECKING:
    from factcheck.pipeline.suites import Suite


def apply_waivers(finding: Finding, waivers: tuple[Waiver, ...], today: dt.date) -> Finding:
    """Mark a finding waived when its claim waives its check; an expired waiver leaves it failing."""
    for waiver in waivers:
        if waiver.check != finding.check:
            continue
        if waiver.until is not None and waiver.until.end < today:
            return replace(
                finding,
                waiver=waiver,
                message=f"{finding.message} (the waiver expired on {waiver.until.text}: {clip(waiver.reason)})",
            )
        return replace(finding, status="waived", waiver=waiver)
    return finding


def decide(finding: Finding, fail_on: str) -> Finding:
    blocking = finding.status == "failed" and severity_rank(finding.severity) >= severity_rank(fail_on)
    return finding if finding.blocking == blocking else replace(finding, blocking=blocking)


# Message templates in suites name fields as {field}; only plain names are substituted, so a suite file
# cannot reach into Python objects the way str.format's {x.attr} could.
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def render_message(template: str, fields: dict[str, object]) -> str:
    """The message a check's template gives for these fields, each text field at most `text.MAX_FIELD`
    characters: a message names a value, never a whole one (the claim's own data is whole in the JSON
    report), so a 5 MB quote makes a message of a few hundred characters. Nothing is escaped here: the
    JSON report keeps the text as it is, and each writer to a log or a terminal escapes it (`text.shown`)."""
    if _can_outgrow(template):
        return _bounded(template, fields)
    long = [n for n in template_fields(template) if isinstance(v := fields.get(n), str) and len(v) > MAX_FIELD]
    if long:
        fields = {**fields, **{name: clip(fields[name]) for name in long}}
    return _format_string(template).format_map(_Fields(fields))


# A message, expanded: a template of a thousand characters naming `{quote}` a hundred times would otherwise
# make each finding's message 40 KB, and a run's reports hundreds of megabytes (docs/security.md).
MAX_MESSAGE = 1000


@functools.cache
def _can_outgrow(template: str) -> bool:
    return len(template) + len(_FIELD.findall(template)) * MAX_FIELD > MAX_MESSAGE


def _bounded(template: str, fields: dict[str, object]) -> str:
    """The message of a template that could expand past `MAX_MESSAGE`, built part by part and cut there."""
    parts: list[str] = []
    room = MAX_MESSAGE
    for n, piece in enumerate(_FIELD.split(template)):
        if n % 2:
            value = fields.get(piece)
            piece = f"{{{piece}}}" if value is None and piece not in fields else str(value)[: MAX_FIELD + 1]
            piece = clip(piece)
        if len(piece) >= room:
            parts.append(clip(piece[:room] + "…", room))
            return "".join(parts)
        parts.append(piece)
        room -= len(piece)
    return "".join(parts)


class _Fields(dict):
    """Message fields; a name the template uses but no field gives stays as written."""

    def __missing__(self, name: str) -> str:
        return f"{{{name}}}"


@functools.cache
def _format_string(template: str) -> str:
    """The template as a str.format string that substitutes only its plain names (a run renders each
    check's template for every one of its findings, and str.format does it in C)."""
    parts = _FIELD.split(template)
    return "".join(
        text.replace("{", "{{").replace("}", "}}") if n % 2 == 0 else f"{{{text}!s}}" for n, text in enumerate(parts)
    )


@functools.cache
def template_fields(template: str) -> frozenset[str]:
    """The field names a message template uses: a run builds only those for each of its findings."""
    return frozenset(_FIELD.findall(template))


# The names `claim_fields` provides.
CLAIM_FIELDS = frozenset(
    {"claim", "id", "figure", "date", "published", "origin", "metric", "metric_description", "unit", "subject",
     "claimant", "claimant_name", "outlet", "url", "quote", "population", "metric_max"}
)  # fmt: skip


def describe(claim: Claim, figure: str) -> str:
    """A claim in one breath, given its figure: '55,000 (2026-02, zelensky, France 2)'."""
    parts = [claim.date.text, claim.claimant]
    if claim.source.outlet:
        parts.append(claim.source.outlet)
    return f"{figure} ({', '.join(parts)})"


def claim_fields(claim: Claim, catalog: Catalog | None) -> dict[str, object]:
    """The names a message template may use about a claim."""
    metric = catalog.metrics.get(claim.metric) if catalog else None
    claimant = catalog.claimants.get(claim.claimant) if catalog else None
    subject = catalog.subjects.get(claim.subject) if catalog else None
    unit = metric.unit if metric else ""
    figure = format_figure(claim.value, claim.qualifier, unit)
    return {
        "claim": describe(claim, figure),
        "id": claim.id,
        "figure": figure,
        "date": claim.date.text,
        "published": claim.source.published.text if claim.source.published else "no date",
        "origin": claim.origin.text if claim.origin else "no origin",
        "metric": claim.metric,
        "metric_description": metric.description if metric else claim.metric,
        "unit": unit,
        "subject": subject.name if subject else claim.subject,
        "claimant": claim.claimant,
        "claimant_name": claimant.name if claimant else claim.claimant,
        "outlet": claim.source.outlet or "no outlet",
        "url": claim.source.url or "",
        "quote": claim.source.quote or "",
        "population": format_number(subject.population) if subject and subject.population else "",
        "metric_max": format_number(metric.max) if metric and metric.max is not None else "",
    }


@functools.cache
def _numbered(names: frozenset[str]) -> bool:
    return any(n.startswith("related_") and n[8:].isdigit() for n in names)


def related_fields(
    related: list[Claim],
    catalog: Catalog | None,
    fields_of: Callable[[Claim], dict] | None = None,
    names: frozenset[str] | None = None,
) -> dict[str, object]:
    """The names a message template may use about the claims a claim was compared with: `related` (all of
    them, '; '-separated), `related_1`, `related_2`, ... one by one, `related_ids`, `related_locations`,
    and the claimant (`related_claimant`), metric (`related_metric`) and subject (`related_subject`) of the
    first.

    `fields_of` returns `claim_fields` of a claim; a run passes a remembering one, as a claim is often
    compared with many others. With `names`, the fields a message template uses, the descriptions of
    the related claims are built only when one of those names needs them."""
    fields_of = fields_of or (lambda c: claim_fields(c, catalog))
    wanted = (lambda name: True) if names is None else names.__contains__
    fields: dict[str, object] = {}
    numbered = names is None or _numbered(names)
    if wanted("related") or numbered:
        described = [fields_of(c)["claim"] for c in related]
        if wanted("related"):
            fields["related"] = "; ".join(described)
        if numbered:
            fields.update({f"related_{i}": text for i, text in enumerate(described, 1)})
    if wanted("related_ids"):
        fields["related_ids"] = ", ".join(c.id for c in related)
    if wanted("related_locations"):
        fields["related_locations"] = ", ".join(f"{c.file}:{c.line}" for c in related)
    if related and (wanted("related_claimant") or wanted("related_metric") or wanted("related_subject")):
        first = fields_of(related[0])
        fields["related_claimant"] = first["claimant_name"]
        fields["related_metric"] = first["metric_description"]
        fields["related_subject"] = first["subject"]
    return fields


class Collected:
    """A run's findings, each decided against its gate's `fail_on`, once per place and message.

    Two gates that check the same claim with the same suite find the same thing: it is kept once, and
    blocking when either gate blocks on it."""

    def __init__(self) -> None:
        self._findings: dict[tuple, Finding] = {}

    def add(self, finding: Finding, fail_on: str) -> None:
        finding = decide(finding, fail_on)
        key = (finding.check, finding.claim, finding.file, finding.line, finding.column, finding.message)
        if key not in self._findings or finding.blocking:
            self._findings[key] = finding

    def sorted(self) -> list[Finding]:
        return sorted(self._findings.values(), key=Finding.sort_key)


def claim_describer(catalog: Catalog | None) -> Callable[[Claim], dict]:
    """`claim_fields` that remembers each claim's: a claim is often named by many findings."""
    described: dict[str, dict] = {}

    def fields_of(claim: Claim) -> dict:
        if claim.id not in described:
            described[claim.id] = claim_fields(claim, catalog)
        return described[claim.id]

    return fields_of


def hit_findings(
    suite: Suite,
    hits: list[Hit],
    claims: dict[str, Claim],
    catalog: Catalog | None,
    fields_of: Callable[[Claim], dict],
    today: dt.date,
) -> list[Finding]:
    """The findings of one suite's hits, worded by each check's message template and waived where the claim
    waives the check. Only the fields a check's message names are built: describing claims is most of the
    cost."""
    by_id = {check.id: check for check in suite.checks}
    names = {c.id: template_fields(c.message) for c in suite.checks}
    about_claim = {c.id for c in suite.checks if not names[c.id].isdisjoint(CLAIM_FIELDS)}
    about_related = {c.id for c in suite.checks if any(n.startswith("related") for n in names[c.id])}
    numbers = {
        c.id: {k: format_number(v) for k, v in c.kwargs.items() if isinstance(v, int | float)} for c in suite.checks
    }
    findings = []
    for hit in hits:
        check = by_id[hit.check]
        claim = claims[hit.claim_id]
        fields = dict(fields_of(claim)) if check.id in about_claim else {}
        fields.update(numbers[check.id])
        if check.id in about_related:
            fields.update(related_fields([claims[r] for r in hit.related], catalog, fields_of, names[check.id]))
        fields.update(dict(hit.fields))
        finding = Finding(
            check=check.id,
            severity=check.severity,
            file=claim.file,
            line=claim.line,
            message=render_message(check.message, fields),
            status=hit.status,
            claim=claim.id,
            related=hit.related,
            title=check.title,
            explain=check.explain,
        )
        if finding.status == "failed":  # a corroboration is evidence, never waived
            finding = apply_waivers(finding, claim.waivers, today)
        findings.append(finding)
    return findings


def unknown_waivers(claim: Claim, check_ids: set[str], known_elsewhere: set[str]) -> list[Finding]:
    """A finding for each waiver of `claim` that names a check neither the gate's suites (`check_ids`) nor
    the schema stage (`known_elsewhere`) defines: a misspelt waiver waives nothing."""
    known = check_ids | known_elsewhere
    findings = []
    for waiver in claim.waivers:
        if waiver.check not in known:
            close = difflib.get_close_matches(waiver.check, sorted(known), n=1)
            findings.append(
                Finding(rules.unknown_check.ID, rules.unknown_check.SEVERITY, claim.file, claim.line,
                        f"the waiver names {waiver.check!r}, which no suite of this gate defines",
                        claim=claim.id, title=rules.unknown_check.TITLE, explain=rules.unknown_check.EXPLAIN,
                        hint=f"did you mean `{close[0]}`?" if close else "`factcheck checks` lists the check ids")
            )  # fmt: skip
    return findings


def stray_file_finding(rel: str, problem: str) -> Finding:
    """A file under datasets/ that no gate reads (or that cannot be read by name)."""
    stray = rules.stray_file
    hint = "datasets/ holds only the datasets its gates read and catalog.yml: move it, or add it to a gate"
    return Finding(stray.ID, stray.SEVERITY, rel, 1, problem, title=stray.TITLE, explain=stray.EXPLAIN,
                   hint=hint)  # fmt: skip
