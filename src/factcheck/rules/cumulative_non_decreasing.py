"""cumulative-non-decreasing: a running total may not fall.

A cumulative figure (killed since the invasion began) counts everything up to its date, so a later claim
in the same series (metric, subject, claimant, origin) may not be below an earlier one. Both the date and
the figure are intervals: claim A is *before* claim B when A's dates end before B's start, and B *falls*
when `A.lower > B.upper`. Claims whose dates overlap are never compared ("2025" and "2025-10" say nothing
about each other's order). The finding is on the later claim, naming the highest earlier claim it falls
below.

A spike (cumulative-spike: one point above both of its neighbours) is left out when falls are found: the
point after it is judged against the points before the spike, so an honest point never takes the blame
for a slip before it.

A claim marked `fall: unexplained` (a total the claimant itself published below an earlier one, with no
correction known) is still compared like any other; the kwarg `unexplained_falls` decides which falls an
expectation reports: `include` (every fall, the default), `exclude` (not those of marked claims) or `only`
(only those). The suite runs this check with `exclude` and `cumulative-fall-unexplained`, at warning
severity, with `only`: a marked fall is reported as a warning, every other fall as before.

Cost: one sort and one binary search per claim, O(n log n) over all series at once.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from factcheck.floor.columns import SERIES
from factcheck.rules._claims import Hits, codes
from factcheck.rules._expectation import TableExpectation
from factcheck.rules.cumulative_spike import spikes_of

ID = "cumulative-non-decreasing"
SEVERITY = "critical"
TITLE = "Cumulative totals do not fall"
EXPLAIN = (
    "A total counted since the origin includes every earlier total of the same series (metric, subject, "
    "claimant); a later claim below an earlier one is a typo, a correction to acknowledge, or a different "
    "count. Overlapping dates are never compared, and a spike (one point above both neighbours, "
    "cumulative-spike) is not counted against the points after it."
)
MESSAGE = "falls from {related} to {figure} ({date})"
SUITE = "cumulative-totals"
PASSES = """\
- {id: a, value: 46000, qualifier: more_than, as_of: 2025-02}
- {id: b, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# b falls from more than 46,000 to 45,000
- {id: a, value: 46000, qualifier: more_than, as_of: 2025-02}
- {id: b, value: 45000, as_of: 2026-02}
"""

UnexplainedFalls = Literal["include", "exclude", "only"]
Fall = tuple[str, str, bool]  # (later claim, the earlier claim it falls below, later is marked unexplained)


def find_falls(
    groups: np.ndarray, starts: np.ndarray, ends: np.ndarray, lowers: np.ndarray, uppers: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Positions (later, earlier) of every claim that falls below an earlier claim of its series.

    `groups` are integer series codes, `starts`/`ends` integer day numbers. For each claim B, the earlier
    claims are those of its group whose end is before B's start: a prefix of the claims sorted by end.
    The running maximum of their lower bounds is the only value B must not fall below.
    """
    n = len(groups)
    if n == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    order = np.lexsort((ends, groups))
    sorted_groups = groups[order]
    sorted_lowers = lowers[order]
    running_max = pd.Series(sorted_lowers).groupby(sorted_groups).cummax().to_numpy()
    positions = np.where(sorted_lowers >= running_max, np.arange(n), -1)
    argmax = pd.Series(positions).groupby(sorted_groups).cummax().to_numpy()

    span = int(max(ends.max(), starts.max())) + 2
    keys = sorted_groups.astype(np.int64) * span + ends[order]
    first_of_group = np.searchsorted(keys, groups.astype(np.int64) * span, side="left")
    first_not_before = np.searchsorted(keys, groups.astype(np.int64) * span + starts, side="left")
    has_earlier = first_not_before > first_of_group
    last_before = np.where(has_earlier, first_not_before - 1, 0)
    falls = has_earlier & (running_max[last_before] > uppers)
    later = np.flatnonzero(falls)
    return later, order[argmax[last_before[later]]]


def falls_in(frame: pd.DataFrame) -> list[Fall]:
    """Every fall among the claims of the frame (`factcheck.gx.frame`), by claim id, in the frame's order; a
    spike (`cumulative_spike`) counts for nothing against the claims after it."""
    if frame.empty:
        return []
    groups = codes(frame, SERIES)
    lowers = frame["lower"].to_numpy(dtype=float).copy()
    lowers[spikes_of(frame)[0]] = -np.inf
    later, earlier = find_falls(
        groups,
        frame["date_start"].to_numpy(dtype=np.int64),
        frame["date_end"].to_numpy(dtype=np.int64),
        lowers,
        frame["upper"].to_numpy(dtype=float),
    )
    ids = frame["claim_id"].to_numpy()
    marked = (frame["fall"] == "unexplained").to_numpy() if "fall" in frame else np.zeros(len(frame), bool)
    return [(str(ids[b]), str(ids[a]), bool(marked[b])) for b, a in zip(later, earlier, strict=True)]


def reported(falls: list[Fall], unexplained_falls: UnexplainedFalls) -> list[tuple[str, str]]:
    """The (later, earlier) falls an expectation reports, by how it treats the claims marked unexplained."""
    keep = {"include": (False, True), "exclude": (False,), "only": (True,)}[unexplained_falls]
    return [(later, earlier) for later, earlier, marked in falls if marked in keep]


def fall_hits(falls: list[Fall], unexplained_falls: UnexplainedFalls) -> Hits:
    """The hits of the falls an expectation reports: each on the later claim, naming the earlier one."""
    return [{"claim_id": later, "related": [earlier]} for later, earlier in reported(falls, unexplained_falls)]


# cumulative-fall-unexplained runs through the same type, with `unexplained_falls: only`.
EXPECTATION = TableExpectation(
    type="expect_cumulative_totals_to_be_non_decreasing",
    metric="factcheck.cumulative_falls",
    find=falls_in,
    doc="Expect no cumulative total to fall below an earlier total of its series (interval-aware).",
    shared=("subject", "origin_start"),
    kwargs={"unexplained_falls": (UnexplainedFalls, "include")},
    hits=fall_hits,
)
