"""Every check factcheck ships, one module per check id, and `REGISTRY`, the one list of them.

A check module is named after its id (`cumulative-non-decreasing` is `cumulative_non_decreasing.py`) and
holds what is known of the check without running anything: its documentation (the module docstring, for
docs/checks.md), `ID`, the default `SEVERITY`, `TITLE`, `EXPLAIN` (the paragraph reports show),
`MESSAGE` (the default message template, or "" where each problem is worded where it is found), `SUITE`
(the shipped suite that runs it, None for the checks of the files themselves, run before the suites),
`PASSES` and `FAILS` (short examples), and its pure function when it has logic of its own, with
`EXPECTATION`, the expectation type of factcheck's own that runs it in a suite (`rules._expectation`).

These modules import no Great Expectations and no module that reads or runs a project: stage 0, the
suites, the docs and the importer read them, and `factcheck.gx.adapters` makes Great Expectations
classes from their `EXPECTATION`s. A suite entry names a check by its id (`meta.id`) and takes its texts and severity
from here, unless it gives its own.
"""

from __future__ import annotations

from types import ModuleType

from factcheck.rules import (
    article_ambiguous,
    article_backed,
    article_contradicts,
    article_format,
    article_unbacked,
    conflict,
    cumulative_fall_unexplained,
    cumulative_non_decreasing,
    cumulative_spike,
    date_not_before_origin,
    date_not_in_future,
    duplicate,
    duplicate_id,
    duplicate_key,
    file_too_large,
    metric_has_range,
    part_within_whole,
    people_within_population,
    period_vs_cumulative,
    period_vs_cumulative_other_party,
    published_not_in_future,
    quote_states_figure,
    schema,
    share_within_0_100,
    snapshot_vs_cumulative,
    source_outlet,
    source_published,
    source_published_after_date,
    source_url_or_quote,
    source_url_wellformed,
    stray_file,
    unknown_check,
    unknown_reference,
    value_not_negative,
    value_within_max,
    yaml_syntax,
)
from factcheck.rules._expectation import Expectation

# In the order docs/checks.md lists them: the checks of the files first, then each suite's, as it runs them.
REGISTRY: dict[str, ModuleType] = {
    module.ID: module
    for module in (
        yaml_syntax,
        file_too_large,
        duplicate_key,
        schema,
        unknown_reference,
        duplicate_id,
        stray_file,
        unknown_check,
        conflict,
        duplicate,
        part_within_whole,
        period_vs_cumulative,
        period_vs_cumulative_other_party,
        snapshot_vs_cumulative,
        cumulative_non_decreasing,
        cumulative_spike,
        cumulative_fall_unexplained,
        value_not_negative,
        people_within_population,
        share_within_0_100,
        value_within_max,
        metric_has_range,
        date_not_before_origin,
        date_not_in_future,
        published_not_in_future,
        source_outlet,
        source_published,
        source_url_or_quote,
        source_url_wellformed,
        source_published_after_date,
        quote_states_figure,
        article_backed,
        article_contradicts,
        article_unbacked,
        article_ambiguous,
        article_format,
    )
}

# The checks of articles (`factcheck.prose`): run outside the suites, on the articles a gate names.
ARTICLES: tuple[str, ...] = tuple(m.ID for m in (article_backed, article_contradicts, article_unbacked,
                                                 article_ambiguous, article_format))  # fmt: skip


# factcheck's own expectation types, as the check modules declare them (`EXPECTATION`), in registry order.
EXPECTATIONS: tuple[Expectation, ...] = tuple(m.EXPECTATION for m in REGISTRY.values() if hasattr(m, "EXPECTATION"))

# The checks of the files themselves, which no suite runs: every run may report them.
STAGE_0: tuple[str, ...] = tuple(
    check_id for check_id, module in REGISTRY.items() if module.SUITE is None and check_id not in ARTICLES
)
