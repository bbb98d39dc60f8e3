"""The columns of the batch that Great Expectations validates: one row per claim (built by `factcheck.frame`).

Kept apart from the frame so that reading a suite, which checks every column it names against these,
imports neither pandas nor Great Expectations.
"""

from __future__ import annotations

COLUMNS = (
    "claim_id", "file", "line", "dataset", "series", "metric", "subject", "claimant", "unit", "cumulative",
    "within", "kind", "value", "qualifier", "lower", "upper", "date_start", "date_end", "origin_start",
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
