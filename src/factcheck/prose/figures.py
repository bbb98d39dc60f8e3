"""Figures in prose: numerals with their separators, multipliers and qualifier words, read into the
dataset format's terms (a value, a qualifier, the precision the digits imply).

"some 420,000" is 420,000 `about`; "more than 46,000" is 46,000 `more_than`; "1.1 million" is 1,100,000
stated to the hundred thousand. Numbers that are not figures are left alone: dates (found first, by
`prose.dates`), times, ordinals, single digits (list counts, "France 2": newsroom style writes the
numbers one to nine as words), numbers that are part of a name ("Article 5") or an id ("F-16", "A320"),
phone numbers and numbers with leading zeros, and anything in code or a URL (blanked in the prose).

The scan is plain string code, one pass over the prose, and reads at most `MAX_DIGITS` digits into a number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.floor.numbers import MULTIPLIERS

# Marks that group thousands in any language's typography, besides the group mark of the article's own
# language (`separators`): spaces (no-break, narrow no-break, thin: SI style) and apostrophes (Swiss style).
SPACES = frozenset(" \u00a0\u202f\u2009\u2019'")
# Multipliers that may stand right after the digits ("400k", "1.1m", "3bn"); the words need a space before.
ATTACHED = frozenset({"k", "m", "mln", "mn", "bn"})
MAX_DIGITS = 20  # a longer run of digits is an id, not a figure

# Qualifier words right before a figure, as the dataset's qualifiers. The longest phrase wins.
QUALIFIER_PHRASES: dict[str, str] = {
    **dict.fromkeys(["about", "around", "roughly", "approximately", "some", "an estimated", "estimated at",
                     "an approximate", "circa", "ca.", "~", "approx.", "more or less", "or so"], "about"),
    **dict.fromkeys(["nearly", "almost", "close to", "just under", "not quite", "approaching"], "nearly"),
    **dict.fromkeys(["more than", "over", "above", "in excess of", "upwards of", "exceeding", "greater than",
                     "well over", "just over", "more then"], "more_than"),
    # A toll that passes a mark or nears it, as headlines say: "the toll surpasses 2,800", "nears 2,800".
    **dict.fromkeys(["exceeded", "exceeds", "surpassed", "surpasses", "surpassing", "topped", "tops", "topping",
                     "crossed", "crosses", "crossing", "passed", "passes", "passing", "past"],
                    "more_than"),
    **dict.fromkeys(["nears", "neared", "nearing", "approaches", "approached"], "nearly"),
    **dict.fromkeys(["at least", "no fewer than", "no less than", "a minimum of", "at a minimum"], "at_least"),
    # "as many as 150", "as much as 300": the upper end a source puts a figure at.
    **dict.fromkeys(["up to", "at most", "no more than", "a maximum of", "not more than", "as many as",
                     "as much as", "as high as"], "at_most"),
    **dict.fromkeys(["fewer than", "less than", "under", "below", "not even"], "less_than"),
}  # fmt: skip
_LONGEST_QUALIFIER = max(len(p) for p in QUALIFIER_PHRASES)
# Qualifier words right after a figure: "150 plus houses", "a 670-plus toll", "150+ homes", "300 or more", "40-odd".
# "plus" before a determiner or a number adds ("20 plus the gunman"): no qualifier then.
_AFTER_QUALIFIERS = {"plus": "more_than", "+": "more_than", "or more": "at_least", "odd": "about", "or so": "about"}
_AFTER_QUALIFIER = re.compile(
    r"(?i)(?:[ \u00a0]?(?=\+)|[-–](?=plus|odd)|[ \u00a0](?=plus|or more|odd|or so))(\+|plus|odd|or more|or so)"
    r"(?![A-Za-z])(?![ \u00a0]+(?:the|a|an|his|her|their|its|our|one|two|three|[0-9]))"
)
_CURRENCIES = frozenset("$€£¥₴₽₹")
# Currency words a qualifier may stand before: "more than Rs 2,400 crore", "some US$ 40 million".
_CURRENCY_WORDS = ("rs", "rs.", "inr", "usd", "us$", "eur", "gbp")
_TIME_WORDS = ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "cet", "eet", "msk", "h ", "hrs", "o'clock")
_ORDINALS = ("st", "nd", "rd", "th")
_PERCENT_GAP = frozenset(" \u00a0\u202f\u2009")  # a space before a percent sign


_DIGIT = re.compile("[0-9]")  # ASCII digits only, as the reader reads: other scripts' are prose.seen_text's


@dataclass(frozen=True)
class Separators:
    """How an article's language writes the digits of a number: its decimal mark, and the marks that may
    stand before each group of three digits ("55,000" in English, "55.000" in German)."""

    decimal: str
    group: frozenset[str]


@functools.cache
def separators(lang: str = "en") -> Separators:
    """The separators of the language `lang` (a BCP 47 tag: "en", "de", "fr-CH") for its Latin digits, from
    Babel's locale data (CLDR), looked up once per process: loading a locale costs tens of milliseconds the
    first time (docs/performance.md). Babel is imported here, only when an article is read."""
    from babel import Locale

    symbols = Locale.parse(lang, sep="-").number_symbols["latn"]
    decimal = symbols["decimal"]
    return Separators(decimal, frozenset({symbols["group"], *SPACES}) - {decimal})


@dataclass(frozen=True)
class Numeral:
    """A figure as the scan finds it, before it is located and bound."""

    start: int
    end: int
    phrase_start: int
    value: float
    qualifier: str
    half_unit: float
    percent: bool
    spelled: bool = False  # written in words ("seven", "two-thirds": prose.numberwords)
    scale: float = 1.0  # its multiplier ("million": 1e6), which a range's first end may share ("2 to 3 million")
    low: float | None = None  # a range's ends ("14-16", "between 700 and 750": prose.ranges); value is the low
    high: float | None = None
    small: bool = False  # a single digit, read only where a claim backs it (`find_numerals`'s `small`)


def _digits(prose: str, at: int) -> int:
    end = at
    while end < len(prose) and "0" <= prose[end] <= "9":
        end += 1
    return end


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def find_numerals(prose: str, start: int = 0, limit: int | None = None,
                  marks: Separators | None = None, small: bool = False) -> list[Numeral]:  # fmt: skip
    """Every figure in `prose` from `start`, in order (dates already blanked out of it), at most `limit`, its
    digits read with the separators `marks` (English's when None). With `small`, the single digits too, marked
    `small`: a list count or part of a name is no figure, but "Caldwell: 4" may state a claim."""
    marks = marks or separators()
    found: list[Numeral] = []
    i = start
    while limit is None or len(found) < limit:
        digit = _DIGIT.search(prose, i)  # the next digit, found in C rather than by a loop over each character
        if digit is None:
            break
        numeral, i = _read(prose, digit.start(), marks, small)
        if numeral is not None:
            found.append(numeral)
    return found


def _read(prose: str, i: int, marks: Separators, small: bool = False) -> tuple[Numeral | None, int]:
    """The figure starting at `i` (None when the number there is not a figure) and where the scan goes on."""
    n = len(prose)
    before = prose[i - 1] if i else " "
    end = _digits(prose, i)
    if _is_word(before) or (before in "./:#@+\\-_" and _glued(prose, i)):
        return None, _skip_id(prose, end)
    whole = prose[i:end]
    groups, decimals, end = _number(prose, i, end, marks)
    digits = "".join(groups)
    if len(digits) + len(decimals) > MAX_DIGITS:
        return None, _skip_id(prose, end)
    after = prose[end] if end < n else " "
    # Not a figure: a time or a ratio (10:30, 3:1), an id joined by a hyphen or a slash (123-4567, 24/02), a
    # number with a leading zero (044, a phone or an id), an ordinal (4th). Two numbers joined by a hyphen,
    # the second the larger and of the same order ("14-16 workers"), are a range: one figure.
    if after in ":/" and end + 1 < n and prose[end + 1].isdigit():
        return None, _skip_id(prose, end)
    if len(groups) == 1 and len(whole) > 1 and whole[0] == "0" and not decimals:
        return None, _skip_id(prose, end)
    first = None
    if after in "-–" and end + 1 < n and prose[end + 1].isdigit():
        second = _hyphen_range(prose, end, float(digits + ("." + decimals if decimals else "")), marks)
        if second is None:
            return None, _skip_id(prose, end)
        first = (float(digits + ("." + decimals if decimals else "")), _unit_of(digits, decimals))
        groups, decimals, end = second
        digits = "".join(groups)
        after = prose[end] if end < n else " "
    elif after in "-–" and end + 1 < n and prose[end + 1].isalpha() and not _AFTER_QUALIFIER.match(prose, end):
        return None, _skip_id(prose, end)
    lowered_after = prose[end : end + 8].lower()
    if lowered_after.startswith(_ORDINALS) and not _is_word(prose[end + 2] if end + 2 < n else " "):
        return None, end + 2
    # A multiplier, right after the digits ("400k") or after one space ("1.1 million"), then a percent sign.
    multiplier = 1.0
    word_end = end
    j = end + 1 if after == " " else end
    k = j
    while k < n and k - j < 9 and prose[k].isalpha():
        k += 1
    word = prose[j:k].lower()
    if word == "m" and j == end and _metres(prose, i, k):
        return None, k  # "plunged 20m into the river": metres, a unit glued to the digits
    if word in MULTIPLIERS and (j > end or word in ATTACHED) and not (k < n and _is_word(prose[k])):
        multiplier = MULTIPLIERS[word]
        word_end = k
    elif j == end and k > j:
        return None, k  # letters glued to the digits: a unit or an id ("40mm", "5G", "3D")
    percent = False
    rest = prose[word_end : word_end + 9]
    if rest.startswith("%"):
        percent, word_end = True, word_end + 1
    elif rest[:1] in _PERCENT_GAP and rest[1:2] == "%":  # "12 %", as French and wire copy space it
        percent, word_end = True, word_end + 2
    elif rest.lower().startswith((" percent", " per cent")):
        length = 8 if rest.lower().startswith(" percent") else 9
        if word_end + length >= n or not _is_word(prose[word_end + length]):
            percent, word_end = True, word_end + length
    if multiplier == 1.0 and not percent and not decimals and len(groups) == 1:
        single = len(whole) == 1 and first is None
        if single and not small:
            return None, word_end  # a single digit: a list count or part of a name ("France 2")
        if (
            (_after_name(prose, i) and not _place_list(prose, i, end))
            or _list_marker(prose, i, end)
            or _label(prose, i)
        ):
            return None, word_end
        if _time_after(prose, end):
            return None, word_end
    elif len(decimals) == 2 and int(whole) < 24 and int(decimals) < 60 and _time_after(prose, end):
        return None, word_end  # "8.38 a.m.": a time written with a dot, as British and wire copy write it
    value = float(digits + ("." + decimals if decimals else "")) * multiplier
    half_unit = 0.5 * _unit_of(digits, decimals) * multiplier
    phrase_start, qualifier = _qualifier(prose, i)
    # "approximately 670 plus": the bound after the figure says more than the "about" before it.
    if qualifier in ("exact", "about") and (tail := _AFTER_QUALIFIER.match(prose, word_end)):
        after_qualifier = _AFTER_QUALIFIERS[tail.group(1).lower()]
        if qualifier == "exact" or after_qualifier != "about":
            qualifier, word_end = after_qualifier, tail.end(1)
    if first is not None:  # "14-16": one figure, its ends at the finer precision of the two ("2,500-3,000": 50)
        low, low_unit = first[0] * multiplier, first[1] * multiplier
        return Numeral(i, word_end, phrase_start, low, qualifier, min(half_unit, 0.5 * low_unit), percent,
                       scale=multiplier, low=low, high=value), word_end  # fmt: skip
    single = multiplier == 1.0 and not percent and not decimals and len(groups) == 1 and len(whole) == 1
    return Numeral(i, word_end, phrase_start, value, qualifier, half_unit, percent, scale=multiplier,
                   small=single), word_end  # fmt: skip


def _number(prose: str, i: int, end: int, marks: Separators) -> tuple[list[str], str, int]:
    """The digit groups, the decimals and the end of the number whose first digits are prose[i:end], written
    with the separators `marks`."""
    n = len(prose)
    whole = prose[i:end]
    groups = [whole]
    indian = _indian_groups(prose, end, marks) if len(whole) <= 2 else None
    if indian is not None:
        groups, end = [whole, *indian[0]], indian[1]
    # Thousands groups: a separator and exactly three digits, after a first group of one to three digits.
    while len(whole) <= 3 and end < n and prose[end] in marks.group:
        group_end = _digits(prose, end + 1)
        if group_end - (end + 1) != 3:
            break
        groups.append(prose[end + 1 : group_end])
        end = group_end
    decimals = ""
    if end + 1 < n and prose[end] == marks.decimal and "0" <= prose[end + 1] <= "9":
        decimals_end = _digits(prose, end + 1)
        decimals = prose[end + 1 : decimals_end]
        end = decimals_end
    return groups, decimals, end


def _indian_groups(prose: str, end: int, marks: Separators) -> tuple[list[str], int] | None:
    """The groups of a figure in South Asian grouping after its first one or two digits: pairs, then one of
    three ("3,14,391", "1,00,000", "12,34,56,789"), as Indian and Pakistani news write counts. None when the
    digits after `end` are not so grouped (then "3,14" is two numbers, or one with a decimal comma)."""
    groups: list[str] = []
    while end < len(prose) and prose[end] == "," and "," in marks.group:
        group_end = _digits(prose, end + 1)
        size = group_end - (end + 1)
        groups.append(prose[end + 1 : group_end])
        end = group_end
        if size == 3:
            return (groups, end) if len(groups) > 1 else None
        if size != 2:
            return None
    return None


def _unit_of(digits: str, decimals: str) -> float:
    """A unit of the last digit stated: 1,000 for "55,000", 0.1 for "1.1"."""
    return 10.0 ** -len(decimals) if decimals else 10.0 ** (len(digits) - len(digits.rstrip("0") or "0"))


MAX_RANGE_RATIO = 10  # a range's high end at most this many times its low: "5-100" is no span a count is given in


def _hyphen_range(prose: str, dash: int, low: float, marks: Separators) -> tuple[list[str], str, int] | None:
    """The second number of "14-16" (its groups, decimals and end), or None when the two are an id or a phone
    number ("123-4567", "737-800NG", "12-05-2024"): a range's second end is larger than its first, of the same
    order, without a leading zero, and ends the token."""
    start = dash + 1
    groups, decimals, end = _number(prose, start, _digits(prose, start), marks)
    digits = "".join(groups)
    if (len(digits) > 1 and digits[0] == "0") or len(digits) + len(decimals) > MAX_DIGITS:
        return None
    high = float(digits + ("." + decimals if decimals else ""))
    following = prose[end] if end < len(prose) else " "
    if following in "-–/:" or (following == "." and prose[end + 1 : end + 2].isdigit()):
        return None
    if not (low < high <= MAX_RANGE_RATIO * max(low, 1)):
        return None
    return groups, decimals, end


# Words after "20m" that make it metres: a dimension or a direction ("20m high", "fell 20m into the river");
# a million is followed by what it counts ("20m people") or follows a currency sign ("$20m").
_METRE_WORDS = frozenset({"high", "tall", "deep", "long", "wide", "thick", "above", "below", "into", "onto",
                          "down", "up", "away", "across", "under", "from", "off", "underground", "underwater",
                          "offshore", "inland", "wave", "waves", "drop", "fall", "section", "stretch"})  # fmt: skip


_HEIGHT_WORDS = frozenset({"wave", "waves", "tide", "tides", "surge", "surges", "height", "heights", "depth",
                           "depths", "level", "levels", "swell", "swells", "high", "deep", "tall", "altitude",
                           "elevation"})  # fmt: skip


def _metres(prose: str, i: int, end: int) -> bool:
    """Whether the "m" glued to the number at prose[i:end] is metres rather than a million."""
    if i and prose[i - 1] in "$€£¥₴₽":
        return False
    rest = prose[end : end + 16].lower()
    if rest.startswith("-"):  # "a 20m-high wall"
        return True
    word = rest.lstrip(" ").split(" ", 1)[0].strip(".,;:)")
    if word in _METRE_WORDS:
        return True
    # "waves of about 8m", "a storm surge of up to 4m": a word of height or depth just before it.
    before = prose[max(0, i - 40) : i].lower().replace(",", " ").split()[-4:]
    return any(w in _HEIGHT_WORDS for w in before)


def _glued(prose: str, i: int) -> bool:
    """A number right after a sign that joins it to a word or a number before: "F-16", "COVID-19", "v1.2",
    "+380", "#5", "24/02". A minus or a dot after a space is not such a sign."""
    sign_at = i - 1
    before_sign = prose[sign_at - 1] if sign_at > 0 else " "
    if prose[sign_at] in "+#@\\_":
        return True
    return _is_word(before_sign)


def _skip_id(prose: str, end: int) -> int:
    """Past the rest of an id or a phone number: its digits, letters, hyphens, dots, slashes and single spaces
    between digit groups, so that "+380 44 123 4567" is never read as the figure 44,123."""
    n = len(prose)
    while end < n:
        char = prose[end]
        if _is_word(char) or char in "-–./:+()" or (char == " " and end + 1 < n and prose[end + 1].isdigit()):
            end += 1
        else:
            break
    return end


def _after_name(prose: str, i: int) -> bool:
    """A whole number right after a capitalised word inside a sentence is part of a name: "Article 5",
    "Section 230", "Apollo 11". A capitalised word that begins a sentence ("Some 420 ...") does not count."""
    end = i
    if end == 0 or prose[end - 1] != " ":
        return False
    end -= 1
    start = end
    while start > 0 and prose[start - 1].isalpha():
        start -= 1
    word = prose[start:end]
    if not word or not word[0].isupper() or word.lower() in QUALIFIER_PHRASES:
        return False
    cursor = start
    while cursor > 0 and prose[cursor - 1] in " \t":
        cursor -= 1
    return cursor > 0 and prose[cursor - 1] not in ".!?\n\"“”'‘’(["


_NUMBER = (r"(?:[0-9]+(?:,[0-9]{3})*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)")  # fmt: skip
_NAME = r"(?:the )?((?:[A-Z][\w.'’-]* ){1,3})"
_JOIN = r"(?:, and|,|;| and) "
# "Canada 18, China 8, the Netherlands 5 and Egypt 6": a place and its figure, then another such pair.
MIN_PLACE_LIST = 3
_PAIR_AFTER = re.compile(rf"{_JOIN}{_NAME}{_NUMBER}")
_PAIR_BEFORE = re.compile(rf"([A-Z][\w.'’-]*) {_NUMBER}{_JOIN}{_NAME}$")


def _place_list(prose: str, i: int, end: int) -> bool:
    """Whether the number at prose[i:end], after a capitalised word, is the figure of one place in a list of
    places and figures ("passengers by nationality: Canada 18, China 8, Egypt 6"), not part of a name: with it,
    at least three pairs of a name and a figure, each name another ("Route 66 and Highway 101" are names)."""
    names = [prose[max(0, i - 40) : i].split()[-1]]
    at = end
    while len(names) < MIN_PLACE_LIST and (pair := _PAIR_AFTER.match(prose, at, at + 60)):
        names.append(pair.group(1).split()[-1])
        at = pair.end()
    at = i
    while len(names) < MIN_PLACE_LIST and (pair := _PAIR_BEFORE.search(prose[max(0, at - 80) : at])):
        names.append(pair.group(1))
        at = max(0, at - 80) + pair.end(1) + 1  # the string ends after the pair's name and its space
    return len(names) >= MIN_PLACE_LIST and len(set(names)) == len(names)


# "from week 1 to week 18", "on day 12 of the siege", "in epi week 32": a week or a day numbered, after a
# preposition or an epidemiologist's word; "in the past week 18 people died" counts the 18.
_NUMBERED = frozenset({"week", "day"})
_NUMBERED_AFTER = frozenset({"from", "to", "in", "of", "by", "since", "until", "till", "through", "during", "for",
                             "on", "and", "epi", "epidemiological", "reporting"})  # fmt: skip


def _label(prose: str, i: int) -> bool:
    """Whether the number at `i` numbers a week or a day ("week 18") rather than counting anything."""
    words = prose[max(0, i - 40) : i].lower().split()[-2:]
    return len(words) == 2 and words[1] in _NUMBERED and words[0] in _NUMBERED_AFTER


def _list_marker(prose: str, i: int, end: int) -> bool:
    """ "1." or "1)" opening a line: a numbered list, not a figure."""
    line_start = prose.rfind("\n", 0, i) + 1
    return not prose[line_start:i].strip() and end < len(prose) and prose[end] in ".)"


def _time_after(prose: str, end: int) -> bool:
    rest = prose[end : end + 10].lower().lstrip(" ")
    return any(rest.startswith(word) and not _is_word(rest[len(word) : len(word) + 1] or " ") for word in _TIME_WORDS)


# Words after which "under" or "over" is a preposition, not a bound: "hospitals buckled under 5,000 wounded",
# "a dispute over 300 graves"; or the particle of a verb: "police handed over 441 bodies".
_LOADS = frozenset({"buckled", "buckling", "buckle", "groaning", "groaned", "struggling", "struggled", "reeling",
                    "straining", "strained", "sagging", "crumbling", "collapsed", "collapsing", "labouring",
                    "laboring", "staggering", "sinking", "dispute", "disputes", "row", "rows", "fight", "fought",
                    "clash", "clashed", "clashes", "argued", "arguing", "grief", "mourning", "mourned", "wept",
                    "hand", "hands", "handed", "handing", "turned", "turning"})  # fmt: skip


def under_a_load(before: str, phrase: str) -> bool:
    """ "buckled under 5,000 wounded": "under" or "over" after a verb or noun it completes is a preposition."""
    return phrase in ("under", "over") and before.rstrip().rsplit(" ", 1)[-1] in _LOADS


# Verbs of movement after which "past" passes a mark ("soared past 500,000", "crept past 900"); after a
# determiner or a preposition it is an adjective of time ("the past 24 hours", "in past 12 months").
_MOVING = frozenset({"soar", "soars", "rose", "rise", "rises", "risen", "go", "goes", "went", "gone", "shot",
                     "shoot", "shoots", "crept", "creep", "creeps", "climb", "climbs", "push", "pushes", "edge",
                     "edges", "move", "moves", "jump", "jumps", "surge", "surges", "race", "races", "sail",
                     "sails", "run", "runs", "ran", "well", "now", "already", "just"})  # fmt: skip


def _moved_past(before: str) -> bool:
    """ "the toll soared past 500": "past" after a verb of movement (or one in "-ed") passes a mark."""
    word = before.rstrip().rsplit(" ", 1)[-1]
    return word in _MOVING or (word.endswith("ed") and len(word) > 3)


def _qualifier(prose: str, i: int) -> tuple[int, str]:
    """The qualifier words right before the figure at `i` ("more than"), and where they start."""
    cursor = i
    if cursor > 0 and prose[cursor - 1] in _CURRENCIES:
        cursor -= 1
    blank = cursor
    while blank > 0 and prose[blank - 1] == " ":
        blank -= 1
    for word in _CURRENCY_WORDS:  # "more than Rs 2,400 crore", "about US$ 3 million"
        at = blank - len(word)
        if at >= 0 and prose[at:blank].lower() == word and (at == 0 or not prose[at - 1].isalnum()):
            cursor = at
            break
    if cursor > 0 and prose[cursor - 1] == "~":
        return cursor - 1, "about"
    head_end = cursor
    while head_end > 0 and prose[head_end - 1] in " \t\n\u00a0":
        head_end -= 1
    window = prose[max(0, head_end - _LONGEST_QUALIFIER - 1) : head_end]
    lowered = " ".join(window.lower().split())
    best = ""
    for phrase in QUALIFIER_PHRASES:
        if len(phrase) > len(best) and lowered.endswith(phrase):
            before = lowered[: len(lowered) - len(phrase)]
            if not before or not _is_word(before[-1]):
                best = phrase
    before = lowered[: len(lowered) - len(best)]
    if not best or under_a_load(before, best) or (best == "past" and not _moved_past(before)):
        return i, "exact"
    # Where the phrase starts in the prose: as many non-blank characters back as the phrase has.
    needed = len(best.replace(" ", ""))
    start = head_end
    while needed and start > 0:
        start -= 1
        if prose[start] not in " \t\n\u00a0":
            needed -= 1
    return start, QUALIFIER_PHRASES[best]
