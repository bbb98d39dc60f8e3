"""factcheck's Great Expectations adapters: factcheck's own expectation types, made from what the check
modules of `factcheck.rules` declare (`own`), and RE2 for GX's regex expectations (`regex`).

Making an expectation class registers it with GX under the snake case of its class name, so suites refer
to factcheck's types like GX's own (`type: expect_cumulative_totals_to_be_non_decreasing`). Importing
these modules imports Great Expectations: only the validating code path does, through `register`.
"""

from __future__ import annotations

_registered: dict[str, type] = {}


def register() -> dict[str, type]:
    """Register every adapter with Great Expectations, once GX's logger is quiet (replacing GX's own regex
    metrics logs a warning): the expectation class of each of factcheck's own types, by type."""
    if not _registered:
        from factcheck.gx.adapters import own, regex  # noqa: F401  (importing `regex` registers its metrics)
        from factcheck.rules import EXPECTATIONS

        _registered.update((declared.type, own.make(declared)) for declared in EXPECTATIONS)
    return _registered
