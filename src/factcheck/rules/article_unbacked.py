"""article-unbacked: a figure in an article that no curated claim backs: no claim fits its context (no metric word of the
catalog is near it, or no claim has its metric, subject, claimant and date), and no binding or quote ties
it to one. Either the claim is missing from the datasets, or the number is not a claimed figure at all.

A warning by default; a gate sets `article_unbacked: critical` to block publication on it. The hint says
how to add the claim, or how to mark the figure as not a claim (`ignore:` in the front matter, with a
reason).
"""

from __future__ import annotations

ID = "article-unbacked"
SEVERITY = "warning"
TITLE = "Every figure in an article is backed by a claim"
EXPLAIN = (
    "A figure that no curated claim backs has not been checked by anyone: add the claim it reports to a "
    "dataset, or list the figure under `ignore:` in the article's front matter with the reason it is no claim."
)
MESSAGE = ""
SUITE = None
PASSES = """\
---
ignore:
  - figure: "300"
    reason: the number of delegates, not a claimed figure
---
The talks brought together 300 delegates.
"""
FAILS = """\
Ukraine lost 300 tanks in 2025, the General Staff said.
"""
