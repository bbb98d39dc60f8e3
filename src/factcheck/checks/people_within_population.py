"""people-within-population: no count of people above the population of the countries at war.

About 180 million people live in Russia and Ukraine together, so a count of people (a metric whose unit
is `people`) whose lower bound is above 180,000,000 cannot be true, whoever claims it: most often a figure
of another unit (roubles, shells) filed under the wrong metric, or digits typed twice. The suite runs
`expect_column_values_to_be_between` on `lower` with `max_value: 180000000`, only where `unit` is
`people`.
"""

from __future__ import annotations

ID = "people-within-population"
SEVERITY = "critical"
TITLE = "Fewer people than live in the countries involved"
EXPLAIN = (
    "About 180 million people live in Russia and Ukraine together; a count of people above that is "
    "physically impossible, whoever claims it."
)
MESSAGE = "{figure} {metric_description} is more than the {max_value} people who live in Russia and Ukraine"
SUITE = "plausible-ranges"
PASSES = """\
- {id: a, metric: military_killed, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# 550 million: the digits of 55,000 typed twice
- {id: a, metric: military_killed, value: 550000000, as_of: 2026-02}
"""
