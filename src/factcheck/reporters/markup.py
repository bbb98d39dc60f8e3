"""Text from data made safe for the HTML report: `e`, the one escaping its template and its charts use.

The template is rendered with autoescaping on and `e` as its `finalize`, so every `{{ value }}` goes through
`e`; the only `Markup` that `e` passes as it is is what `e` returned and what is built from it here and in
the charts' SVG: a quote with the number that differs from the claimed figure marked (`marked_quote`).
"""

from __future__ import annotations

import re

from markupsafe import Markup

from factcheck.floor.numbers import format_number, number_spans
from factcheck.floor.text import clip, escaped

# The most of one text the page shows: a long quote is a paragraph, never a whole file.
MAX_TEXT = 2000

# A host with a dot (its first label, the rest), then a path, query or fragment. Each part stops where the
# next must begin, so a long address that fails is refused in one pass: two parts that could take the same
# characters (`[^\s/?#]+\.[^\s/?#]+[^\s]*`) made the matcher try every split, for seconds on a few kilobytes.
_URL = re.compile(r"https?://[^\s/?#][^\s/?#.]*\.[^\s/?#]+(?:[/?#]\S*)?", re.IGNORECASE)


def url_is_wellformed(url: str | None) -> bool:
    """An http or https URL with a host: the only links a report may make clickable."""
    return bool(url) and _URL.fullmatch(url) is not None


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


_DIGIT = re.compile(r"\d")


def _digits(written: str, value: float) -> Markup:
    """The number as the quote writes it, each digit that differs from the claimed figure's (when both have
    as many digits) in `<b class="digit">`."""
    digits = [m.start() for m in _DIGIT.finditer(written)]
    claimed = [c for c in format_number(value) if c.isdigit()]
    if len(digits) != len(claimed):
        return e(written)
    out, at = [], 0
    for position, want in zip(digits, claimed, strict=True):
        if written[position] != want:
            out += [e(written[at:position]), Markup('<b class="digit">'), e(written[position]), Markup("</b>")]
            at = position + 1
    return Markup("").join([*out, e(written[at:])])


def marked_quote(quote: str, value: float, figure: str) -> Markup | None:
    """The quote (clipped as `e` clips), with the number nearest the claimed `value` marked as the one that
    differs: a `<mark>`, its differing digits bold, and a text cue naming the claimed `figure`, so that the
    mark is not told by colour alone. None when the quote states the value or states no number at all."""
    quote = clip(quote, MAX_TEXT)
    spans = number_spans(quote)
    if not spans or any(round(float(value), 6) in readings for _, _, readings in spans):
        return None
    scale = max(abs(value), 1.0)
    start, end, _ = min(spans, key=lambda span: min(abs(r - value) for r in span[2]) / scale)
    number = quote[start:end]
    word = re.search(r"\s*[A-Za-z]+$", number)  # "1.1 million": the digits are before the word
    head, tail = (number[: word.start()], number[word.start() :]) if word else (number, "")
    return Markup("").join([
        e(quote[:start]), Markup('<mark class="differs">'), _digits(head, value) if not tail else e(head), e(tail),
        Markup("</mark>"), Markup('<span class="cue"> [differs from the claimed '), e(figure), Markup("]</span>"),
        e(quote[end:]),
    ])  # fmt: skip
