"""A figure counted over a recent period is an increment, not the running total: "119 killed in the last 24
hours", "30 new deaths overnight", "another 12 died in the past day", "three new cases". A desk curates such a figure under a
metric that is not cumulative (`cumulative: false`: "deaths added over the last 24 hours"); read as the
total's metric ("killed"), it would contradict the total. So when the clause states such a period and its
words name only cumulative metrics, the figure is read as the catalog's non-cumulative metrics of its unit whose
terms share a word with those words ("killed" -> "killed in the last 24 hours"). A figure after "to" ("rose to
50 overnight") is the new total, not the increment; and so is a figure after "to" or "at" that follows a change
in its sentence ("jumped by nearly 1,200 to 5,209", "had risen by 88 and now stood at 166", "taking the toll to
38"), even where the nearest metric word is the change's own ("jumped", "risen by"): it is read as the running
count its sentence names.
"""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.floor.safe_regex import compile_regex

_PERIOD = compile_regex(
    r"(?i)\b(?:in|over|during|within|for) (?:the )?(?:last|past|previous|preceding) "
    r"(?:(?:[0-9]+|a|one|two|three|four|five|six|seven|24|48|72) )?(?:hours?|days?|weeks?)\b"
    r"|\bovernight\b|\bin a single day\b|\bin one day\b"
)


# "three new MERS cases", "1,200 additional deaths": the word after the figure makes it an addition.
_NEW = compile_regex(r"(?i)^[0-9a-z,.-]+ (?:new|additional|fresh|further)\b")

# "have more than tripled to 20 in the past week", "rose to 50 overnight": the figure after "to" is the new total.
_NEW_TOTAL = compile_regex(r"(?i)\bto (?:about |around |some |nearly |almost |more than |over |at least )?$")


def increment(prose: str, start: int, at: int, end: int) -> bool:
    """Whether the figure at `at`, in the clause prose[start:end], counts over a recent period."""
    if _NEW_TOTAL.search(prose[max(start, at - 30) : at]):
        return False
    if _NEW.search(prose[at : min(end, at + 40)]):
        return True
    # The period of the figure itself: no other figure stands between them ("crosses 1,000 as 119 killed in
    # the last 24 hours": the period is 119's).
    clause = prose[start:end]  # searched as a slice: RE2 reads the whole string it is given
    for match in _PERIOD.finditer(clause):
        first, last = start + match.start(), start + match.end()
        between = prose[at:first] if first >= at else prose[last:at]
        if not any(c.isdigit() for c in between.lstrip("0123456789,. ")):
            return True
    return False


def increment_of(
    said: set[str], increments: frozenset[str], term_words: Mapping[str, frozenset[str]]
) -> frozenset[str]:
    """Of the metrics that count additions over a period (`increments`, not cumulative), those whose terms hold
    a word `said` by the words that chose the figure's metric ("killed" -> "killed in the last 24 hours")."""
    return frozenset(m for m in increments if term_words[m] & said)


# "jumped by nearly 1,200 to 5,209", "risen by 88 ... and now stood at 166", "taking the toll to 38": a level
# reached by a change, stated right after its "to" or "at".
_LEVEL = compile_regex(
    r"(?i)\b(?:rose|risen|rise|rises|rising|jumped|jumps|climbed|climbs|increased|grew|soared|surged|went up|"
    r"taking|took|takes|bringing|brought|brings|pushing|pushed|stood|stands|standing)\b[^.;!?]{0,60}?"
    r"\b(?:to|at)\s+(?:about |around |some |nearly |almost |more than |over |at least )?$"
)


def level_reached(prose: str, sentence_start: int, at: int) -> bool:
    """Whether the figure at `at` is the level a change in its sentence reached ("rose by 12 to 150")."""
    return _LEVEL.search(prose[max(sentence_start, at - 90) : at]) is not None


# Words that join a count's noun to a number in words that states it: "the death toll to nine", "the toll stood
# at nine", "the toll has risen to eleven", "cholera cases soar past half a million".
_LINKS = frozenset({"to", "at", "of", "has", "have", "had", "now", "rose", "risen", "rises", "climbed", "climbs",
                    "jumped", "jumps", "soar", "soars", "soared", "surged", "reached", "reaches", "hit", "hits",
                    "stood", "stands", "is", "was", "were", "are"})  # fmt: skip


def links(between: str) -> bool:
    """Whether the words `between` a metric word and a number in words after it join them as a count and its
    value: at most three such words."""
    found = between.lower().split()
    return 0 < len(found) <= 3 and all(w in _LINKS for w in found)
