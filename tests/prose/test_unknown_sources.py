"""A source the desk did not curate, named for a curated figure (prose.speakers, prose.context,
prose.verdicts): the figure is ambiguous, a warning naming the claim and the stated source, never silently
backed; the desk's own claimant, named the same ways, still backs it, and a changed figure still stands out."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401
from factcheck.prose.speakers import speakers

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed by a flood", "terms": ["killed", "dead"]},
        "stranded": {"unit": "people", "description": "people stranded", "terms": ["stranded"]},
    },
    "subjects": {"marlow": {"name": "Marlow", "aliases": ["the county"]}},
    "claimants": {
        "agency": {"name": "Marlow Emergency Agency", "aliases": ["the agency"]},
        "police": {"name": "Marlow county police", "aliases": ["police"]},
    },
}
CLAIMS = [
    claim("deaths-agency", "flood_deaths", "marlow", "agency", 214,
          source={"outlet": "The Courier", "published": "2024-06-11",
                  "quote": "We have recovered 214 dead from the water so far"}),
    claim("stranded-police", "stranded", "marlow", "police", 80),
]  # fmt: skip


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Northern Shield group said on Sunday that 300 were held.", "Northern Shield group"),
        ("The toll rose to 300, the Kestrel defence ministry claimed.", "Kestrel defence ministry"),
        ("The Harbour Trust also said 300 people were evacuated.", "Harbour Trust"),
        ("The boatmen's association ARC had said 300 were missing.", "ARC"),
        ("Some 300 are still missing, the Harbour Action Group believes.", "Harbour Action Group"),
        ("The Courier reported 300 dead, citing the Lowland Relief Fund.", "Lowland Relief Fund"),
        ("The Courier quoting Lowland Relief Fund put the dead at 300.", "Lowland Relief Fund"),
    ],
)
def test_an_organisation_written_in_lower_case_after_a_proper_name_or_before_an_adverb_is_a_speaker(text, name):
    assert name in [s.name for s in speakers(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The health ministry said 300 were killed.",
        "A police spokesman said 300 were killed.",
        "Officials at the agency also said 300 were killed.",
        "In a statement the ministry said 300 were killed.",
    ],
)
def test_a_generic_organisation_is_no_speaker(text):
    assert speakers(text, 0, len(text)) == []


def test_a_source_in_another_clause_speaks_though_a_claimant_is_named_in_another_role(curated):
    body = "About 80 people were stranded in Marlow, where police boats were sent in, the Water Board said."
    found = curated.findings(body)
    assert [(f.check, f.severity, f.related) for f in found] == [("article-ambiguous", "warning", ("stranded-police",))]
    assert "“Water Board”, who is no claimant of the catalog" in found[0].message


def test_the_claimant_itself_named_so_still_backs(curated):
    body = "About 80 people were stranded in Marlow, where rescue boats were sent in, police said."
    assert curated.verdict(body, "80") == ("article-backed", "info", "stranded-police")


def test_a_claims_quote_given_to_another_source_is_ambiguous(curated):
    body = '"We have recovered 214 dead from the water so far," the Orchard Valley relief group told reporters.'
    found = curated.findings(body)
    assert [(f.check, f.severity, f.related) for f in found] == [("article-ambiguous", "warning", ("deaths-agency",))]
    assert "“Orchard Valley relief group”" in found[0].message


def test_a_claims_quote_given_to_its_claimant_is_backed(curated):
    body = '"We have recovered 214 dead from the water so far," the agency told reporters in Marlow.'
    assert curated.verdict(body, "214") == ("article-backed", "info", "deaths-agency")


def test_a_changed_figure_of_an_unknown_source_still_stands_out(curated):
    body = "The Orchard Valley relief group also said 241 people were killed in Marlow."
    assert curated.verdict(body, "241")[0] == "article-unbacked"


def test_a_source_cited_by_the_outlet_that_relays_is_the_figures_speaker(curated):
    named = "About 80 people were stranded in Marlow, the Courier reported, citing the Orchard Valley relief group."
    assert curated.verdict(named, "80")[0] == "article-ambiguous"
    own = "About 80 people were stranded in Marlow, the Courier reported, citing police."
    assert curated.verdict(own, "80") == ("article-backed", "info", "stranded-police")


def test_a_speaker_overrides_a_claimant_the_words_only_name_as_an_actor(curated):
    body = "The Water Board also said police had rescued 80 stranded people in Marlow."
    found = curated.findings(body)
    assert [(f.check, f.severity) for f in found] == [("article-ambiguous", "warning")]
    assert "“Water Board”" in found[0].message
    own = "Police also said they had rescued 80 stranded people in Marlow."
    assert curated.verdict(own, "80") == ("article-backed", "info", "stranded-police")


def test_a_claimant_that_also_said_speaks_for_the_figure_over_one_named_as_an_actor(curated):
    body = "The agency also said police had rescued 80 stranded people in Marlow."
    # the agency speaks: its claim of the stranded is none, and the police's 80 is another claimant's
    check, _, claim_id = curated.verdict(body, "80")
    assert check in ("article-contradicts", "article-ambiguous") and claim_id in ("stranded-police", None)
