"""The severities a check gives its findings and a gate blocks at, most severe first: named by the dataset
format (a gate's `fail_on`) and by the report contract alike, so kept below both."""

from __future__ import annotations

from typing import Literal

Severity = Literal["critical", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("critical", "warning", "info")
