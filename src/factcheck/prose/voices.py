"""The other sources a figure's sentence gives (`Context.voices`): each is one reading of who gave the figure.

The claimant rules (`prose.context`) choose one name of the sentence, by role and nearness. When that name is
not followed by a verb of saying ("Hamzat disputed Oki's account, saying 21 storeys had been approved": Oki's is
a possessive, Hamzat's is the voice of "saying"), the choice is one reading: the other claimants the sentence
names, and the one a pronoun speaker stands for ('"The estimates suggest 150 plus houses ...," he told the
ABC'), are others. A claim of one of them that states the figure backs it (`prose.verdicts`); the figure is never
compared with theirs otherwise, so a changed figure still contradicts its claim.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from factcheck.prose.attribution import relays, speaks
from factcheck.prose.vocabulary import Occurrence


def other_voices(prose: str, chosen_at: Occurrence | None, near: list[Occurrence],
                 speaks_for_another: Callable[[Occurrence], bool], kin: Mapping[str, frozenset[str]],
                 pronoun_for: Callable[[], str | None]) -> frozenset[str]:  # fmt: skip
    """The claimants other than the one named at `chosen_at` that the names `near` the figure give, or the
    speaker's pronoun stands for (`pronoun_for`, None without one): not a name that `speaks_for_another` figure
    (in another clause with a figure of its own), nor an outlet that relays it, nor a parent or part of the
    chosen one (`Context.kin`). None when the chosen one is the speaker of a verb of saying ("X said")."""
    if chosen_at is None or len(chosen_at.entry.claimants) != 1 or speaks(prose, chosen_at.start, chosen_at.end):
        return frozenset()
    chosen = next(iter(chosen_at.entry.claimants))
    found = {
        next(iter(o.entry.claimants))
        for o in near
        if len(o.entry.claimants) == 1 and not speaks_for_another(o) and not relays(prose, o.start)
    }
    if (spoken := pronoun_for()) is not None:
        found.add(spoken)
    return frozenset(found - {chosen} - kin.get(chosen, frozenset()))
