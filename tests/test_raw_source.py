"""A claim the schema refused keeps its source as written on its findings (`Finding.source`), bounded."""

from __future__ import annotations

from conftest import claim, failed, run_project
from factcheck.floor.text import MAX_FIELD
from factcheck.reading import raw_source


def test_a_refused_claim_and_a_refused_point_keep_their_source_as_written(project):
    long_quote = "the toll is 55,000 " * 200
    project.dataset(
        [
            claim("good"),
            claim(
                "bad-value", value="5,000", source={"outlet": "X" * 1000, "published": "2026-02", "quote": long_quote}
            ),
            claim(
                "bad-claimant", claimant="zelenskiy", source={"outlet": "TV", "url": "https://e.org/a", "via": "AFP"}
            ),
        ]
    )
    project.write(
        "datasets/series.yml",
        """
        dataset: s
        title: S
        origin: 2022-02-24
        series:
          - id: ser
            metric: military_killed
            subject: ukraine
            claimant: zelensky
            source: {outlet: General Staff, published: 2026-01, quote: the series' quote}
            points:
              - [2025-01-01, 100]
              - [2025-01-02, "x"]
              - [2025-01-03, "y", {quote: "the point's own quote"}]
        """,
    )
    report = run_project(project)
    sources = {f.claim: dict(f.source) for f in report.findings if f.check in ("schema", "unknown-reference")}
    assert sources["bad-value"]["outlet"] == "X" * (MAX_FIELD - 1) + "…"  # clipped, as a message value is
    assert len(sources["bad-value"]["quote"]) == raw_source.MAX_QUOTE and sources["bad-value"]["published"] == "2026-02"
    assert sources["bad-claimant"] == {"outlet": "TV", "url": "https://e.org/a", "via": "AFP"}
    assert sources["ser@2025-01-02"] == {
        "outlet": "General Staff",
        "published": "2026-01",
        "quote": "the series' quote",
    }
    assert sources["ser@2025-01-03"]["quote"] == "the point's own quote"
    # a claim that was read has its source in the report's claims, not on its findings
    assert all(not f.source for f in failed(report) if f.claim in report.claims)


def test_only_plain_values_are_kept():
    assert raw_source.of({"outlet": ["a", "list"], "quote": {"a": 1}, "url": 7, "via": True}) == (("url", "7"),)
    assert raw_source.of("not a mapping", quote="own") == (("quote", "own"),)
