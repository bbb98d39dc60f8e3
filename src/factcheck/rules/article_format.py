"""article-format: an article that cannot be checked as written: a file that is not UTF-8 text, above 1 MiB or with a line
longer than 10,000 characters; front matter that is not well-formed YAML or holds an unknown field, a
date that does not exist or a `lang` factcheck does not read articles in (English, `en`, now); a binding
that follows no figure; more than 2,000 figures (the rest are not checked); an `ignore:` entry that
matches no figure of the article (a warning: it may hide a figure added later under the same spelling). Each is reported at the article's line (and column), never as a traceback.
"""

from __future__ import annotations

ID = "article-format"
SEVERITY = "critical"
TITLE = "An article can be read"
EXPLAIN = (
    "An article is UTF-8 text within the size limits, with well-formed front matter (title, published, "
    "lang, ignore) and bindings that each follow a figure; what cannot be read cannot be checked."
)
MESSAGE = ""
SUITE = None
PASSES = """\
---
title: Casualty figures
published: 2026-02-04
---
Russian attacks in Ukraine killed 2,514 civilians in 2025.
"""
FAILS = """\
---
published: 2026-02-31
---
Russian attacks in Ukraine killed 2,514 civilians in 2025.
"""
