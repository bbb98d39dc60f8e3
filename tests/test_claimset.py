"""The claims of a run held as columns: every claim as stage 0 reads it, found by id, and no object held per
series point."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from factcheck.floor.columns import series_id
from factcheck.model.claimset import ById, ClaimSet, Points, SeriesIndex, apart_from_same_points
from factcheck.model.format import Claim
from factcheck.pipeline import load as datasets
from test_series import SERIES, load

CLAIM = """\
  - id: {id}
    metric: military_casualties
    subject: russia
    claimant: zelensky
    value: 4000
    as_of: 2022-03-05
    source: {{outlet: Reuters, published: 2022-03-05}}
"""


def _mixed(project) -> datasets.Loaded:
    """Claims written alone, a series (a point of its own among plain ones), and the series continued in
    another file."""
    first = SERIES.replace("series:\n", "claims:\n" + CLAIM.format(id="alone") + "series:\n")
    more = SERIES.replace(
        "      - [2022-03-01, 5000]\n      - [2022-03-02, 5100, {qualifier: exact, notes: own note}]\n"
        '      - [2022-03, 5200, {quote: "5,200 so far"}]\n',
        "      - [2022-04-01, 6000]\n      - [2022-04-02, 6100]\n",
    )
    project.write("datasets/a.yml", first)
    project.write("datasets/b.yml", more)
    return datasets.load(project.root, [project.root / "datasets/a.yml", project.root / "datasets/b.yml"])


def test_every_claim_is_there_in_written_order_and_found_by_its_id(project):
    loaded = _mixed(project)
    claims = loaded.claims
    assert not loaded.findings
    ids = ["alone", "gs-tanks@2022-03-01", "gs-tanks@2022-03-02", "gs-tanks@2022-03", "gs-tanks@2022-04-01",
           "gs-tanks@2022-04-02"]  # fmt: skip
    assert [c.id for c in claims] == list(claims.ids()) == ids
    assert len(claims) == 6 and [claims[i].id for i in range(-6, 6)] == ids + ids
    assert [c.id for c in claims[1:3]] == ids[1:3]
    for claim in claims:
        assert claims.get(claim.id) == claim
    assert [(c.file, c.line) for c in claims] == [("datasets/a.yml", 5), ("datasets/a.yml", 23), ("datasets/a.yml", 24),
                                                  ("datasets/a.yml", 25), ("datasets/b.yml", 15), ("datasets/b.yml", 16)]  # fmt: skip
    by_id = claims.by_id
    assert dict(by_id.items()) == {c.id: c for c in claims} and len(by_id) == 6
    assert "gs-tanks@2022-04-02" in by_id and by_id["alone"].value == 4000
    for missing in ("gs-tanks@2022-05-01", "gs-tanks@not a date", "gs-tanks", "@", "", "nobody@2022-03-01"):
        assert claims.get(missing) is None and missing not in by_id and by_id.get(missing) is None
        with pytest.raises(KeyError):
            by_id[missing]
    with pytest.raises(IndexError):
        claims[6]


def test_a_plain_point_is_the_claim_a_point_of_its_own_would_be(project):
    loaded = _mixed(project)
    point = loaded.claims.get("gs-tanks@2022-04-01")
    assert point == Claim(
        id="gs-tanks@2022-04-01", file="datasets/b.yml", line=15, dataset="test", origin=point.origin,
        metric="military_casualties", subject="russia", claimant="zelensky", value=6000.0, qualifier="about",
        low=None, high=None, date=point.date, kind="as_of", source=point.source, notes="shared note",
        series="gs-tanks",
    )  # fmt: skip
    assert point.origin.text == "2022-02-24" and point.date.text == "2022-04-01"
    assert point.source.published == point.date and point.source.outlet == "General Staff"  # dated as the point
    own = loaded.claims.get("gs-tanks@2022-03-02")
    assert (own.qualifier, own.notes) == ("exact", "shared note\n\nown note")


def test_a_series_point_is_not_held_as_an_object_of_its_own(project):
    days = (dt.date(2022, 3, 1) + dt.timedelta(days=n) for n in range(2_000))
    points = "".join(f"      - [{day.isoformat()}, {n}]\n" for n, day in enumerate(days))
    gc.collect()
    before = sum(isinstance(o, Claim) for o in gc.get_objects())
    loaded = load(project, SERIES.split("    points:\n")[0] + "    points:\n" + points)
    kept = len(loaded.claims)
    assert kept == 2_000 and not loaded.findings
    gc.collect()
    assert sum(isinstance(o, Claim) for o in gc.get_objects()) == before
    (part,) = loaded.claims.parts
    assert isinstance(part, Points) and len(part) == kept and not part.own


def test_the_points_of_a_series_continued_in_another_file_keep_their_ids_apart(project):
    project.write("datasets/a.yml", SERIES)
    again = SERIES.replace("[2022-03-01, 5000]", "[2022-03-01, 5001]").replace("[2022-03, 5200", "[2022-03-09, 5200")
    project.write("datasets/b.yml", again)
    loaded = datasets.load(project.root, [project.root / "datasets/a.yml", project.root / "datasets/b.yml"])
    reused = sorted((f.file, f.line, f.claim) for f in loaded.findings)
    assert reused == [("datasets/b.yml", 15, "gs-tanks@2022-03-01"), ("datasets/b.yml", 16, "gs-tanks@2022-03-02")]
    assert all("already used at datasets/a.yml:1" in f.message for f in loaded.findings)
    assert [c.id for c in loaded.claims if c.file == "datasets/b.yml"] == ["gs-tanks@2022-03-09"]


def test_a_claim_written_alone_with_a_points_id_is_a_duplicate_in_either_order(project):
    alone = CLAIM.format(id="gs-tanks@2022-03-01")
    project.write("datasets/a.yml", SERIES)
    project.write("datasets/b.yml", "dataset: test\ntitle: Test\nclaims:\n" + alone)
    for order, reused_file in ((["a", "b"], "datasets/b.yml"), (["b", "a"], "datasets/a.yml")):
        loaded = datasets.load(project.root, [project.root / f"datasets/{n}.yml" for n in order])
        (finding,) = loaded.findings
        assert (finding.check, finding.file, finding.claim) == ("duplicate-id", reused_file, "gs-tanks@2022-03-01")
        assert len(loaded.claims) == 3


def test_claims_of_some_files_and_claims_with_waivers(project):
    loaded = _mixed(project)
    in_b = loaded.claims.in_files({"datasets/b.yml"})
    assert [c.id for c in in_b] == ["gs-tanks@2022-04-01", "gs-tanks@2022-04-02"]
    assert list(loaded.claims.with_waivers()) == []
    text = SERIES.replace("{qualifier: exact, notes: own note}", "{waivers: [{check: conflict, reason: why}]}")
    waived = load(project, text, name="w.yml")
    assert [c.id for c in waived.claims.with_waivers()] == ["gs-tanks@2022-03-02"]


def test_the_claims_of_a_series_are_the_same_from_a_run_and_from_a_dict(project):
    loaded = _mixed(project)
    alone, point = loaded.claims.get("alone"), loaded.claims.get("gs-tanks@2022-04-02")
    from_run, from_dict = SeriesIndex(loaded.claims.by_id), SeriesIndex({c.id: c for c in loaded.claims})
    assert len(from_run) == len(from_dict) == 1  # one metric, subject, claimant and origin
    for sid in {series_id(alone), series_id(point), ("as_of", "nothing", "", "", "")}:
        assert from_run.claims(sid) == from_dict.claims(sid)
    assert [c.id for c in from_run.claims(series_id(point))] == [c.id for c in loaded.claims]
    assert from_run.claims(("as_of", "nothing", "", "", "")) == []
    assert isinstance(loaded.claims.by_id, ById) and ClaimSet(loaded.claims.parts) == loaded.claims


def test_claims_held_in_part_say_how_many_claims_and_series_were_checked(project):
    """A run on Spark's executors holds only the claims its reports read: its counts are the executors'."""
    loaded = _mixed(project)
    some = ById(loaded.claims.in_files({"datasets/b.yml"}), count=40, series=7)
    assert len(some) == 40 and len(SeriesIndex(some)) == 7
    assert [c.id for c in SeriesIndex(some).claims(series_id(loaded.claims.get("alone")))] == [
        "gs-tanks@2022-04-01", "gs-tanks@2022-04-02"
    ]  # fmt: skip
    assert len(SeriesIndex(ById(ClaimSet([]), count=0, series=0))) == 0


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text,  # nothing changed
        lambda text: text.replace("[2022-03-01, 5000]", "[2022-03-01, 5050]"),  # a figure
        lambda text: text.replace("    points:\n", "    points:\n      - [2022-02-28, 4900]\n"),  # a day added
        lambda text: text.replace("    points:\n", "    # a comment moves every point down a line\n    points:\n"),
        lambda text: text.replace("5,200 so far", "5,201 so far"),  # a point of its own
        lambda text: text.replace("      - [2022-03-01, 5000]\n", ""),  # a day removed
    ],
)
def test_comparing_two_runs_skips_the_points_both_hold_alike_and_finds_what_comparing_each_finds(project, edit):
    from factcheck.pipeline import changes

    old = load(project, SERIES, name="old.yml")
    new = load(project, edit(SERIES), name="old.yml")
    found = changes.compare_claims(old.claims.by_id, new.claims.by_id, old.catalog, new.catalog)
    one_by_one = changes.compare_claims(
        {c.id: c for c in old.claims}, {c.id: c for c in new.claims}, old.catalog, new.catalog
    )
    assert found == one_by_one
    assert bool(found) == (edit(SERIES) != SERIES and "a comment" not in edit(SERIES))  # a moved line changes nothing
    if edit(SERIES) == SERIES:
        assert found == [] and apart_from_same_points(old.claims.by_id, new.claims.by_id) == ([], [])


def _split(project, files: int, repeat: tuple[int, int] | None = None) -> datasets.Loaded:
    """The series `gs-tanks` continued over `files` files, two days each; `repeat` = (file, file it
    repeats a date of)."""
    head = SERIES.split("    points:\n")[0] + "    points:\n"
    paths = []
    for n in range(files):
        days = [dt.date(2022, 3, 1) + dt.timedelta(days=2 * n + k) for k in (0, 1)]
        if repeat and n == repeat[0]:
            days[1] = dt.date(2022, 3, 1) + dt.timedelta(days=2 * repeat[1])
        body = "".join(f"      - [{day.isoformat()}, {5000 + 10 * n}]\n" for day in days)
        paths.append(project.write(f"datasets/part-{n:02d}.yml", head + body))
    return datasets.load(project.root, paths)


def test_a_series_continued_over_many_files_finds_each_point_and_each_reused_date(project):
    loaded = _split(project, 12, repeat=(10, 3))
    (finding,) = loaded.findings
    assert (finding.check, finding.file, finding.claim) == (
        "duplicate-id",
        "datasets/part-10.yml",
        "gs-tanks@2022-03-07",
    )
    assert "already used at datasets/part-03.yml:15" in finding.message
    assert len(loaded.claims) == 23 and len(loaded.claims.parts) == 12
    for claim in loaded.claims:
        assert loaded.claims.get(claim.id) == claim and claim.id in loaded.claims.by_id
    assert loaded.claims.get("gs-tanks@2022-04-30") is None
    by_file = loaded.claims.by_file()
    assert [c.id for c in by_file["datasets/part-05.yml"]] == ["gs-tanks@2022-03-11", "gs-tanks@2022-03-12"]


def test_comparing_a_series_split_over_files_compares_only_the_file_that_changed(project):
    from factcheck.pipeline import changes

    old = _split(project, 8)
    path = project.root / "datasets/part-06.yml"
    path.write_text(path.read_text().replace(", 5060]\n", ", 5061]\n", 1))
    new = datasets.load(project.root, sorted((project.root / "datasets").glob("part-*.yml")))
    old_rest, new_rest = apart_from_same_points(old.claims.by_id, new.claims.by_id)
    assert {c.file for c in old_rest} == {c.file for c in new_rest} == {"datasets/part-06.yml"}
    found = changes.compare_claims(old.claims.by_id, new.claims.by_id, old.catalog, new.catalog)
    assert [(c.change, c.claim) for c in found] == [("changed", "gs-tanks@2022-03-13")]
    assert found == changes.compare_claims(
        {c.id: c for c in old.claims}, {c.id: c for c in new.claims}, old.catalog, new.catalog
    )
