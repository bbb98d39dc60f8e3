"""A magnitude ("a magnitude 7.3 earthquake") is compared with the catalog's metric of unit `magnitude`
(prose.quantities.canonical): it was filed as a count, so the figure was set aside as a unit no metric has."""

from __future__ import annotations

from pathlib import Path

from article_helpers import desk_findings
from factcheck.prose.quantities import canonical

CATALOG = """\
metrics:
  quake_magnitude: {unit: magnitude, description: magnitude of the earthquake, terms: [magnitude]}
  quake_deaths: {unit: people, description: people killed by the earthquake, terms: [killed, dead]}
subjects:
  coast-quake: {name: Coast earthquake, aliases: [the earthquake]}
claimants:
  survey: {name: Geological Survey, role: seismic agency, affiliation: independent, aliases: [the survey]}
"""
CLAIMS = """\
dataset: coast-quake
title: The coast earthquake, as reported on 9 October 2025
claims:
  - {id: quake-magnitude, metric: quake_magnitude, subject: coast-quake, claimant: survey, value: 6.8,
     as_of: 2025-10-09, source: {outlet: The Courier, published: 2025-10-09, url: "https://example.org/a"}}
"""


def _findings(root: Path, body: str) -> list[tuple[str, str, str | None]]:
    return desk_findings(root, CATALOG, CLAIMS, body)


def test_a_magnitude_unit_is_the_quantity_of_a_magnitude():
    assert canonical("magnitude") == canonical("Magnitude") == "magnitude"


def test_a_magnitude_the_claim_states_is_backed(tmp_path):
    found = _findings(tmp_path, "A magnitude 6.8 earthquake struck the coast, the survey said.")
    assert found == [("article-backed", "info", "quake-magnitude")]


def test_a_changed_magnitude_contradicts(tmp_path):
    found = _findings(tmp_path, "A magnitude 7.8 earthquake struck the coast, the survey said.")
    assert found == [("article-contradicts", "critical", "quake-magnitude")]
