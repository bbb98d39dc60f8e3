"""factcheck's own Great Expectations expectations, one module each.

Importing a module registers its expectation with GX under the snake_case of its class name, so suites
refer to them like GX's own (`type: expect_cumulative_totals_to_be_non_decreasing`). Importing this
package imports Great Expectations: only the validating code path does.
"""

from __future__ import annotations

import importlib

MODULES = (
    "cumulative_non_decreasing",
    "quote_states_figure",
    "conflict",
    "duplicate",
    "part_within_whole",
    "period_vs_cumulative",
    "snapshot_vs_cumulative",
    "metric_range",
    "regex",
)


def register() -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")
