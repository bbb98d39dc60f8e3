"""What a figure measures, from the words around it: a count (no unit), or a quantity with a unit ("5,000 km",
"12 feet", "20 months", "$4.4 billion", "magnitude 7.6", an age: "Jane Doe, 48,"). A quantity is compared only
with the catalog's metrics of its unit; where the catalog has none, it is no figure the article claims.

The table is written here rather than taken from quantulum3, whose unit table would serve: its parser took 28 s
on the 3,400 words of the article corpus (an article may add 0.2 s), and its surfaces read prose words ("in",
"a", "m") as units (docs/articles.md, "Measured on real reports").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.words import word_after, word_before

# A unit word right after a figure: its unit as a catalog's metrics would declare it, and the kind of quantity.
_AFTER: dict[str, tuple[str, str]] = {
    **{w: ("km", "a distance") for w in ("km", "kms", "kilometres", "kilometers", "kilometre", "kilometer")},
    **{w: ("miles", "a distance") for w in ("mile", "miles", "mi")},
    **{w: ("feet", "a distance") for w in ("foot", "feet", "ft")},
    **{w: ("metres", "a distance") for w in ("metre", "metres", "meter", "meters", "yards", "yard", "inches",
                                             "inch", "cm", "mm", "centimetres", "centimeters", "millimetres",
                                             "millimeters")},
    **{w: ("microns", "a size") for w in ("micron", "microns", "micrometres", "micrometers", "µm", "nanometres",
                                          "nanometers")},
    **{w: ("seconds", "a duration") for w in ("second", "seconds", "secs")},
    **{w: ("minutes", "a duration") for w in ("minute", "minutes", "mins")},
    **{w: ("hours", "a duration") for w in ("hour", "hours", "hrs")},
    **{w: ("days", "a duration") for w in ("day", "days")},
    **{w: ("weeks", "a duration") for w in ("week", "weeks")},
    **{w: ("months", "a duration") for w in ("month", "months")},
    **{w: ("years", "a duration") for w in ("year", "years", "decades", "decade", "centuries", "century")},
    **{w: ("km/h", "a speed") for w in ("km/h", "kph", "kmh", "kmph", "km/hr", "mph", "knots")},
    **{w: ("acres", "an area") for w in ("acre", "acres")},
    **{w: ("hectares", "an area") for w in ("hectare", "hectares", "ha")},
    **{w: ("tonnes", "a weight") for w in ("tonne", "tonnes", "ton", "tons", "kg", "kilograms", "kilos")},
    # A temperature's scale, when the words give it: "51.8 degrees Celsius (125 Fahrenheit)" states one heat twice.
    **{w: ("degrees", "a temperature") for w in ("degree", "degrees", "°")},
    **{w: ("celsius", "a temperature") for w in ("°c", "celsius", "centigrade")},
    **{w: ("fahrenheit", "a temperature") for w in ("°f", "fahrenheit")},
    **{w: ("usd", "money") for w in ("dollars", "usd", "us$")},
    **{w: ("eur", "money") for w in ("euros", "eur")},
    **{w: ("gbp", "money") for w in ("gbp",)},
}  # fmt: skip
_CURRENCY = {"$": "usd", "€": "eur", "£": "gbp"}
_SCALES = {"c": "celsius", "f": "fahrenheit"}  # the letter of a temperature's scale
_MAGNITUDE = ("magnitude", "magnitude-", "richter")
_AGE_BEFORE = ("aged", "age", "ages")
_OLD = ("old", "-old")  # "48 years old", "a 48-year-old"
# Catalog units that name a count: the figure without a unit is compared with these (and with any unit the
# table above does not know, which a desk declares for a count: "houses", "buildings").
PERCENT = "percent"


# "a daily average of around seven or eight", "an average of 12 a day": a rate the article compares with,
# not the count it reports; the second figure of "seven or eight" is read with the first.
_AVERAGE = compile_regex(
    r"\baverages? (?:of )?(?:(?:about|around|some|roughly|nearly|almost|just) )?(?:[a-z0-9,.]+ (?:or|to) )?$"
)
_AVERAGE_BACK = 60  # characters read back from the figure's qualifier
AVERAGE = "average"
# A catalog unit that is a rate: "people a day", "cases per week", "deaths daily".
_RATE = compile_regex(
    r"\b(?:(?:a|an|per|each|every) (?:day|week|month|year|hour)|daily|weekly|monthly|average)\b"
    r"|/(?:day|week|month|year|hour)\b"
)


def is_rate(unit: str) -> bool:
    """Whether a catalog metric's unit is a rate ("people a day"), which an average states."""
    return bool(_RATE.search(unit.lower()))


