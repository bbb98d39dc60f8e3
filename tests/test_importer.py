"""`factcheck import`: small tables made here, imported, then validated as written."""

from __future__ import annotations

import json
import textwrap

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli.commands import cli
from factcheck.pipeline import load

MAPPING = """\
dataset: daily-losses
title: Daily losses
origin: 2022-02-24
description: Made-up figures for a test.
header: |-
  Test data. Licence: public domain.
date: date
subject: russia
claimant: zelensky
source:
  outlet: Daily bulletin
  url: https://example.org/{column}
columns:
  personnel:
    metric: military_casualties
    id: bulletin-personnel
    qualifier:
      column: personnel*
      values: {about: about, more: more_than}
  tanks:
    metric: military_killed
    notes: Counted from the second day.
ignore:
  day: derived from the date
corrections:
  date: date
  name: the bulletin's corrections
"""

CSV = """\
date,day,personnel,personnel*,tanks
2022-03-01,6,5000,about,
2022-03-02,7,5100,more,12
2022-03-03,8,5300,about,15
"""


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def files(project):
    project.write("src/mapping.yml", MAPPING)
    project.write("src/table.csv", CSV)
    return project


def do_import(*extra: str, table: str = "src/table.csv"):
    return invoke("import", table, "--mapping", "src/mapping.yml", "--output", "datasets/daily.yml", *extra)


def test_round_trip_csv_imports_and_validates_as_written(files):
    result = do_import()
    assert result.exit_code == 0, result.output
    assert "wrote datasets/daily.yml: 2 series, 5 points" in result.output
    text = (files.root / "datasets/daily.yml").read_text()
    assert text.startswith("# Test data. Licence: public domain.\ndataset: daily-losses\n")
    assert "      - [2022-03-02, 5100, {qualifier: more_than}]\n" in text
    assert "url: https://example.org/personnel" in text and "url: https://example.org/tanks" in text

    loaded = load.load(files.root, [files.root / "datasets/daily.yml"])
    assert loaded.findings == []
    ids = [c.id for c in loaded.claims]
    assert ids == [
        "bulletin-personnel@2022-03-01",
        "bulletin-personnel@2022-03-02",
        "bulletin-personnel@2022-03-03",
        "daily-losses-military-killed@2022-03-02",
        "daily-losses-military-killed@2022-03-03",
    ]
    assert [c.qualifier for c in loaded.claims[:3]] == ["about", "more_than", "about"]
    lines = text.splitlines()
    for claim in loaded.claims:
        assert lines[claim.line - 1].lstrip().startswith(f"- [{claim.date.text}, ")
    tanks = loaded.claims[3]
    assert "Counted from the second day." in tanks.notes and "2 of its 3 rows" in tanks.notes

    result = invoke("validate")
    assert result.exit_code == 0, result.output
    assert "PUBLISHABLE: 5 claims checked" in result.output


def test_json_table_gives_the_same_dataset_as_csv(files):
    assert do_import().exit_code == 0
    from_csv = (files.root / "datasets/daily.yml").read_bytes()
    rows = [
        {"date": "2022-03-01", "day": 6, "personnel": 5000, "personnel*": "about"},
        {"date": "2022-03-02", "day": 7, "personnel": 5100, "personnel*": "more", "tanks": 12},
        {"date": "2022-03-03", "day": 8, "personnel": 5300, "personnel*": "about", "tanks": 15},
    ]
    files.write("src/table.json", json.dumps(list(reversed(rows))))
    result = do_import("--force", table="src/table.json")
    assert result.exit_code == 0, result.output
    assert (files.root / "datasets/daily.yml").read_bytes() == from_csv


def test_output_is_deterministic(files):
    assert do_import().exit_code == 0
    first = (files.root / "datasets/daily.yml").read_bytes()
    assert do_import("--force").exit_code == 0
    assert (files.root / "datasets/daily.yml").read_bytes() == first


def test_refuses_to_overwrite_without_force(files):
    files.write("datasets/daily.yml", "dataset: keep\n")
    result = do_import()
    assert result.exit_code == 2
    assert "datasets/daily.yml already exists" in result.output and "--force" in result.output
    assert (files.root / "datasets/daily.yml").read_text() == "dataset: keep\n"
    assert [p.name for p in (files.root / "datasets").iterdir() if p.name.startswith(".")] == []
    assert do_import("--force").exit_code == 0
    assert (files.root / "datasets/daily.yml").read_text().startswith("# Test data")


def test_bad_mapping_is_reported_with_its_line_and_a_hint(files):
    files.write("src/mapping.yml", MAPPING.replace("  tanks:\n", "  tanks:\n    metrik: x\n"))
    result = do_import()
    assert result.exit_code == 2
    assert "src/mapping.yml:21: unknown field `columns.tanks.metrik`" in result.output
    assert "hint: did you mean `metric`?" in result.output
    assert not (files.root / "datasets/daily.yml").exists()


