"""The columns of the batch that Great Expectations validates: one row per claim (built by `factcheck.gx.frame`).

Kept apart from the frame so that reading a suite, which checks every column it names against these,
imports neither pandas nor Great Expectations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model.format import Catalog, Claim

COLUMNS = (
    "claim_id", "file", "line", "dataset", "series", "metric", "subject", "claimant", "unit", "cumulative",
    "within", "subject_within", "kind", "value", "qualifier", "lower", "upper", "date_start", "date_end", "origin_start",
    "origin_end", "published_start", "published_end", "outlet", "url", "quote", "via", "affiliation", "claimant_is_party", "about_adversary",
    "fall", "waived", "entry", "population", "metric_max",
)  # fmt: skip

# The columns that hold numbers (dates as day numbers): only these can be ordered (<, <=, >, >=) against a
# number, and only the others against text; a row condition that mixes the two fails inside the query.
NUMERIC = frozenset(
    ("line", "value", "lower", "upper", "date_start", "date_end", "origin_start", "origin_end",
     "published_start", "published_end", "entry", "population", "metric_max")
)  # fmt: skip
FLAGS = frozenset(("cumulative", "claimant_is_party", "about_adversary", "waived"))

# A series: the claims of one metric and subject by one claimant, counted from one origin. A cumulative
# total never falls within its series, the cross-claim checks compare series, and reports group by them.
SERIES = ("metric", "subject", "claimant", "origin_start")


def series_key(claim: Claim) -> tuple[str, ...]:
    """The series of a claim outside the batch: the `SERIES` columns, with the origin as it is written."""
    return (*(getattr(claim, name) for name in SERIES[:-1]), claim.origin.text if claim.origin else "")


def series_id(claim: Claim) -> tuple:
    """A claim's series as reports group claims: its kind, then `series_key`."""
    return (claim.kind, *series_key(claim))


def about_adversary(claim: Claim, catalog: Catalog | None) -> bool:
    """A party to the conflict reporting its adversary's losses: a partisan figure, marked in reports. A
    party's figure about a place within itself (a province of its country) is about its own side."""
    claimant = catalog.claimants.get(claim.claimant) if catalog else None
    if claimant is None or claimant.affiliation in ("independent", claim.subject):
        return False
    return claimant.affiliation not in catalog.wholes(claim.subject)
