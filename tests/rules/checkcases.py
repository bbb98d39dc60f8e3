"""The cases of tests/rules/: claims written as the checks' examples write them (only the fields that matter),
completed with the other fields of a valid claim, and read as factcheck reads them: by stage 0 alone, by
stage 0 into the frame the checks' pure functions see, or through one run of the check's suite."""

from __future__ import annotations

import json
import textwrap

import pandas as pd

from conftest import claim, failed, run_project
from factcheck.gx.frame import build
from factcheck.pipeline import load
from factcheck.reading import yamlfile
from factcheck.rules import REGISTRY, STAGE_0

HEADER = "dataset: test\ntitle: Test\norigin: 2022-02-24\n"
SERIES = {
    "metric": "military_killed",
    "subject": "ukraine",
    "claimant": "zelensky",
    "source": {"outlet": "General Staff", "url": "https://www.zsu.gov.ua/"},
}


def complete(entry: dict) -> dict:
    """A claim (or a series, when it has `points`) with the fields a valid one has and `entry` leaves out
    (all of its source, when `entry` gives none; its date, when `entry` is a total over a period; fields given
    as None are left out)."""
    if "points" in entry:
        return {**SERIES, **entry}
    full = {**claim(str(entry.get("id", "c1")), **({"as_of": None} if "period" in entry else {})), **entry}
    return {k: ({f: v for f, v in value.items() if v is not None} if k == "source" else value)
            for k, value in full.items() if value is not None}  # fmt: skip


def with_source(fields: dict) -> dict:
    """A one-line case's fields, whose `source` (when given) changes only the fields it names."""
    return {**fields, "source": {**claim()["source"], **fields["source"]}} if "source" in fields else fields


def entries(example: str) -> list[dict]:
    """A check's example (`PASSES`, `FAILS`) as factcheck reads it: a list of claims, or one claim's fields."""
    data, problems = yamlfile.parse(example)
    assert not problems, problems
    data = json.loads(json.dumps(data))  # plain dicts and lists, which a dataset file is written from
    return data if isinstance(data, list) else [{"id": "c1", **data}]


def stage0(project, text: str) -> set[str]:
    """The stage-0 checks that a dataset with these claims, written as they are, fails."""
    path = project.write("datasets/test.yml", HEADER + "claims:\n" + textwrap.indent(text, "  "))
    return {finding.check for finding in load.load(project.root, [path]).findings}


def stage0_of(project, claims: list[dict]) -> set[str]:
    """The stage-0 checks that a dataset of these claims (completed) fails."""
    return {finding.check for finding in load.load(project.root, [write(project, claims)]).findings}


def write(project, claims: list[dict]):
    """A dataset of these claims and series, each completed."""
    done = [complete(c) for c in claims]
    series = [c for c in done if "points" in c]
    plain = [c for c in done if "points" not in c]
    return project.dataset(plain or None, **({"series": series} if series else {}))


def frame(project, claims: list[dict]) -> pd.DataFrame:
    """The batch of these claims as the checks see it: read by stage 0 (which must accept every claim), built
    by `factcheck.gx.frame`."""
    loaded = load.load(project.root, [write(project, claims)])
    assert not loaded.findings, [(f.check, f.message) for f in loaded.findings]
    return build(loaded.claims, loaded.catalog)


def suite_failures(project, check_id: str, claims: list[dict]) -> set[str]:
    """The claims (by id) that fail `check_id` in one run of the shipped suite that runs it, alone."""
    project.write(
        "checks/publication.yml",
        f"datasets: [datasets/**/*.yml]\nsuites: [expectations/{REGISTRY[check_id].SUITE}.yml]\nfail_on: critical\n",
    )
    write(project, claims)
    report = run_project(project)
    refused = [(f.check, f.message) for f in report.findings if f.check in STAGE_0]
    assert not refused, refused  # a claim that stage 0 refuses is never checked: it would pass for nothing
    return {finding.claim for finding in failed(report, check_id)}


def cases_failing(project, check_id: str, cases: list[dict]) -> list[bool]:
    """For each case (one claim's fields), whether its claim fails `check_id`: all cases in one run."""
    claims = [{**with_source(case), "id": f"case-{n}"} for n, case in enumerate(cases)]
    found = suite_failures(project, check_id, claims)
    return [f"case-{n}" in found for n in range(len(cases))]


def run_cases(project, module, cases: list[dict]) -> tuple[list[bool], list[str], list[str]]:
    """One run of the module's suite over the cases (each one claim's fields) and the module's examples: for
    each case whether its claim fails the check, and the claims of PASSES and of FAILS (by id) that fail it."""
    claims = [{**with_source(fields), "id": f"case-{n}"} for n, fields in enumerate(cases)]
    claims += [{**c, "id": f"passes-{c['id']}"} for c in entries(module.PASSES)]
    claims += [{**c, "id": f"fails-{c['id']}"} for c in entries(module.FAILS)]
    found = suite_failures(project, module.ID, claims)
    return (
        [f"case-{n}" in found for n in range(len(cases))],
        sorted(c.removeprefix("passes-") for c in found if c.startswith("passes-")),
        sorted(c.removeprefix("fails-") for c in found if c.startswith("fails-")),
    )
