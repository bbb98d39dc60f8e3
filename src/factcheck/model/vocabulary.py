"""The catalog's keys as a vocabulary: a claim's metric, subject and claimant are checked against it, and an
unknown one gets a "did you mean" from the keys, names and aliases (never a silent merge)."""

from __future__ import annotations

import difflib
import re

from factcheck.floor.errors import Problem
from factcheck.model.format import Catalog
from factcheck.model.layout import LAYOUT
from factcheck.rules import schema, unknown_reference

# Unknown values whose "did you mean" is remembered, so that the memory it takes stays bounded.
MAX_GUESSES = 10_000
# Catalog entries that the "did you mean" searches of one file may compare with, each search comparing the
# value with every key and spelling of its kind: past it, a file's further unknown values get no guess. It
# is counted per file, memo or not, so that which values get a guess never depends on the files read before.
MAX_GUESS_WORK = 200_000


class Vocabulary:
    """Catalog keys with "did you mean" hints from names and aliases (never a silent merge)."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.aliases: dict[str, dict[str, str]] = {"metric": {}, "subject": {}, "claimant": {}}
        # A claimant is also guessed from one word of its spellings ("Zelensky"), unless another claimant's
        # spellings hold that word too: then the word names neither, and no hint names the wrong one.
        words: dict[str, str] = {}
        shared: set[str] = set()
        for key, claimant in catalog.claimants.items():
            for spelling in (claimant.name, *claimant.aliases):
                for word in map(_fold, spelling.split()):
                    if words.setdefault(word, key) != key:
                        shared.add(word)
        self.aliases["claimant"] = {word: key for word, key in words.items() if word not in shared}
        for key, claimant in catalog.claimants.items():
            for spelling in (claimant.name, *claimant.aliases):
                self.aliases["claimant"][_fold(spelling)] = key  # one claimant's only (shared_spellings)
        for key, subject in catalog.subjects.items():
            for spelling in (subject.name, *subject.aliases):
                self.aliases["subject"][_fold(spelling)] = key
        # The "did you mean" of each unknown value, found once: a misspelling is usually repeated in every
        # claim that uses it, and each search compares the value with every key and spelling of the catalog.
        self.guesses: dict[tuple[str, str], str | None] = {}
        self.searched: set[tuple[str, str]] = set()  # the unknown values of the file being read
        self.work = 0

    def start_file(self) -> None:
        """Begin the "did you mean" budget of another file."""
        self.searched = set()
        self.work = 0

    def keys(self, kind: str) -> dict:
        return {
            "metric": self.catalog.metrics,
            "subject": self.catalog.subjects,
            "claimant": self.catalog.claimants,
        }[kind]

    def check(self, kind: str, value: str) -> Problem | None:
        keys = self.keys(kind)
        if value in keys:
            return None
        alias = self.aliases[kind].get(_fold(value))
        if alias is not None:
            hint = f"{value!r} is another spelling of `{alias}`: write `{kind}: {alias}`"
            return Problem(unknown_reference.ID, 0, f"unknown {kind} {value!r}", hint)
        if (kind, value) not in self.searched:
            self.searched.add((kind, value))
            self.work += len(keys) + len(self.aliases[kind])
        if self.work > MAX_GUESS_WORK:
            hint = f"check its spelling against the {kind}s in {LAYOUT.catalog}, or add `{value}` there"
            return Problem(unknown_reference.ID, 0, f"unknown {kind} {value!r}", hint)
        if (kind, value) in self.guesses:
            guess = self.guesses[kind, value]
        else:
            close = difflib.get_close_matches(value, list(keys), n=1, cutoff=0.6)
            folded = difflib.get_close_matches(_fold(value), list(self.aliases[kind]), n=1, cutoff=0.75)
            guess = close[0] if close else (self.aliases[kind][folded[0]] if folded else None)
            if len(self.guesses) < MAX_GUESSES:
                self.guesses[kind, value] = guess
        hint = f"did you mean `{guess}`?" if guess else f"add `{value}` to the {kind}s in {LAYOUT.catalog}"
        return Problem(unknown_reference.ID, 0, f"unknown {kind} {value!r}", hint)


def shared_spellings(catalog: Catalog, data: dict) -> list[Problem]:
    """A name or alias that two claimants, or two subjects, both claim (compared as the "did you mean" and
    the articles compare them: case, spaces and punctuation aside): it names neither, so the catalog is
    refused, on the line of the second, naming both entries. `data` is the catalog as read (its lines)."""
    problems = []
    for kind, entries in (("claimant", catalog.claimants), ("subject", catalog.subjects)):
        seen: dict[str, tuple[str, int]] = {}
        for key, entry in entries.items():
            written = data[f"{kind}s"][key]
            aliases = written.get("aliases") or []
            lines = [written.line_of("name"), *(aliases.line_of(i) for i in range(len(entry.aliases)))]
            for spelling, line in zip((entry.name, *entry.aliases), lines, strict=True):
                other, other_line = seen.setdefault(_fold(spelling), (key, line))
                if other != key:
                    problems.append(
                        Problem(
                            schema.ID,
                            line,
                            f"{spelling!r} names both {kind}s {other!r} and {key!r} (line {other_line})",
                            f"give each spelling to one {kind}: remove it from {other!r} or from {key!r}",
                        )
                    )
    return problems


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())
