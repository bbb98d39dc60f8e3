"""When a contradiction is certain: a figure blocks publication only when the tool is sure of what it compares.

A figure that fits no claim is compared with the closest one. That contradiction is critical
(`article-contradicts`) only when every part of the figure's reading comes from its own words (`Cue.source`):
its metric, subject, claimant and date each read from the figure's own clause, or from a clause of its sentence
that holds no figure of its own and so can speak of no other ("20 people died, police said"; "On Friday, 20
people died"); none of them chosen by nearness among other names of the same kind its sentence gives
(`Cue.rivals`). A part the words do not name chose nothing: the figure was compared with the claims of every
subject, claimant or date it leaves open, and fits none of them. A bound figure, or one whose paragraph repeats
its claim's quote, is tied explicitly.

Otherwise a reading was taken from another figure's clause or an earlier sentence, or guessed among several,
and a misreading is as likely as a wrong figure: the figure is ambiguous (a warning), and its finding names the
closest claim, what differs from it, and where each uncertain reading came from (`doubts`), so that a changed
figure still stands out.

Two more readings make a contradiction a warning (`prose.verdicts`): the report's own figure, as written, given to
a speaker its sentence names (only the claimant differs: the speaker may be where the report had it); and a figure
whose metric no word of its own clause names, far from every claim of it ("One of those killed was Jane Doe, 15":
an age is as likely as a wrong toll).
"""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.report.findings import Context

_WHERE = {"figure": "the clause of another figure", "paragraph": "an earlier sentence"}
CERTAIN = frozenset({"clause", "sentence"})  # the figure's own words: its clause, and clauses of no other figure


def source(start: int, end: int, clause: tuple[int, int], carried: bool, own_figure: bool) -> str:
    """Where words at `start:end` stand from the figure whose clause is `clause` (`Cue.source`): carried from
    an earlier sentence, in its clause, in the clause of another figure (`own_figure`), or elsewhere in its
    sentence."""
    if carried:
        return "paragraph"
    if clause[0] <= start and end <= clause[1]:
        return "clause"
    return "figure" if own_figure else "sentence"


def rivals(named: list[str], chosen: str, inside: Mapping[str, frozenset[str]]) -> int:
    """How many other subjects than `chosen` are `named` as near it, nearness choosing among them: a place
    that lies within another (Kharkiv in Ukraine) is no rival of it."""
    return len(
        {s for s in named if s != chosen and s not in inside.get(chosen, ()) and chosen not in inside.get(s, ())}
    )


def doubts(context: Context) -> tuple[str, ...]:
    """Why the reading of a figure is not certain, one phrase each; () when it is."""
    found = []
    metric = next((cue for cue in context.cues if cue.part == "metric"), None)
    for cue in context.cues:
        if cue.part == "metric" and cue is not metric:
            continue  # the words that narrowed the nearest one decide nothing alone
        if cue.source not in CERTAIN:
            found.append(f"its {cue.part} “{cue.words}” stands in {_WHERE[cue.source]} (line {cue.line})")
        elif cue.rivals:
            found.append(f"its {cue.part} “{cue.words}” is the nearest of {cue.rivals + 1} its sentence names")
    return tuple(found)
