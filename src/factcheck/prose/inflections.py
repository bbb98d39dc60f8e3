"""Metric words as articles inflect them: "kills", "killing" and "kill" for a catalog term "killed", "death
tolls" for "death toll", "injuring" for "injured".

A catalog lists the words of its desk ("killed", "injured"), and an article writes them in whatever form its
sentence needs: a headline's present tense ("Typhoon kills 10"), a participle ("killing all 176 on board"), a
plural. Two words are one term when the Snowball English stemmer (Porter's rules, as kept by the Snowball
project) gives them the same stem. Only inflection is read so: "deaths" and "dead" are other words than
"killed", and a desk that counts them lists them as terms.

The stemmer is pure Python (about 0.15 ms a word), so it is applied to the catalog's metric terms once, and in
the prose only to words that begin as one of their stems does (a few per sentence), each distinct word once a
run, at most `MAX_STEMMED` distinct words an article.
"""

from __future__ import annotations

from collections.abc import Iterable

PREFIX = 3  # letters a prose word must share with a term's stem to be stemmed: "die" for "died", "dies"
MAX_STEMMED = 2000  # distinct prose words stemmed for one article: a long feature has a few dozen candidates
MAX_CACHED = 50_000  # words remembered across the articles of a run


class Inflections:
    """The term word each inflected prose word stands for, from the words of the catalog's metric terms."""

    def __init__(self, term_words: Iterable[str], known: Iterable[str]):
        import snowballstemmer  # with its thirty languages' stemmers: imported only when an article is read

        self._stemmer = snowballstemmer.stemmer("english")
        self._known = frozenset(known)  # every word of the vocabulary: matched as written, never re-read
        by_stem: dict[str, str] = {}
        for word in sorted(set(term_words)):
            if len(word) >= PREFIX:
                by_stem.setdefault(self._stemmer.stemWord(word), word)  # two terms of one stem: the first
        self._by_stem = by_stem
        self._prefixes = frozenset(stem[:PREFIX] for stem in by_stem)
        self._cache: dict[str, str] = {}

    def reader(self):
        """A function from a (case-folded) prose word to the term word it inflects, or to itself; its budget
        of `MAX_STEMMED` distinct words is one article's."""
        seen: set[str] = set()

        def canonical(word: str) -> str:
            if word in self._known or word[:PREFIX] not in self._prefixes:
                return word
            if word not in seen:  # counted whether cached or not: an article reads the same in any run
                if len(seen) >= MAX_STEMMED:
                    return word
                seen.add(word)
            found = self._cache.get(word)
            if found is not None:
                return found
            found = self._by_stem.get(self._stemmer.stemWord(word), word)
            if len(self._cache) < MAX_CACHED:
                self._cache[word] = found
            return found

        return canonical
