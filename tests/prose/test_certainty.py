"""A contradiction blocks publication only when the tool is sure of what it compares (prose.certainty): a wrong
figure whose clause names its metric, subject, claimant and date is critical; the same figure read with a part
carried from another figure's clause or an earlier sentence, or chosen among several names, is a warning that
still names the closest claim and says where the uncertain reading came from."""

from __future__ import annotations

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {
        "flood_deaths": {"unit": "people", "description": "people killed by the flood", "terms": ["killed", "dead"]},
        "stranded": {"unit": "people", "description": "people cut off by the water", "terms": ["stranded"]},
    },
    "subjects": {"marlow": {"name": "Marlow"}, "dunmore": {"name": "Dunmore"}},
    "claimants": {
        "council": {"name": "Marlow county council", "aliases": ["the council"]},
        "agency": {"name": "Marlow Emergency Agency", "aliases": ["the agency"]},
    },
}
CLAIMS = [
    claim("deaths-marlow", "flood_deaths", "marlow", "council", 214),
    claim("stranded-marlow", "stranded", "marlow", "council", 3100),
    claim("stranded-dunmore", "stranded", "dunmore", "agency", 800),
]


def _finding(desk, body: str, figure: str):  # noqa: F811
    line = next(n for n, text in enumerate(body.split("\n"), start=5) if figure in text)
    column = body.split("\n")[line - 5].index(figure) + 1
    (found,) = [f for f in desk.findings(body) if f.line == line and f.column == column]
    return found


def test_a_wrong_figure_whose_clause_names_everything_is_critical(curated):
    body = "The council said on Monday that 3,400 people were stranded in Marlow."
    assert curated.verdict(body, "3,400") == ("article-contradicts", "critical", "stranded-marlow")


def test_a_source_or_a_date_in_a_clause_of_no_other_figure_is_the_figures_own(curated):
    for body in ("3,400 people were stranded in Marlow on Monday, the council said.",
                 "According to the council, 3,400 people were stranded in Marlow on Monday.",
                 "On Monday, in Marlow, the council said 3,400 people were stranded."):  # fmt: skip
        assert curated.verdict(body, "3,400") == ("article-contradicts", "critical", "stranded-marlow"), body


def test_a_claimant_carried_from_an_earlier_sentence_makes_a_wrong_figure_a_warning_naming_the_claim(curated):
    body = "The council said on Monday that 214 people had been killed in Marlow. It added that 3,400 were stranded."
    found = _finding(curated, body, "3,400")
    assert (found.check, found.severity, found.claim) == ("article-ambiguous", "warning", "stranded-marlow")
    assert "says 3,100" in found.message and "(the value differs)" in found.message
    assert "not certain: its claimant “The council said” stands in an earlier sentence (line 5)" in found.message
    claimant = next(cue for cue in found.why if cue.part == "claimant")
    assert claimant.source == "paragraph" and claimant.shown().endswith("(line 5, an earlier sentence)")


def test_a_subject_read_from_another_figures_clause_makes_a_wrong_figure_a_warning(curated):
    body = "The council said on Monday that the water killed 214 people in Marlow and stranded 3,400."
    found = _finding(curated, body, "3,400")
    assert (found.check, found.severity, found.claim) == ("article-ambiguous", "warning", "stranded-marlow")
    assert "its subject “Marlow” stands in the clause of another figure" in found.message
    # The same figure, its place named in its own clause: the reading is certain, the figure wrong.
    own = "The council said on Monday that the water killed 214 people and stranded 3,400 in Marlow."
    assert curated.verdict(own, "3,400") == ("article-contradicts", "critical", "stranded-marlow")


def test_a_subject_chosen_by_nearness_among_several_makes_a_wrong_figure_a_warning(curated):
    body = "The council said on Monday that 3,400 people were stranded in Marlow, upriver of Dunmore."
    found = _finding(curated, body, "3,400")
    assert (found.check, found.severity) == ("article-ambiguous", "warning")
    assert "its subject “Marlow” is the nearest of 2 its sentence names" in found.message


def test_a_figure_the_article_binds_stays_critical_whatever_its_words(curated):
    body = "The council said on Monday that 214 people had been killed in Marlow. It added that [3,400](claim:stranded-marlow) were stranded."
    assert curated.verdict(body, "3,400") == ("article-contradicts", "critical", "stranded-marlow")


def test_a_carried_reading_that_fits_a_claim_still_backs_it(curated):
    body = "The council said on Monday that 214 people had been killed in Marlow. It added that 3,100 were stranded."
    assert curated.verdict(body, "3,100") == ("article-backed", "info", "stranded-marlow")


