"""Reporters: each renders one `Report` to one stream. None of them imports Great Expectations.

`REPORTERS` maps an output name to its `Reporter`: its module (every module has `render(report, stream)`),
and for a report written to a file, the command line option that names the file and the option's help. The
commands' report options (`--report`, `--json`, ...) are made from this table.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Reporter:
    module: str
    option: str = ""  # the option that writes the report to a file (none: the reporter writes no file)
    help: str = ""


REPORTERS: dict[str, Reporter] = {
    "terminal": Reporter("factcheck.reporters.terminal"),
    "github": Reporter("factcheck.reporters.github"),
    "html": Reporter(
        "factcheck.reporters.html", "--report", "Write the self-contained HTML report to FILE (-: stdout)."
    ),
    "json": Reporter(
        "factcheck.reporters.json", "--json", "Write the JSON report (every finding and claim) to FILE (-: stdout)."
    ),
    "junit": Reporter(
        "factcheck.reporters.junit", "--junit", "Write JUnit XML for CI test reporters to FILE (-: stdout)."
    ),
    "sarif": Reporter(
        "factcheck.reporters.sarif", "--sarif", "Write SARIF 2.1.0 (GitHub code scanning) to FILE (-: stdout)."
    ),
}
# The reporters that write a file, in the order of their options.
FILES: dict[str, Reporter] = {name: reporter for name, reporter in REPORTERS.items() if reporter.option}


def get(name: str) -> ModuleType:
    return importlib.import_module(REPORTERS[name].module)
