"""`factcheck import` of long tables (one row per entity and date, or per entity, date and variable), made
here as public tables come: a few countries, a few days, a fall, a part above its whole, an unknown
entity, a repeated row. Imported, then validated by the real checks."""

from __future__ import annotations

import csv
import json

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli.commands import cli
from factcheck.importer import tables
from factcheck.pipeline import load

CATALOG = """\
metrics:
  covid_cases:
    unit: people
    description: confirmed cases
  covid_deaths:
    unit: people
    description: deaths
    within: covid_cases
subjects:
  france:
    name: France
  germany:
    name: Germany
    aliases: [Deutschland]
  united-kingdom:
    name: United Kingdom
    aliases: [UK]
  korea-south:
    name: South Korea
claimants:
  jhu-csse:
    name: Johns Hopkins University CSSE
    affiliation: independent
"""

LONG_MAPPING = """\
dataset: covid
title: Covid-19 by country
origin: 2020-01-22
date: date
entity:
  column: country
  subjects: {"Korea, South": korea-south}
  ignore: {World: the sum of the countries}
claimant: jhu-csse
source:
  outlet: JHU CSSE
  url: https://example.org/{subject}/{column}
columns:
  cases: {metric: covid_cases}
  deaths: {metric: covid_deaths}
ignore:
  iso: the country's code, the same as its name here
"""

# Line 2 is the header. France's cases fall on 03-03 (130 -> 125); Germany's deaths on 03-02 (900) are above
# its cases (800); "Frnace" is no subject; Deutschland's row of 03-01 is repeated on line 12.
LONG_CSV = """\
country,iso,date,cases,deaths
France,FRA,2020-03-01,100,2
Deutschland,DEU,2020-03-01,700,1
UK,GBR,2020-03-01,40,
"Korea, South",KOR,2020-03-01,3000,17
World,,2020-03-01,99999,50
France,FRA,2020-03-02,130,3
Germany,DEU,2020-03-02,800,900
Frnace,FRA,2020-03-03,5,1
France,FRA,2020-03-03,125,4
Deutschland,DEU,2020-03-01,700,1
UK,GBR,2020-03-02,41,1
"""

VARIABLE_MAPPING = """\
dataset: covid-long
title: Covid-19 by country, one row per variable
origin: 2020-01-22
date: Date
entity:
  column: Country/Region
claimant: jhu-csse
source:
  outlet: JHU CSSE
  url: https://example.org/{subject}/{column}
variable:
  column: Indicator
  value: Value
  metrics:
    Confirmed: {metric: covid_cases}
    Deaths: {metric: covid_deaths}
  ignore:
    Recovered: no longer counted
"""

# The same facts, one figure a row: France's confirmed fall on 03-03, Germany's deaths above its confirmed
# on 03-02, "Frnace" unknown, Germany's confirmed of 03-02 repeated (line 12) with another figure.
VARIABLE_CSV = """\
Country/Region,Date,Indicator,Value
France,2020-03-01,Confirmed,100
France,2020-03-01,Deaths,2
France,2020-03-01,Recovered,50
Germany,2020-03-01,Confirmed,700
France,2020-03-02,Confirmed,130
Germany,2020-03-02,Confirmed,800
Germany,2020-03-02,Deaths,900
Frnace,2020-03-03,Confirmed,5
France,2020-03-03,Confirmed,125
Germany,2020-03-02,Confirmed,810
France,2020-03-03,Deaths,4
"""


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def desk(project):
    project.write("datasets/catalog.yml", CATALOG)
    project.write("src/long.yml", LONG_MAPPING)
    project.write("src/long.csv", LONG_CSV)
    project.write("src/variable.yml", VARIABLE_MAPPING)
    project.write("src/variable.csv", VARIABLE_CSV)
    return project


def without_lines(text: str, *numbers: int) -> str:
    return "".join(line for n, line in enumerate(text.splitlines(keepends=True), 1) if n not in numbers)


def import_long(*extra: str, table: str = "src/long.csv", mapping: str = "src/long.yml", output="datasets/covid.yml"):
    return invoke("import", table, "--mapping", mapping, "--output", output, *extra)


def test_a_long_table_stops_at_an_unknown_entity_and_a_repeated_row_in_table_order(desk):
    result = import_long()
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == "error: 2 problems:"
    assert lines[1] == "  src/long.csv:9: unknown entity 'Frnace' in column 'country'"
    assert "did you mean 'France' (`france`)?" in lines[2]
    assert lines[3] == "  src/long.csv:11: 'Deutschland' on 2020-03-01 is also on src/long.csv:3, with the same figures"
    assert "keep one row per entity and date" in lines[4] and "neither merges" in lines[4]
    assert not (desk.root / "datasets/covid.yml").exists()


