"""What a pull request changed: claims added, removed and changed (by id), and the gates, suites and
catalog it edited, between the base run and this one.

Claims are matched by id (a series point's id is `<series>@<date>`, stable across edits), never by line: a
claim that only moved is unchanged. A changed claim names the fields that changed and carries both states,
so a reviewer reads "45,000 → 55,000" rather than a diff of YAML. Edits to checks/, expectations/ and the
catalog are listed on their own: they can weaken what the gate checks, and the review must see them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from factcheck.floor.numbers import format_figure
from factcheck.model.claimset import apart_from_same_points
from factcheck.model.format import Catalog, Claim
from factcheck.report.findings import ClaimChange, ClaimState, FileChange

# The fields compared, in the order a reviewer reads them: the figure, its date, whose it is, its source.
FIELDS = ("value", "qualifier", "low", "high", "date", "kind", "metric", "subject", "claimant", "outlet",
          "published", "url", "quote", "via", "file", "fall", "waivers")  # fmt: skip


def state(claim: Claim, catalog: Catalog | None) -> ClaimState:
    metric = catalog.metrics.get(claim.metric) if catalog else None
    source = claim.source
    return ClaimState(
        file=claim.file,
        line=claim.line,
        figure=format_figure(claim.value, claim.qualifier, metric.unit if metric else ""),
        value=claim.value,
        qualifier=claim.qualifier,
        low=claim.low,
        high=claim.high,
        date=claim.date.text,
        kind=claim.kind,
        metric=claim.metric,
        subject=claim.subject,
        claimant=claim.claimant,
        outlet=source.outlet,
        published=source.published.text if source.published else None,
        url=source.url,
        quote=source.quote,
        via=source.via,
        fall=claim.fall,
        waivers=tuple((w.check, w.reason, w.until.text if w.until else None) for w in claim.waivers),
    )


def compare_claims(
    old: Mapping[str, Claim], new: Mapping[str, Claim], old_catalog: Catalog | None, new_catalog: Catalog | None
) -> list[ClaimChange]:
    """Every claim added, removed or changed, in the order of the new claims (file, line), then the removed
    ones in the order of the old. A series' points that both hold alike are not compared one by one
    (`claimset.apart_from_same_points`): a run's points are made when looked up."""
    found: list[ClaimChange] = []
    old_rest, new_rest = apart_from_same_points(old, new)
    for claim in sorted(new_rest, key=lambda c: (c.file, c.line, c.id)):
        cid = claim.id
        was = old.get(cid)
        if was is None:
            found.append(ClaimChange("added", cid, None, state(claim, new_catalog)))
            continue
        if _compared(was) == _compared(claim):
            continue  # most claims: compared without describing them (a figure's words cost the most)
        before, after = state(was, old_catalog), state(claim, new_catalog)
        changed = tuple(name for name in FIELDS if getattr(before, name) != getattr(after, name))
        if changed:
            found.append(ClaimChange("changed", cid, before, after, changed))
    removed = [claim for claim in old_rest if claim.id not in new]
    for claim in sorted(removed, key=lambda c: (c.file, c.line, c.id)):
        found.append(ClaimChange("removed", claim.id, state(claim, old_catalog), None))
    return found


def _compared(claim: Claim) -> tuple:
    """The fields of `FIELDS`, straight from the claim (the unit of the figure aside: the catalog's)."""
    source = claim.source
    return (claim.value, claim.qualifier, claim.low, claim.high, claim.date.text, claim.kind, claim.metric,
            claim.subject, claim.claimant, source.outlet, source.published.text if source.published else None,
            source.url, source.quote, source.via, claim.file, claim.fall, claim.waivers)  # fmt: skip


def compare_files(old_root: Path, new_root: Path, paths: set[str]) -> list[FileChange]:
    """Which of `paths` (gates, suites, the catalog: relative to each root) were added, removed or edited."""
    found = []
    for rel in sorted(paths):
        before, after = _read(old_root / rel), _read(new_root / rel)
        if before is None and after is None:
            continue
        if before is None:
            found.append(FileChange(rel, "added"))
        elif after is None:
            found.append(FileChange(rel, "removed"))
        elif before != after:
            found.append(FileChange(rel, "modified"))
    return found


def _read(path: Path) -> bytes | None:
    """What a file holds, for comparing: a symlink by its target and anything but a bounded regular file by
    its kind and size, never read (either tree is input: a symlink to /dev/zero would never end)."""
    from factcheck.reading.yamlfile import max_bytes

    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return b"symlink:" + os.fsencode(os.readlink(path))
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size > max_bytes():
            return b"size:%d" % info.st_size
        return path.read_bytes()
    except OSError:
        return None