# "seven teams of 42 workers each", "three boats carrying 30 people each.": the size of each of several, not a
# count of the whole: a distributive "each" at most two words after the figure, ending its phrase, or after
# "of" ("teams of 42 workers each"). "42 workers each received aid" counts the workers.
_EACH = compile_regex(r"^(?: [a-z-]+){0,2} each\b(?: of\b)?([,.;:)]|$)?")
_EACH_REACH = 40
# "home to 100,000 people", "a population of 2.3 million", "a city of 80,000": the size of a place, which the
# sentence describes, not a count the article reports.
_HOME = compile_regex(
    r"(?:\bhome to|\bpopulation of|\b(?:city|town|village|country|nation|state|province) of)"
    r"(?: (?:about|around|some|roughly|nearly|almost|more than|over|just over|an estimated|just|only|barely|"
    r"fewer than|less than|under))? ?$"
)
_HOME_BACK = 50
# "12 and 13 years old", "5, 10 or 15 km": numbers listed before a unit word share it.
_SPELLED = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?")  # fmt: skip
# Each listed number after a comma or a conjunction: "5,200 two weeks after the storm" is a count, then a time.
_LIST_TAIL = compile_regex(
    rf"(?i:(?:(?:, (?:and |or |to )?| (?:and|or|to) )(?:[0-9]+(?:[.,][0-9]+)?|{_SPELLED})\b){{1,4}})"
)
_LIST_REACH = 60


# "23 states have recorded at least one case", "hospitals with at least one death": a count of things and a verb
# (or "with") before "at least one" and a singular noun: the threshold each of them meets, not a count.
_EACH_MEETS = compile_regex(
    r"(?i:(?:\b[0-9][0-9,]*|\ball|\bmost|\bmany) [a-z]+s(?: [a-z]+)?"
    r" (?:(?:have|has|had) (?:[a-z]+ed|seen|had)|[a-z]+ed|with|reporting|recording) $)"
)
_THRESHOLD_BACK = 60


def threshold(prose: str, phrase_start: int, end: int, value: float, qualifier: str) -> bool:
    """Whether "at least one" at prose[phrase_start:end] is the threshold each of a counted set meets ("23 states
    have recorded at least one case"): no count of its own."""
    if value != 1 or qualifier != "at_least":
        return False
    noun = word_after(prose, end, " ")[0]
    if not noun.isalpha() or noun.endswith("s"):
        return False
    return _EACH_MEETS.search(prose[max(0, phrase_start - _THRESHOLD_BACK) : phrase_start]) is not None


def population_of(value: float, half_unit: float, subjects: Iterable[str | None],
                  populations: Mapping[str, int]) -> str | None:  # fmt: skip
    """The subject among `subjects` whose population (the catalog's) the figure states at its precision ("its 21
    million people", "Marlow's 80,000 residents"), else None: the size of a place, not a count it reports."""
    return next((s for s in subjects if s in populations and abs(populations[s] - value) <= half_unit), None)


@dataclass(frozen=True)
class Quantity:
    unit: str  # as a catalog's metric declares it: "km", "usd", "years" (an age)
    kind: str  # for the reason it is set aside: "a distance", "an age"
    words: str  # the words that said so


def canonical(unit: str) -> str | None:
    """A catalog metric's unit as this table names it ("acre" -> "acres", "USD" -> "usd"), None for a count."""
    lowered = unit.strip().lower()
    if lowered in ("percent", "%", "share"):
        return PERCENT
    if lowered in _CURRENCY:
        return _CURRENCY[lowered]
    if lowered in _MAGNITUDE:  # "magnitude 7.3": the unit the quantity of a magnitude is read as
        return "magnitude"
    found = _AFTER.get(lowered)
    if found is None and len(parts := lowered.split()) > 1:  # "degrees Celsius": each word names one unit
        units = {_AFTER[part][0] if part in _AFTER else _SCALES.get(part) for part in parts}
        units -= {"degrees"} if len(units) > 1 else set()  # the scale says more than "degrees"
        found = (units.pop(), "") if len(units) == 1 and None not in units else None
    return found[0] if found else _currency_names().get(lowered)


