"""Figures a reader sees but that are not written in ASCII digits (issue 23, class 6): each spelling of the
seed's "more than 46,000" is read as a reader reads it. A wrong figure so spelt blocks exactly as plain digits
do, at the line and column of its first character in the file; a right one is backed. A figure that still
cannot be read with confidence is a finding, never silence."""

from __future__ import annotations

import pytest

from article_helpers import SEED_FIGURES_COUNT, articles, located, seed_text  # noqa: F401
from factcheck.prose.seen_text import read

PLAIN = "more than 46,000"
CLAIM = "ua-military-killed-zelensky-2025-02"


def spell(figure: str, how: str) -> str:
    """`figure` ("46,000") written another way a reader still sees as the same figure."""
    zwsp, shy, wj, zwj = "\u200b", "\u00ad", "\u2060", "\u200d"
    return {
        "fullwidth digits": figure.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        "fullwidth digits and comma": figure.translate(str.maketrans("0123456789,", "０１２３４５６７８９，")),
        "arabic-indic digits": figure.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
        "arabic-indic with arabic separator": figure.translate(str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")),
        "extended arabic-indic digits": figure.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
        "devanagari digits": figure.translate(str.maketrans("0123456789", "०१२३४५६७८९")),
        "mathematical bold digits": figure.translate(str.maketrans("0123456789", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗")),
        "zero-width space": figure[0] + zwsp + figure[1:],
        "zero-width spaces everywhere": zwsp.join(figure),
        "soft hyphen": figure[:1] + shy + figure[1:],
        "word joiner": figure[:2] + wj + figure[2:],
        "zero-width joiner": figure[:3] + zwj + figure[3:],
        "left-to-right marks": "\u200e".join(figure),
        "right-to-left mark": figure[:1] + "\u200f" + figure[1:],
        "byte order mark inside": figure[:1] + "\ufeff" + figure[1:],
        "combining marks": "".join(c + "\u0332" for c in figure),
        "decimal references": "".join(f"&#{ord(c)};" if c.isdigit() else c for c in figure),
        "hexadecimal references": "".join(f"&#x{ord(c):x};" if c.isdigit() else c for c in figure),
        # a browser reads `&#54` up to the first character that is no digit: the last group stays plain
        "references without semicolons": "".join(f"&#{ord(c)}" if c.isdigit() else c for c in figure[:-4])
        + figure[-4:],
        "named comma reference": figure.replace(",", "&comma;"),
        "no-break space reference": figure.replace(",", "&nbsp;"),
        "no-break space legacy reference": figure.replace(",", "&nbsp"),
        "thin space reference": figure.replace(",", "&thinsp;"),
        "no-break space": figure.replace(",", "\u00a0"),
        "narrow no-break space": figure.replace(",", "\u202f"),
        "thin space": figure.replace(",", "\u2009"),
        "figure space": figure.replace(",", "\u2007"),
        "empty comment": figure.replace(",", "<!-- -->,"),
        "comment with text": figure[:1] + "<!-- edited -->" + figure[1:],
        "empty span": figure[:1] + "<span></span>" + figure[1:],
        "two tags": figure.replace(",", "</b><b>,"),
        "fullwidth digits split by zero-width spaces": zwsp.join(
            figure.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        ),
    }[how]


SPELLINGS = [
    "fullwidth digits", "fullwidth digits and comma", "arabic-indic digits", "arabic-indic with arabic separator",
    "extended arabic-indic digits", "devanagari digits", "mathematical bold digits", "zero-width space",
    "zero-width spaces everywhere", "soft hyphen", "word joiner", "zero-width joiner", "left-to-right marks",
    "right-to-left mark", "byte order mark inside", "combining marks", "decimal references",
    "hexadecimal references", "references without semicolons", "named comma reference", "no-break space reference",
    "no-break space legacy reference", "thin space reference", "no-break space", "narrow no-break space",
    "thin space", "figure space", "empty comment", "comment with text", "empty span", "two tags",
    "fullwidth digits split by zero-width spaces",
]  # fmt: skip


def _check(articles, figure: str):  # noqa: F811
    text = seed_text()
    changed = text.replace(PLAIN, "more than " + figure)
    report = articles.check(articles.article(changed))
    return changed, report


@pytest.mark.parametrize("how", SPELLINGS)
def test_a_wrong_figure_however_spelt_blocks_at_its_first_character(articles, how):  # noqa: F811
    written = spell("64,000", how)
    text, report = _check(articles, written)
    flagged = [f for f in report.findings if f.check != "article-backed"]
    assert [f.check for f in flagged] == ["article-contradicts"], [f.message for f in flagged]
    (finding,) = flagged
    assert finding.claim == CLAIM and finding.blocking and "the value differs" in finding.message
    assert "64,000" in finding.message or "64 000" in finding.message
    assert (finding.line, finding.column) == located(text, "more than " + written, written)
    assert report.blocked


@pytest.mark.parametrize("how", SPELLINGS)
def test_the_right_figure_however_spelt_is_backed(articles, how):  # noqa: F811
    _, report = _check(articles, spell("46,000", how))
    assert [f.check for f in report.findings] == ["article-backed"] * SEED_FIGURES_COUNT
    assert CLAIM in {f.claim for f in report.findings}
    assert not report.blocked


def test_the_html_report_marks_the_figure_as_the_file_writes_it(articles):  # noqa: F811
    written = spell("64,000", "decimal references")
    text, report = _check(articles, written)
    (mark,) = [m for m in report.articles[0].marks if m.verdict == "contradicts"]
    assert text[mark.figure.start : mark.figure.end] == written
    assert mark.figure.text == "64,000"  # what a reader sees


@pytest.mark.parametrize(
    "written",
    ["6٤,000", "６4,000", "64,٠٠٠", "6&#1636;,000"],
    ids=["arabic-indic then ascii", "fullwidth then ascii", "ascii then arabic-indic", "reference of another script"],
)
def test_a_figure_in_the_digits_of_two_scripts_is_reported_not_read(articles, written):  # noqa: F811
    text, report = _check(articles, written)
    flagged = [f for f in report.findings if f.check != "article-backed"]
    (finding,) = flagged
    assert finding.check == "article-format" and finding.blocking
    assert "more than one script" in finding.message
    assert (finding.line, finding.column) == located(text, "more than " + written, written)


@pytest.mark.parametrize("written", ["⁶⁴,⁰⁰⁰", "⁶⁴⁰⁰⁰", "₆₄,₀₀₀", "⑥④,⓪⓪⓪"])
def test_a_figure_in_superscript_or_other_number_forms_is_reported(articles, written):  # noqa: F811
    text, report = _check(articles, written)
    flagged = [f for f in report.findings if f.check != "article-backed"]
    (finding,) = flagged
    assert finding.check == "article-format" and finding.blocking
    assert "number-form digits" in finding.message
    assert (finding.line, finding.column) == located(text, "more than " + written, written)


def test_a_footnote_mark_after_a_word_or_a_figure_is_no_figure(articles):  # noqa: F811
    text = seed_text().replace("more than 46,000", "more than 46,000¹²").replace("battlefield.", "battlefield.¹³", 1)
    report = articles.check(articles.article(text))
    assert [f.check for f in report.findings] == ["article-backed"] * SEED_FIGURES_COUNT


def test_the_reading_maps_every_character_back_to_the_file():
    prose = "a &#54;\u200b4<!-- -->,000 b"
    drops = [(prose.index("<"), prose.index(">") + 1)]
    reading = read(prose, drops)
    assert reading.text == "a 64,000 b"
    assert [prose[reading.to_file(i)] for i in range(len(reading.text))] == list("a &4,000 b")
    assert reading.to_file(len(reading.text)) == len(prose)


def test_plain_prose_is_its_own_reading_without_a_map():
    prose = "Zelensky’s “55,000” — in Kyiv… 2025"
    reading = read(prose)
    assert reading.text == prose and reading.origin is None


def test_a_comment_between_words_is_still_a_space():
    prose = "killed<!-- x -->soldiers 12<!-- x --> 000"
    comments = [(i, prose.index("-->", i) + 3) for i in (prose.index("<!--"), prose.rindex("<!--"))]
    from factcheck.prose.source import _inside_numbers

    assert _inside_numbers(prose, comments) == []
