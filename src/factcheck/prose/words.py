"""The word standing right before or right after a place in the prose: what the date, number-word and unit
readers each look at beside a figure. Each reader says what may stand between (its `gap` characters, and how
many of them), how long a word it reads and what counts as a letter, so that one loop serves them all."""

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


def word_after(prose: str, at: int, gap: str, gaps: int | None = None, longest: int | None = None,
               letters: str = "") -> tuple[str, int]:  # fmt: skip
    """The word starting right after `at`, past a run of `gap` characters (at most `gaps` of them), as written
    (letters, and the characters of `letters`; at most `longest`), and where it ends."""
    start = at
    while start < len(prose) and prose[start] in gap and (gaps is None or start - at < gaps):
        start += 1
    end = start
    while (
        end < len(prose)
        and (longest is None or end - start < longest)
        and (prose[end].isalpha() or prose[end] in letters)
    ):
        end += 1
    return prose[start:end], end


def plural_noun(word: str) -> bool:
    """A lowercase plural noun ("countries", "villages"), as English forms most: not a function word."""
    return word.isalpha() and word.islower() and word.endswith("s") and not word.endswith("ss") and len(word) > 3