def test_unknown_catalog_key_is_refused_before_writing(files):
    files.write("src/mapping.yml", MAPPING.replace("metric: military_killed", "metric: military_kiled"))
    result = do_import()
    assert result.exit_code == 2
    assert "unknown metric 'military_kiled'" in result.output
    assert "did you mean `military_killed`?" in result.output
    assert not (files.root / "datasets/daily.yml").exists()


def test_a_column_neither_mapped_nor_ignored_is_refused(files):
    table = CSV.replace("tanks\n", "tanks,ships\n").replace(",12\n", ",12,3\n").replace(",15\n", ",15,\n")
    files.write("src/table.csv", table.replace("about,\n", "about,,\n"))
    result = do_import()
    assert result.exit_code == 2
    assert "column 'ships' is neither mapped nor ignored" in result.output
    assert "list it under `ignore`" in result.output


def test_a_mapped_column_missing_from_the_table_is_refused(files):
    files.write("src/mapping.yml", MAPPING.replace("  tanks:\n", "  tnaks:\n"))
    files.write("src/table.csv", CSV.replace(",tanks\n", ",tnaks\n").replace(",12\n", ",\n").replace(",15\n", ",\n"))
    result = do_import()
    assert result.exit_code == 2
    assert "the mapped column 'tnaks' has no figure in any row" in result.output


def test_bad_rows_are_reported_with_their_line(files):
    bad = CSV.replace("2022-03-02,7,5100,more", "2022-03-32,7,5100,more").replace("5300,about", '"5,300",about')
    files.write("src/table.csv", bad)
    result = do_import()
    assert result.exit_code == 2
    assert "src/table.csv:3: '2022-03-32': March 2022 has 31 days" in result.output
    assert "src/table.csv:4: column 'personnel': '5,300' is not a number" in result.output
    assert "without separators" in result.output
    assert not (files.root / "datasets/daily.yml").exists()


def test_bad_json_rows_are_reported_with_their_row_number(files):
    files.write(
        "src/table.json", json.dumps([{"date": "2022-03-01", "personnel": "many", "personnel*": "about", "tanks": 3}])
    )
    result = do_import(table="src/table.json")
    assert result.exit_code == 2
    assert "src/table.json row 1: column 'personnel': 'many' is not a number" in result.output
    assert "without separators" in result.output


def test_unknown_qualifier_word_is_reported(files):
    files.write("src/table.csv", CSV.replace("5300,about", "5300,roughly"))
    result = do_import()
    assert result.exit_code == 2
    assert "src/table.csv:4: column 'personnel*': no qualifier for 'roughly'" in result.output
    assert "known values: about, more" in result.output


FALLS = """\
date,personnel,personnel*,tanks
2022-03-01,5000,about,10
2022-03-02,5100,about,8
2022-03-03,5200,about,9
2022-03-04,5300,about,11
2022-03-05,5400,about,7
"""


def test_falls_are_waived_where_a_correction_explains_them_and_warned_otherwise(files):
    files.write("src/table.csv", FALLS)
    files.write("src/fixes.csv", "date,tanks,personnel\n2022-03-02,-3,100\n")
    result = do_import("--corrections", "src/fixes.csv")
    assert result.exit_code == 0, result.output
    assert "2 falls and spikes waived" in result.output and "1 unexplained falls" in result.output
    assert "tanks 7 on 2022-03-05: below the 11 of 2022-03-04, no correction explains it" in result.output
    text = (files.root / "datasets/daily.yml").read_text()
    assert "the bulletin's corrections lists a correction of tanks by -3 on 2022-03-02" in text
    assert "fall: unexplained" in text

    result = invoke("validate")
    assert result.exit_code == 0, result.output
    assert "cumulative-fall-unexplained [daily-losses-military-killed@2022-03-05]" in result.output
    assert "(1 warning, 2 waived)" in result.output
    assert invoke("validate", "--fail-on", "warning").exit_code == 1


def test_without_corrections_every_fall_is_marked_unexplained(files):
    files.write("src/table.csv", FALLS)
    result = do_import()
    assert result.exit_code == 0, result.output
    assert "0 falls and spikes waived" in result.output and "3 unexplained falls" in result.output
    data = yaml.safe_load((files.root / "datasets/daily.yml").read_text())
    points = data["series"][1]["points"]
    assert [p[2]["fall"] for p in points if len(p) == 3] == ["unexplained"] * 3
    assert all("no corrections table was given" in p[2]["notes"] for p in points if len(p) == 3)


def test_a_fall_of_an_unmarked_claim_still_blocks(project):
    project.write(
        "datasets/test.yml",
        textwrap.dedent(
            """\
            dataset: test
            title: Test
            origin: 2022-02-24
            series:
              - id: gs
                metric: military_casualties
                subject: russia
                claimant: zelensky
                source: {outlet: Bulletin, url: https://example.org/}
                points:
                  - [2022-03-01, 50]
                  - [2022-03-02, 40, {fall: unexplained, notes: the bulletin printed 40}]
                  - [2022-03-03, 30]
            """
        ),
    )
    result = invoke("validate")
    assert result.exit_code == 1
    assert "cumulative-fall-unexplained [gs@2022-03-02]" in result.output
    assert "cumulative-non-decreasing [gs@2022-03-03]" in result.output


