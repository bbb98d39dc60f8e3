"""cumulative-spike: one total out of line with both of its neighbours.

A total typed with a digit too many (802,780 for 80,278, between 79,000 and 105,505) rises above the
point before it and falls back at the point after it. Read as falls, the honest point after it would take
the blame ("falls from 802,780 to 105,505"). The suspect is the point in the middle, and it is reported on
that point, once, naming both neighbours.

The rule, within a series (metric, subject, claimant, origin) ordered by date, for a point P with a point
A just before it and a point B just after it (each wholly before the next: overlapping dates are never
compared): P is a spike when B certainly falls below P (`P.lower > B.upper`), B falls below nothing
before P (every earlier lower bound is at most `B.upper`), and the point after B stays below P too (its
upper bound under `P.lower`): the neighbours are in line with each other, and P alone is not. Where the
series comes back to P's level after B (100, 110, 105, 120), B is the point out of line, a dip, and its fall
is reported as a fall. Where B is the last point, no later point says which of the two is out of line, and
the last point is the newest figure, the one a change most likely added: its fall is reported as a fall,
unless P stands at least five times above B (`P.lower > 5 * B.upper`). A cumulative total that rises five-fold
in one step and falls back is no count that grew: it is the shape of a digit too many (802,780 for 80,278
lands seven to ten times above its neighbours), and P takes the blame even at the end of a series. A smaller
fall onto the last point (19, then 15) stays the last point's fall, so a change that adds a wrong, lower
figure never blames the reviewed one before it. The first and the last point of a series have one neighbour,
so they are never spikes: a fall after the first point is reported as a fall. Two high points in a row are
no spike either: the fall after them is reported as today.

A spike is left out when cumulative-non-decreasing and cumulative-fall-unexplained look for falls, so the
points after it are judged against the points before it only. A spike that is the claimant's own figure
(it really published 802,780 that day) is waived on its point, with the reason.

Cost: one sort of the claims and one pass over them, O(n log n).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from factcheck.floor.columns import SERIES
from factcheck.rules._claims import Hits, codes
from factcheck.rules._expectation import TableExpectation

ID = "cumulative-spike"
SEVERITY = "critical"
TITLE = "No total out of line with both neighbours"
EXPLAIN = (
    "A cumulative total above the point after it, where that point is in line with every point before and "
    "the point after that stays below the total too, is out of line with both neighbours: most likely a slip "
    "(a digit too many, two digits swapped). It is reported on that point, naming both neighbours, and the "
    "point after it is not blamed for a fall. The first and last points of a series have one neighbour and "
    "are never spikes. A fall onto the last point stays that point's fall (nothing after it says which is out "
    "of line) unless the point before it stands at least five times above it: the shape of a digit too many."
)
MESSAGE = "{figure} ({date}) is out of line with both neighbours: {related_1} before it and {related_2} after it"
SUITE = "cumulative-totals"
PASSES = """\
- {id: a, value: 79000, as_of: 2023-02-10}
- {id: b, value: 80278, as_of: 2023-02-11}
- {id: c, value: 105505, as_of: 2023-02-12}
- {id: d, value: 106000, as_of: 2023-02-13}
"""
FAILS = """\
# b, 802,780, is above both 79,000 and 105,505: a digit too many, not a fall of c
- {id: a, value: 79000, as_of: 2023-02-10}
- {id: b, value: 802780, as_of: 2023-02-11}
- {id: c, value: 105505, as_of: 2023-02-12}
- {id: d, value: 106000, as_of: 2023-02-13}
"""

# How far above the last point its predecessor must stand to be the spike rather than the last point a fall
SLIP = 5

Spike = tuple[str, str, str]  # (the spike, the point before it, the point after it)


def find_spikes(
    groups: np.ndarray, starts: np.ndarray, ends: np.ndarray, lowers: np.ndarray, uppers: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions (spike, before, after) of every spike, by the rule of the module docstring."""
    n = len(groups)
    if n < 3:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    order = np.lexsort((starts, ends, groups))
    g, s, e = groups[order], starts[order], ends[order]
    low, up = lowers[order], uppers[order]
    running_max = pd.Series(low).groupby(g).cummax().to_numpy()
    middle = np.arange(1, n - 1)
    before, after = middle - 1, middle + 1
    beyond = np.minimum(middle + 2, n - 1)
    # The point after B must stay below P: where it comes back to P's level, B is the dip. Where B is the
    # last point, only a digit slip's magnitude says that P, not B, is out of line.
    has_beyond = (middle + 2 < n) & (g[beyond] == g[middle])
    confirmed = np.where(has_beyond, up[beyond] < low[middle], low[middle] > SLIP * up[after])
    spike = (
        (g[before] == g[middle])
        & (g[after] == g[middle])
        & (e[before] < s[middle])
        & (e[middle] < s[after])
        & (low[middle] > up[after])
        & (running_max[before] <= up[after])
        & confirmed
    )
    return order[middle[spike]], order[before[spike]], order[after[spike]]


def spikes_of(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions (spike, before, after) of the spikes among the claims of the frame (`factcheck.gx.frame`)."""
    if frame.empty:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    return find_spikes(
        codes(frame, SERIES),
        frame["date_start"].to_numpy(dtype=np.int64),
        frame["date_end"].to_numpy(dtype=np.int64),
        frame["lower"].to_numpy(dtype=float),
        frame["upper"].to_numpy(dtype=float),
    )


def spikes_in(frame: pd.DataFrame) -> list[Spike]:
    """Every spike among the claims of the frame, by claim id, in the order of their points."""
    spike, before, after = spikes_of(frame)
    ids = frame["claim_id"].to_numpy()
    found = sorted(zip(spike.tolist(), before.tolist(), after.tolist(), strict=True))
    return [(str(ids[p]), str(ids[a]), str(ids[b])) for p, a, b in found]


def spike_hits(spikes: list[Spike]) -> Hits:
    """The hits of the spikes: each on the spike, naming the points before and after it."""
    return [{"claim_id": spike, "related": [before, after]} for spike, before, after in spikes]


EXPECTATION = TableExpectation(
    type="expect_cumulative_totals_to_have_no_spike",
    metric="factcheck.cumulative_spikes",
    find=spikes_in,
    doc="Expect no cumulative total to be out of line with both of its neighbours in its series.",
    shared=("subject", "origin_start"),
    hits=spike_hits,
)
