"""A share in words whose "of" phrase stands between it and its metric word (prose.check): "more than half of
Marlow's 80,000 people faced hunger" counts what the share metric "faced hunger" names."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "hunger_share": {"unit": "percent", "description": "share facing hunger", "terms": ["faced hunger"]},
        "houses_destroyed": {"unit": "houses", "description": "houses destroyed", "terms": ["destroyed"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"agencies": {"name": "aid agencies", "aliases": ["the aid agencies"]}},
}


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("hunger", "hunger_share", "marlow", "agencies", 50, qualifier="more_than")])
    return desk


def test_a_share_in_words_counts_the_share_metric_after_its_of_phrase(curated):
    body = "The aid agencies warned that more than half of Marlow's 80,000 people faced hunger."
    assert curated.verdict(body, "half") == ("article-backed", "info", "hunger")


def test_a_changed_share_stands_out(curated):
    body = "The aid agencies warned that more than a third of Marlow's 80,000 people faced hunger."
    assert curated.verdict(body, "a third")[0] != "article-backed"


def test_a_share_of_what_no_share_metric_names_is_still_no_figure(curated):
    body = "The aid agencies said half of the houses in Marlow were destroyed."
    assert curated.findings(body) == []


@pytest.mark.parametrize(
    "body, figure, expected",
    [
        ("The aid agencies warned that Fifty-five per cent of Marlow's people faced hunger.", "Fifty-five", "hunger"),
        ("The aid agencies warned that forty percent of Marlow's people faced hunger.", "forty", None),
    ],
)
def test_a_percent_in_words_is_a_share(desk, body, figure, expected):  # noqa: F811
    desk.curate(CATALOG, [claim("hunger", "hunger_share", "marlow", "agencies", 55)])
    found = desk.verdict(body, figure)
    assert found == ("article-backed", "info", "hunger") if expected else found[0] == "article-contradicts"
