"""unknown-check: one-line cases (the check a waiver names, and whether it is unknown to the gate) and the
examples, in one run of a gate that runs source-attribution alone."""

from __future__ import annotations

from checkcases import entries, with_source

from conftest import claim, run_project
from factcheck.rules import unknown_check as check

CASES = [
    ("quote-states-figure", False),
    ("quote-state-figure", True),
    ("schema", False),
    ("conflict", True),  # a check of a suite this gate does not run
]


def test_cases_and_examples(project):
    project.write(
        "checks/publication.yml",
        "datasets: [datasets/**/*.yml]\nsuites: [expectations/source-attribution.yml]\nfail_on: critical\n",
    )
    claims = [claim(f"case-{n}", waivers=[{"check": name, "reason": "r"}]) for n, (name, _) in enumerate(CASES)]
    for label, text in (("passes", check.PASSES), ("fails", check.FAILS)):
        claims += [
            claim(f"{label}-{c['id']}", **with_source({k: v for k, v in c.items() if k != "id"})) for c in entries(text)
        ]
    project.dataset(claims)
    found = {f.claim for f in run_project(project).findings if f.check == check.ID}
    assert [f"case-{n}" in found for n in range(len(CASES))] == [unknown for _, unknown in CASES]
    assert "passes-a" not in found and "fails-a" in found
