"""factcheck's Great Expectations adapters: thin expectations and metrics over the pure functions of
`factcheck.rules`, and RE2 for GX's regex expectations.

Defining a class registers it with GX (an expectation under the snake_case of its class name), so suites
refer to them like GX's own (`type: expect_cumulative_totals_to_be_non_decreasing`). Importing these
modules imports Great Expectations: only the validating code path does, through `register`.
"""

from __future__ import annotations

from types import ModuleType


def register() -> tuple[ModuleType, ...]:
    """Register every adapter with Great Expectations (importing its module does), once GX's logger is quiet:
    replacing GX's own regex metrics logs a warning."""
    from factcheck.gx.adapters import (
        conflict,
        cumulative_non_decreasing,
        duplicate,
        metric_range,
        part_within_whole,
        period_vs_cumulative,
        quote_states_figure,
        regex,
        snapshot_vs_cumulative,
    )

    return (
        cumulative_non_decreasing,
        quote_states_figure,
        conflict,
        duplicate,
        part_within_whole,
        period_vs_cumulative,
        snapshot_vs_cumulative,
        metric_range,
        regex,
    )
