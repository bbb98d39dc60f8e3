"""Reporters: each renders one `Report` to one stream. None of them imports Great Expectations.

`REPORTERS` maps an output name to its module; every module has `render(report, stream)`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

REPORTERS: dict[str, str] = {
    "terminal": "factcheck.reporters.terminal",
    "github": "factcheck.reporters.github",
    "html": "factcheck.reporters.html",
    "json": "factcheck.reporters.json",
    "junit": "factcheck.reporters.junit",
    "sarif": "factcheck.reporters.sarif",
}


def get(name: str) -> ModuleType:
    return importlib.import_module(REPORTERS[name])
