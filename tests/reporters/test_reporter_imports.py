"""Reporters read the contract (`factcheck.report.findings`) and the floor of helpers, nothing else: no reporter
loads the dataset format (nor pydantic with it), the dataset reader, the run, Great Expectations, or another
reporter. (The claims a report carries are the format's; the HTML page reads their series through
`factcheck.model.claimset` when it draws one, by which time a run has loaded it.)"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.reporters import REPORTERS

# The contract and the floor, with the packages that hold them (importing a module runs its package first).
FLOOR = {"factcheck", "factcheck.floor", "factcheck.floor.columns", "factcheck.floor.spans", "factcheck.floor.errors",
         "factcheck.floor.numbers", "factcheck.floor.severity", "factcheck.floor.text", "factcheck.report",
         "factcheck.report.findings"}  # fmt: skip
# What reporters share, none of them a reporter: wording, the HTML escaping and the HTML charts.
SHARED = {"factcheck.reporters", "factcheck.reporters.words", "factcheck.reporters.markup", "factcheck.reporters.chart",
          "factcheck.reporters.compared", "factcheck.reporters.html_comparison", "factcheck.reporters.html_articles"}  # fmt: skip


def loaded(module: str) -> set[str]:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


@pytest.mark.parametrize("module", [*(r.module for r in REPORTERS.values()), "factcheck.reporters.files"])
def test_a_reporter_loads_only_the_contract_the_floor_and_what_reporters_share(module):
    modules = loaded(module)
    ours = {m for m in modules if m == "factcheck" or m.startswith("factcheck.")}
    assert ours - FLOOR - SHARED == {module}
    assert not {"great_expectations", "pandas", "yaml", "pydantic"} & modules
