"""Who a figure is attributed to: of the claimants the catalog knows, the one the words give as its source.

A newsroom names many organisations in a sentence, and only some of them as the source of a figure. A name
attributes the figures of its own clause whatever its role there ("the ministry's 58", "the police counted
58"); a name in another clause attributes a figure only when the words give it as a source: a verb of
saying after it ("the ministry said"), "according to" or an inverted "said" before it, or a count that is
its own ("the ministry's tally"). The actor of another clause is not ("authorities evacuated 9,000, fearing
a repeat of the 1999 storm that killed 312": the 312 is not the authorities'), nor is a source that follows
in a later clause holding a figure of its own ("40 were hurt, though 65 were hurt according to the
hospital": the hospital's is the 65). A claimant carried from an earlier sentence of the paragraph ("He
added that ...") is the last one named there as a source, not the last one mentioned ("a joint venture of
Vale").
"""

from __future__ import annotations

import itertools

from factcheck.prose.speakers import BETWEEN

# Verbs of saying right after a name that make it the speaker of its clause.
SPEECH_VERBS = frozenset({"said", "says", "told", "stated", "announced", "reported", "confirmed", "added",
                          "estimated", "estimates", "counted", "tallied"})  # fmt: skip
# Verbs of saying right before a name, in inverted attribution ("..., said the ministry", "warned Tamer Ramadan").
_INVERTED = frozenset({"said", "says", "added", "reported", "estimated", "according", "warned", "wrote", "noted",
                       "explained", "stated", "announced", "confirmed"})  # fmt: skip
# A count or document that is the name's own: "the ministry's tally", "Vale's figures", "a university study".
_OWN_COUNT = frozenset({"count", "tally", "toll", "figures", "figure", "data", "estimate", "estimates", "statement",
                        "bulletin", "report", "records", "list", "numbers", "study", "survey", "census",
                        "analysis", "assessment"})  # fmt: skip
_SAYING = frozenset({"quoted", "saying", "cited", "spoke", "speaking", "interview", "briefing", "wrote", "tweeted",
                     "posted", "warned"})  # fmt: skip
_PRONOUNS = frozenset({"he", "she", "they", "it"})
OWN_REACH = 3  # words after a name (and its "'s") that may name its own count
RELAY_REACH = 5  # words before a name that may hold the words of relaying, up to a comma
RELAY_WORDS = ("quoted by", "cited by", "reported by", "relayed by", "told", "in an interview with")
# Words before a name that make it the source another relays: "the ministry said, citing hospital records".
CITING = frozenset({"citing", "quoting"})
APPOSITION = 80  # characters between a name and its verb of saying ("X, quoted by Y, said")
INVERTED_REACH = 8  # words back to a clause mark read for an inverted verb of saying before a name
SOURCE_REACH = 4  # words before a name that may hold "according to" ("according to figures from the ministry")


def _words_before(prose: str, start: int, reach: int) -> list[str]:
    """The words right before `start`, back to the last clause mark, at most `reach` of them, lower case."""
    before = prose[max(0, start - 60) : start].lower()
    for mark in (",", ";", ".", "(", ")", ":", "—", "–"):
        before = before.rsplit(mark, 1)[-1]
    return before.split()[-reach:]


def speaks(prose: str, start: int, end: int) -> bool:
    """The name at `start:end` is the speaker of its clause: a verb of saying right after it ("the ministry
    said"). "According to X" is not read so: it often names the outlet relaying another's figure."""
    after = prose[end : end + 40].lower().split()[:3]
    while len(after) > 1 and after[0] in BETWEEN:  # "the ministry also said", "the agency had said"
        after = after[1:]
    return bool(after and after[0].strip(",.;") in SPEECH_VERBS)


def _verb_follows(prose: str, end: int) -> bool:
    """A verb of saying follows the name ending at `end` before any figure or new clause of its sentence: "The
    police, quoted by Radio Andes, said", "the Center ... in Washington, D.C., estimated", "X was quoted as
    saying"."""
    window = prose[end : end + APPOSITION]
    for stop in (*"!?0123456789\n", ". ", " and ", " but ", " while ", " whereas "):
        at = window.find(stop)
        window = window[:at] if at >= 0 else window
    return any(w.strip(",;:()\"'“”") in SPEECH_VERBS | _SAYING for w in window.lower().split())


