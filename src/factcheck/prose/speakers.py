"""A figure's speaker whom the catalog does not know: "the Rapid Support Forces said 300 were killed",
"according to Médecins Sans Frontières, 300 ...", "... 300 were killed," said Amal Haddad.

A catalog lists the claimants a desk curates; an article may attribute a figure to someone else. Read without
this, the figure has no claimant and is compared with every claimant's claims, so a figure a desk copied
from the wrong source passes as backed. A speaker is a proper name (capitalised words, with "of", "for",
"the", "and" between them) right before a verb of saying, or right after "according to" or an inverted
"said"; pronouns and the generic nouns newsrooms attribute with ("officials said", "Police said") are not
names. A name that holds a catalog phrase (a claimant's alias, a subject: "Haiti reported") is a known one,
and an outlet that relays the figure is not its claimant (`prose.verdicts` leaves the outlets of the claims
aside).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

# Verbs of saying after a speaker ("X said"), and before one in inverted attribution ("said X").
SAYING = frozenset({"said", "says", "told", "stated", "announced", "reported", "confirmed", "added", "estimated",
                    "estimates", "counted", "tallied", "claimed", "claims", "put", "puts", "according"})  # fmt: skip
_INVERTED = frozenset({"said", "says", "added", "wrote"})  # not "told": "told NBC" names the listener
_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "de", "du", "des", "al", "el", "la", "van", "von", "bin"})
# Words that begin a sentence capitalised but name no one: pronouns, determiners, generic attributions.
GENERIC = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "the",
                     "a", "an", "officials", "official", "authorities", "police", "witnesses", "residents",
                     "rescuers", "doctors", "experts", "sources", "analysts", "medics", "survivors", "locals",
                     "volunteers", "investigators", "others", "many", "some", "one", "spokesman", "spokeswoman",
                     "spokesperson", "reports", "media", "data", "figures", "statistics", "estimates", "both",
                     "who", "which", "but", "and", "so", "then", "also", "later", "earlier", "meanwhile",
                     "however", "separately", "tuesday", "monday", "wednesday", "thursday", "friday",
                     "saturday", "sunday"})  # fmt: skip
MAX_NAME_WORDS = 8


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    name: str  # as written, spaces collapsed


_INSIDE = "'’.&-"  # characters a word may hold between its letters: "O'Brien", "U.S.", "Al-Qudra"


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The words of `text` (letters and digits, with apostrophes, dots and hyphens inside them) and their
    offsets. Every other character becomes a space, one for one, and the text is split (a scan in C)."""
    spaced = text.translate({ord(c): " " for c in set(text) if not (c.isalnum() or c in _INSIDE)})
    found = []
    at = offset
    for word in spaced.split(" "):
        stripped = word.strip(_INSIDE)
        if stripped:
            lead = len(word) - len(word.lstrip(_INSIDE))
            found.append((at + lead, at + lead + len(stripped), stripped))
        at += len(word) + 1
    return found


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_after(tokens: list, at: int, prose: str) -> tuple[int, int] | None:
    """The run of capitalised words starting at token `at` (after an optional "the")."""
    if at < len(tokens) and tokens[at][2].lower() == "the":
        at += 1
    end = at
    while end < len(tokens) and end - at < MAX_NAME_WORDS and _capitalised(tokens[end][2]):
        end += 1
        # "of", "for the" between capitalised words: "Office for the Coordination of Humanitarian Affairs"
        inner = end
        while inner < len(tokens) and inner - end < 2 and tokens[inner][2].lower() in _CONNECTORS:
            inner += 1
        if inner > end and inner < len(tokens) and _capitalised(tokens[inner][2]):
            end = inner
        if end < len(tokens) and not _joined(prose, tokens[end - 1][1], tokens[end][0]):
            break
    return (at, end) if end > at else None


def _name_before(tokens: list, at: int, prose: str) -> tuple[int, int] | None:
    """The run of capitalised words ending right before token `at` (the verb), joined to it by a space."""
    start = at
    while start > 0 and at - start < MAX_NAME_WORDS and _joined(prose, tokens[start - 1][1], tokens[start][0]):
        word = tokens[start - 1][2]
        inner = start < at and start >= 2 and _capitalised(tokens[start - 2][2])
        if not (_capitalised(word) or (word.lower() in _CONNECTORS and inner)):
            break
        start -= 1
    while start < at and tokens[start][2].lower() in _CONNECTORS:
        start += 1
    return (start, at) if start < at else None


def _joined(prose: str, end: int, start: int) -> bool:
    """Two words of one name: only a space between them (no comma, quote or bracket)."""
    return prose[end:start] in (" ", "")


def speakers(prose: str, start: int, end: int) -> list[Speaker]:
    """Every name the sentence prose[start:end] gives as a speaker, in order: read once a sentence, so that a
    sentence of many figures costs one pass."""
    tokens = _tokens(prose[start:end], start)
    found: list[tuple[int, int]] = []
    for k, (_, _, word) in enumerate(tokens):
        lowered = word.lower()
        if lowered not in SAYING:
            continue
        if lowered == "according":
            if k + 1 < len(tokens) and tokens[k + 1][2].lower() == "to":
                span = _name_after(tokens, k + 2, prose)
                if span:
                    found.append(span)
            continue
        before = _name_before(tokens, k, prose)
        if before:
            found.append(before)
        elif lowered in _INVERTED:
            after = _name_after(tokens, k + 1, prose)
            if after:
                found.append(after)
    named = []
    for first, last in found:
        words = [w.lower() for _, _, w in tokens[first:last]]
        if words[0] in GENERIC and all(w in GENERIC or w in _CONNECTORS for w in words):
            continue  # "He said", "Officials said", "Police said"
        name_start, name_end = tokens[first][0], tokens[last - 1][1]
        named.append(Speaker(name_start, name_end, " ".join(prose[name_start:name_end].split())))
    return sorted(set(named), key=lambda n: (n.start, n.end))


def speaker(names: list[Speaker], starts: list[int], low: int, high: int, figure: int,
            known: list[tuple[int, int]]) -> Speaker | None:  # fmt: skip
    """Of `names` (a sentence's speakers, `starts` their starts), the one within prose[low:high] nearest the
    figure at `figure` that is no catalog phrase (`known`: their spans) nor a part of one; None when there is
    none. A name that holds a subject's among words of its own ("The Kenya Red Cross") is a speaker."""
    at = bisect.bisect_left(starts, low)
    best = None
    for name in names[at:]:
        if name.end > high:
            break
        if any(s <= name.start and name.end <= e for s, e in known):
            continue  # a claimant or a subject the catalog knows
        distance = abs(figure - name.start)
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None
