"""What a reader sees of an article's prose, with a map back to the file.

A figure can be written so that a reader sees "64,000" while the characters are not the ASCII digits a scan
reads: fullwidth or Arabic-Indic digits, a zero-width space or a soft hyphen inside it, HTML character
references (`&#54;&#52;,000`, `&nbsp;`), or an empty HTML comment between its groups. CMS exports produce
several of these by accident, and a pull request can write them on purpose to slip a wrong figure past the
check. The reading text is the prose as shown: invisible format characters dropped, every decimal digit
(Unicode category Nd) as its ASCII digit, compatibility forms of punctuation and spaces as NFKC reads them,
character references decoded by the standard library's `html.unescape`, and markup that sits inside a number
dropped rather than blanked. `origin` maps each of its characters back to the file, so that every finding
still points at the character the author wrote.

A figure that still cannot be read with confidence (digits of two scripts in one number; a run of
superscript or other number-form digits, which no scan reads as a figure) is reported, never left silent.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from array import array
from dataclasses import dataclass, field

# Reference names run to 31 characters (`&CounterClockwiseContourIntegral;`); code points to 7 digits.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
# Separators a reader of Arabic script sees as the comma and the point; NFKC leaves them as they are.
_ARABIC = {"\u066c": ",", "\u066b": "."}
# Spaces the figure scan reads as they are (thousands separators it knows): kept, not made plain spaces.
_KEPT_SPACES = frozenset("\u00a0\u202f\u2009")
ASCII_ZERO = 0x30


def _nfkc_form(char: str) -> bool:
    """Compatibility forms a reader sees as plain ones: fullwidth and small forms, and every other space."""
    code = ord(char)
    return (
        0xFF00 <= code <= 0xFFEF
        or 0xFE50 <= code <= 0xFE6F
        or (unicodedata.category(char) == "Zs" and char not in _KEPT_SPACES and char != " ")
    )


@functools.lru_cache(maxsize=4096)
def shown_as(char: str) -> str | None:
    """What a reader sees for `char` when it is not `char` itself ("" when invisible), else None."""
    if char.isascii():
        return None
    category = unicodedata.category(char)
    if category == "Cf":  # zero-width spaces and joiners, soft hyphens, word joiners, bidi marks, BOM
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(char))
    if char in _ARABIC:
        return _ARABIC[char]
    if _nfkc_form(char):
        return unicodedata.normalize("NFKC", char)
    return None


def _zero(char: str) -> int:
    """The code point of the zero of `char`'s digits (its script's digits are consecutive)."""
    return ord(char) - unicodedata.decimal(char)


@dataclass
class Reading:
    """The prose as a reader sees it. `origin[i]` is the file offset of its character `i` (one more entry, the
    file's length, past the end); None when the reading is the prose itself."""

    text: str
    length: int  # of the file
    origin: array | None = None
    zeros: dict[int, int] = field(default_factory=dict)  # a non-ASCII digit's offset: its script's zero

    def to_file(self, offset: int) -> int:
        return offset if self.origin is None else self.origin[offset]

    def from_file(self, offset: int) -> int:
        """The reading offset of the first character at or after file offset `offset`."""
        return offset if self.origin is None else bisect.bisect_left(self.origin, offset)


def read(prose: str, drops: list[tuple[int, int]] = ()) -> Reading:
    """The reading of `prose` (the file with what is not prose blanked), without the spans in `drops`."""
    changed = {c for c in set(prose) if shown_as(c) is not None}
    combining = {c for c in set(prose) if not c.isascii() and unicodedata.category(c).startswith("M")}
    if not changed and not combining and not drops and "&" not in prose:
        return Reading(prose, len(prose))
    parts: list[str] = []
    origin = array("q")
    zeros: dict[int, int] = {}
    size = 0

    def emit(text: str, at: int, width: int) -> None:
        # The characters of `text` stand for file[at : at + width]: a decoded reference maps to its start,
        # but the tail it shares with what was written (a legacy name without `;`) maps character by character.
        nonlocal size
        same = 0
        written = prose[at : at + width]
        while same < min(len(text), width) and text[-1 - same] == written[-1 - same]:
            same += 1
        for i, char in enumerate(text):
            offset = at + width - len(text) + i if i >= len(text) - same else at
            if not char.isascii() and unicodedata.category(char) == "Nd":
                zeros[size + i] = _zero(char)
                char = str(unicodedata.decimal(char))
            elif (seen := shown_as(char)) is not None:
                char = seen
                if not char:
                    continue
            parts.append(char)
            origin.append(offset)
            size += 1
        # a character dropped here still occupies the file: nothing more to map

    special = "".join(sorted(changed | combining))
    pattern = _REFERENCE.pattern + (("|[" + re.escape(special) + "]") if special else "")
    finder = re.compile(pattern)
    drops = sorted(drops)
    cursor = 0
    for start, end in [*drops, (len(prose), len(prose))]:
        for match in finder.finditer(prose, cursor, start):
            plain = prose[cursor : match.start()]
            parts.append(plain)
            origin.extend(range(cursor, match.start()))
            size += len(plain)
            token = match.group()
            if token.startswith("&"):
                emit(html.unescape(token), match.start(), len(token))
            elif token in combining:
                # A mark on a digit or its separator shows them: read them; elsewhere it is part of a word.
                if not _after_number(parts):
                    parts.append(token)
                    origin.append(match.start())
                    size += 1
            else:
                emit(token, match.start(), 1)
            cursor = match.end()
        plain = prose[cursor:start]
        parts.append(plain)
        origin.extend(range(cursor, start))
        size += len(plain)
        # A dropped span keeps its line feeds: lines and paragraphs stay where the file has them.
        for at in range(start, end):
            if prose[at] == "\n":
                parts.append("\n")
                origin.append(at)
                size += 1
        cursor = max(cursor, end)
    origin.append(len(prose))
    return Reading("".join(parts), len(prose), origin, zeros)


def _after_number(parts: list[str]) -> bool:
    for part in reversed(parts):
        if part:
            return part[-1].isdigit() or part[-1] in ",.\u00a0\u202f\u2009"
    return False


def mixed_scripts(reading: Reading, start: int, end: int) -> bool:
    """True when the number at reading[start:end] is written in the digits of more than one script."""
    if not reading.zeros:
        return False
    scripts = {reading.zeros.get(i, ASCII_ZERO) for i in range(start, end) if "0" <= reading.text[i] <= "9"}
    return len(scripts) > 1


# Digits a reader sees as a number but that no figure scan reads: superscripts, subscripts, circled and other
# number forms (Unicode: a digit value, but not a decimal digit).
@functools.lru_cache(maxsize=4096)
def _number_form(char: str) -> bool:
    return not char.isascii() and unicodedata.digit(char, None) is not None and unicodedata.decimal(char, None) is None


def number_forms(reading: Reading, start: int) -> list[tuple[int, int]]:
    """Runs of two or more number-form digits (with separators between) that stand alone, after a space, not
    after a word, a number or a full stop as a footnote mark does: each as its reading span."""
    text = reading.text
    forms = {c for c in set(text[start:]) if _number_form(c)}
    if not forms:
        return []
    runs = []
    run = re.compile("[" + re.escape("".join(sorted(forms))) + "](?:[,.\u00a0\u202f\u2009 ]?[" + re.escape(
        "".join(sorted(forms))) + "])+")  # fmt: skip
    for match in run.finditer(text, start):
        before = text[match.start() - 1] if match.start() else " "
        if before.isspace() or before in "([\"“‘'~$€£":
            runs.append((match.start(), match.end()))
    return runs
