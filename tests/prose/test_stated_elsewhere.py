"""A figure that states another claim of its metric and subject (prose.verdicts): what may differ is who gave it or
when, not the figure. It is compared with that claim on its claimant and date, never blocked on a value the desk
curated; a claimant its sentence names too, which the rules of who speaks passed over, backs it; a claimant or a
date the figure's own words give it still blocks."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "deaths": {"unit": "people", "description": "miners killed", "terms": ["killed", "dead", "died", "toll"]},
        "levels": {
            "unit": "levels",
            "cumulative": False,
            "description": "levels the permit allowed",
            "terms": ["levels", "storeys"],
        },
    },
    "subjects": {"rockton": {"name": "Rockton mine", "aliases": ["Rockton", "the mine"]}},
    "claimants": {
        "ruiz": {"name": "Ana Ruiz", "aliases": ["Ana Ruiz", "Ruiz", "the minister"]},
        "regulator": {"name": "Mines Regulator", "aliases": ["the regulator", "Mines Regulator"]},
        "union": {"name": "Miners' Union", "aliases": ["the union", "Miners' Union"]},
        "mayor": {"name": "Tom Vale", "aliases": ["Tom Vale", "Vale", "the mayor"]},
    },
}
CLAIMS = [
    claim("levels-ruiz", "levels", "rockton", "ruiz", 12),
    claim("levels-regulator", "levels", "rockton", "regulator", 18),
    claim("deaths-union", "deaths", "rockton", "union", 14, qualifier="at_least", as_of="2024-06-11"),
    claim("deaths-mayor", "deaths", "rockton", "mayor", 30, as_of="2024-06-10"),
]


@pytest.mark.parametrize(
    "body, figure, claim_id",
    [
        ("The minister, Ana Ruiz, rejected the regulator's figure, saying 12 levels had been approved.", "12",
         "levels-ruiz"),
        ("Ruiz disputed the regulator's account, insisting that 12 storeys had been approved.", "12", "levels-ruiz"),
        ("The regulator's chief contradicted Ruiz's version: 18 levels had been approved.", "18", "levels-regulator"),
    ],
)  # fmt: skip
def test_a_claim_of_another_claimant_its_sentence_names_backs_it(curated, body, figure, claim_id):
    assert curated.verdict(body, figure) == ("article-backed", "info", claim_id)


@pytest.mark.parametrize(
    "body",
    [
        "The regulator said 12 levels had been approved.",
        "Twelve levels had been approved, the regulator said.",
        "According to the regulator, 12 levels had been approved at the mine.",
    ],
)
def test_a_claim_given_to_the_wrong_source_still_blocks(curated, body):
    figure = "Twelve" if body.startswith("Twelve") else "12"
    check, severity, claim_id = curated.verdict(body, figure)
    assert (check, severity) == ("article-contradicts", "critical")
    assert claim_id == "levels-ruiz"  # the claim that states the figure, not the regulator's 18


def test_a_speaker_whose_verb_of_saying_follows_is_not_one_reading_among_the_names(curated):
    # the minister speaks; the regulator is the actor of her sentence, not another source
    body = "Inspectors of the Mines Regulator approved 18 levels at the mine, the minister said."
    assert curated.verdict(body, "18")[:2] == ("article-contradicts", "critical")


@pytest.mark.parametrize(
    "body",
    [
        "At least 14 miners were killed at the mine, according to a count updated on Monday.",
        "At least 14 miners were killed at the mine, in a tally the union released on Monday.",
        "By Monday, at least 14 miners had been killed at the mine.",
    ],
)
def test_a_figure_of_another_days_claim_with_its_date_in_another_clause_is_ambiguous(curated, body):
    # the union's at least 14 is dated the 11th, the mayor's 30 the 10th: not a value error against the mayor's
    (found,) = [f for f in curated.findings(body) if "14" in f.message]
    assert (found.check, found.severity) == ("article-ambiguous", "warning")
    assert "deaths-union" in found.related and "deaths-mayor" not in found.related


def test_a_date_in_the_figures_own_clause_still_blocks_on_the_date(curated):
    (found,) = curated.findings("At least 14 miners had been killed at the mine by Monday.")
    assert (found.check, found.severity, found.claim) == ("article-contradicts", "critical", "deaths-union")
    assert found.message.startswith("the date differs")


@pytest.mark.parametrize(
    "body, figure",
    [
        ("The minister, Ana Ruiz, rejected the regulator's figure, saying 15 levels had been approved.", "15"),
        ("At least 17 miners were killed at the mine, according to a count updated on Monday.", "17"),
        ("The regulator said 10 levels had been approved.", "10"),
    ],
)
def test_a_figure_no_claim_states_still_blocks_on_its_value(curated, body, figure):
    check, severity, _ = curated.verdict(body, figure)
    assert (check, severity) == ("article-contradicts", "critical")


def test_a_figure_that_drops_its_own_claims_floor_is_that_claims_not_anothers_of_the_same_value(desk):  # noqa: F811
    # the union's "at least 30" and the mayor's 30: "the union said 30" drops the union's "at least" (a warning), it
    # does not give the union the mayor's figure
    desk.curate(CATALOG, [claim("deaths-union", "deaths", "rockton", "union", 30, qualifier="at_least"),
                          claim("deaths-mayor", "deaths", "rockton", "mayor", 30)])  # fmt: skip
    (found,) = desk.findings("The union said 30 miners were killed at the mine.")
    assert (found.check, found.severity, found.claim) == ("article-ambiguous", "warning", "deaths-union")
    assert "without its “at least”" in found.message


@pytest.mark.parametrize(
    "body",
    [
        'Tom Vale, the mayor, visited the mine on Tuesday. "The regulator\'s files show 30 miners were killed," he '
        "told reporters.",
        "The mayor spoke outside the mine. The regulator's records put the toll at 30, he said.",
    ],
)
def test_the_source_a_pronoun_speaker_stands_for_is_another_reading(curated, body):
    # the words name the regulator, which has no such claim; "he" is the mayor, whose claim is 30
    assert curated.verdict(body, "30") == ("article-backed", "info", "deaths-mayor")


@pytest.mark.parametrize(
    "body",
    [
        "Tom Vale, the mayor, visited the mine on Tuesday. The regulator's files show 30 miners were killed.",
        'Tom Vale, the mayor, visited the mine on Tuesday. "The union\'s count shows 35 miners were killed," he '
        "told reporters.",
    ],
)
def test_without_a_pronoun_speaker_or_with_another_value_it_still_blocks(curated, body):
    figure = "35" if "35" in body else "30"
    assert curated.verdict(body, figure)[:2] == ("article-contradicts", "critical")
