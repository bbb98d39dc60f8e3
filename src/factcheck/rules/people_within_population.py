"""people-within-population: no count of people above the population of its subject.

A subject's `population` in the catalog is how many people it has, so a count of people (a metric whose
unit is `people`) whose lower bound is above it cannot be true, whoever claims it: most often a figure of
another unit (roubles, shells) filed under the wrong metric, or digits typed twice. The suite runs
`expect_column_pair_values_a_to_be_greater_than_b` with `population` as A and `lower` as B, `or_equal`,
only where `unit` is `people`, skipping subjects without a `population`.
"""

from __future__ import annotations

ID = "people-within-population"
SEVERITY = "critical"
TITLE = "Fewer people than the subject counts"
EXPLAIN = (
    "A count of people about a subject cannot be above the number of people it has (its `population` "
    "in the catalog): such a figure is physically impossible, whoever claims it."
)
MESSAGE = "{figure} {metric_description} is more than the {population} people of {subject}"
SUITE = "plausible-ranges"
PASSES = """\
# catalog: ukraine: {name: Ukraine, population: 44000000}
- {id: a, metric: military_killed, subject: ukraine, value: 55000, as_of: 2026-02}
"""
FAILS = """\
# 550 million: the digits of 55,000 typed twice
- {id: a, metric: military_killed, subject: ukraine, value: 550000000, as_of: 2026-02}
"""
