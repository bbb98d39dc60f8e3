"""article-ambiguous: a figure in an article that several curated claims fit and agree with, read in ways that
disagree: claims of other metrics or subjects the article's words do not tell apart, or claims of several
claimants none of which states the figure as the article writes it. (Claims of one metric and subject that
state the figure as written, such as two claimants' 71, back it together; so do one claimant's figures of
several days.) The figure is not wrong, but which claim it reports is a guess. So is a figure the article
attributes to a speaker the catalog does not know ("the Rapid Support Forces said ..."): the claims of others
that fit it are listed, none is chosen, and if none fits it is unbacked, not a contradiction. And so is a
figure that fits no claim when a part of its reading is not its own (its claimant carried from an earlier
sentence, its subject from another figure's clause, a subject chosen among several): its finding names the
closest claim, what differs, and where each uncertain part was read, but does not block (prose.certainty).

Bind it to the one it reports, with a Markdown link `[400,000](claim:ID)` or a marker `400,000{claim:ID}`
right after it; the finding lists the claims that fit. (Without the binding, the example below fits CSIS's
estimate of Ukraine's losses and General Syrskyi's of Russia's: the sentence names neither side.)
"""

from __future__ import annotations

ID = "article-ambiguous"
SEVERITY = "warning"
TITLE = "An article's figure ties to one claim"
EXPLAIN = (
    "Several claims fit the figure's context and value; bind the figure to the claim it reports "
    "([figure](claim:ID) or figure{claim:ID}) so that the check, and the reader, know which. A figure "
    "attributed to a speaker who is no claimant of the catalog is ambiguous too: add the name to the "
    "claimant's aliases if it is one of theirs, or add the speaker's claim. A figure that fits no claim, read "
    "with a part carried from another figure's clause or an earlier sentence, is ambiguous too: the finding "
    "names the closest claim and what differs; correct the figure, or bind it to make the comparison certain."
)
MESSAGE = ""
SUITE = None
PASSES = """\
About [400,000](claim:ua-military-casualties-csis-2025) soldiers had been killed or wounded by 2025.
"""
FAILS = """\
About 400,000 soldiers had been killed or wounded by 2025.
"""
