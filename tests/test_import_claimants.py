"""`factcheck import` of a table that mixes the figures of several bodies: a claimant column, mapped through
the catalog as an entity column is. Two ministries' tolls of one country, each its own series, checked per
claimant by the real checks."""

from __future__ import annotations

import json

import yaml
from click.testing import CliRunner

from factcheck.cli.commands import cli

CATALOG = """\
metrics:
  deaths:
    unit: people
    description: people killed
    max: 100000
subjects:
  syria:
    name: Syria
claimants:
  syria-health-ministry:
    name: Syrian Ministry of Health
    aliases: [Ministry of Health]
  syria-interior-ministry:
    name: Syrian Ministry of Interior
"""

MAPPING = """\
dataset: quake
title: Deaths in Syria, as two ministries count them
origin: 2023-02-06
date: date
subject: syria
claimant:
  column: ministry                       # each row's claimant, by the table's own name for it
  claimants: {Ministry of Interior: syria-interior-ministry}
  ignore: {Press office: repeats the ministries' figures}
source:
  outlet: SANA
  url: https://example.org/{claimant}/{column}
columns:
  deaths: {metric: deaths}
"""

# Read as one series, the two ministries' figures would go up and down every row. Each ministry's own:
# the Ministry of Health's 1,350 of 02-09 falls below its 1,400 of 02-08 (and comes back: a dip, not a
# spike); the Ministry of Interior's rise throughout.
TABLE = """\
date,ministry,deaths
2023-02-07,Ministry of Health,1200
2023-02-07,Ministry of Interior,1500
2023-02-08,Ministry of Health,1400
2023-02-08,Ministry of Interior,1700
2023-02-08,Press office,1700
2023-02-09,Ministry of Health,1350
2023-02-09,Ministry of Interior,2000
2023-02-10,Ministry of Health,1450
2023-02-10,Ministry of Interior,2100
"""


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def setup(project, table: str = TABLE) -> None:
    project.write("datasets/catalog.yml", CATALOG)
    project.write("src/quake.yml", MAPPING)
    project.write("src/quake.csv", table)


def test_each_claimant_of_the_column_is_a_series_of_its_own_checked_on_its_own(project):
    setup(project)
    result = invoke("import", "src/quake.csv", "--mapping", "src/quake.yml", "--output", "datasets/quake.yml")
    assert result.exit_code == 0, result.output
    assert "wrote datasets/quake.yml: 2 series, 8 points" in result.output
    assert "deaths (Ministry of Health) 1,350 on 2023-02-09: below the 1,400 of 2023-02-08" in result.output
    assert "Ministry of Interior)" not in result.output  # its figures only rise
    dataset = yaml.safe_load((project.root / "datasets/quake.yml").read_text())
    series = {s["id"]: s for s in dataset["series"]}
    assert sorted(series) == ["quake-deaths.syria-health-ministry", "quake-deaths.syria-interior-ministry"]
    health, interior = series["quake-deaths.syria-health-ministry"], series["quake-deaths.syria-interior-ministry"]
    assert (health["claimant"], interior["claimant"]) == ("syria-health-ministry", "syria-interior-ministry")
    assert [p[1] for p in health["points"]] == [1200, 1400, 1350, 1450]
    assert [p[1] for p in interior["points"]] == [1500, 1700, 2000, 2100]  # the press office left out
    assert interior["source"] == {"outlet": "SANA", "url": "https://example.org/syria-interior-ministry/deaths"}

    result = invoke("validate", "--json", "-")
    assert result.exit_code == 0, result.output  # the ministry's own fall is a warning, marked unexplained
    findings = [f for f in json.loads(result.stdout)["findings"] if f["status"] == "failed"]
    # The series checks run per claimant: one fall, the Ministry of Health's own, and no other.
    series_checks = [(f["check"], f["claim"]) for f in findings if f["check"].startswith("cumulative-")]
    assert series_checks == [("cumulative-fall-unexplained", "quake-deaths.syria-health-ministry@2023-02-09")]
    # Across claimants, the two ministries' counts are compared as two bodies' (informational).
    across = {(f["check"], f["claim"].split("@")[0], f["severity"]) for f in findings
              if not f["check"].startswith("cumulative-")}  # fmt: skip
    assert across == {
        ("snapshot-vs-cumulative", "quake-deaths.syria-health-ministry", "info"),
        ("snapshot-vs-cumulative", "quake-deaths.syria-interior-ministry", "info"),
    }


def test_an_unknown_claimant_spelling_stops_the_import_with_a_did_you_mean(project):
    setup(project, TABLE + "2023-02-11,Ministry of Helth,1500\n2023-02-12,Ministry of Helth,1600\n")
    result = invoke("import", "src/quake.csv", "--mapping", "src/quake.yml", "--output", "datasets/quake.yml")
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert lines[0] == "error: src/quake.csv:11: unknown claimant 'Ministry of Helth' in column 'ministry' (on 2 rows)"
    assert "did you mean 'Ministry of Health' (`syria-health-ministry`)?" in result.output
    assert "under `claimant.claimants`, or add it to that claimant's aliases" in result.output
    assert not (project.root / "datasets/quake.yml").exists()


def test_suggest_catalog_writes_the_claimants_the_catalog_lacks(project):
    setup(project, TABLE + "2023-02-11,Syrian Arab Red Crescent,1500\n")
    result = invoke("import", "src/quake.csv", "--mapping", "src/quake.yml", "--suggest-catalog")
    assert result.exit_code == 0, result.output
    assert "claimants:\n  syrian-arab-red-crescent:\n    name: Syrian Arab Red Crescent\n" in result.output
    assert "subjects:" not in result.output and "metrics:" not in result.output


def test_the_claimant_column_is_no_other_column(project):
    setup(project)
    project.write("src/quake.yml", MAPPING.replace("column: ministry ", "column: date "))
    result = invoke("import", "src/quake.csv", "--mapping", "src/quake.yml", "--output", "datasets/quake.yml")
    assert result.exit_code == 2
    assert "the claimant column 'date' is also the date, mapped or ignored" in result.output
