"""Articles checked against the curated claims, as a spell checker checks words (docs/articles.md).

A draft in `articles/` is read as text (`source`, `front_matter`); its figures (`figures`) and date phrases
(`dates`) are found in its prose; each figure's context is read in the catalog's vocabulary (`context`) and
tied to the claims it fits (`match`), which judge it backed, contradicted, unbacked or ambiguous
(`verdicts`), each worded as a finding (`messages`): findings like any other, located at the figure's line and column. `check` runs it for
`factcheck validate` and `factcheck article`. Nothing here imports Great Expectations.
"""
