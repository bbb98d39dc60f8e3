"""A date phrase fits a claim when it overlaps the day the claim counts or the day it was reported
(prose.match): a year long between them is neither, so an old toll recalled in a later report and redated to
a year in between stands out; a day between a count and its report a few days later still fits it."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {"sinking_deaths": {"unit": "people", "description": "people killed in a sinking", "terms": ["died"]}},
    "subjects": {"harbour": {"name": "the harbour sinking", "aliases": ["harbour"]}},
    "claimants": {"coastguard": {"name": "Coastguard", "aliases": ["the coastguard"]}},
}
RECALLED = {"outlet": "The Courier", "published": "2024-06-11"}
CLAIMS = [
    # a sinking of 1987, recalled by a report of 2024
    claim("old-toll", "sinking_deaths", "harbour", "coastguard", 410, as_of="1987", source=RECALLED),
    # a count as of Monday 3 June, reported on Thursday 6 June
    claim("new-toll", "sinking_deaths", "harbour", "coastguard", 37, as_of="2024-06-03",
          source={"outlet": "The Courier", "published": "2024-06-06"}),
]  # fmt: skip


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, CLAIMS, origin="1987-01-01")
    return desk


def test_the_year_a_recalled_toll_counts_backs_it(curated):
    assert curated.verdict("In 1987, 410 people died in the harbour.", "410")[0] == "article-backed"


@pytest.mark.parametrize("year", ["1997", "2009", "2023"])
def test_a_year_between_the_count_and_a_much_later_report_stands_out(curated, year):
    check, _, claim_id = curated.verdict(f"In {year}, 410 people died in the harbour.", "410")
    assert check in ("article-contradicts", "article-ambiguous") and claim_id in ("old-toll", None)


def test_a_day_between_a_count_and_its_report_days_later_still_fits(curated):
    body = "By Tuesday, June 4, 2024, 37 people had died in the harbour, the coastguard said."
    assert curated.verdict(body, "37") == ("article-backed", "info", "new-toll")


def test_a_count_moved_to_the_weekend_before_it_stands_out(curated):
    # the article is published on Wednesday 12 June 2024; the count is of Monday 3 June, reported on the 6th
    assert curated.verdict("The coastguard said 37 people died in the harbour on June 3.", "37")[0] == "article-backed"
    moved = curated.verdict("The coastguard said 37 people died in the harbour last weekend.", "37")
    assert moved[0] in ("article-contradicts", "article-ambiguous") and moved[1] != "info"
