"""The spikes and falls of a column's running total, marked as the checks will see them before the dataset is
written: waived when the claimant's own corrections (or the mapping) explain them, noted as unexplained falls
otherwise, so that `factcheck import` says what the checks will report."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.floor.numbers import bounds, format_number
from factcheck.floor.spans import Span
from factcheck.importer.mapping import CorrectionsMap
from factcheck.importer.render import Point
from factcheck.rules import cumulative_spike
from factcheck.rules.cumulative_non_decreasing import find_falls


@dataclass(frozen=True)
class Fix:
    """A downward correction the claimant lists: its date, its change (below 0) and the row it came from."""

    date: Span
    change: float
    where: str


def mark_falls(
    column: str,
    points: list[Point],
    default: str,
    fixes: list[Fix],
    corrections: CorrectionsMap | None,
    waive_spikes: str | None = None,
) -> list[tuple[str, str]]:
    """Mark each spike and each point that falls below an earlier one as the checks see them
    (interval-aware): (what was found, "waived" | "unexplained" | "spike") for the summary.

    A spike (one point above both neighbours) is the suspect, never the point after it: it is waived for
    cumulative-spike when a downward correction is dated from it to the point after it, or when the
    mapping waives spikes (`waive_spikes`, its reason); otherwise it is left for the check to report,
    critical. A fall is explained when a downward correction of the same column is dated between the
    highest earlier total (the one the check names) and the fallen total, both included: every later
    total that is still below the pre-correction figure is explained by the same correction.
    """
    found = []
    figures = [bounds(float(point.value), point.extra.get("qualifier", default)) for point in points]
    group = np.zeros(len(points), dtype=np.int64)  # the points of one column are one series
    starts = np.array([point.date.start.toordinal() for point in points], dtype=np.int64)
    ends = np.array([point.date.end.toordinal() for point in points], dtype=np.int64)
    lowers = np.array([lower for lower, _ in figures], dtype=float)
    uppers = np.array([upper for _, upper in figures], dtype=float)
    spike, before, after = cumulative_spike.find_spikes(group, starts, ends, lowers, uppers)
    for p, a, b in zip(spike.tolist(), before.tolist(), after.tolist(), strict=True):
        point, prior, next_ = points[p], points[a], points[b]
        label = f"{column} {format_number(point.value)} on {point.date.text}"
        between = (f"above both the {format_number(prior.value)} of {prior.date.text} and the "
                   f"{format_number(next_.value)} of {next_.date.text}")  # fmt: skip
        changes = _corrected(point, point.date, next_.date, fixes, corrections, column, cumulative_spike.ID, between)
        if changes is not None:
            found.append((f"{label}: a spike {between}, explained by the correction of {changes}", "waived"))
        elif waive_spikes:
            _waive(point, cumulative_spike.ID, f"{waive_spikes.strip()}; this total is {between}")
            found.append((f"{label}: a spike {between}, waived by the mapping", "waived"))
        else:
            found.append((f"{label}: a spike {between}, reported by cumulative-spike (critical)", "spike"))
    lowers[spike] = -np.inf  # a spike counts for nothing against the points after it, as in the check
    later, earlier = find_falls(group, starts, ends, lowers, uppers)
    for i, a in zip(later.tolist(), earlier.tolist(), strict=True):
        point, anchor = points[i], points[a]
        label = f"{column} {format_number(point.value)} on {point.date.text}"
        below = f"below the {format_number(anchor.value)} of {anchor.date.text}"
        check = corrections.check if corrections is not None else ""
        changes = _corrected(point, anchor.date, point.date, fixes, corrections, column, check, below)
        if changes is not None:
            found.append((f"{label}: {below}, explained by the correction of {changes}", "waived"))
        else:
            if corrections is not None:
                why = f"{corrections.name} lists no downward correction of {column} between those dates"
            else:
                why = "no corrections table was given"
            note = f"The claimant's own total is {below}, and {why}: an unexplained fall, reported as a warning."
            point.extra["fall"] = "unexplained"
            point.extra["notes"] = note
            found.append((f"{label}: {below}, no correction explains it", "unexplained"))
    return found


def _corrected(point: Point, start: Span, end: Span, fixes: list[Fix], corrections: CorrectionsMap | None,
               column: str, check: str, this_total: str) -> str | None:  # fmt: skip
    """Waive `check` on `point` when downward corrections are dated from `start` to `end`, both included: the
    changes they list, or None when none is (or no corrections table was given)."""
    explaining = [f for f in fixes if start.start <= f.date.start and f.date.end <= end.end]
    if not explaining or corrections is None:
        return None
    changes = ", ".join(f"{format_number(f.change)} on {f.date.text}" for f in explaining)
    _waive(point, check, f"{corrections.name} lists a correction of {column} by {changes}; this total is {this_total}")
    return changes


def _waive(point: Point, check: str, reason: str) -> None:
    point.extra.setdefault("waivers", []).append({"check": check, "reason": reason})
