"""article-ambiguous: a figure in an article that several curated claims fit and agree with: the same metric, subject and
date, the same value, from claimants the article does not tell apart (it names none, or two sources
report one claimant's figure). The figure is not wrong, but which claim it reports is a guess.

Bind it to the one it reports, with a Markdown link `[1.1 million](claim:ID)` or a marker
`1.1 million{claim:ID}` right after it; the finding lists the claims that fit. (Without the binding, the
example below fits UK Defence Intelligence's estimate and the General Staff's daily totals of that month.)
"""

from __future__ import annotations

ID = "article-ambiguous"
SEVERITY = "warning"
TITLE = "An article's figure ties to one claim"
EXPLAIN = (
    "Several claims fit the figure's context and value; bind the figure to the claim it reports "
    "([figure](claim:ID) or figure{claim:ID}) so that the check, and the reader, know which."
)
MESSAGE = ""
SUITE = None
PASSES = """\
By October 2025, [1.1 million](claim:ru-military-casualties-uk-di-2025-10) Russian soldiers had been killed or
injured, British Defence Intelligence estimated.
"""
FAILS = """\
By October 2025, 1.1 million Russian soldiers had been killed or injured.
"""
