"""The sentences of an article's prose, each with its paragraph.

A paragraph is a block between blank lines (in plain text, each line); a sentence ends at `.`, `!` or `?`
before a capital, a digit or a quotation mark, except after an initial or a common abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "sen", "rep",
                            "gov", "prof", "jr", "sr", "no", "vs", "approx", "ca", "eg", "ie", "cf", "inc", "ltd",
                            "co", "corp", "dept", "est", "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul",
                            "aug", "sep", "sept", "oct", "nov", "dec"})  # fmt: skip
_CLOSERS = "\"”’')]»"
_OPENERS = "\"“‘'([«"
_ENDS = re.compile("[.!?]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def sentences(prose: str, start: int, markdown: bool) -> list[Sentence]:
    """The sentences of the prose from `start`, each with the number of its paragraph."""
    found: list[Sentence] = []
    paragraph = 0
    offset = start
    current = None  # where the sentence being read began
    lines = prose[start:].split("\n")
    for line in lines:
        stripped = line.strip()
        line_end = offset + len(line)
        opens = not stripped or not markdown or stripped[0] in "#>-*+|" or _numbered(stripped)
        if opens and current is not None:
            found.append(Sentence(current, offset - 1 if offset else 0, paragraph))
            current = None
            paragraph += 1
        if stripped:
            if current is None:
                current = offset + (len(line) - len(line.lstrip()))
            for cut in _cuts(prose, offset, line_end):
                if cut > current:
                    found.append(Sentence(current, cut, paragraph))
                current = cut
                while current < line_end and prose[current] in " \t":
                    current += 1
        offset = line_end + 1
    if current is not None and current < len(prose):
        found.append(Sentence(current, len(prose), paragraph))
    return [s for s in found if prose[s.start : s.end].strip()]


def _numbered(line: str) -> bool:
    digits = len(line) - len(line.lstrip("0123456789"))
    return 0 < digits < 10 and line[digits : digits + 1] in (".", ")")


def _cuts(prose: str, start: int, end: int) -> list[int]:
    """Where sentences end within one line: after the punctuation and any closing quotes or brackets."""
    cuts = []
    i = start
    while (found := _ENDS.search(prose, i, end)) is not None:  # the next mark, found in C
        i = found.start()
        char = prose[i]
        j = i + 1
        while j < end and prose[j] in ".!?" + _CLOSERS:
            j += 1
        if j >= end:  # the punctuation ends the line
            cuts.append(j)
        elif prose[j] == " ":
            k = j
            while k < end and prose[k] == " ":
                k += 1
            following = prose[k] if k < end else ""
            starts = following and (following.isupper() or following.isdigit() or following in _OPENERS)
            if starts and (char != "." or not _abbreviation(prose, start, i)):
                cuts.append(j)
        i = j
    return cuts


def _abbreviation(prose: str, line_start: int, dot: int) -> bool:
    """The dot at `dot` ends an initial ("D.C.", "J. Smith") or a common abbreviation ("Dr.")."""
    j = dot
    while j > line_start and prose[j - 1].isalpha():
        j -= 1
    word = prose[j:dot]
    return len(word) == 1 or word.lower() in _ABBREVIATIONS
