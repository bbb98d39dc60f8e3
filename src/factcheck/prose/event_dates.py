"""Whether a date phrase beside a figure dates the event the figure counts, or the count itself.

Newsrooms date what happened and, apart, when a toll was given: "the landslide on July 14 killed at least 15",
"more than 40 people died on Friday", "Friday's attacks", "the earthquake that hit on Friday has risen to
2,862" date the event; "the toll reached 1,033 on Sunday", "the ministry said on Monday", "as of Tuesday" date
the count. A cumulative count of an event is reported on the event's day or later, and a desk dates its claim
by the report (`as_of`) and its dataset by the event (`origin`): a date phrase of the event is compared with
both (`prose.verdicts`). A phrase is read as the event's when:

- it is possessive ("Friday's attacks", "Monday's collapse", "Friday evening's attack"): a label of the event;
- an event noun stands right before it, or opens the relative clause it ends ("the accident on Friday night",
  "the earthquake that hit the Atlas on Friday");
- a verb of what happened stands right before it, or before a place it happened in: the dying or the crash
  itself ("died on Friday", "were killed and 87 wounded on Friday", "crashed on Wednesday", "were killed in and
  around the capital on Monday"), or what was done to those it counts ("three people arrested on Friday",
  "bodies recovered on Thursday").

A phrase that dates the count wins over these: "as of", "by", or a verb of saying or of a toll changing
("said on Sunday", "rose to 50 on Sunday") in the words before it.
"""

from __future__ import annotations

from factcheck.report.findings import DatePhrase

# What happened: disasters, attacks and accidents as news copy names them.
EVENT_NOUNS = frozenset({
    "accident", "attack", "attacks", "avalanche", "blast", "blasts", "blaze", "bombing", "bombings", "collapse",
    "collision", "crash", "cyclone", "derailment", "disaster", "earthquake", "eruption", "explosion",
    "explosions", "fire", "fires", "flood", "flooding", "floods", "hurricane", "incident", "landslide",
    "landslides", "massacre", "mudslide", "quake", "raid", "raids", "shooting", "shootings", "sinking",
    "stampede", "storm", "strike", "strikes", "tornado", "tragedy", "tremor", "tsunami", "typhoon", "wildfire",
})  # fmt: skip
# Verbs of the event itself, whose day is the event's: the dying, the hurting, the striking.
EVENT_VERBS = frozenset({
    "died", "killed", "injured", "wounded", "hurt", "crashed", "struck", "hit", "collapsed", "capsized",
    "erupted", "exploded", "derailed", "sank", "occurred", "happened", "began", "started", "burned", "fell",
    "went", "broke", "opened", "attacked", "landed", "swept", "slid", "engulfed", "buried",
})  # fmt: skip
# Words of a count's own date: "as of", "by" and the verbs of saying or of a toll changing before a date.
COUNT_WORDS = frozenset({
    "as", "by", "said", "says", "told", "announced", "reported", "confirmed", "added", "stated", "updated",
    "rose", "risen", "climbed", "reached", "stood", "jumped", "increased", "surpassed", "crossed", "topped",
    "counted", "tallied", "recorded", "registered", "toll", "tally", "released", "published", "issued", "posted",
    "tweeted", "estimated", "noted", "briefed",
})  # fmt: skip
# Words that may stand between an event word and its date: "on", "early", "late", a time of day.
_BETWEEN = frozenset({"on", "in", "at", "early", "late", "last", "this", "the", "night", "morning", "afternoon",
                      "evening", "of"})  # fmt: skip
_PLACES = frozenset({"in", "near", "around", "across", "outside", "off"})  # opening a place: "killed in X on Friday"
PLACE_WORDS = 6  # words of the place phrase between the event's verb and its day ("in and around Freetown")
_TIMES = ("night", "morning", "afternoon", "evening")  # of a day, in a possessive: "Friday evening's attack"
_RELATIVE = frozenset({"that", "which"})
_CLAUSE_ENDS = '.;:!?()—–\n"“”,'
REACH = 120  # characters read back from a date phrase, within its clause
RELATIVE_WORDS = 10  # words a relative clause may hold between its event noun and the date ("that hit ... on")


