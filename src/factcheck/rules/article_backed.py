"""article-backed: a figure in an article backed by a curated claim: exactly one claim fits its context (metric, subject,
claimant and date, as the article words them) and agrees with its value and qualifier (see
`article-contradicts` for what agreeing means), or the figure is bound to that claim, or quotes it.

Backed figures are evidence, listed as corroborated: the HTML report marks each with a tick and links it
to its claim.
"""

from __future__ import annotations

ID = "article-backed"
SEVERITY = "info"
TITLE = "An article's figure is backed by a claim"
EXPLAIN = (
    "The figure's context in the article (metric, subject, claimant, date) fits one curated claim, whose "
    "value and qualifier it states: the figure is what the dataset holds."
)
MESSAGE = ""
SUITE = None
PASSES = """\
Ukrainian President Volodymyr Zelenskiy said the number of Ukrainian soldiers killed on the battlefield
was estimated at 55,000.
"""
FAILS = """\
Ukrainian President Volodymyr Zelenskiy said the number of Ukrainian soldiers killed on the battlefield
was estimated at 65,000.
"""
