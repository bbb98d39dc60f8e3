"""Places within places, through the four shipped suites on the disaster desk's example catalog: a province
beside its country and a count for government-held areas beside the whole country give no finding on
correct data; a part above its whole is a `part-within-whole` finding, on the part."""

from __future__ import annotations

import shutil

import pytest

from conftest import REPO, failed, run_project
from factcheck.model.format import Catalog

DISASTER = REPO / "src" / "factcheck" / "cli" / "desks" / "disaster"
SOURCE = {"outlet": "AFAD", "url": "https://en.afad.gov.tr/"}


@pytest.fixture
def desk(project):
    shutil.copy(DISASTER / "datasets" / "catalog.yml", project.root / "datasets" / "catalog.yml")
    return project


def series(id: str, subject: str, points, claimant: str = "afad") -> dict:
    return {"id": id, "metric": "deaths", "subject": subject, "claimant": claimant, "source": SOURCE, "points": points}


COUNTRY = series("turkiye", "turkiye", [["2023-02-13", 31643], ["2023-02-20", 41156]])


def findings(project, *blocks: dict, claims: list[dict] | None = None) -> list[tuple[str, str]]:
    project.dataset(claims, series=list(blocks), origin="2023-02-06")
    return sorted((f.check, f.claim) for f in run_project(project).findings if f.status == "failed")


def test_a_province_below_its_country_gives_no_finding(desk):
    # Hatay's 10,000 then 16,000, beside Türkiye's 31,643 then 41,156: neither a fall nor a conflict
    hatay = series("hatay", "hatay", [["2023-02-13", 10000], ["2023-02-20", 16000]])
    assert findings(desk, COUNTRY, hatay) == []


def test_a_province_above_its_country_is_a_part_within_whole_finding_on_the_province(desk):
    hatay = series("hatay", "hatay", [["2023-02-13", 35000], ["2023-02-20", 38000]])
    assert findings(desk, COUNTRY, hatay) == [("part-within-whole", "hatay@2023-02-13")]
    [finding] = failed(run_project(desk), "part-within-whole")
    assert finding.related == ("turkiye@2023-02-13",) and finding.blocking
    assert finding.message == (
        "35,000 people killed, Hatay (2023-02-13, afad, AFAD) is more than its whole: "
        "31,643 (2023-02-13, afad, AFAD) people killed, Türkiye"
    )


def test_a_province_above_its_country_days_later_is_a_finding_and_days_before_is_not(desk):
    # Hatay's 33,000 of 10 February can only have grown by the 13th, when all of Türkiye counted 31,643;
    # its 45,000 of the 21st says nothing against Türkiye's earlier totals
    hatay = series("hatay", "hatay", [["2023-02-10", 33000], ["2023-02-21", 45000]])
    assert findings(desk, COUNTRY, hatay) == [("part-within-whole", "hatay@2023-02-10")]
    [finding] = failed(run_project(desk), "part-within-whole")
    assert finding.related == ("turkiye@2023-02-13",)


def test_a_partial_area_count_beside_the_whole_country_gives_no_contradiction(desk):
    # The ministry's count for government-held areas and the rescuers' count for the whole country, as
    # daily series of two claimants: different subjects, so no snapshot comparison calls either contradicted.
    held = series(
        "held", "syria-government-held", [["2023-02-10", 1262], ["2023-02-13", 1414]], "syria-health-ministry"
    )
    whole = series("whole", "syria", [["2023-02-10", 3300], ["2023-02-13", 4400]], "white-helmets")
    project_findings = findings(desk, held, whole)
    assert project_findings == []
    info = [f for f in run_project(desk).findings if f.check == "snapshot-vs-cumulative"]
    assert info == []


def test_a_partial_area_count_above_the_whole_country_is_a_finding(desk):
    held = series("held", "syria-government-held", [["2023-02-13", 5000]], "white-helmets")
    whole = series("whole", "syria", [["2023-02-13", 4400]], "white-helmets")
    assert findings(desk, held, whole) == [("part-within-whole", "held@2023-02-13")]


def test_a_country_above_the_group_of_both_countries_is_a_finding(desk):
    country = series("turkiye", "turkiye", [["2023-02-20", 50000]], "un-ocha")
    both = series("both", "turkiye-syria", [["2023-02-20", 46000]], "un-ocha")
    assert findings(desk, country, both) == [("part-within-whole", "turkiye@2023-02-20")]


def test_a_place_is_compared_with_every_place_it_lies_within():
    catalog = Catalog.model_validate(
        {"metrics": {}, "claimants": {},
         "subjects": {"hatay": {"name": "Hatay", "within": "turkiye"}, "turkiye": {"name": "Türkiye"},
                      "syria": {"name": "Syria"}, "both": {"name": "Both", "parts": ["turkiye", "syria"]}}}
    )  # fmt: skip
    assert catalog.wholes("hatay") == ("turkiye", "both")
    assert catalog.wholes("both") == ()


@pytest.mark.parametrize(
    ("subjects", "message"),
    [
        ({"a": {"name": "A", "within": "b"}}, "'a' is `within` 'b', which is not a subject"),
        ({"a": {"name": "A", "within": "b"}, "b": {"name": "B", "within": "a"}}, "lies within itself"),
        ({"a": {"name": "A", "parts": ["a", "b"]}, "b": {"name": "B"}}, "lies within itself"),
        ({"a": {"name": "A", "parts": ["b", "c"]}, "b": {"name": "B"}}, "'c' in `parts`, which is not a subject"),
    ],
)
def test_a_bad_nesting_is_refused_with_the_subject_named(subjects, message):
    with pytest.raises(ValueError, match=message.replace("`", ".").replace("(", r"\(")):
        Catalog.model_validate({"metrics": {}, "claimants": {}, "subjects": subjects})


def test_a_party_reporting_a_place_within_itself_is_not_about_its_adversary():
    from factcheck.floor.spans import parse_span
    from factcheck.model.format import Claim, Source, about_adversary

    catalog = Catalog.model_validate(
        {"metrics": {"deaths": {"unit": "people", "description": "deaths"}},
         "subjects": {"ukraine": {"name": "Ukraine"}, "kharkiv": {"name": "Kharkiv", "within": "ukraine"},
                      "russia": {"name": "Russia"}},
         "claimants": {"kyiv": {"name": "Kyiv", "affiliation": "ukraine"}, "ocha": {"name": "OCHA"}}}
    )  # fmt: skip
    date = parse_span("2023-02-13")

    def about(claimant: str, subject: str) -> bool:
        claim = Claim("c", "f", 1, "d", None, "deaths", subject, claimant, 1, "exact", None, None, date, "as_of",
                      Source(outlet="x"))  # fmt: skip
        return about_adversary(claim, catalog)

    assert (about("kyiv", "kharkiv"), about("kyiv", "russia"), about("ocha", "russia")) == (False, True, False)
