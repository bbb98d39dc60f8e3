"""`series:` blocks: shared fields once, one claim per point, each with a derived id and its own line."""

from __future__ import annotations

from click.testing import CliRunner

from factcheck.cli.commands import cli
from factcheck.pipeline import load as datasets

SERIES = """\
dataset: test
title: Test
origin: 2022-02-24
series:
  - id: gs-tanks
    metric: military_casualties
    subject: russia
    claimant: zelensky
    qualifier: about
    source:
      outlet: General Staff
      url: https://example.org/losses
    notes: shared note
    points:
      - [2022-03-01, 5000]
      - [2022-03-02, 5100, {qualifier: exact, notes: own note}]
      - [2022-03, 5200, {quote: "5,200 so far"}]
"""


def load(project, text: str, name: str = "test.yml") -> datasets.Loaded:
    path = project.write(f"datasets/{name}", text)
    return datasets.load(project.root, [path])


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_each_point_is_a_claim_with_derived_id_line_and_shared_fields(project):
    loaded = load(project, SERIES)
    assert loaded.findings == []
    ids = [c.id for c in loaded.claims]
    assert ids == ["gs-tanks@2022-03-01", "gs-tanks@2022-03-02", "gs-tanks@2022-03"]
    assert [c.line for c in loaded.claims] == [15, 16, 17]
    first, second, third = loaded.claims
    assert (first.metric, first.subject, first.claimant, first.kind) == (
        "military_casualties",
        "russia",
        "zelensky",
        "as_of",
    )
    assert first.series == "gs-tanks" and first.file == "datasets/test.yml"
    assert first.qualifier == "about" and second.qualifier == "exact"
    assert first.value == 5000.0 and third.date.text == "2022-03"


def test_published_defaults_to_each_points_date_and_quote_overrides(project):
    first, _, third = load(project, SERIES).claims
    assert first.source.published.text == "2022-03-01"
    assert third.source.published.text == "2022-03"
    assert first.source.url == "https://example.org/losses"
    assert first.source.quote is None and third.source.quote == "5,200 so far"


def test_point_notes_add_to_the_series_notes(project):
    first, second, _ = load(project, SERIES).claims
    assert first.notes == "shared note"
    assert second.notes == "shared note\n\nown note"


def test_a_stated_publication_date_is_kept(project):
    text = SERIES.replace("      url: https://example.org/losses\n", "      published: 2023\n      quote: q\n")
    claims = load(project, text).claims
    assert {c.source.published.text for c in claims} == {"2023"}


def test_bad_points_are_reported_with_their_line_and_the_rest_still_load(project):
    text = SERIES.replace(
        "      - [2022-03, 5200",
        "      - [2022-02-30, 1]\n"
        "      - [2022-03-05, '5,300']\n"
        "      - just text\n"
        "      - [2022-03-06, 1, 2, 3]\n"
        "      - [2022-03-07, 1, {colour: red, low: 5, high: 1}]\n"
        "      - [2022-03-08, 1, notes]\n"
        "      - [2022-03, 5200",
    )
    loaded = load(project, text)
    assert [c.id for c in loaded.claims] == ["gs-tanks@2022-03-01", "gs-tanks@2022-03-02", "gs-tanks@2022-03"]
    found = [(f.line, f.check, f.claim) for f in loaded.findings]
    assert found == [
        (17, "schema", "gs-tanks"),
        (18, "schema", "gs-tanks@2022-03-05"),
        (19, "schema", "gs-tanks"),
        (20, "schema", "gs-tanks"),
        (21, "schema", "gs-tanks@2022-03-07"),
        (22, "schema", "gs-tanks@2022-03-08"),
    ]
    by_line = {f.line: f for f in loaded.findings}
    assert "February 2022 has 28 days" in by_line[17].message
    assert "not '5,300'" in by_line[18].message and "without quotes" in by_line[18].hint
    assert "a point is [date, value]" in by_line[19].message
    assert "a point is [date, value]" in by_line[20].message
    assert "unknown field `colour`" in by_line[21].message
    assert "the third element should be a mapping" in by_line[22].message


def test_a_bad_field_inside_a_point_reports_every_problem(project):
    text = SERIES.replace("{qualifier: exact, notes: own note}", "{qualifier: roughly, waivers: [{check: x}]}")
    loaded = load(project, text)
    messages = [f.message for f in loaded.findings]
    assert len(messages) == 2
    assert all(m.startswith("point 2022-03-02: ") for m in messages)
    assert any("qualifier" in m for m in messages) and any("reason" in m for m in messages)
    assert {f.line for f in loaded.findings} == {16}
    assert len(loaded.claims) == 2


def test_a_series_with_a_schema_error_is_reported_once_and_loads_no_point(project):
    text = SERIES.replace("    claimant: zelensky\n", "    claimant: Zelenskiy\n    colour: red\n")
    loaded = load(project, text)
    assert list(loaded.claims) == []
    found = sorted((f.line, f.check) for f in loaded.findings)
    assert found == [(8, "unknown-reference"), (9, "schema")]
    assert all(f.claim == "gs-tanks" for f in loaded.findings)
    assert "write `claimant: zelensky`" in next(f.hint for f in loaded.findings if f.line == 8)


def test_a_series_needs_points_and_an_id_without_at_sign(project):
    text = SERIES.replace("  - id: gs-tanks", "  - id: gs@tanks").split("    points:")[0] + "    points: []\n"
    loaded = load(project, text)
    assert list(loaded.claims) == []
    messages = " | ".join(f.message for f in loaded.findings)
    assert "`id` 'gs@tanks' is not a valid key" in messages
    assert "`points`" in messages


def test_two_points_with_the_same_date_are_a_duplicate_id_with_a_series_hint(project):
    text = SERIES.replace("      - [2022-03, 5200", "      - [2022-03-01, 5001]\n      - [2022-03, 5200")
    loaded = load(project, text)
    (finding,) = loaded.findings
    assert (finding.check, finding.line, finding.claim) == ("duplicate-id", 17, "gs-tanks@2022-03-01")
    assert "already used at datasets/test.yml:15" in finding.message
    assert "two points dated 2022-03-01" in finding.hint


def test_fall_unexplained_needs_notes(project):
    text = SERIES.replace("{qualifier: exact, notes: own note}", "{fall: unexplained}")
    (finding,) = load(project, text).findings
    assert finding.line == 16 and "needs `notes`" in finding.message


def test_a_waiver_on_a_point_waives_only_that_point(project):
    project.write(
        "datasets/test.yml",
        """\
        dataset: test
        title: Test
        origin: 2022-02-24
        series:
          - id: gs
            metric: military_casualties
            subject: russia
            claimant: zelensky
            source: {outlet: General Staff, url: https://example.org/losses}
            points:
              - [2022-03-01, 5000]
              - [2022-03-02, 4000, {waivers: [{check: cumulative-non-decreasing, reason: corrected itself}]}]
              - [2022-03-03, 5000]
              - [2022-03-04, 3000]
        """,
    )
    result = invoke("validate", "--show-waived")
    assert result.exit_code == 1, result.output
    assert "datasets/test.yml:14" in result.output
    assert "cumulative-non-decreasing [gs@2022-03-04]" in result.output
    assert "waived   cumulative-non-decreasing [gs@2022-03-02]" in result.output
    assert "(1 critical, 1 waived) on 1 claim; 4 claims checked" in result.output
