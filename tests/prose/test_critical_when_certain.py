"""A contradiction is critical only when the figure is wrong for certain (prose.verdicts, issue 22):
- a figure that states the report's own claim as written, given to a speaker its sentence names, is a warning
  naming the claimant: the speaker may be where the report had it. A figure of one named source given to another
  named source still blocks, and a changed figure is still flagged;
- a figure whose metric no word of its own clause names, far from every claim of it ("One of those killed was
  Jane Doe, 15": an age), is a warning; close to one, it is a wrong figure and still blocks."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed by a flood", "terms": ["killed", "dead"]},
        "evacuees": {"unit": "people", "description": "people in evacuation centres", "terms": ["sheltering"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}},
    "claimants": {
        "herald": {"name": "The Herald", "role": "the report itself", "aliases": ["Herald"]},
        "mayor": {"name": "Mayor Ines Halloran", "aliases": ["Halloran", "the mayor"]},
        "council": {"name": "Marlow county council", "aliases": ["the council"]},
    },
}
HERALD = {"outlet": "The Herald", "published": "2024-06-11"}
CLAIMS = [
    claim("evacuees-herald", "evacuees", "marlow", "herald", 8500, qualifier="about", source=HERALD),
    claim("deaths-council", "flood_deaths", "marlow", "council", 56),
]
SPEAKER = "About {} people are still sheltering in Marlow, and the mayor said some villages were flattened."
NAMED = "{} people were killed in Marlow, the mayor said."
AGE = "In Marlow, one of those killed was Jane Doe, {}."


def test_the_reports_own_figure_given_to_a_speaker_is_a_warning_naming_the_claimant(curated):
    (found,) = [f for f in curated.findings(SPEAKER.format("8,500")) if f.column == 7]
    assert (found.check, found.severity, found.claim) == ("article-ambiguous", "warning", "evacuees-herald")
    assert "the claimant differs" in found.message and "only the claimant its sentence names differs" in found.message


def test_a_changed_figure_given_to_that_speaker_is_still_flagged(curated):
    # no claim of the mayor's is known, and none fits: unbacked, as before
    assert curated.verdict(SPEAKER.format("9,500"), "9,500") == ("article-unbacked", "warning", None)


def test_a_named_sources_figure_given_to_another_named_source_still_blocks(curated):
    assert curated.verdict(NAMED.format(56), "56") == ("article-contradicts", "critical", "deaths-council")


def test_a_figure_its_clause_gives_no_metric_far_from_every_claim_is_a_warning(curated):
    (found,) = [f for f in curated.findings(AGE.format(15)) if f.column == AGE.index("{}") + 1]
    assert (found.check, found.severity, found.claim) == ("article-ambiguous", "warning", "deaths-council")
    assert "stands outside its clause, and the claim's value is far from it" in found.message


def test_such_a_figure_close_to_the_claim_still_blocks(curated):
    assert curated.verdict(AGE.format(46), "46") == ("article-contradicts", "critical", "deaths-council")