@functools.cache
def _currency_names() -> dict[str, str]:
    """A catalog unit that names a currency the reader knows in words ("US dollars", "British pound", "euros":
    CLDR's English names, from Babel) -> its code as the table above writes it, so that "$78.6 million" is
    compared with the metrics counted in "US dollars". Babel is imported only when a catalog names a unit
    the table does not know."""
    from babel.numbers import get_currency_name

    return {get_currency_name(code.upper(), count, "en").lower(): code
            for code in set(_CURRENCY.values()) for count in (1, 2)}  # fmt: skip


def _dollar_prefix(prose: str, dollar: int) -> str:
    """The capitals glued before the dollar sign at `dollar` ("S" of "S$", "HK" of "HK$"), which name whose dollar
    it is; "" for a bare "$"."""
    at = dollar
    while at > 0 and dollar - at < 3 and prose[at - 1].isupper():
        at -= 1
    return prose[at:dollar] if at == 0 or not prose[at - 1].isalnum() else ""


def _word_after(prose: str, end: int) -> tuple[str, int]:
    """The word right after `end` (one space or a hyphen before it), lowered, and where it ends."""
    word, word_end = word_after(prose, end, " -\u00a0", gaps=1, longest=12, letters="/$°")
    return word.lower(), word_end


def quantity(prose: str, start: int, phrase_start: int, end: int) -> Quantity | None:
    """The quantity of the figure at prose[start:end] (its qualifier words from `phrase_start`), or None for a
    count."""
    currency = prose[start - 1] if start else ""
    if currency in _CURRENCY:
        prefix = _dollar_prefix(prose, start - 1) if currency == "$" else ""
        if prefix and prefix != "US":  # "S$376 million", "A$2 billion": another dollar, never compared with the US one
            return Quantity(f"{prefix.lower()}$", "money in another currency", f"{prefix}$")
        return Quantity(_CURRENCY[currency], "money", currency)
    word, word_end = _word_after(prose, end)
    tail = prose[end : end + _LIST_REACH] if word not in _AFTER else ""  # a slice: RE2 reads what it is given whole
    shared = _LIST_TAIL.match(tail) if tail else None
    if shared is not None and (last := _word_after(prose, end + shared.end()))[0] in _AFTER:
        word, word_end = last  # "aged eight, 12 and 13 years old": the unit of the list's last number
    if word in ("c", "f") and prose[word_end - 1].isupper():
        # "75 F (24 C)": a capital C or F alone after a figure is a temperature's scale.
        return Quantity(_SCALES[word], "a temperature", word)
    if word in _AFTER:
        unit, kind = _AFTER[word]
        following, after_end = _word_after(prose, word_end)
        if unit == "degrees" and (following in _SCALES or _AFTER.get(following, ("",))[0] in _SCALES.values()):
            scale = _SCALES.get(following) or _AFTER[following][0]  # "degrees Celsius", "degrees C"
            return Quantity(scale, kind, prose[end:after_end].strip())
        if unit == "years" and following in _OLD:
            return Quantity("age", "an age", f"{word} {following}")
        return Quantity(unit, kind, word)
    if _AVERAGE.search(prose[max(0, phrase_start - _AVERAGE_BACK) : phrase_start].lower()):
        return Quantity(AVERAGE, "an average", "average")
    after = prose[end : end + _EACH_REACH].lower()
    each = _EACH.search(after) if " each" in after else None  # a plain test first: most figures have none
    if each and (each.group(1) is not None or prose[max(0, phrase_start - 4) : phrase_start].lower() == " of "):
        return Quantity("each", "a size of each of several", "each")
    before_text = prose[max(0, phrase_start - _HOME_BACK) : phrase_start].lower()
    home = _HOME.search(before_text) if " to" in before_text or " of" in before_text else None
    if home:
        return Quantity("population", "a population", home.group().strip())
    before = word_before(prose, phrase_start, " -\u00a0", 12)
    if before in _MAGNITUDE or word in _MAGNITUDE or prose[end : end + 20].lower().startswith(" on the richter"):
        return Quantity("magnitude", "a magnitude", "magnitude")
    if before in _ARTICLES and phrase_start == start and _model(prose, word, word_end):
        return Quantity("model", "a model or a class of vehicle", word)  # "the 737 passenger jet"
    if before in _AGE_BEFORE:
        return Quantity("age", "an age", before)
    if before == "of" and prose[max(0, phrase_start - 8) : phrase_start].lower().endswith("age of "):
        return Quantity("age", "an age", "the age of")  # "children under the age of 15"
    if _age_apposition(prose, phrase_start, end):
        return Quantity("age", "an age", "a name, then the figure between commas")
    return None