def test_a_long_table_becomes_one_series_per_entity_and_metric_and_the_checks_find_the_fall_and_the_part(desk):
    desk.write("src/long.csv", without_lines(LONG_CSV, 9, 11))
    result = import_long()
    assert result.exit_code == 0, result.output
    assert "wrote datasets/covid.yml: 8 series, 15 points" in result.output
    # 125 is the last day: nothing after it says whether 130 or 125 is out of line, so 125 takes the fall
    assert "cases (France) 125 on 2020-03-03: below the 130 of 2020-03-02, no correction explains it" in result.output

    loaded = load.load(desk.root, [desk.root / "datasets/covid.yml"])
    assert loaded.findings == []
    by_id = {c.id: c for c in loaded.claims}
    # Ids derive from the dataset, the metric and the subject: stable whatever the rows' order.
    assert sorted({c.series for c in loaded.claims}) == [
        "covid-covid-cases.france",
        "covid-covid-cases.germany",
        "covid-covid-cases.korea-south",
        "covid-covid-cases.united-kingdom",
        "covid-covid-deaths.france",
        "covid-covid-deaths.germany",
        "covid-covid-deaths.korea-south",
        "covid-covid-deaths.united-kingdom",
    ]
    assert by_id["covid-covid-cases.germany@2020-03-01"].value == 700  # "Deutschland": the catalog's alias
    assert by_id["covid-covid-cases.korea-south@2020-03-01"].value == 3000  # the mapping's own name for it
    assert not any(c.value == 99999 for c in loaded.claims)  # "World" is left out, as the mapping says
    assert by_id["covid-covid-cases.united-kingdom@2020-03-02"].source.url == "https://example.org/united-kingdom/cases"
    text = (desk.root / "datasets/covid.yml").read_text()
    for claim in loaded.claims:  # every point on its own line
        assert text.splitlines()[claim.line - 1].lstrip().startswith(f"- [{claim.date.text}, ")
    assert "The table gives 'deaths' for 'UK' on 1 of the 2 dates it has for 'UK'" in text

    result = invoke("validate", "--no-color")
    assert result.exit_code == 1, result.output
    fall = "warning  cumulative-fall-unexplained [covid-covid-cases.france@2020-03-03]: falls from 130"
    part = "critical part-within-whole [covid-covid-deaths.germany@2020-03-02]: 900 deaths"
    assert fall in result.output and part in result.output
    assert "cumulative-spike" not in result.output
    assert "BLOCKED: 1 blocking finding (1 critical, 1 warning, 2 info) on 1 claim" in result.output


def test_the_same_long_table_in_another_row_order_or_as_json_gives_the_same_bytes(desk):
    table = without_lines(LONG_CSV, 9, 11)
    desk.write("src/long.csv", table)
    assert import_long().exit_code == 0
    first = (desk.root / "datasets/covid.yml").read_bytes()
    header, *rows = table.splitlines()
    desk.write("src/long.csv", "\n".join([header, *reversed(rows)]) + "\n")
    assert import_long("--force").exit_code == 0
    assert (desk.root / "datasets/covid.yml").read_bytes() == first
    records = []
    for row in csv.reader(rows):
        record = dict(zip(header.split(","), row, strict=True))
        records.append({k: (int(v) if k in ("cases", "deaths") else v) for k, v in record.items() if v != ""})
    desk.write("src/long.json", json.dumps(records))
    assert import_long("--force", table="src/long.json").exit_code == 0
    assert (desk.root / "datasets/covid.yml").read_bytes() == first


def test_a_long_variable_table_maps_each_row_to_a_metric_and_finds_the_same_problems(desk):
    result = import_long(table="src/variable.csv", mapping="src/variable.yml", output="datasets/long.yml")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[1] == "  src/variable.csv:9: unknown entity 'Frnace' in column 'Country/Region'"
    assert lines[3] == (
        "  src/variable.csv:11: 'Germany' 'Confirmed' on 2020-03-02 is also on src/variable.csv:7, with other figures"
    )
    assert "one row per entity, variable and date" in lines[4]

    desk.write("src/variable.csv", without_lines(VARIABLE_CSV, 9, 11))
    result = import_long(table="src/variable.csv", mapping="src/variable.yml", output="datasets/long.yml")
    assert result.exit_code == 0, result.output
    assert "4 series, 8 points" in result.output  # Recovered is left out, as the mapping says
    result = invoke("validate", "--no-color")
    assert result.exit_code == 1
    assert "cumulative-fall-unexplained [covid-long-covid-cases.france@2020-03-03]" in result.output
    assert "part-within-whole [covid-long-covid-deaths.germany@2020-03-02]: 900 deaths" in result.output


