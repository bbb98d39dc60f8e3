"""The language an article is written in (`lang` in its front matter, `en` without it): how its figures are read.

A language sets the separators of its digits ("2.3 million" in English, "2,3 Millionen" in German), from
Babel's locale data (`prose.figures.separators`), and the reader of its number words ("seven", "two dozen":
`prose.numberwords`). English is the one language read now: a second one is its number words here, and its
separators come with Babel. Date phrases and the qualifier words ("more than", "about") are English too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck.prose.figures import Numeral, Separators, separators
from factcheck.prose.numberwords import find_number_words

DEFAULT = "en"
# The number words of each language read: (prose, start, limit) -> numerals.
NUMBER_WORDS: dict[str, Callable[[str, int, int | None], list[Numeral]]] = {"en": find_number_words}
SUPPORTED = tuple(NUMBER_WORDS)
NAMES = {"en": "English"}


@dataclass(frozen=True)
class Language:
    code: str
    separators: Separators
    number_words: Callable[[str, int, int | None], list[Numeral]]


class Unsupported(ValueError):
    """A `lang` that factcheck cannot read articles in."""


def language(code: str = DEFAULT) -> Language:
    """The language `code` (`Unsupported` when factcheck does not read it)."""
    if code not in NUMBER_WORDS:
        raise Unsupported(code)
    return Language(code, separators(code), NUMBER_WORDS[code])


def supported() -> str:
    """The languages read, for a hint: "en (English)"."""
    return ", ".join(f"{code} ({NAMES[code]})" for code in SUPPORTED)