def said_end(prose: str, start: int, end: int) -> int:
    """Where a claimant's words end: after the verb of saying that makes it the speaker, else after its name."""
    rest = prose[end : end + 20]
    verb = rest.split()[0].rstrip(",.;") if rest.split() else ""
    if verb.lower() not in SPEECH_VERBS:  # no verb right after it, or "also" between: the name alone
        return end
    return end + rest.index(verb) + len(verb)


def relays(prose: str, start: int) -> bool:
    """The name at `start` stands a few words after words that make it the one relaying a figure: "quoted
    by", "cited by", "reported by", "told", "in an interview with"."""
    words = _words_before(prose, start, RELAY_REACH)  # "quoted by the state broadcaster CCTV"
    return any(f" {phrase} " in f" {' '.join(words)} " for phrase in RELAY_WORDS)


def attributes(prose: str, start: int, end: int) -> bool:
    """The name at `start:end` is given as the source of a figure, so that it may attribute the figures of
    other clauses: it speaks, "according to" or an inverted verb of saying stands before it, or a count of
    its own follows it."""
    if speaks(prose, start, end) or _verb_follows(prose, end):
        return True
    before = _words_before(prose, start, SOURCE_REACH)
    if "according" in before or _inverted(prose, start):
        return True
    after = prose[end : end + 40].lower()
    after = after[2:] if after[:2] in ("'s", "’s") else after
    for word in after.split()[:OWN_REACH]:
        if word.strip(",.;:") in _OWN_COUNT:  # "the council's tally", "a university study"
            return True
        if word[-1:] in ",.;:()":
            break
    return False


def _inverted(prose: str, start: int) -> bool:
    """An inverted verb of saying opens the clause of the name at `start`: "..., said the ministry", "said
    Ines Halloran". After a subject of its own ("the board said police had ...") the name is what it said."""
    words = [w for w in _words_before(prose, start, INVERTED_REACH) if any(c.isalnum() for c in w)]
    return bool(words) and words[0] in _INVERTED and len(words) <= 2


def pronoun_speaks(prose: str, start: int, end: int) -> bool:
    """The sentence prose[start:end] gives a pronoun as its speaker ("He said", "she added"): the one it stands
    for was named before, whatever role the words gave them there."""
    words = [w.strip(",;:.\"'“”").lower() for w in prose[start:end].split()]
    return any(a in _PRONOUNS and b in SPEECH_VERBS for a, b in itertools.pairwise(words))


def kin(spellings: dict[str, list[tuple[str, ...]]]) -> dict[str, frozenset[str]]:
    """For each claimant (its spellings as word sequences, "the" dropped), the claimants one of whose spellings
    holds one of its own, or is held in one: "UN" and "UN human rights office", "the ministry" and "the health
    ministry". An article that names one for the other's figure names a parent, an office or a shorter form of
    it: an editor asks which was meant, and no contradiction is certain. Indexed by the word sequences of each
    spelling, so that a catalog of many claimants costs a lookup per sequence, not a comparison per pair."""
    held_in: dict[tuple[str, ...], set[str]] = {}
    for key, phrases in spellings.items():
        for words in phrases:
            for a in range(len(words)):
                for b in range(a + 1, len(words) + 1):
                    held_in.setdefault(words[a:b], set()).add(key)
    found: dict[str, set[str]] = {key: set() for key in spellings}
    for key, phrases in spellings.items():
        for words in phrases:
            for other in held_in.get(words, ()):
                if other != key:
                    found[key].add(other)
                    found[other].add(key)
    return {key: frozenset(others) for key, others in found.items()}


def cited(prose: str, start: int) -> bool:
    """The name at `start` is the source another name relays: "the ministry said, citing the hospital"."""
    return any(word in CITING for word in _words_before(prose, start, SOURCE_REACH))