def test_a_variable_the_mapping_neither_maps_nor_ignores_stops_the_import_once_with_its_rows(desk):
    table = without_lines(VARIABLE_CSV, 9, 11) + "France,2020-03-01,Active,48\nFrance,2020-03-02,Active,70\n"
    desk.write("src/variable.csv", table)
    result = import_long(table="src/variable.csv", mapping="src/variable.yml", output="datasets/long.yml")
    assert result.exit_code == 2
    assert (
        "src/variable.csv:11: the variable 'Active' in column 'Indicator' is neither mapped nor ignored (on 2 rows)"
        in (result.output)
    )
    assert "variable.ignore" in result.output


def test_a_mapped_variable_the_table_never_has_is_refused(desk):
    desk.write("src/variable.yml", VARIABLE_MAPPING.replace("    Deaths:", "    Death:"))
    desk.write("src/variable.csv", without_lines(VARIABLE_CSV, 9, 11))
    result = import_long(table="src/variable.csv", mapping="src/variable.yml", output="datasets/long.yml")
    assert result.exit_code == 2
    assert "the mapped variable 'Death' is on no row of column 'Indicator'" in result.output


def test_a_spelling_two_subjects_share_is_refused_by_the_catalog_before_any_row_is_read(desk):
    # One spelling for two subjects names neither (articles and tables alike): the catalog itself is refused.
    catalog = CATALOG.replace("    name: South Korea\n", "    name: South Korea\n    aliases: [UK]\n")
    desk.write("datasets/catalog.yml", catalog)
    desk.write("src/long.csv", without_lines(LONG_CSV, 9, 11))
    result = import_long()
    assert result.exit_code == 2
    assert "datasets/catalog.yml:1: 'UK' names both subjects 'united-kingdom' and 'korea-south'" in result.output
    assert not (desk.root / "datasets/covid.yml").exists()
    desk.write("datasets/catalog.yml", CATALOG)
    assert import_long().exit_code == 0


def test_a_mapping_subject_missing_from_the_catalog_is_refused_before_writing(desk):
    desk.write("src/long.yml", LONG_MAPPING.replace("korea-south}", "korea-sout}"))
    desk.write("src/long.csv", without_lines(LONG_CSV, 9, 11))
    result = import_long()
    assert result.exit_code == 2
    assert "unknown subject 'korea-sout'" in result.output and "did you mean `korea-south`?" in result.output
    assert not (desk.root / "datasets/covid.yml").exists()


def test_suggest_catalog_prints_the_entries_the_table_needs_and_writes_nothing(desk):
    table = LONG_CSV + "Côte d'Ivoire,CIV,2020-03-01,3,0\nSpain,ESP,2020-03-01,9,1\nSpain,ESP,2020-03-02,9,1\n"
    desk.write("src/long.csv", table)
    desk.write("src/long.yml", LONG_MAPPING.replace("{metric: covid_deaths}", "{metric: covid_deaths_total}"))
    before = sorted(p.relative_to(desk.root) for p in desk.root.rglob("*"))
    result = invoke("import", "src/long.csv", "-m", "src/long.yml", "--suggest-catalog")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(desk.root) for p in desk.root.rglob("*")) == before
    suggested = yaml.safe_load(result.output)
    assert suggested == {
        "metrics": {"covid_deaths_total": {"unit": "", "description": "deaths"}},
        "subjects": {
            "frnace": {"name": "Frnace"},
            "cote-d-ivoire": {"name": "Côte d'Ivoire"},
            "spain": {"name": "Spain"},
        },
    }
    assert "frnace:  # or an alias of `france` (France)?" in result.output

    # Pasted (with a unit) and with the misspelling and the repeated row gone, the table imports.
    catalog = yaml.safe_load(CATALOG)
    catalog["metrics"]["covid_deaths_total"] = {"unit": "people", "description": "deaths", "within": "covid_cases"}
    catalog["subjects"].update({k: v for k, v in suggested["subjects"].items() if k != "frnace"})
    desk.write("datasets/catalog.yml", yaml.safe_dump(catalog, allow_unicode=True))
    desk.write("src/long.csv", without_lines(table, 9, 11))
    result = import_long()
    assert result.exit_code == 0, result.output
    assert "covid-covid-deaths-total.cote-d-ivoire" in (desk.root / "datasets/covid.yml").read_text()