def test_what_a_clause_of_no_figure_names_belongs_to_the_figure_before_it(curated):
    body = (
        "The council said on Monday that floods killed 214 people, most of them in Marlow, while 3,400 were stranded."
    )
    found = _finding(curated, body, "3,400")
    assert (found.check, found.severity, found.claim) == ("article-ambiguous", "warning", "stranded-marlow")
    assert "its subject “Marlow” stands in the clause of another figure" in found.message
    # Before every figure of the sentence, the same words frame them all.
    opening = "In Marlow, the council said on Monday, floods killed 214 people and 3,400 were stranded."
    assert curated.verdict(opening, "3,400") == ("article-contradicts", "critical", "stranded-marlow")


def test_a_metric_read_from_a_clause_that_names_another_metric_too_makes_a_wrong_figure_a_warning(curated):
    body = "Those killed or stranded in Marlow numbered, the council said on Monday, 260."
    found = _finding(curated, body, "260")
    assert (found.check, found.severity) == ("article-ambiguous", "warning")
    assert "is the nearest of 2 its sentence names" in found.message


def test_a_metric_word_after_another_figure_is_that_figures(curated):
    body = "The council said on Monday that the dead it had counted in Marlow reached 214 with 3,100 stranded."
    assert curated.verdict(body, "214") == ("article-backed", "info", "deaths-marlow")
    assert curated.verdict(body, "3,100") == ("article-backed", "info", "stranded-marlow")


def test_a_subject_its_clause_names_too_backs_the_figure_when_its_claim_alone_fits(curated):
    body = "The agency said on Monday that Dunmore had 800 people stranded in Marlow."
    found = _finding(curated, body, "800")
    assert (found.check, found.claim) == ("article-backed", "stranded-dunmore")
    assert "which its clause names too" in found.message
    # Named in another clause of its sentence, the other subject is still a reading the context allows: Marlow's
    # claims fit none, Dunmore's states the figure, so that one reading backs it; a changed figure fits neither.
    apart = "In Dunmore, the agency said on Monday, rain fell; Marlow had 800 people stranded."
    assert curated.verdict(apart, "800") == ("article-backed", "info", "stranded-dunmore")
    changed = apart.replace("800", "850")
    assert curated.verdict(changed, "850")[0] != "article-backed"


def test_a_date_in_a_clause_of_with_that_states_its_own_figure_dates_that_figure(curated):
    body = "Some 3,100 people remain stranded in Marlow, the council said, with 40 percent of the town searched as of Friday."
    assert curated.verdict(body, "3,100") == ("article-backed", "info", "stranded-marlow")
    # Shared by coordinated figures, a date at the end of the sentence dates them both.
    shared = "The council said 214 people were killed and 3,100 stranded in Marlow on Friday."
    assert curated.verdict(shared, "214")[0] != "article-backed"


def test_a_figure_that_names_no_metric_after_the_repeats_the_one_stated_before(curated):
    body = ("The council said on Monday that about 3,100 people were stranded in Marlow.\n\n"
            "It did not say how many of the 3,100 were children.")  # fmt: skip
    found = [f for f in curated.findings(body) if f.line == 7]
    assert [(f.check, f.claim) for f in found] == [("article-backed", "stranded-marlow")]
    changed = body.replace("of the 3,100", "of the 3,400")  # another figure, which no claim backs
    assert [f.check for f in curated.findings(changed) if f.line == 7] == ["article-unbacked"]


def test_a_bare_figure_that_states_a_claims_floor_warns_that_it_drops_at_least(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("deaths-marlow", "flood_deaths", "marlow", "council", 214, qualifier="at_least")])
    body = "The council said on Monday that the water killed 214 people in Marlow."
    found = _finding(desk, body, "214")
    assert (found.check, found.severity, found.claim) == ("article-ambiguous", "warning", "deaths-marlow")
    assert "at least 214" in found.message and "without its “at least”" in found.message
    # What the claim allows is backed; a figure past its floor, or another kind of bound, still blocks.
    assert desk.verdict(body.replace("214 people", "at least 214 people"), "214")[:2] == ("article-backed", "info")
    for changed, figure in (("killed 241 people", "241"), ("killed at most 214 people", "214")):
        assert desk.verdict(body.replace("killed 214 people", changed), figure)[:2] == (
            "article-contradicts", "critical"), changed  # fmt: skip


def test_a_bare_figure_against_more_than_the_same_value_still_blocks(desk):  # noqa: F811
    desk.curate(CATALOG, [claim("deaths-marlow", "flood_deaths", "marlow", "council", 214, qualifier="more_than")])
    body = "The council said on Monday that the water killed 214 people in Marlow."
    assert desk.verdict(body, "214")[:2] == ("article-contradicts", "critical")
