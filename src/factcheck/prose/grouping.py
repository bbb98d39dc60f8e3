"""A dot that groups thousands in copy whose decimal mark it is: "18.261 patients" in English.

Copy written from Brazilian or European sources keeps their grouping ("18.261 casos" becomes "18.261 cases").
Read as English, that is eighteen point two six one, which no count of people, cases or houses can be. When the
metrics the figure's words name all count whole things, the three digits after the mark are a group of
thousands; a share, a rate or a measurement keeps its decimals ("a rate of 19.625", "3.125 km").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from factcheck.prose.quantities import canonical
from factcheck.report.findings import Figure

# Words in a metric's unit that make it a ratio, whose figures may have decimals: "deaths per 100,000", "rate".
_RATIOS = frozenset({"per", "rate", "rates", "ratio", "index", "average", "mean", "share", "/"})


def counts_whole_things(unit: str) -> bool:
    """Whether a metric of this catalog unit counts whole things ("people", "cases", "houses")."""
    lowered = unit.strip().lower()
    return bool(lowered) and canonical(lowered) is None and not _RATIOS & set(lowered.replace("/", " / ").split())


def thousands(figure: Figure, decimal: str, metrics: frozenset[str], units: Mapping[str, str]) -> Figure:
    """The figure read with its decimal mark as a group of thousands ("18.261" as 18,261) when it is written as
    one to three digits, the mark and three digits, with no multiplier, percent or unit, and every metric its
    words name counts whole things; else the figure as it was."""
    head, mark, tail = figure.text.partition(decimal)
    if (not mark or figure.percent or figure.unit is not None or figure.high is not None or not metrics
            or not (head.isdigit() and len(head) <= 3 and head[0] != "0")
            or not (tail.isdigit() and len(tail) == 3)):  # fmt: skip
        return figure
    if not all(counts_whole_things(units.get(metric, "")) for metric in metrics):
        return figure
    return dataclasses.replace(figure, value=float(head + tail), half_unit=0.5)
