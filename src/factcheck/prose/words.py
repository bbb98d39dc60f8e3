"""The word standing right before a place in the prose: what the date, number-word and unit readers each
look at beside a figure. Each reader says what may stand between (its `gap` characters) and how long a word
it reads, so that one loop serves them all."""

from __future__ import annotations


def word_before(prose: str, at: int, gap: str, longest: int | None = None) -> str:
    """The letters ending right before `at`, past any run of `gap` characters, lowered; at most `longest`."""
    end = at
    while end > 0 and prose[end - 1] in gap:
        end -= 1
    start = end
    while start > 0 and (longest is None or end - start < longest) and prose[start - 1].isalpha():
        start -= 1
    return prose[start:end].lower()
