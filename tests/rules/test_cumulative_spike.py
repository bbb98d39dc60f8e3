"""cumulative-spike: one total above both neighbours is reported on that point, once, naming both, and the
honest point after it gets no finding; real falls are reported as before. Through the shipped suite."""

from __future__ import annotations

import pytest
from checkcases import entries, frame, suite_failures

from conftest import failed, run_project
from factcheck.rules import cumulative_non_decreasing
from factcheck.rules import cumulative_spike as check

POINTS = [["2023-02-10", 79000], ["2023-02-11", 802780], ["2023-02-12", 105505], ["2023-02-13", 106000]]


def series(points, **fields) -> dict:
    return {"id": "toll", "points": points, **fields}


CASES = [
    ([series(POINTS)], [("toll@2023-02-11", "toll@2023-02-10", "toll@2023-02-12")]),
    ([series([["2023-02-10", 79000], ["2023-02-11", 80278], ["2023-02-12", 105505]])], []),
    # the first point has one neighbour: the fall after it stays a fall
    ([series([["2023-02-10", 802780], ["2023-02-11", 80278], ["2023-02-12", 105505]])], []),
    # two high points in a row are no spike: the fall after them stays a fall
    ([series([["2023-02-10", 79000], ["2023-02-11", 802780], ["2023-02-12", 802790], ["2023-02-13", 105505]])], []),
    # the point after the high one falls below an earlier point too: a fall, not a spike
    ([series([["2023-02-09", 110000], ["2023-02-10", 79000], ["2023-02-11", 802780], ["2023-02-12", 105505]])], []),
    # the series comes back to 90,000's level: 85,000 is the dip, reported as a fall
    ([series([["2023-02-10", 79000], ["2023-02-11", 90000], ["2023-02-12", 85000], ["2023-02-13", 95000]])], []),
    # a digit too many just before the last point: 802,780 stands over five times above 105,505
    ([series(POINTS[:3])], [("toll@2023-02-11", "toll@2023-02-10", "toll@2023-02-12")]),
    # the last point falls, but less than five-fold: nothing after it says which is out of line, and the
    # newest figure takes the fall
    ([series([["2023-02-10", 79000], ["2023-02-11", 90000], ["2023-02-12", 85000]])], []),
    # exactly five times is not beyond five times
    ([series([["2023-02-10", 79000], ["2023-02-11", 500000], ["2023-02-12", 100000]])], []),
    (
        [series([["2023-02-10", 79000], ["2023-02-11", 500001], ["2023-02-12", 100000]])],
        [("toll@2023-02-11", "toll@2023-02-10", "toll@2023-02-12")],
    ),
    # the last point falls below an earlier point too: a fall, whatever the magnitude
    ([series([["2023-02-10", 79000], ["2023-02-11", 802780], ["2023-02-12", 70000]])], []),
    (entries(check.PASSES), []),
    (entries(check.FAILS), [("b", "a", "c")]),
]


@pytest.mark.parametrize(("claims", "spikes"), CASES)
def test_cases(project, claims, spikes):
    assert check.spikes_in(frame(project, claims)) == spikes


def test_the_spike_is_reported_once_on_its_point_and_the_next_point_is_not_blamed(project):
    project.write(
        "checks/publication.yml", "datasets: [datasets/**/*.yml]\nsuites: [expectations/cumulative-totals.yml]\n"
    )
    project.dataset(series=[{
        "id": "toll", "metric": "civilians_killed", "subject": "ukraine", "claimant": "zelensky",
        "source": {"outlet": "Ministry", "url": "https://example.org/toll"}, "points": POINTS,
    }])  # fmt: skip
    report = run_project(project)
    assert [(f.check, f.claim, f.related) for f in failed(report)] == [
        ("cumulative-spike", "toll@2023-02-11", ("toll@2023-02-10", "toll@2023-02-12"))
    ]
    [finding] = failed(report)
    assert finding.severity == "critical" and finding.blocking
    assert finding.message.startswith("802,780 (2023-02-11) is out of line with both neighbours: 79,000 (2023-02-10")
    assert "105,505 (2023-02-12" in finding.message


def test_a_real_fall_is_still_reported_as_a_fall(project):
    # 70,000 falls below 79,000 as well as 90,000: the count fell, no single point is out of line
    points = [["2023-02-10", 79000], ["2023-02-11", 90000], ["2023-02-12", 70000], ["2023-02-13", 95000]]
    claims = [{"id": "toll", "points": points}]
    assert suite_failures(project, "cumulative-spike", claims) == set()
    assert suite_failures(project, "cumulative-non-decreasing", claims) == {"toll@2023-02-12"}


def test_a_spike_counts_for_nothing_against_the_points_after_it(project):
    falls = cumulative_non_decreasing.falls_in(frame(project, [series(POINTS)]))
    assert falls == []


def test_a_fall_onto_the_last_point_is_a_fall_of_that_point(project):
    # 19 then 15 at the end: nothing after 15 says which is out of line, and 15 is the newest figure
    claims = [series([["2024-03-02", 12], ["2024-03-05", 19], ["2024-03-08", 15]])]
    assert suite_failures(project, "cumulative-spike", claims) == set()
    assert suite_failures(project, "cumulative-non-decreasing", claims) == {"toll@2024-03-08"}


def test_a_digit_slip_before_the_last_point_is_the_spike_and_the_last_point_is_not_blamed(project):
    # the case at the end of a series: 802,780 typed for 80,278, then the honest 105,505
    claims = [series(POINTS[:3])]
    assert suite_failures(project, "cumulative-spike", claims) == {"toll@2023-02-11"}
    assert suite_failures(project, "cumulative-non-decreasing", claims) == set()