def test_suggest_catalog_names_the_variables_the_mapping_lacks(desk):
    desk.write("src/variable.csv", VARIABLE_CSV + "France,2020-03-01,Active cases,48\n")
    result = invoke("import", "src/variable.csv", "-m", "src/variable.yml", "--suggest-catalog")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.output)["metrics"] == {"active_cases": {"unit": "", "description": "Active cases"}}
    assert "#   Active cases: {metric: active_cases}" in result.output


def test_suggested_names_are_safe_to_print_and_read_back_as_the_table_writes_them(desk):
    hostile = ["Evil\u202eflag", "##[error]boom", "::stop-commands::x", 'Quote "and" back\\slash', "Emoji \U0001f600"]
    rows = "".join(f'"{name.replace(chr(34), chr(34) * 2)}",X,2020-03-01,1,0\n' for name in hostile)
    desk.write("src/long.csv", LONG_CSV + rows)
    result = invoke("import", "src/long.csv", "-m", "src/long.yml", "--suggest-catalog")
    assert result.exit_code == 0, result.output
    names = [entry["name"] for entry in yaml.safe_load(result.output)["subjects"].values()]
    assert names[1:] == hostile
    assert "\u202e" not in result.output and "##[" not in result.output
    assert all(not line.lstrip().startswith("::") for line in result.output.splitlines())


def test_a_folder_output_gets_one_dataset_per_subject(desk):
    desk.write("src/long.csv", without_lines(LONG_CSV, 9, 11))
    desk.write("datasets/covid/old-country.yml", "dataset: old\ntitle: Old\nclaims: []\n")
    result = import_long(output="datasets/covid/")
    assert result.exit_code == 0, result.output
    assert "wrote datasets/covid/: 4 files, 8 series, 15 points" in result.output
    assert "left as they were, not in this table: 1 files" in result.output
    names = sorted(p.name for p in (desk.root / "datasets/covid").iterdir())
    assert names == ["france.yml", "germany.yml", "korea-south.yml", "old-country.yml", "united-kingdom.yml"]
    france = yaml.safe_load((desk.root / "datasets/covid/france.yml").read_text())
    assert [s["id"] for s in france["series"]] == ["covid-covid-cases.france", "covid-covid-deaths.france"]
    again = import_long(output="datasets/covid/")
    assert again.exit_code == 2 and "datasets/covid/france.yml already exists" in again.output
    assert import_long("--force", output="datasets/covid/").exit_code == 0


def test_a_folder_output_never_holds_the_catalog(desk):
    desk.write("src/long.csv", without_lines(LONG_CSV, 9, 11))
    result = import_long(output="datasets/")
    assert result.exit_code == 2
    assert "holds datasets/catalog.yml, which factcheck reads" in result.output


def test_more_points_than_a_file_may_hold_ask_for_a_folder(desk, monkeypatch):
    monkeypatch.setattr(load, "MAX_CLAIMS", 10)
    desk.write("src/long.csv", without_lines(LONG_CSV, 9, 11))
    result = import_long()
    assert result.exit_code == 2
    assert "src/long.csv: 15 points, more than the 10 one dataset file may hold" in result.output
    assert "give a folder as --output" in result.output


CORRECTIONS = """\
country,date,cases,deaths
France,2020-03-03,-6,
Germany,2020-03-02,,0
"""


def test_corrections_of_a_long_table_waive_the_fall_of_their_entity(desk):
    desk.write("src/long.csv", without_lines(LONG_CSV, 9, 11))
    desk.write("src/long.yml", LONG_MAPPING + "corrections:\n  date: date\n  name: the table's own corrections\n")
    desk.write("src/fixes.csv", CORRECTIONS)
    result = import_long("--corrections", "src/fixes.csv")
    assert result.exit_code == 0, result.output
    assert "1 falls and spikes waived" in result.output and "0 unexplained falls" in result.output
    text = (desk.root / "datasets/covid.yml").read_text()
    assert "the table's own corrections lists a correction of cases (France) by -6 on 2020-03-03" in text
    desk.write("src/fixes.csv", CORRECTIONS + "Frnace,2020-03-03,-1,\n")
    result = import_long("--corrections", "src/fixes.csv", "--force")
    assert result.exit_code == 2
    assert "src/fixes.csv:4: corrections: unknown entity 'Frnace'" in result.output


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("entity:\n", "subject: france\nentity:\n", "give exactly one of `subject`"),
        ("columns:\n", "variable: {column: v, value: x, metrics: {a: {metric: covid_cases}}}\ncolumns:\n",
         "give exactly one of `columns`"),
        ("  iso: the", "  country: a note\n  iso: the", "the entity column 'country' is also the date, mapped or ignored"),
        ("claimant:", "thousands: '.'\ndecimal: '.'\nclaimant:", "`thousands` and `decimal` are both '.'"),
    ],
)  # fmt: skip
def test_mappings_that_mix_the_shapes_are_refused_with_their_reason(desk, old, new, message):
    desk.write("src/long.yml", LONG_MAPPING.replace(old, new, 1))
    result = import_long()
    assert result.exit_code == 2
    assert message in result.output


