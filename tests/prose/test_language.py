"""The article's language (prose.language, `lang` in the front matter): English without it; its digits read
with the separators of its locale in Babel's data; a language factcheck does not read is a finding at `lang`."""

from __future__ import annotations

import pytest

from article_helpers import articles  # noqa: F401
from factcheck.prose import front_matter
from factcheck.prose.figures import find_numerals, separators
from factcheck.prose.language import DEFAULT, Unsupported, language


def _values(text: str, lang: str) -> list[tuple[str, float]]:
    return [(text[n.phrase_start : n.end], n.value) for n in find_numerals(text, marks=language(lang).separators)]


def test_english_reads_a_dot_as_the_decimal_mark_and_a_comma_as_the_thousands_mark():
    assert _values("a toll of 2.3 million, and 2,300 homes", "en") == [("2.3 million", 2_300_000), ("2,300", 2300)]


def test_the_separators_come_from_the_locale_a_decimal_comma_in_german():
    """German writes a decimal comma and groups thousands with a dot: the digits follow the locale's data,
    though German number words are not read."""
    marks = separators("de")
    assert (marks.decimal, "." in marks.group, "," in marks.group) == (",", True, False)
    found = [(n.value, n.half_unit) for n in find_numerals("2,3 Millionen Menschen, 55.000 Soldaten", marks=marks)]
    assert found == [(pytest.approx(2.3), pytest.approx(0.05)), (55_000, 500)]


@pytest.mark.parametrize("text", ["---\ntitle: A draft\n---\nBody.\n", "Body without front matter.\n"])
def test_an_article_without_lang_is_english(text):
    front, _, _ = front_matter.read(text)
    assert front.lang == DEFAULT == "en"
    assert language(front.lang).separators == separators("en")


def test_lang_en_is_read_as_written():
    front, _, _ = front_matter.read("---\nlang: en\npublished: 2026-02-04\n---\nBody.\n")
    assert front.lang == "en"


@pytest.mark.parametrize("lang", ["de", "fr", "en-ZZ", "en_GB", "english", "en-GB-oxendict"])
def test_a_language_not_read_is_a_problem_at_lang_naming_the_ones_read(lang):
    with pytest.raises(front_matter.FrontMatterProblem) as raised:
        front_matter.read(f"---\ntitle: A draft\nlang: {lang}\n---\nBody.\n")
    assert raised.value.line == 3
    assert f"`lang` '{lang}' is not a language factcheck reads" in raised.value.message
    assert "en (English)" in raised.value.hint
    with pytest.raises(Unsupported):
        language(lang)


def test_an_article_in_a_language_not_read_gets_one_finding_and_no_figure_is_judged(articles):  # noqa: F811
    name = articles.article("---\nlang: de\n---\nRussische Angriffe töteten 2.514 Zivilisten.\n")
    report = articles.check(name)
    assert [(f.check, f.line) for f in report.findings] == [("article-format", 2)]
    assert report.articles[0].marks == []


@pytest.mark.parametrize(("lang", "tag"), [("EN", "en"), ("en-GB", "en-GB"), ("en-in", "en-IN"), ("en-001", "en-001")])
def test_english_with_a_region_is_english_with_that_regions_separators(lang, tag):
    """A newsroom's CMS writes its region ("en-GB", "en-IN"): the article is read as English, its digits with
    the separators Babel's data gives that region."""
    front, _, _ = front_matter.read(f"---\ntitle: A draft\nlang: {lang}\n---\nBody.\n")
    assert front.lang == lang
    read = language(lang)
    assert (read.code, read.separators) == (tag, separators(tag))
    assert _values("a toll of 2.3 million, and 2,300 homes", lang) == [("2.3 million", 2_300_000), ("2,300", 2300)]
