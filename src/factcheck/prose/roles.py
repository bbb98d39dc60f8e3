"""Names of a subject that play another role in their clause than what a figure counts: where people fled
from, who fired, and where the authorities who speak sit.

- An origin: "240,000 children have fled Myanmar's Rakhine state into Bangladesh": the place after a verb of
  flight ("fled", "escaped", "fleeing") or after "from" with a destination after it ("from X into Y") is where
  they came from; the figure counts them where they are.
- An attacker: "when the Russian rockets hit it", "Russian shelling": a demonym before a weapon or an attack
  names who fired, not whom it hit.
- One of a list: "212 points in Sindh, Punjab, Balochistan and Khyber Pakhtunkhwa" is about them all, not the
  first named.
- An opponent: "the soldiers killed in the war with Russia": the name after "with" or "against" a war, a
  fight or clashes is the other side, not whose losses the figure counts.
- The seat of a speaker: "Authorities in northern Myanmar recovered eight bodies": the place of the
  authorities, police or officials who report the figure.

A subject named so is passed over: another name of the sentence, or none, gives the figure's subject.
"""

from __future__ import annotations

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.words import word_after, word_before

_FLIGHT = frozenset({"fled", "flee", "flees", "fleeing", "escaped", "escaping", "left", "leaving", "crossed"})
_DESTINATION = frozenset({"into", "to", "towards", "toward"})
_WEAPONS = frozenset({
    "rocket", "rockets", "missile", "missiles", "shelling", "shells", "shell", "bomb", "bombs", "bombing",
    "bombings", "drone", "drones", "jets", "warplanes", "artillery", "airstrike", "airstrikes", "strike", "strikes",
    "attack", "attacks", "offensive", "invasion", "barrage", "raid", "raids",
})  # fmt: skip
_FIGHTS = frozenset({"war", "wars", "conflict", "fight", "fighting", "battle", "battles", "clashes", "hostilities"})
_SPEAKERS = frozenset({"authorities", "officials", "police", "rescuers", "government", "administration"})
_GAP = " \t\n"
# Between a subject's name and a claimant's: capitalised title words, or a possessive title and a comma.
_TITLE = compile_regex(r"(?: [A-Z][a-z]+\.?){1,3} ")
_APPOSITION = compile_regex(r"['’]s(?: [a-z]+){1,3}, ")
MAX_TITLE = 40


def other_role(prose: str, start: int, end: int) -> bool:
    """Whether the subject's name at prose[start:end] names an origin, an attacker, an opponent or a speaker's
    seat."""
    after, _ = word_after(prose, _past_possessive(prose, end), _GAP, longest=20)
    start = _owner(prose, start)  # "fled Myanmar's Rakhine state": the role of the phrase the owner opens
    before = word_before(prose, start, _GAP, 20)
    if before in _FLIGHT or (before == "from" and word_before(prose, start - 5, _GAP, 20) in _FLIGHT):
        return True
    if before == "from" and _destination_follows(prose, end):
        return True
    if after.lower() in _WEAPONS and prose[start:end][:1].isupper():
        return True
    if _listed(prose, start, end):
        return True
    if before in ("with", "against") and word_before(prose, start - len(before) - 1, _GAP, 20) in _FIGHTS:
        return True
    if before in ("in", "of"):
        ahead = word_before(prose, start - len(before) - 1, _GAP, 20)
        # "Authorities in northern Myanmar": the word before "in" may be a direction or region word itself.
        return ahead in _SPEAKERS
    return False


_NAME = r"[A-Z][^\s,.;:]*(?: [A-Z][^\s,.;:]*)*"
_FIRST = compile_regex(rf"^(?:, {_NAME})+,? and [A-Z]")  # after the first of a list
_MIDDLE_BEFORE = compile_regex(rf"{_NAME}, $")
_MIDDLE_AFTER = compile_regex(rf"^(?:, {_NAME})*,? and [A-Z]")
_LAST = compile_regex(rf"{_NAME}(?:, {_NAME})+,? and $")  # before the last of a list
_LIST_REACH = 120


def _listed(prose: str, start: int, end: int) -> bool:
    """ "212 points in Sindh, Punjab, Balochistan and Khyber Pakhtunkhwa": a name in a list of names counts
    with the others; the figure is about them all, not one of them."""
    before, after = prose[max(0, start - _LIST_REACH) : start], prose[end : end + _LIST_REACH]
    if _FIRST.search(after) or _LAST.search(before):
        return True
    return _MIDDLE_BEFORE.search(before) is not None and _MIDDLE_AFTER.search(after) is not None


def _owner(prose: str, start: int) -> int:
    """Where the noun phrase of a name begins, back past a possessive before it ("Myanmar's Rakhine")."""
    at = start
    while at >= 3 and prose[at - 1] == " " and prose[at - 3 : at - 1] in ("'s", "’s"):
        word_start = at - 3
        while word_start > 0 and prose[word_start - 1].isalpha():
            word_start -= 1
        if word_start == at - 3:
            break
        at = word_start
    return at


def _past_possessive(prose: str, end: int) -> int:
    return end + 2 if prose[end : end + 2] in ("'s", "’s") else end


def _destination_follows(prose: str, end: int) -> bool:
    """ "from X into Y": a word of destination within the next few words."""
    words = prose[end : end + 40].split()[:4]
    return any(w.lower().strip(",.;") in _DESTINATION for w in words)


def describes_claimant(between: str) -> bool:
    """Whether the words between a subject's name and a claimant's make the name describe the claimant:
    "Ukrainian President Volodymyr Zelenskiy" (title words), "Ukraine's foreign minister, Vadym Prystaiko" (an
    apposition)."""
    return len(between) <= MAX_TITLE and bool(_TITLE.fullmatch(between) or _APPOSITION.fullmatch(between))
