"""A clause of time inside a toll's subject: "The number of people killed after gunmen from the group stormed
the campus has risen to 147". The figure counts what the subject names ("people killed"); the clause between
the subject and its verb ("after gunmen ... stormed the campus") tells when, and its words (the attackers, the
group that sent them) are actors of that clause: they name neither the figure's metric nor its source.
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex

# The subject: a count of something, or a toll.
_SUBJECT = compile_regex(r"(?i)^\s*the (?:total )?(?:number of|(?:death |casualty )?toll\b|count of)")
# The predicate right before the figure: "has risen to", "stands at", "is now", with its qualifier.
_PREDICATE = compile_regex(
    r"(?i)\s(?:has |have |had )?(?:now )?(?:risen|rose|climbed|jumped|grown|grew|reached|stands|stood|is|was)"
    r"(?: now)?(?: to| at)?\s(?:(?:about|around|some|nearly|almost|at least|more than|over|roughly) )?$"
)
_OPENS = compile_regex(r"(?i)\b(?:after|when|as|since|following|during)\b")


def embedded_clause(prose: str, clause_start: int, start: int) -> tuple[int, int] | None:
    """Where the clause of time between a toll's subject and its verb stands, for the figure at `start` whose
    clause starts at `clause_start`; None when the figure is not such a subject's complement."""
    head = prose[clause_start:start]
    subject = _SUBJECT.search(head)
    predicate = _PREDICATE.search(head)
    if subject is None or predicate is None or predicate.start() <= subject.end():
        return None
    opens = _OPENS.search(head[subject.end() : predicate.start()])
    if opens is None:
        return None
    return clause_start + subject.end() + opens.start(), clause_start + predicate.start()
