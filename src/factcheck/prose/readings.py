"""The readings of a figure's metric that its words leave open, and the part of a population it may count.

The nearest metric word decides a figure's metric (`prose.context`); the other metric words of its clause,
and of the clauses after it up to the next figure (the predicate a comma cuts from its subject: "17 soldiers,
an officer among them, were killed"), are other readings of it. An editor reads a figure against all of
them: it contradicts a claim only when no reading fits, and every reading is that claim's metric.

A figure no metric word names has as readings every metric of its unit that a claim of its subject counts,
when the words after it in its clause name nothing but that subject ("Graves County: 21", "two Nigerians");
words the catalog does not know ("39,300 hospital admissions") say it counts something else (`prose.verdicts`).

A figure qualified by a part reads as that part, never as the whole:
- a metric the catalog declares `within` the decided one, named in those words ("twelve civilians were killed
  by armed men": the civilians killed by armed men, a part of the civilians killed);
- the words of a group after it in its clause: "among" or "aged" ("1,012 excess deaths among those aged over
  65"), or a noun of a part of a population ("children", "women", "under-fives"). A metric word within them is
  the figure's metric; without one, the figure counts a part the catalog does not name, and a total it differs
  from is another figure.
A word that names a part only narrows the figure when it is no other figure's noun ("72 people on board including
4 crew members": the crew are the 4) and names no whole the figure's own metric lies within ("four members of the
band were among those who died": the band's dead, among all the dead).
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex

GROUP_OPENERS = frozenset({"among", "amongst", "aged"})
# Nouns of a part of a population: a count of them is no count of all the people a total counts.
GROUP_NOUNS = frozenset({"children", "child", "minors", "infants", "babies", "newborns", "women", "girls", "boys",
                         "elderly", "pensioners", "teenagers", "adolescents", "pupils", "students", "under-fives",
                         "over-65s", "over-70s", "over-80s", "toddlers"})  # fmt: skip
GROUP_REACH = 3  # words after a figure before its group noun: "1,300 young children", "40 of them children"
# Before the predicate of a subject a comma cut from it: "17 soldiers, an officer among them, were killed".
AUXILIARIES = frozenset({"were", "was", "are", "is", "been", "be", "had", "have", "has"})


def group_of(prose: str, end: int, clause_end: int) -> tuple[int, str] | None:
    """Where the words of a group after the figure ending at `end` begin, and the words, up to the end of its
    clause: "among those aged over 65", "children"; None when there are none."""
    at = end
    for count, word in enumerate(prose[end:clause_end].split()):
        at = prose.index(word, at)
        bare = word.strip(",.;:()\"'“”").lower()
        if bare in GROUP_OPENERS:
            return at, " ".join(prose[at:clause_end].split()).rstrip(".,;:")
        if bare in GROUP_NOUNS and count < GROUP_REACH:
            return at, bare
        at += len(word)
    return None


def narrower(found: list[tuple[int, frozenset[str]]], metrics: frozenset[str], within: dict[str, str],
             group: tuple[int, int] | None) -> frozenset[str] | None:  # fmt: skip
    """Of the metric words `found` (their starts and metrics, nearest the figure first) in the words that
    qualify a figure read as `metrics`, the metrics of the nearest that names a part of it: one `within` them,
    or any in the group's words (`group`: where they start and end)."""
    for start, names in found:
        if names & metrics:
            continue  # it names the whole too ("soldiers": killed, or killed or wounded)
        if any(within.get(m) in names for m in metrics):
            continue  # it names the whole the figure is a part of ("four members of the band were among those who died")
        part = frozenset(m for m in names if within.get(m) in metrics)
        if part:
            return part
        if group is not None and group[0] <= start < group[1]:
            return names
    return None


def other_readings(found: list[frozenset[str]], metrics: frozenset[str]) -> frozenset[str]:
    """The metrics the words `found` name that share none with `metrics`: the readings the words leave open."""
    others: set[str] = set()
    for names in found:
        if not names & metrics:
            others |= names
    return frozenset(others)


def predicate(prose: str, start: int) -> bool:
    """The metric word at `start` is the predicate of a subject before it: an auxiliary right before it."""
    before = prose[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in AUXILIARIES


# Nouns of the people a figure counts, whatever happened to them: in a passive ("217 victims were identified")
# the verb says what the figure counts. An event noun ("1,165 deaths were confirmed") is the count itself.
PERSON_NOUNS = frozenset({"victims", "people", "persons", "patients", "passengers", "residents", "bodies"})
_BE = frozenset({"were", "was", "are", "is", "been", "be"})


def passive_predicate(prose: str, end: int, start: int) -> bool:
    """The metric word at `start` is the verb of a passive whose subject is the figure ending at `end` and a
    noun of people: "217 victims were fully identified", "40 bodies have been recovered"."""
    words = prose[end:start].split()
    if not 2 <= len(words) <= 5 or not all(w.isalpha() and w.islower() for w in words):
        return False
    noun, rest = words[0], words[1:]
    if noun not in PERSON_NOUNS or rest[0] not in AUXILIARIES or not _BE & set(rest):
        return False
    others = [w for w in rest if w not in AUXILIARIES]
    return not others or (len(others) == 1 and others[0].endswith("ly"))


def head_noun(prose: str, end: int, start: int) -> bool:
    """The metric word at `start` is the noun right after the figure ending at `end` (an adjective may stand
    between: "72 injured passengers"): it names who the figure counts."""
    return start >= end and len(prose[end:start].split()) <= 1


def has_predicate(clause: str) -> bool:
    """The clause holds an auxiliary, so its own words say what happened ("10 people were killed")."""
    return any(word.lower() in AUXILIARIES for word in clause.split())


def counted(prose: str, start: int) -> bool:
    """The metric word at `start` is the noun of a figure in digits right before it ("13 African countries")."""
    before = prose[max(0, start - 40) : start].split()[-2:]
    return any(any(c.isdigit() for c in word) for word in before)


def counted_after(prose: str, end: int, start: int) -> bool:
    """The metric word at `start` is the noun of another figure in digits after the figure ending at `end`: it
    names what that figure counts ("72 people on board including 4 crew members"), no part of the first."""
    return start > end and counted(prose[end:], start - end)


_CLAUSE_END = compile_regex(r"[,;.:()\n]| and | but | while ")


def names_nothing_else(prose: str, end: int, subject: str | None) -> bool:
    """The words after the figure ending at `end`, up to the end of its clause, are none but its `subject`'s
    as the article writes them: "Graves County: 21", "two Nigerians", "Kenya 32,"."""
    found = _CLAUSE_END.search(prose, end)
    after = " ".join(prose[end : found.start() if found else len(prose)].split()).lower()
    if subject:
        after = after.replace(subject.lower(), " ", 1)
    return not after.split()
