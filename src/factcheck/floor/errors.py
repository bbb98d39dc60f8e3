"""The errors a run stops with, at the bottom of the layers: any module may raise them, the CLI maps
them to exit codes (2 for `ConfigError`, 3 for `EngineError`), and this module imports nothing of ours."""

from __future__ import annotations

from dataclasses import dataclass


class ConfigError(Exception):
    """A usage or configuration problem: exit 2, with a message (and `file:line`) for people."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


class EngineError(Exception):
    """One of factcheck's own checks failed inside Great Expectations: a defect of ours (exit 3)."""


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, located for people: a finding in the making."""

    check: str
    line: int
    message: str
    hint: str = ""
