"""The language an article is written in (`lang` in its front matter, `en` without it): how its figures are read.

A language sets the separators of its digits ("2.3 million" in English, "2,3 Millionen" in German), from
Babel's locale data (`prose.figures.separators`), and the reader of its number words ("seven", "two dozen":
`prose.numberwords`). English is the one language read now: a second one is its number words here, and its
separators come with Babel. Date phrases and the qualifier words ("more than", "about") are English too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.prose.figures import Numeral, Separators, separators
from factcheck.prose.numberwords import find_number_words

DEFAULT = "en"
# The number words of each language read: (prose, start, limit) -> numerals.
NUMBER_WORDS: dict[str, Callable[[str, int, int | None], list[Numeral]]] = {"en": find_number_words}
SUPPORTED = tuple(NUMBER_WORDS)
NAMES = {"en": "English"}
# A BCP 47 tag of a language and, optionally, its region ("en", "en-GB", "en-IN", "en-001"), in any case
TAG = re.compile(r"([A-Za-z]{2,3})(?:-([A-Za-z]{2}|[0-9]{3}))?")


@dataclass(frozen=True)
class Language:
    code: str
    separators: Separators
    number_words: Callable[[str, int, int | None], list[Numeral]]


class Unsupported(ValueError):
    """A `lang` that factcheck cannot read articles in."""


def language(code: str = DEFAULT) -> Language:
    """The language `code` (`Unsupported` when factcheck does not read it): a language read, alone or with a
    region that Babel knows, whose separators then follow the region's ("en-GB", "en-IN")."""
    primary, tag = _read_tag(code)
    return Language(tag, separators(tag), NUMBER_WORDS[primary])


def reads(code: str) -> bool:
    """Whether factcheck reads articles in the language `code` (its separators are not looked up)."""
    try:
        _read_tag(code)
    except Unsupported:
        return False
    return True


def _read_tag(code: str) -> tuple[str, str]:
    """The language read and the tag its separators are looked up by ("en", "en-GB"), or `Unsupported`."""
    match = TAG.fullmatch(code)
    if not match or match[1].lower() not in NUMBER_WORDS:
        raise Unsupported(code)
    primary, region = match[1].lower(), (match[2] or "").upper()
    if region and not _known_region(primary, region):
        raise Unsupported(code)
    return primary, f"{primary}-{region}" if region else primary


def _known_region(primary: str, region: str) -> bool:
    """Whether Babel's data has the language in that region (it falls back to a default region, silently,
    for one it does not know: "en-ZZ" would be read as "en-US")."""
    from babel import Locale

    return Locale.parse(f"{primary}-{region}", sep="-").territory == region


def supported() -> str:
    """The languages read, for a hint: "en (English)"."""
    return ", ".join(f"{code} ({NAMES[code]})" for code in SUPPORTED) + ", alone or with a region (en-GB)"
