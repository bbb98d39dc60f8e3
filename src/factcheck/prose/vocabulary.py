"""The catalog's vocabulary as articles use it: every metric term, subject name and alias, and claimant name and
alias, as a sequence of words, matched in prose leftmost-longest and case-insensitively, inflections read as
the term ("kills" for "killed", `prose.inflections`). Each occurrence says what its phrase names; the context of
a figure (`prose.context`) is read from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model.format import Catalog
from factcheck.prose.attribution import kin
from factcheck.prose.inflections import Inflections
from factcheck.prose.quantities import canonical
from factcheck.prose.units import metric_words

# Words of a catalog phrase matched in prose: a metric's or a subject's has at most 8 (model.format), an
# organisation's name more ("Office of the UN High Commissioner for Human Rights"); longer ones are hints only.
MAX_PHRASE_WORDS = 12
# Nouns that mean a count of what the word before them names ("death toll", "casualty tally").
_COUNT_NOUNS = frozenset({"toll", "tally"})
# One count's words that inflection does not join ("died" stems to "die", "deaths" to "death"): a catalog that
# lists one of them alone for a metric names the others too, unless it lists them itself.
_DEATH_WORDS = frozenset({"died", "dead", "deaths", "killed"})


@dataclass(frozen=True)
class Entry:
    """What one phrase of the catalog names."""

    metrics: frozenset[str] = frozenset()
    subject: str | None = None
    claimants: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    entry: Entry


def words(text: str) -> list[tuple[int, int, str]]:
    """The words of `text` (runs of letters), each with its offsets, case-folded. Every other character
    becomes a space, one for one, so that a split keeps the offsets (a scan in C, not a loop per character)."""
    spaced = text.translate({ord(c): " " for c in set(text) if not c.isalnum()})
    found = []
    at = 0
    for word in spaced.split(" "):
        if word:
            found.append((at, at + len(word), word.casefold()))
        at += len(word) + 1
    return found


class Vocabulary:
    """The catalog's phrases as word sequences, for leftmost-longest matching in prose."""

    def __init__(self, catalog: Catalog):
        found: dict[tuple[str, ...], dict] = {}

        def add(phrase: str, kind: str, key: str) -> None:
            key_words = tuple(word for _, _, word in words(phrase))
            if not key_words or len(key_words) > MAX_PHRASE_WORDS:
                return
            slot = found.setdefault(key_words, {"metrics": set(), "subject": set(), "claimants": set()})
            slot[kind].add(key)

        for key, metric in catalog.metrics.items():
            for term in metric.terms:
                add(term, "metrics", key)
        for key, subject in catalog.subjects.items():
            for spelling in (subject.name, *subject.aliases):
                add(spelling, "subject", key)
        for key, claimant in catalog.claimants.items():
            for spelling in (claimant.name, *claimant.aliases):
                add(spelling, "claimants", key)
        # A count named by its kind ("death toll") is named by its head noun alone once the story has told it:
        # "the toll rose to 38", "the stampede toll has passed 125". Only nouns that mean a count do so, and
        # a phrase the catalog spells so itself keeps only what the catalog says it names.
        declared = set(found)
        for key, metric in catalog.metrics.items():
            for term in metric.terms:
                term_words = [w for _, _, w in words(term)]
                if len(term_words) == 2 and term_words[1] in _COUNT_NOUNS and (term_words[1],) not in declared:
                    add(term_words[1], "metrics", key)
        # "died" for the desk's "dead" or "deaths": the words of one count, which the stemmer keeps apart; only
        # where one metric alone lists any of them
        dying = {next(iter(found[(w,)]["metrics"])) for w in _DEATH_WORDS
                 if (w,) in found and len(found[(w,)]["metrics"]) == 1 and not found[(w,)]["subject"]
                 and not found[(w,)]["claimants"]}  # fmt: skip
        if len(dying) == 1 and all(not found.get((w,), {}).get("metrics") or found[(w,)]["metrics"] == dying
                                   for w in _DEATH_WORDS):  # fmt: skip
            for word in _DEATH_WORDS:
                add(word, "metrics", next(iter(dying)))
        self.phrases = {
            phrase: Entry(frozenset(slot["metrics"]), min(slot["subject"]) if len(slot["subject"]) == 1 else None,
                          frozenset(slot["claimants"]))
            for phrase, slot in found.items()
        }  # fmt: skip
        self.prefixes = frozenset(p[:n] for p in self.phrases for n in range(1, len(p) + 1))
        spellings = {key: [tuple(w for _, _, w in words(s) if w != "the") for s in (c.name, *c.aliases)]
                     for key, c in catalog.claimants.items()}  # fmt: skip
        self.within = {key: metric.within for key, metric in catalog.metrics.items() if metric.within}
        inside: dict[str, set[str]] = {}
        for key in catalog.subjects:
            for whole in catalog.wholes(key):
                inside.setdefault(whole, set()).add(key)
        self.inside = {whole: frozenset(parts) for whole, parts in inside.items()}
        self.kin = kin({key: [p for p in phrases if p] for key, phrases in spellings.items()})
        term_words = {w for key, metric in catalog.metrics.items() for t in metric.terms for _, _, w in words(t)}
        self.inflections = Inflections(term_words, {w for phrase in self.phrases for w in phrase})
        by_unit: dict[str | None, set[str]] = {}
        for key, metric in catalog.metrics.items():
            by_unit.setdefault(canonical(metric.unit), set()).add(key)
        # The metrics of each unit a figure can have; None holds the counts ("people", "houses").
        self.by_unit = {unit: frozenset(keys) for unit, keys in by_unit.items()}
        self.running = frozenset(key for key, metric in catalog.metrics.items() if metric.cumulative)
        self.term_words, self.units = metric_words(catalog, words)

    def occurrences(self, prose: str) -> list[Occurrence]:
        """Every catalog phrase in `prose`, leftmost-longest, none overlapping. Each word is looked at once
        per phrase that could start with the words before it, so the cost is linear in the prose."""
        canonical = self.inflections.reader()  # "kills" is read as the term "killed"
        tokens = [(start, end, canonical(word)) for start, end, word in words(prose)]
        found = []
        prefixes, phrases = self.prefixes, self.phrases
        i = 0
        while i < len(tokens):
            best = None
            key: tuple[str, ...] = ()
            for j in range(i, min(i + MAX_PHRASE_WORDS, len(tokens))):
                if j > i and not _adjacent(prose, tokens[j - 1][1], tokens[j][0]):
                    break
                key += (tokens[j][2],)
                if key not in prefixes:
                    break
                entry = phrases.get(key)
                if entry is not None:
                    best = (j, entry)
            if best is None:
                i += 1
                continue
            j, entry = best
            found.append(Occurrence(tokens[i][0], tokens[j][1], entry))
            i = j + 1
        return found


def _adjacent(prose: str, end: int, start: int) -> bool:
    """Two words of one phrase: only a space, a hyphen, an apostrophe or a dot between them ("U.S.")."""
    if start - end > 3:
        return False
    gap = prose[end:start]
    return all(c in " \t\n-'’." for c in gap) and gap.count("\n") <= 1
