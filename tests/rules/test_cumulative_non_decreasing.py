"""cumulative-non-decreasing: interval-aware in dates and values, on the later claim, naming the earlier.

Through the suite (a whole run), then one-line cases of the check's pure functions: `find_falls` on arrays
(series codes, start and end days, lower and upper bounds), and `falls_in` and `reported` on the frame stage
0 builds, with the documented examples."""

from __future__ import annotations

import math

import numpy as np
import pytest
from checkcases import entries, frame

from conftest import claim, failed, run_project
from factcheck.rules import cumulative_non_decreasing as check


def src(published: str, quote: str) -> dict:
    return {"outlet": "France 2", "published": published, "quote": quote}


def falls(project, *claims: dict) -> list[tuple[str, tuple[str, ...]]]:
    project.dataset(list(claims))
    return [(f.claim, f.related) for f in failed(run_project(project), "cumulative-non-decreasing")]


def test_a_rising_total_passes(project):
    assert falls(project, claim("a", value=46000, qualifier="more_than", as_of="2025-02",
                                source=src("2025-02", "more than 46,000")), claim("b")) == []  # fmt: skip


def test_a_falling_total_fails_on_the_later_claim_naming_the_earlier(project):
    assert falls(project, claim("a"), claim("b", value=45000, as_of="2026-03", source=src("2026-03", "45,000"))) == [
        ("b", ("a",))
    ]


def test_the_message_names_values_dates_claimant_and_outlet(project):
    path = project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03", source=src("2026-03", "45,000"))])
    (finding,) = failed(run_project(project), "cumulative-non-decreasing")
    assert finding.message == "falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)"
    assert path.read_text().splitlines()[finding.line - 1] == "- id: b"


def test_overlapping_dates_are_never_compared(project):
    # "2026" contains "2026-03": neither is before the other.
    assert falls(project, claim("year", as_of="2026", source=src("2026", "55,000")),
                 claim("month", value=45000, as_of="2026-03", source=src("2026-03", "45,000"))) == []  # fmt: skip


def test_an_open_upper_bound_never_falls(project):
    assert falls(project, claim("a"), claim("b", value=1000, qualifier="more_than", as_of="2026-05",
                                            source=src("2026-05", "more than 1,000"))) == []  # fmt: skip


def test_about_is_judged_by_its_implied_precision(project):
    # about 55,000 allows 54,500..55,500: a later exact 54,600 does not certainly fall, 54,400 does.
    base = claim("a", qualifier="about", source=src("2026-02", "about 55,000"))
    assert falls(project, base, claim("b", value=54600, as_of="2026-03", source=src("2026-03", "54,600"))) == []


def test_about_fails_beyond_its_precision(project):
    base = claim("a", qualifier="about", source=src("2026-02", "about 55,000"))
    assert falls(project, base, claim("b", value=54400, as_of="2026-03", source=src("2026-03", "54,400"))) == [
        ("b", ("a",))
    ]


@pytest.mark.parametrize(
    "other",
    [
        {"claimant": "syrskyi"},
        {"subject": "russia"},
        {"metric": "military_casualties"},
    ],
)
def test_series_are_separate(project, other):
    assert falls(project, claim("a"), claim("b", value=45000, as_of="2026-03", source=src("2026-03", "45,000"),
                                            **other)) == []  # fmt: skip


def test_stocks_may_go_down(project):
    share = {"metric": "occupied_territory_share", "subject": "ukraine", "qualifier": "about"}
    assert falls(project, claim("a", value=20, source=src("2026-02", "about 20%"), **share),
                 claim("b", value=18, as_of="2026-06", source=src("2026-06", "about 18%"), **share)) == []  # fmt: skip


def test_period_totals_are_not_cumulative(project):
    assert falls(project, claim("a", as_of=None, period="2025", source=src("2026-01", "55,000")),
                 claim("b", value=45000, as_of=None, period="2026-01", source=src("2026-02", "45,000"))) == []  # fmt: skip


def test_the_highest_earlier_claim_is_named(project):
    # (the first claim has one neighbour, so it is never a spike: the falls after it are reported)
    result = falls(
        project,
        claim("high", value=60000, as_of="2025-01", source=src("2025-01", "60,000")),
        claim("low", value=50000, as_of="2025-06", source=src("2025-06", "50,000")),
        claim("later", value=52000, as_of="2026-01", source=src("2026-01", "52,000")),
    )
    assert sorted(result) == [("later", ("high",)), ("low", ("high",))]


INF = math.inf

# (groups, starts, ends, lowers, uppers) -> (later, earlier): positions of each fall and the claim it falls below
ARRAYS = [
    (([0, 0], [0, 10], [5, 15], [10, 5], [10, 5]), ([1], [0])),
    (([0, 0], [0, 10], [5, 15], [10, 10], [10, 10]), ([], [])),
    (([0, 0], [0, 3], [5, 15], [10, 5], [10, 5]), ([], [])),  # the dates overlap
    (([0, 1], [0, 10], [5, 15], [10, 5], [10, 5]), ([], [])),  # two series
    (([0, 0], [0, 10], [5, 15], [10, 5], [10, INF]), ([], [])),  # no upper bound
    (([0, 0, 0], [0, 10, 20], [1, 11, 21], [10, 30, 5], [10, 30, 5]), ([2], [1])),  # the highest earlier
    (([0, 0, 0], [20, 0, 10], [21, 1, 11], [5, 10, 30], [5, 10, 30]), ([0], [2])),  # in any row order
    (([], [], [], [], []), ([], [])),
]


@pytest.mark.parametrize(("arrays", "expected"), ARRAYS)
def test_find_falls(arrays, expected):
    groups, starts, ends = (np.array(a, dtype=np.int64) for a in arrays[:3])
    lowers, uppers = (np.array(a, dtype=float) for a in arrays[3:])
    later, earlier = check.find_falls(groups, starts, ends, lowers, uppers)
    assert (later.tolist(), earlier.tolist()) == expected


FALL = [{"id": "a"}, {"id": "b", "value": 45000, "as_of": "2026-03"}]
MARKED = [{"id": "a"}, {"id": "b", "value": 45000, "as_of": "2026-03", "fall": "unexplained", "notes": "n"}]

# claims over a valid claim's fields -> falls_in: (later, earlier, later is marked unexplained)
FRAMES = [
    (FALL, [("b", "a", False)]),
    (MARKED, [("b", "a", True)]),
    ([{"id": "a"}, {"id": "b", "value": 45000, "as_of": "2026-03", "claimant": "syrskyi"}], []),
    (entries(check.PASSES), []),
    (entries(check.FAILS), [("b", "a", False)]),
]


@pytest.mark.parametrize(("claims", "falls_found"), FRAMES)
def test_falls_in(project, claims, falls_found):
    assert check.falls_in(frame(project, claims)) == falls_found


@pytest.mark.parametrize(
    ("unexplained_falls", "expected"),
    [("include", [("b", "a"), ("d", "c")]), ("exclude", [("b", "a")]), ("only", [("d", "c")])],
)
def test_reported(unexplained_falls, expected):
    assert check.reported([("b", "a", False), ("d", "c", True)], unexplained_falls) == expected


def test_a_projection_is_no_total_to_date(project):
    # "could reach 60,000" before a count of 55,000: expected, not counted, so nothing falls
    assert falls(project, claim("a", value=60000, qualifier="at_most", as_of="2026-01", projection=True,
                                source=src("2026-01", "could reach 60,000")),
                 claim("b", value=55000, as_of="2026-02", source=src("2026-02", "55,000"))) == []  # fmt: skip
