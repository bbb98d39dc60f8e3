"""The HTML report's articles: each article as its text, every figure marked by its verdict the way a spell
checker marks words (a colour and a symbol, never a colour alone), each mark linking to its row in the
article's table of figures, which says what the finding says and shows the claim it was tied to.

Each mark also says why the figure was read as it was: the words that chose its metric, subject, claimant and
date, with their lines (`Finding.why`), in a note that shows while the mark is hovered or focused, and in the
figure's row.

Kept apart from html.py: `section` is the whole fragment, `nav_item` its line in the contents (its style is in
page/report.css). Every text from an article, a dataset or a catalog is escaped as html.py escapes it.
"""

from __future__ import annotations

from html import escape

from factcheck.floor.numbers import format_figure
from factcheck.floor.text import clip, escaped
from factcheck.report.findings import (
    AMBIGUOUS,
    BACKED,
    CONTRADICTS,
    IGNORED,
    UNBACKED,
    CheckedArticle,
    Cue,
    Mark,
    Report,
)

ARTICLES_SHOWN = 20  # articles whose whole text the page shows; the rest are counted
MAX_TITLE = 300

# verdict -> (symbol, label); the symbol is in the text itself, so a reader who cannot tell the colours,
# or prints the page in black and white, still reads the verdict.
VERDICTS = {
    BACKED: ("✓", "Backed"),
    CONTRADICTS: ("✗", "Contradicts its claim"),
    UNBACKED: ("?", "No claim backs it"),
    AMBIGUOUS: ("≈", "Several claims fit"),
    IGNORED: ("○", "Ignored"),
}


def _text(value: object, limit: int | None = None) -> str:
    text = str(value)
    if limit is not None:
        text = clip(text, limit)
    return escape(escaped(text, keep="\n\t"), quote=True)


def nav_item(report: Report) -> str:
    if not report.articles:
        return ""
    return f'<li><a href="#articles">Articles</a> ({len(report.articles):,})</li>'


def section(report: Report) -> str:
    if not report.articles:
        return ""
    legend = " ".join(
        f'<span class="fig {verdict}"><span class="sym" aria-hidden="true">{symbol}</span> {label}</span>'
        for verdict, (symbol, label) in VERDICTS.items()
    )
    out = [
        '<section id="articles">\n<h2>Articles</h2>\n',
        f'<p class="legend">Every figure of each article is marked: {legend}. Each mark links to what was '
        "found, and the claim it was tied to.</p>\n",
    ]
    for number, article in enumerate(report.articles[:ARTICLES_SHOWN], 1):
        out.append(_article(report, article, f"article-{number}"))
    rest = len(report.articles) - ARTICLES_SHOWN
    if rest > 0:
        out.append(f'<p class="more">{rest:,} more articles not shown; the JSON report lists their findings.</p>\n')
    out.append("</section>\n")
    return "".join(out)


def _article(report: Report, article: CheckedArticle, anchor: str) -> str:
    counts = {verdict: 0 for verdict in VERDICTS}
    for mark in article.marks:
        counts[mark.verdict] += 1
    summary = ", ".join(f"{n:,} {VERDICTS[v][1].lower()}" for v, n in counts.items() if n) or "no figures"
    title = _text(article.title, MAX_TITLE) if article.title else _text(article.file)
    published = f" · published {_text(article.published)}" if article.published else ""
    out = [
        f'<article class="draft" id="{anchor}">\n<h3>{title} <small>{_text(article.file)}{published} · '
        f"{_text(summary)}</small></h3>\n"
    ]
    if not article.text:
        out.append('<p class="none">The article could not be read: see its finding above.</p>\n</article>\n')
        return "".join(out)
    out.append(f'<div class="text">{_marked(article, anchor)}</div>\n')
    if article.marks:
        out.append(
            '<table class="figures">\n<thead><tr><th>Verdict</th><th>Where</th><th>Figure</th><th>What was found</th>'
            "<th>Claim</th></tr></thead>\n<tbody>\n"
        )
        for number, mark in enumerate(article.marks, 1):
            out.append(_row(report, article, mark, f"{anchor}-fig-{number}"))
        out.append("</tbody>\n</table>\n")
    out.append("</article>\n")
    return "".join(out)


def _marked(article: CheckedArticle, anchor: str) -> str:
    """The article's text after its front matter, each figure (with its qualifier words) a link to its row."""
    text = article.text
    parts = []
    at = article.body_start
    for number, mark in enumerate(article.marks, 1):
        figure = mark.figure
        start = max(figure.phrase_start, at)
        parts.append(_text(text[at:start]))
        symbol, label = VERDICTS[mark.verdict]
        said = mark.finding.message if mark.finding else f"ignored: {mark.reason}"
        why = _why(mark.finding.why) if mark.finding is not None and mark.finding.why else ""
        parts.append(
            f'<a class="fig {mark.verdict}" href="#{anchor}-fig-{number}" title="{_text(label + ": " + said, 400)}">'
            f'{_text(text[start : figure.end])}<span class="sym" aria-label="{_text(label)}">{symbol}</span>'
            + (f'<span class="why" role="tooltip">Read as: {why}</span>' if why else "")
            + "</a>"
        )
        at = figure.end
    parts.append(_text(text[at:]))
    return "".join(parts)


def _why(cues: tuple[Cue, ...]) -> str:
    """The words that chose each part of a figure's reading: `metric “killed” (line 4)`, one per line."""
    return "".join(
        f'<span class="part"><b>{_text(cue.part)}</b> “{_text(cue.words)}” (line {cue.line:,})</span>' for cue in cues
    )


def _row(report: Report, article: CheckedArticle, mark: Mark, anchor: str) -> str:
    symbol, label = VERDICTS[mark.verdict]
    figure = mark.figure
    finding = mark.finding
    verdict = (
        f'<span class="fig {mark.verdict}"><span class="sym" aria-hidden="true">{symbol}</span> {_text(label)}</span>'
    )
    if finding is not None and finding.blocking:
        verdict += ' <span class="blocks">blocks</span>'
    where = f"{_text(article.file)}:{figure.line}:{figure.column}"
    if finding is None:
        found = f"Ignored: {_text(mark.reason, 2000)}"
    else:
        found = _text(finding.message, 2000)
        if finding.why:
            found += f'<div class="why-row">Read as: {_why(finding.why)}</div>'
        if finding.hint:
            found += f'<div class="hint">Hint: {_text(finding.hint, 2000)}</div>'
    claim_cell = ""
    claim = report.claims.get(finding.claim) if finding is not None and finding.claim else None
    if claim is not None:
        metric = report.catalog.metrics.get(claim.metric) if report.catalog else None
        claimant = report.catalog.claimants.get(claim.claimant) if report.catalog else None
        quote = f"<blockquote>{_text(claim.source.quote, 2000)}</blockquote>" if claim.source.quote else ""
        claim_cell = (
            f"<code>{_text(claim.id)}</code>"
            f'<div class="where">{_text(claim.file)}:{claim.line}</div>'
            f"<div>{_text(format_figure(claim.value, claim.qualifier, metric.unit if metric else ''))} · "
            f"{_text(claimant.name if claimant else claim.claimant)} · {_text(claim.date.text)}</div>{quote}"
        )
    elif finding is not None and finding.related:
        claim_cell = ", ".join(f"<code>{_text(r)}</code>" for r in finding.related[:10])
    return (
        f'<tr id="{anchor}" class="{mark.verdict}"><td>{verdict}</td><td class="where">{where}</td>'
        f"<td>{_text(figure.phrase, 200)}</td><td>{found}</td><td>{claim_cell}</td></tr>\n"
    )
