"""Outlets that relay a claim, and reports that speak in their own voice.

A desk curates a figure under whoever first stated it, and records the report that carried it (`outlet`) and
the agency or paper it credits (`via`). Newsrooms name either one: "Dawn reported" for the disaster agency's
toll Dawn relayed is the same claim, not another claimant's. And a report that states a figure without naming
a source is the claimant of its own figure; a sentence that names none, after one that quoted someone else,
may be that person still or the report's own voice: only the report's own voice is the claim the desk curated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.model.format import Catalog, Claim
from factcheck.prose.match import normalized


def _name(text: str) -> str:
    lowered = normalized(text).strip()
    return lowered[4:] if lowered.startswith("the ") else lowered


def claimant_names(catalog: Catalog | None) -> dict[str, frozenset[str]]:
    """Each claimant's key, name and aliases, as they are compared with an outlet's name."""
    if catalog is None:
        return {}
    return {key: frozenset(_name(n) for n in (key.replace("-", " "), c.name, *c.aliases) if _name(n))
            for key, c in catalog.claimants.items()}  # fmt: skip


def _carriers(claim: Claim) -> frozenset[str]:
    return frozenset(_name(n) for n in (claim.source.outlet, claim.source.via) if n and _name(n))


def relayed_by(claims: Iterable[Claim], claimant: str, names: Mapping[str, frozenset[str]]) -> list[Claim]:
    """The claims `claimant` published or relayed: its name is their outlet's or the agency they credit."""
    own = names.get(claimant, frozenset())
    return [c for c in claims if own & _carriers(c)]


def own_voice(claims: Iterable[Claim], names: Mapping[str, frozenset[str]]) -> list[Claim]:
    """The claims whose claimant is the report that carried them: figures it states without naming a source."""
    return [c for c in claims if names.get(c.claimant, frozenset()) & _carriers(c)]