# Vehicles a number before them names the model or the class of ("the 737 passenger jet", "a 380 jetliner").
_VEHICLES = frozenset({"jet", "jetliner", "airliner", "aircraft", "plane", "airplane", "aeroplane", "helicopter",
                       "max", "ferry", "vessel", "tanker", "locomotive"})  # fmt: skip
_ARTICLES = ("the", "a", "an")


def _model(prose: str, word: str, word_end: int) -> bool:
    """Whether a vehicle's noun follows a figure, alone or after one singular word ("737 passenger jet"): a
    count would take a plural ("149 passengers")."""
    if word in _VEHICLES:
        return True
    following, _ = _word_after(prose, word_end)
    return word.isalpha() and not word.endswith("s") and following in _VEHICLES


def _age_apposition(prose: str, start: int, end: int) -> bool:
    """ "Jane Doe, 48, said": a whole number under 130 between commas right after a capitalised name is the
    person's age, as English news style writes it."""
    if not (start >= 2 and prose[start - 2 : start] == ", " and prose[end : end + 1] in (",", ")")):
        return False
    if not prose[start:end].isdigit() or int(prose[start:end]) >= 130:
        return False
    name = word_before(prose, start - 2, " -\u00a0", 12)
    j = start - 2 - len(name)
    return bool(name) and 0 <= j < len(prose) and prose[j].isupper()


# Places and institutions a figure counts as the size of a known set: "the 27 member countries", "the
# state's 497 cities", "all 50 states".
_SET_NOUNS = frozenset({"countries", "nations", "states", "provinces", "regions", "districts", "counties",
                        "cities", "towns", "villages", "municipalities", "communes", "departments", "prefectures",
                        "territories", "islands", "parishes", "boroughs", "cantons", "oblasts"})  # fmt: skip
_DEFINITE = ("the", "its", "their", "all", "his", "her", "our", "whose")
MAX_SET_WORDS = 2  # words between the figure and its noun: "the 27 EU member countries"


def set_size(prose: str, phrase_start: int, end: int) -> str | None:
    """The noun when the figure at prose[phrase_start:end] is the size of a set of places a definite word
    introduces ("the 27 member countries", "the state's 497 cities", "all 50 states"): a fact of geography,
    not a count the article reports."""
    before = prose[max(0, phrase_start - 20) : phrase_start].split()
    if not before:
        return None
    last = before[-1].lower().strip('“"(')
    if last not in _DEFINITE and not last.endswith(("'s", "’s", "s'")):
        return None
    following = prose[end : end + 60].split()[: MAX_SET_WORDS + 1]
    for word in following:
        stripped = word.strip(",.;:)")
        if stripped.lower() in _SET_NOUNS:
            return stripped.lower()
        if stripped != word or not stripped.isalpha():
            break
    return None


# "two of the victims", "three more of them", "1,300 of them children": a figure that counts part of a set the
# sentence has named. A part of a toll is no reading of the toll: it is backed by a claim of that part, and
# contradicts none (`prose.verdicts`).
_PARTITIVE = compile_regex(
    r"^(?: (?:more|other|further|additional))? of (?:the|them|those|these|its|their|whom|which|our)\b"
)


def part_of_set(prose: str, start: int, end: int) -> str | None:
    """The words that make the figure at prose[start:end] a part of a set or a single one, else None: "of the",
    "of them" right after it, or the figure "one", which English also writes for "a" ("One victim was found
    in his car")."""
    after = prose[end : end + 40].lower()
    found = _PARTITIVE.search(after) if " of " in after else None
    if found:
        return found.group().strip()
    if prose[start:end].lower() == "one":
        return "one"
    return None
