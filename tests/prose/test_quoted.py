"""A figure tied by the quote its paragraph repeats (prose.verdicts): a quote that states two figures of one
value ("three bodies ... three more") backs each by the metric its words name."""

from __future__ import annotations

from article_helpers import desk_findings

CATALOG = """\
metrics:
  slide_deaths: {unit: people, description: people killed by the mudslide, terms: [died, dead, bodies]}
  slide_missing: {unit: people, description: people missing, terms: [missing, looking for]}
subjects:
  hill-village: {name: Hill village, aliases: [the village]}
claimants:
  police: {name: Police, role: district police, affiliation: independent, aliases: [police, the police chief]}
"""
QUOTE = "We found two bodies in the mud and are still looking for two more"
CLAIMS = f"""\
dataset: hill-village
title: The mudslide, as reported on 9 October 2025
origin: 2025-10-08
claims:
  - {{id: slide-deaths, metric: slide_deaths, subject: hill-village, claimant: police, value: 2, as_of: 2025-10-09,
     source: {{outlet: The Courier, published: 2025-10-09, url: "https://example.org/a", quote: "{QUOTE}"}}}}
  - {{id: slide-missing, metric: slide_missing, subject: hill-village, claimant: police, value: 2, as_of: 2025-10-09,
     source: {{outlet: The Courier, published: 2025-10-09, url: "https://example.org/a", quote: "{QUOTE}"}}}}
"""


def test_one_quote_of_two_figures_backs_each_by_its_metric(tmp_path):
    found = desk_findings(tmp_path, CATALOG, CLAIMS, f'"{QUOTE}," the police chief said.')
    assert found == [("article-backed", "info", "slide-deaths"), ("article-backed", "info", "slide-missing")]
