"""A part of the set the sentence before names (prose.partitive): "About 6,200 households were without power.
Almost 4,000 of them were in Lowtown." counts households without power in Lowtown."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "without_power": {"unit": "households", "description": "households without power",
                          "terms": ["without power", "households"]},
        "rescued": {"unit": "people", "description": "people rescued", "terms": ["rescued"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}, "lowtown": {"name": "Lowtown", "within": "marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}  # fmt: skip


@pytest.fixture
def curated(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("all", "without_power", "marlow", "council", 6200, qualifier="about"),
                          claim("lowtown", "without_power", "lowtown", "council", 4000, qualifier="nearly"),
                          claim("rescued", "rescued", "lowtown", "council", 150)])  # fmt: skip
    return desk


BODY = "About 6,200 households in Marlow were without power, the council said. Almost {} of them were in Lowtown."


def test_a_part_of_the_set_the_sentence_before_names_counts_what_it_counted(curated):
    assert curated.verdict(BODY.format("4,000"), "4,000") == ("article-backed", "info", "lowtown")


def test_a_changed_part_still_stands_out_and_never_blocks(curated):
    check, severity, _ = curated.verdict(BODY.format("4,900"), "4,900")
    assert check != "article-backed" and severity == "warning"


def test_a_metric_of_the_parts_own_sentence_decides(curated):
    body = "About 6,200 households in Marlow were without power, the council said. 150 of them were rescued in Lowtown."
    assert curated.verdict(body, "150") == ("article-backed", "info", "rescued")


def test_a_set_named_in_another_paragraph_is_not_carried(curated):
    body = "About 6,200 households in Marlow were without power, the council said.\n\nAlmost 4,000 of them were in Lowtown."
    assert curated.verdict(body, "4,000")[0] == "article-unbacked"
