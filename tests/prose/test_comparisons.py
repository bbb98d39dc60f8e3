"""Figures measured against another (prose.comparisons) and increments over a recent period
(prose.increments): an earlier value counts what the later figure counts and keeps its own date; the whole a
part is counted out of is no claim; "killed in the last 24 hours" is the day's addition, not the toll."""

from __future__ import annotations

import pytest

from article_helpers import desk_findings
from factcheck.prose.comparisons import earlier_value, whole_of
from factcheck.prose.increments import increment


def _at(text: str, figure: str) -> int:
    return text.index(figure)


@pytest.mark.parametrize(
    "text, figure, earlier",
    [
        ("Cases reached 9,100, up from 8,700 a week ago.", "8,700", True),
        ("Cases reached 9,100, down from about 9,400.", "9,400", True),
        ("Cases reached 9,100, compared with 8,700 in May.", "8,700", True),
        ("Cases climbed from 8,700 to 9,100.", "8,700", True),
        ("Cases reached 9,100, up from 8,700 a week ago.", "9,100", False),
        ("People fled from 30 villages.", "30", False),
    ],
)  # fmt: skip
def test_an_earlier_value_is_read(text, figure, earlier):
    assert earlier_value(text, 0, _at(text, figure)) is earlier


@pytest.mark.parametrize(
    "text, figure, whole",
    [
        ("Floods hit 45 out of 70 counties.", "70", True),
        ("Floods hit 45 of 70 counties.", "70", True),
        ("Floods hit nine out of 70 counties.", "70", True),
        ("He was one of 70 people questioned.", "70", False),
        ("Of the dead, 45 were children.", "45", False),
        ("It killed 4,100 people, out of 9,000 infected.", "9,000", False),
    ],
)  # fmt: skip
def test_the_whole_of_a_part_is_read(text, figure, whole):
    assert whole_of(text, _at(text, figure)) is whole


@pytest.mark.parametrize(
    "text, figure, added",
    [
        ("Another 40 died in the past 24 hours.", "40", True),
        ("In the last two days, 40 people died.", "40", True),
        ("Forty died overnight, bringing the toll to 310.", "310", False),  # the period is another figure's
        ("The toll rose to 310 in the past week.", "310", False),  # "to": the new total
        ("The toll stands at 310.", "310", False),
        ("The ministry reported three new MERS cases on Tuesday.", "three", True),  # the word after it
        ("Officials confirmed 1,200 additional deaths.", "1,200", True),
        ("The toll rose to 310 new deaths in all.", "310", False),  # "to": the new total still
        ("Some 310 newly built homes were destroyed.", "310", False),
    ],
)  # fmt: skip
def test_an_increment_over_a_recent_period_is_read(text, figure, added):
    assert increment(text, 0, _at(text, figure), len(text)) is added


CATALOG = """\
metrics:
  outbreak_deaths: {unit: people, description: deaths since the outbreak began, terms: [died, deaths, up]}
  daily_deaths: {unit: people, cumulative: false, description: deaths of the last day, terms: [died in the last day, new deaths]}
  wards_hit: {unit: wards, cumulative: false, description: wards with cases, terms: [wards]}
subjects:
  region: {name: the region, aliases: [the region]}
claimants:
  health-agency: {name: Health Agency, role: regional health agency, affiliation: independent, aliases: [the health agency]}
"""
CLAIMS = """\
dataset: outbreak
title: The outbreak, as reported on 9 October 2025
origin: 2025-06-01
claims:
  - {id: deaths-oct-09, metric: outbreak_deaths, subject: region, claimant: health-agency, value: 610, as_of: 2025-10-09,
     source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
  - {id: deaths-oct-06, metric: outbreak_deaths, subject: region, claimant: health-agency, value: 580, as_of: 2025-10-06,
     source: {outlet: The Courier, published: 2025-10-06, url: "https://example.org/b"}}
  - {id: daily-oct-09, metric: daily_deaths, subject: region, claimant: health-agency, value: 12, period: 2025-10-08/2025-10-09,
     source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
  - {id: wards-oct-09, metric: wards_hit, subject: region, claimant: health-agency, value: 45, qualifier: at_least, as_of: 2025-10-09,
     source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
"""


def test_an_earlier_value_and_its_date_are_its_own(tmp_path):
    body = "The health agency says 610 people have died in the region, up from 580 on Monday."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, body) == [
        ("article-backed", "info", "deaths-oct-09"),
        ("article-backed", "info", "deaths-oct-06"),
    ]


def test_a_wrong_earlier_value_still_contradicts(tmp_path):
    body = "The health agency says 610 people have died in the region, up from 850 on Monday."
    assert ("article-contradicts", "critical", "deaths-oct-06") in desk_findings(tmp_path, CATALOG, CLAIMS, body)


def test_an_increment_is_read_as_the_periods_metric(tmp_path):
    body = "In the region 12 people died in the last 24 hours, the health agency said."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, body) == [("article-backed", "info", "daily-oct-09")]


def test_new_after_a_figure_reads_it_as_the_periods_metric_not_the_total(tmp_path):
    body = "The health agency reported 12 new cholera deaths in the region on Thursday."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, body) == [("article-backed", "info", "daily-oct-09")]
    changed = body.replace("12 new", "21 new")  # a wrong addition still stands out, against the day's claim
    assert [f[0] for f in desk_findings(tmp_path, CATALOG, CLAIMS, changed)] != ["article-backed"]


def test_the_whole_is_no_claim_and_the_part_is_backed(tmp_path):
    body = "At least 45 out of 60 wards in the region have cases, the health agency said."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, body) == [("article-backed", "info", "wards-oct-09")]


def test_the_whole_after_of_the_contradicts_no_claim_of_the_parts_metric(tmp_path):
    body = "At least 45 of the 60 wards in the region have cases, the health agency said."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, body) == [
        ("article-backed", "info", "wards-oct-09"),
        ("article-unbacked", "warning", None),
    ]


@pytest.mark.parametrize("whole", ["the region's 60 wards", "its 60 wards", "the regions' 60 wards"])
def test_the_whole_after_a_possessive_of_the_contradicts_no_claim_of_the_parts_metric(tmp_path, whole):
    body = f"At least 45 of {whole} have cases, the health agency said."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, body) == [
        ("article-backed", "info", "wards-oct-09"),
        ("article-unbacked", "warning", None),
    ]
    # Without the part before it, the same figure is the count its words name, and a wrong one blocks.
    alone = "The region's 60 wards have cases, the health agency said on Thursday."
    assert desk_findings(tmp_path, CATALOG, CLAIMS, alone)[0][:2] == ("article-contradicts", "critical")
