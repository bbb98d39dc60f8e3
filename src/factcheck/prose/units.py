"""The unit a figure's own noun names: "2,094 relief camps" counts camps.

A catalog may file one phrase under several metrics ("relief camps" says both how many camps are open and that
people shelter in them). When that phrase is the noun right after the figure, the figure counts what the noun
names: of the metrics the phrase names, those whose unit is that noun ("camps", not "people").
"""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.model.format import Catalog
from factcheck.prose.readings import head_noun


def metric_words(catalog: Catalog, words) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Each metric's term words, and its unit lowered."""
    term_words = {key: frozenset(w for t in metric.terms for _, _, w in words(t))
                  for key, metric in catalog.metrics.items()}  # fmt: skip
    return term_words, {key: metric.unit.strip().lower() for key, metric in catalog.metrics.items()}


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def counted_unit(prose: str, end: int, start: int, stop: int, names: frozenset[str],
                 units: Mapping[str, str]) -> frozenset[str]:  # fmt: skip
    """Of `names`, the metrics named at prose[start:stop], those whose unit is that phrase's last word when it
    is the noun right after the figure ending at `end`; all of them otherwise."""
    if len(names) < 2 or not head_noun(prose, end, start):
        return names
    return unit_metrics(prose[start:stop], names, units) or names


def unit_metrics(phrase: str, names: frozenset[str], units: Mapping[str, str]) -> frozenset[str]:
    """Of `names`, the metrics whose unit is the catalog phrase's last word ("temporary camps": camps)."""
    words = phrase.lower().split()
    if not words:
        return frozenset()
    noun = _singular(words[-1].strip(",.;:)"))
    return frozenset(m for m in names if _singular(units.get(m, "")) == noun)
