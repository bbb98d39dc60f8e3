"""The source of a claim the schema refused, as written in its file, for the reports to show.

A claim with a schema problem never becomes a `Claim` (it is left out of the checks), so a report has no
outlet or quote to show beside its finding: an editor reading "`valeu` is not a field" sees neither who
said it nor the sentence to check it against. Stage 0 therefore copies the source fields of the refused
entry onto its findings (`Finding.source`): only the five fields of a source, only plain values, each
clipped (`MAX_QUOTE`, `text.MAX_FIELD`), so a file of 50,000 broken claims costs a few hundred bytes a
finding. Nothing is escaped here: each reporter escapes what it prints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from factcheck.floor.text import MAX_FIELD, clip
from factcheck.reading.yamlfile import Mapping
from factcheck.report.findings import Finding

FIELDS = ("outlet", "published", "url", "quote", "via")
MAX_QUOTE = 1000  # the HTML report shows up to 2,000 characters; a refused claim's quote is evidence, not data

RawSource = tuple[tuple[str, str], ...]


def _plain(value: object, limit: int) -> str | None:
    """A scalar as text (dates as written by YAML's reader), clipped; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return clip(text, limit) if text else None


def of(source: object, quote: object = None) -> RawSource:
    """The plain fields of a `source:` mapping, and a point's own quote over the series' one."""
    found = dict.fromkeys(FIELDS)
    if isinstance(source, Mapping | dict):
        for key in FIELDS:
            found[key] = _plain(source.get(key), MAX_QUOTE if key == "quote" else MAX_FIELD)
    own = _plain(quote, MAX_QUOTE)
    if own:
        found["quote"] = own
    return tuple((key, value) for key, value in found.items() if value)


def _entries(data: Mapping, wanted: set[str]) -> dict[str, RawSource]:
    """The raw source of each wanted id (a claim, a series, or a point `series@date`) in a dataset's tree."""
    sources: dict[str, RawSource] = {}
    for claim in data.get("claims") or ():
        if isinstance(claim, Mapping) and claim.get("id") in wanted:
            sources[claim["id"]] = of(claim.get("source"))
    points_of = {}
    for series in data.get("series") or ():
        if isinstance(series, Mapping) and isinstance(series.get("id"), str):
            points_of[series["id"]] = series
    own_quotes: dict[str, dict[str, object]] = {}  # per series with a wanted point: its points' own quotes
    for cid in wanted - set(sources):
        base, _, date = cid.partition("@")
        series = points_of.get(base)
        if series is None:
            continue
        if date and base not in own_quotes:
            own_quotes[base] = {
                str(_plain(point[0], 40)): point[2].get("quote")
                for point in series.get("points") or ()
                if isinstance(point, list) and len(point) == 3 and isinstance(point[2], Mapping)
            }
        sources[cid] = of(series.get("source"), own_quotes.get(base, {}).get(date))
    return sources


def attach(findings: list[Finding], data: object) -> list[Finding]:
    """`findings` of one dataset file, each on a claim it refused given that claim's source as written."""
    if not isinstance(data, Mapping):
        return findings
    wanted = {f.claim for f in findings if f.claim and not f.source}
    if not wanted:
        return findings
    sources = _entries(data, wanted)
    return [dataclasses.replace(f, source=sources[f.claim]) if sources.get(f.claim) else f for f in findings]