def test_the_table_reader_keeps_the_columns_a_csv_names_even_when_every_cell_is_empty(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.csv").write_text("date,a,b\n2022-01-01,1,\n2022-01-02,2,\n")
    table = tables.read_table(tmp_path / "t.csv")
    assert table.columns == ["date", "a", "b"]
    assert [row.cells for row in table.rows] == [{"date": "2022-01-01", "a": "1"}, {"date": "2022-01-02", "a": "2"}]
    assert [row.index for row in table.rows] == [0, 1]


def test_a_variable_table_of_one_subject_needs_no_entity_column(desk):
    mapping = VARIABLE_MAPPING.replace("entity:\n  column: Country/Region\n", "subject: france\n")
    desk.write("src/variable.yml", mapping.replace("{subject}", "fr"))
    table = "Date,Indicator,Value\n2020-03-01,Confirmed,100\n2020-03-01,Deaths,2\n2020-03-02,Confirmed,130\n"
    desk.write("src/variable.csv", table + "2020-03-02,Active,7\n")
    result = import_long(table="src/variable.csv", mapping="src/variable.yml", output="datasets/fr.yml")
    assert result.exit_code == 2
    assert (
        "src/variable.csv:5: the variable 'Active' in column 'Indicator' is neither mapped nor ignored" in result.output
    )
    desk.write("src/variable.csv", table)
    result = import_long(table="src/variable.csv", mapping="src/variable.yml", output="datasets/fr.yml")
    assert result.exit_code == 0, result.output
    series = yaml.safe_load((desk.root / "datasets/fr.yml").read_text())["series"]
    assert [(s["id"], s["subject"], len(s["points"])) for s in series] == [
        ("covid-long-covid-cases", "france", 2),
        ("covid-long-covid-deaths", "france", 1),
    ]
    assert series[1]["notes"].startswith("The table gives 'Deaths' on 1 of its 2 dates")


YAML_WORDS = ["No", "on", "YES", "Off", "2025", "1e3", "null", "~", "0x1F", "2022-02-24", "y"]


def test_suggested_keys_round_trip_through_the_catalog_whatever_yaml_makes_of_the_names(desk):
    """Keyed as they are, these names are booleans, numbers, null or a date to a YAML reader: pasted into the
    catalog, the suggestion must be read by factcheck as written, and every key be a key a claim can name."""
    rows = "".join(f"{name},X,2020-03-01,1,0\n" for name in YAML_WORDS)
    desk.write("src/long.csv", LONG_CSV + rows)
    result = invoke("import", "src/long.csv", "-m", "src/long.yml", "--suggest-catalog")
    assert result.exit_code == 0, result.output
    suggested = result.output[result.output.index("subjects:") :]
    catalog = (desk.root / "datasets" / "catalog.yml").read_text().replace("subjects:\n", suggested, 1)
    desk.write("datasets/catalog.yml", catalog)
    loaded, findings = load.load_catalog(desk.root)
    assert findings == [] and loaded is not None
    added = {subject.name: key for key, subject in loaded.subjects.items() if subject.name in YAML_WORDS}
    assert sorted(added) == sorted(YAML_WORDS)
    for key in added.values():
        assert yaml.safe_load(f"subject: {key}\n") == {"subject": key}  # a claim names it plainly
    assert added["No"] == "subject-no" and added["2025"] == "subject-2025" and added["~"] == "subject"


def test_a_suggested_metric_key_is_text_too(desk):
    desk.write("src/variable.csv", VARIABLE_CSV + "France,2020-03-01,2025,48\nFrance,2020-03-01,Off,3\n")
    result = invoke("import", "src/variable.csv", "-m", "src/variable.yml", "--suggest-catalog")
    assert result.exit_code == 0, result.output
    assert {"metric_2025", "metric_off"} <= set(yaml.safe_load(result.output)["metrics"])