def test_an_unmapped_column_empty_in_every_row_is_refused_like_any_other(files):
    table = CSV.replace("tanks\n", "tanks,ships\n", 1).replace(",12\n", ",12,\n").replace(",15\n", ",15,\n")
    files.write("src/table.csv", table.replace("about,\n", "about,,\n"))
    result = do_import()
    assert result.exit_code == 2
    assert "column 'ships' is neither mapped nor ignored" in result.output
    files.write("src/mapping.yml", MAPPING.replace("ignore:\n", "ignore:\n  ships: never filled in\n"))
    assert do_import().exit_code == 0


def test_thousands_separators_are_read_only_when_the_mapping_names_them(files):
    files.write("src/table.csv", CSV.replace("5300,about", '"5,300",about').replace("5000,about", '"5000",about'))
    result = do_import()
    assert result.exit_code == 2
    assert "src/table.csv:4: column 'personnel': '5,300' is not a number" in result.output
    assert "add `thousands: ','` to the mapping" in result.output

    files.write("src/mapping.yml", MAPPING.replace("date: date\n", "date: date\nthousands: ','\n", 1))
    result = do_import()
    assert result.exit_code == 0, result.output
    assert "      - [2022-03-03, 5300]\n" in (files.root / "datasets/daily.yml").read_text()

    files.write("src/table.csv", CSV.replace("5300,about", '"5,30",about').replace("5100,more", '"51,00.5",more'))
    result = do_import("--force")
    assert result.exit_code == 2
    assert "src/table.csv:3: column 'personnel': '51,00.5' is not a number" in result.output
    assert "src/table.csv:4: column 'personnel': '5,30' is not a number" in result.output
    assert "the mapping reads thousands grouped by ','" in result.output


def test_other_marks_and_a_decimal_comma_are_read_as_the_mapping_says(files):
    mapping = MAPPING.replace("date: date\n", "date: date\nthousands: '.'\ndecimal: ','\n", 1)
    files.write("src/mapping.yml", mapping)
    files.write("src/table.csv", CSV.replace("5300,about", '"5.300",about').replace(",15\n", ',"15,5"\n'))
    result = do_import()
    assert result.exit_code == 0, result.output
    text = (files.root / "datasets/daily.yml").read_text()
    assert "      - [2022-03-03, 5300]\n" in text and "      - [2022-03-03, 15.5]\n" in text


def test_problems_are_listed_in_table_order_whatever_column_they_are_in(files):
    table = (
        CSV.replace(",12\n", ",twelve\n")
        .replace("2022-03-03,8,5300", "2022-03-33,8,5300")
        .replace("5000,about", "five,about")
    )
    files.write("src/table.csv", table)
    result = do_import()
    assert result.exit_code == 2
    listed = [line.split(": ", 1)[0].strip() for line in result.output.splitlines()[1:] if "hint:" not in line]
    assert listed == ["src/table.csv:2", "src/table.csv:3", "src/table.csv:4"]
    assert "src/table.csv:3: column 'tanks': 'twelve' is not a number" in result.output


SPIKE = """\
date,personnel,personnel*,tanks
2022-03-01,5000,about,3540
2022-03-02,5100,about,3574
2022-03-03,5200,about,3551
2022-03-04,5300,about,3560
"""


def test_a_spike_in_a_table_is_left_critical_on_its_own_point_and_the_next_day_is_not_marked(files):
    # 3,574 typed for 3,547: the suspect is that day, not the honest 3,551 after it
    files.write("src/table.csv", SPIKE)
    result = do_import()
    assert result.exit_code == 0, result.output
    assert "0 unexplained falls" in result.output and "1 spikes" in result.output
    assert "tanks 3,574 on 2022-03-02: a spike above both the 3,540 of 2022-03-01 and the 3,551" in result.output
    assert "fall: unexplained" not in (files.root / "datasets/daily.yml").read_text()
    result = invoke("validate")
    assert result.exit_code == 1, result.output
    assert "critical cumulative-spike [daily-losses-military-killed@2022-03-02]" in result.output
    assert "cumulative-non-decreasing" not in result.output and "cumulative-fall-unexplained" not in result.output


def test_the_mapping_may_waive_the_spikes_of_a_table_with_its_reason(files):
    files.write("src/table.csv", SPIKE)
    files.write("src/mapping.yml", MAPPING + "waive_spikes: the bulletin's own figure, as published\n")
    result = do_import()
    assert result.exit_code == 0, result.output
    assert "1 falls and spikes waived" in result.output and "spikes, each" not in result.output
    text = (files.root / "datasets/daily.yml").read_text()
    assert "check: cumulative-spike, reason: 'the bulletin''s own figure, as published; this total is above" in text
    result = invoke("validate")
    assert result.exit_code == 0, result.output
    assert "1 waived" in result.output