def dates_an_event(prose: str, phrase: DatePhrase) -> bool:
    """Whether `phrase` dates the event a figure beside it counts rather than the count."""
    after = prose[phrase.end : phrase.end + 12]  # "Friday's attacks", "Friday evening's attack"
    if after[:2] in ("'s", "’s") or any(after.startswith(f" {time}{mark}s") for time in _TIMES for mark in "'’"):
        return True
    words, near = _before_and_near(prose, phrase)
    if words is None:
        return False
    if near and (near[-1] in EVENT_NOUNS or _happened(near[-1])):
        return True
    # "killed in and around Freetown on Monday": a place between what happened and its day.
    for at in range(len(near) - 2, max(-1, len(near) - PLACE_WORDS - 2), -1):
        if near[at + 1] in _PLACES and (near[at] in EVENT_NOUNS or _happened(near[at])):
            return True
    # "the earthquake that hit numerous provinces on Friday": the relative clause of an event noun.
    for at in range(len(words) - 1, max(-1, len(words) - RELATIVE_WORDS - 2), -1):
        if words[at] in _RELATIVE and at and words[at - 1] in EVENT_NOUNS:
            return at + 1 < len(words) and _happened(words[at + 1])
    return False


def names_the_event(prose: str, phrase: DatePhrase) -> bool:
    """Whether `phrase` is attached to an event noun, so that it may date the event rather than the count: "the
    blast on Saturday", "Saturday's quakes", "the earthquakes that shook the west on Saturday"; not when the
    words right before it date the count ("said on Sunday")."""
    after = prose[phrase.end : phrase.end + 40].lower().split()
    if after and after[0].endswith(("'s", "’s")) and (len(after[0]) == 2 or after[0][:-2] in _TIMES):
        # "Saturday's quakes", "Friday evening's attack"
        noun = after[1] if len(after) > 1 else ""
        return _event_noun(noun.strip(".,;:"))
    words, near = _before_and_near(prose, phrase)
    if words is None:
        return False
    if near and _event_noun(near[-1]):
        return True
    for at in range(len(words) - 1, max(-1, len(words) - RELATIVE_WORDS - 2), -1):
        if words[at] in _RELATIVE and at and _event_noun(words[at - 1]):
            return True
    return False


def _event_noun(word: str) -> bool:
    """One of `EVENT_NOUNS`, or its plural ("quakes", "tornadoes")."""
    return word in EVENT_NOUNS or word.removesuffix("s") in EVENT_NOUNS or word.removesuffix("es") in EVENT_NOUNS


def _before_and_near(prose: str, phrase: DatePhrase) -> tuple[list[str] | None, list[str]]:
    """The words of its clause before `phrase` (`_before`), and the same without the words that may stand
    between a noun and its date ("in", "on", ...); (None, []) when a word of the count stands right before it
    ("said on Sunday"): the phrase dates the count."""
    words = _before(prose, phrase)
    if any(w in COUNT_WORDS for w in words[-4:]):
        return None, []
    near = list(words)
    while near and near[-1] in _BETWEEN:
        near.pop()
    return words, near


def _before(prose: str, phrase: DatePhrase) -> list[str]:
    """The words of its clause before `phrase`, lowercased, up to `REACH` characters back."""
    low = max(0, phrase.start - REACH)
    cut = max(prose.rfind(mark, low, phrase.start) for mark in _CLAUSE_ENDS)
    return [w for w in (w.strip("'’") for w in prose[max(cut + 1, low) : phrase.start].lower().split()) if w]


def _happened(word: str) -> bool:
    """A verb of what happened: one of `EVENT_VERBS`, or a past tense as English forms most ("arrested",
    "battered"), unless it is a word of the count ("reported")."""
    if word in EVENT_VERBS:
        return True
    return word.isalpha() and word.endswith("ed") and len(word) > 4 and word not in COUNT_WORDS | {"hundred"}
