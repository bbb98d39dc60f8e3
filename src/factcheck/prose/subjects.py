"""A number in words that is the head of its sentence's subject, and the predicate that says what it counts:
"Sixty people, most of them pilgrims, drowned", "Nine others were hurt", "four members of the Okafor family
died". The metric word is the subject's verb, past the noun the number counts, an "of" phrase after it and an
aside set off by commas: further than the few words `prose.context` allows a number in words otherwise.

Only a noun of people opens such a subject (or the unit a metric of the catalog counts): "four countries at risk"
counts countries, and "two trains carrying 300 people were hit" is no count of people.
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex

SUBJECT_REACH = 120  # characters from a number in words to its subject's verb

# Nouns of people a number in words counts as the subject of its clause: "Eleven others were injured".
PEOPLE = frozenset({"people", "persons", "others", "members", "men", "women", "children", "residents",
                    "victims", "passengers", "workers", "miners", "patients", "villagers"})  # fmt: skip
# From the figure's end to the predicate: the noun, an "of" phrase ("of the Okafor family"), an aside
# (", many of them children,"), then auxiliaries and adverbs before the verb.
_SUBJECT = compile_regex(
    r" (?P<noun>[a-z]+)(?: of (?:the|a|an|his|her|their|its) [A-Za-z' -]{1,40})?(?:, [^,.;:()]{1,60},)?"
    r" (?:(?:were|was|had|have|has|been|are|is|later|also|all|then) )*"
)


def predicate_of_subject(prose: str, end: int, verb_start: int, units: frozenset[str]) -> bool:
    """Whether the words between a number in words ending at `end` and a metric word at `verb_start` are the
    rest of the subject it heads (its noun of people) and the auxiliaries of its predicate."""
    if not 0 < verb_start - end <= SUBJECT_REACH:
        return False
    match = _SUBJECT.fullmatch(prose[end:verb_start])
    return match is not None and (match.group("noun") in PEOPLE or match.group("noun") in units)
