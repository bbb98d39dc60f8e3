"""A figure qualified by a part, and the readings its words leave open (prose.readings): a part the catalog
declares within a metric, or a group after the figure ("among those aged over 80", "children"), is what the
figure counts, never the whole; a figure whose words name several metrics contradicts no claim when no
reading fits."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.readings import group_of

CATALOG = {
    "metrics": {
        "deaths": {"unit": "people", "description": "people killed", "terms": ["killed", "died", "deaths"]},
        "shelling_deaths": {
            "unit": "people",
            "description": "people killed by shelling",
            "within": "deaths",
            "terms": ["by shelling"],
        },
        "excess_deaths": {"unit": "people", "description": "deaths above the average", "terms": ["excess deaths"]},
        "excess_over_80": {
            "unit": "people",
            "description": "excess deaths of people over 80",
            "terms": ["aged over"],
        },
        "rangers": {"unit": "people", "description": "rangers deployed", "terms": ["rangers"]},
    },
    "subjects": {"tarsk": {"name": "Tarsk", "aliases": ["the district"]}},
    "claimants": {"office": {"name": "the district office", "aliases": ["the office"]}},
}
CLAIMS = [
    claim("deaths", "deaths", "tarsk", "office", 90),
    claim("shelling", "shelling_deaths", "tarsk", "office", 9),
    claim("excess", "excess_deaths", "tarsk", "office", 3100),
    claim("excess-80", "excess_over_80", "tarsk", "office", 1240),
    claim("rangers", "rangers", "tarsk", "office", 300),
    claim("ranger-deaths", "deaths", "tarsk", "office", 12, qualifier="at_least", as_of="2024-06-09"),
]


@pytest.mark.parametrize(
    "text, group",
    [
        ("1,240 excess deaths among those aged over 80, the office said", "among those aged over 80"),
        ("14 children died", "children"),
        ("14 young children died", "children"),
        ("14 people died", None),
        ("14 people died, many of them children", None),  # another clause: the figure is the total
    ],
)
def test_the_words_of_a_group_after_a_figure_are_read_in_its_clause(text, group):
    clause_end = text.find(", ") if ", " in text else len(text)
    found = group_of(text, text.index(" "), clause_end)
    assert (found[1] if found else None) == group


def test_a_part_the_catalog_declares_within_a_metric_is_what_the_figure_counts(curated):
    body = "The office said nine people were killed by shelling in Tarsk on Monday."
    assert curated.verdict(body, "nine") == ("article-backed", "info", "shelling")
    changed = body.replace("nine", "seven")
    assert curated.verdict(changed, "seven")[:3] == ("article-contradicts", "critical", "shelling")


def test_a_group_with_a_metric_word_of_its_own_is_that_metric(curated):
    body = "The office counted 1,240 excess deaths among those aged over 80 in Tarsk on Monday."
    assert curated.verdict(body, "1,240") == ("article-backed", "info", "excess-80")


def test_a_group_the_catalog_does_not_name_contradicts_no_total(curated):
    body = "The office said 14 children died in Tarsk on Monday."
    assert curated.verdict(body, "14")[:2] == ("article-unbacked", "warning")
    whole = "The office said 14 people died in Tarsk on Monday."
    assert curated.verdict(whole, "14")[:2] == ("article-contradicts", "critical")


def test_a_figure_whose_words_name_other_metrics_is_ambiguous_or_unbacked_never_a_contradiction(curated):
    body = "At least 12 rangers, a captain among them, were killed in Tarsk on Sunday, the office said."
    assert curated.verdict(body, "12")[:2] == ("article-ambiguous", "warning")
    changed = body.replace("12", "15")
    assert curated.verdict(changed, "15")[:2] == ("article-unbacked", "warning")
    (found,) = curated.findings(changed)
    assert "nor a claim of deaths, which its words name too" in found.message


def test_the_noun_a_figure_counts_and_another_figures_noun_are_no_other_reading(curated):
    # "killed" decides; "rangers" names who the figure counts: a changed value still contradicts
    body = "The storm killed 15 rangers in Tarsk on Sunday, the office said."
    assert curated.verdict(body, "15")[:2] == ("article-contradicts", "critical")
    # the noun decides ("rangers", the nearest word); "were killed" is another reading, and neither fits
    noun = "At least 15 rangers were killed in Tarsk on Sunday, the office said."
    assert curated.verdict(noun, "15")[:2] == ("article-unbacked", "warning")
    other = "At least 15 were killed in Tarsk on Sunday, when 300 rangers searched the hills, the office said."
    assert curated.verdict(other, "15")[:2] == ("article-contradicts", "critical")


def test_a_predicate_is_read_past_the_comma_only_for_a_subject_cut_from_it(curated):
    cut = "At least 15 rangers, a captain among them, were killed in Tarsk on Sunday, the office said."
    assert curated.verdict(cut, "15")[:2] == ("article-unbacked", "warning")
    whole = "At least 15 were killed in Tarsk on Sunday, and the rangers were deployed, the office said."
    assert curated.verdict(whole, "15")[:2] == ("article-contradicts", "critical")
