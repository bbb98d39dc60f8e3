"""A figure's head noun names its metric; the words after it narrow it to a part only when they name one of it
(prose.readings): not the noun of another figure ("72 people on board including 4 crew members": the 4 are the
crew), and not a whole it is a part of ("four members of the band were among those who died")."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "fire_deaths": {"unit": "people", "description": "people killed in the fire", "terms": ["died", "killed"]},
        "band_deaths": {
            "unit": "people",
            "within": "fire_deaths",
            "description": "members of the band killed",
            "terms": ["members of the band"],
        },
        "on_board": {
            "unit": "people",
            "cumulative": False,
            "description": "people on the ferry",
            "terms": ["people on board", "on board"],
        },
        "crew": {
            "unit": "people",
            "cumulative": False,
            "within": "on_board",
            "description": "crew on the ferry",
            "terms": ["crew members", "crew"],
        },
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {"council": {"name": "Marlow county council", "aliases": ["the council"]}},
}
CLAIMS = [
    claim("deaths", "fire_deaths", "marlow", "council", 59, qualifier="at_least"),
    claim("band", "band_deaths", "marlow", "council", 4),
    claim("board", "on_board", "marlow", "council", 72),
    claim("crew", "crew", "marlow", "council", 4),
]
BAND = "In Marlow, {} members of the band were among those who died in the fire."
FERRY = "The ferry left Marlow with {} people on board including 4 crew members."


def test_a_part_among_a_whole_the_group_words_name_is_read_as_the_part(curated):
    assert curated.verdict(BAND.format("Four"), "Four") == ("article-backed", "info", "band")


def test_a_wrong_part_among_that_whole_is_still_flagged(curated):
    check, _, _ = curated.verdict(BAND.format("Nine"), "Nine")
    assert check != "article-backed"


def test_the_noun_of_a_later_figure_does_not_narrow_the_figure_before_it(curated):
    assert curated.verdict(FERRY.format(72), "72") == ("article-backed", "info", "board")


def test_a_wrong_total_before_that_later_figure_is_still_flagged(curated):
    check, _, claim_id = curated.verdict(FERRY.format(80), "80")
    assert check == "article-contradicts" and claim_id == "board"
