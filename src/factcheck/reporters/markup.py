"""Text from data made safe for the HTML report: `e`, the one escaping its template and its charts use.

The template is rendered with autoescaping on and `e` as its `finalize`, so every `{{ value }}` goes through
`e`; the only `Markup` that `e` passes as it is is what `e` returned and the charts' SVG, built from `e`.
"""

from __future__ import annotations

from markupsafe import Markup

from factcheck.text import clip, escaped

# The most of one text the page shows: a long quote is a paragraph, never a whole file.
MAX_TEXT = 2000


def e(value: object) -> Markup:
    """Text for the page: at most `MAX_TEXT` characters, controls and bidi controls shown as escapes (they
    would be invisible, or show the text around them in another order), then HTML-escaped as `html.escape`
    does. Line feeds and tabs stay: the page shows them as spaces. `Markup` is returned as it is."""
    if type(value) is Markup:
        return value
    # A page prints tens of thousands of values, nearly all short and plain: the calls are made only for
    # the others, and `str.__new__` skips `Markup.__new__`'s check of what it is given, escaped here.
    text = value if type(value) is str else str(value)
    if len(text) > MAX_TEXT:
        text = clip(text, MAX_TEXT)
    if not text.isprintable() or "##" in text:
        text = escaped(text, keep="\n\t")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return str.__new__(Markup, text.replace('"', "&quot;").replace("'", "&#x27;"))
