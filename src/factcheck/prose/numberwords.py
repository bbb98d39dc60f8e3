"""English number words as figures: "seven", "Fifty-three", "one hundred and twelve", "seven million",
"two dozen", "a quarter of a million", "half a million", "a half million", and shares: "a third", "two-thirds", "a fifth", "half".

Newsroom style writes the numbers one to nine as words, and starts a sentence with a number in words, so a
toll is often written so. Vague plurals ("dozens", "hundreds of thousands") state no figure and are left alone.
A word that is a pronoun ("one of the", "the one") is no figure either. Whether a number word is a figure the
article claims is decided with its clause (`prose.check`): a clause with no metric word of the catalog
makes it a plain count ("two trains").

The table is written here: number-parser reads the same cardinals (50 of the corpus's 59 number words, the
rest vague plurals and fractions it does not read), but took 7 ms a call, too slow for a run of words in
every sentence of a long article (docs/articles.md, "Measured on real reports").
"""

from __future__ import annotations

import re

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.figures import Numeral, _qualifier
from factcheck.prose.words import word_after, word_before

_UNITS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}  # fmt: skip
_TENS = {
    w: 10 * n
    for n, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    if n > 1
}
# "nine lakh" (900,000) and "two crore" (20 million): South Asian English states large counts so, in words too.
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "lakh": 100_000,
           "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}  # fmt: skip
# Shares, as the percent of a whole ("two-thirds of the population"); "of a million" makes them a count.
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
              "tenth": 10, "tenths": 10}  # fmt: skip
# Before "one", words that make it a pronoun or an article of a noun phrase, not a count.
_ONE_AFTER = frozenset({"a", "the", "no", "any", "every", "each", "which", "this", "that", "second", "another",
                        "someone", "everyone"})  # fmt: skip
_ONE_BEFORE = frozenset({"of", "another", "who", "that", "which", "day", "time", "way", "thing", "side", "hand"})

_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|lakhs?|crores?)"
_RUN = compile_regex(
    rf"(?i:\bhalf a dozen\b|\b(?:a )?half-dozen\b"
    rf"|\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)[ -])?(?:half|thirds?|quarters?|fifths?|tenths?)\b"
    rf"(?:(?: of an?| an?)? (?:million|billion|thousand)\b)?"
    rf"|\b(?:a|two|three|four|five|six|seven|eight|nine|ten) dozen\b"
    rf"|\ba (?:hundred|thousand|million|billion)(?:(?:-| | and ){_WORD})*\b"
    rf"|\b{_WORD}(?:(?:-| | and ){_WORD})*\b)"
)  # fmt: skip
_PERCENT_OF = re.compile(r"\s+of\b")
_PERCENT = re.compile(r"(?i) (?:per ?cent)\b")
_HALF_OF = re.compile(r"\s+(?:the|its|their|his|her|all|those|these)\b")


def find_number_words(prose: str, start: int = 0, limit: int | None = None) -> list[Numeral]:
    """The number words of `prose` from `start` that state a figure, in order, at most `limit`."""
    found: list[Numeral] = []
    for match in _RUN.finditer(prose, start):
        if limit is not None and len(found) >= limit:
            break
        numeral = _numeral(prose, match.start(), match.end(), match.group().lower())
        if numeral is not None:
            found.append(numeral)
    return found


def _word_after(prose: str, at: int) -> str:
    return word_after(prose, at, " ")[0].lower()


def _numeral(prose: str, start: int, end: int, text: str) -> Numeral | None:
    if end < len(prose) and prose[end] == "-" and text in _UNITS:  # "three-year-old", "two-storey"
        return None
    words = text.replace("-", " ").split()
    if words[-1] == "dozen":
        # "half a dozen", "a half-dozen": six, not the dozen its last words are.
        count = 0.5 if "half" in words else 1 if words[0] == "a" else _UNITS[words[0]]
        phrase_start, qualifier = _qualifier(prose, start)
        return Numeral(start, end, phrase_start, 12.0 * count, qualifier if qualifier != "exact" else "about",
                       0.5, False, True)  # fmt: skip
    fraction = next((w for w in words if w in _FRACTIONS), None)
    if fraction is not None:
        return _fraction(prose, start, end, words, fraction)
    if words[0] == "a" and len(words) > 1 and words[1] in _SCALES:  # "nearly a million": one million
        words = ["one", *words[1:]]
    if words[-1] == "and" or words[0] == "and" or words[0] in _SCALES:
        return None
    value = _cardinal(words)
    if value is None:
        return None
    if text == "one" and (word_before(prose, start, " ") in _ONE_AFTER or _word_after(prose, end) in _ONE_BEFORE):
        return None
    if value == 1 and _introduces_speaker(prose, end):
        return None
    unit = 1
    while value >= unit * 10 and value % (unit * 10) == 0:
        unit *= 10
    phrase_start, qualifier = _qualifier(prose, start)
    # "Sixty-nine per cent": a share in words, as "69 per cent" is in digits.
    percent = _PERCENT.match(prose, end)
    if percent is not None:
        return Numeral(start, percent.end(), phrase_start, float(value), qualifier, 0.5, True, True)
    return Numeral(start, end, phrase_start, float(value), qualifier, 0.5 * unit, False, True)


_SAYING = frozenset({"said", "says", "told", "recalled", "described", "asked", "added", "explained", "wrote"})


def _introduces_speaker(prose: str, end: int) -> bool:
    """ "One resident said", "one survivor told": "one" before a noun and a verb of saying picks a speaker out
    of a group; it counts nothing."""
    words = prose[end : end + 40].split()[:2]
    return len(words) == 2 and words[0].isalpha() and words[1].strip(",.;:").lower() in _SAYING


def _cardinal(words: list[str]) -> int | None:
    """ "fifty three" -> 53, "one hundred and twelve" -> 112, "seven million" -> 7,000,000."""
    total, current = 0, 0
    seen = False
    for word in words:
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            scale = _SCALES[word]
            total += max(current, 1) * scale
            current = 0
        seen = True
    return total + current if seen else None


def _fraction(prose: str, start: int, end: int, words: list[str], fraction: str) -> Numeral | None:
    """A share ("two-thirds of the population": 66.7%) or, before "of a million", a count."""
    numerator = 1 if words[0] in ("a", "an", fraction) else _UNITS.get(words[0])
    if numerator is None:
        return None
    share = numerator / _FRACTIONS[fraction]
    scale = next((_SCALES[w] for w in words if w in ("thousand", "million", "billion")), None)
    phrase_start, qualifier = _qualifier(prose, start)
    if scale is not None:
        return Numeral(start, end, phrase_start, share * scale, qualifier, 0.05 * scale, False, True)
    before = word_before(prose, start, " ")
    # A share is of something ("a third of the houses", "half the city"), or a change by it ("fell by a
    # quarter", "cut in half"); "half" alone ("half an hour", "a half") is none.
    of_something = _PERCENT_OF.match(prose, end) or (fraction == "half" and _HALF_OF.match(prose, end))
    cut_in_half = words == ["half"] and before == "in" and _word_after(prose, end) not in ("a", "an")
    if not (of_something or before == "by" or cut_in_half):
        return None
    # A share in words is as precise as its percent to a tenth: two-thirds is 66.7%.
    return Numeral(start, end, phrase_start, round(100 * share, 1), qualifier if qualifier != "exact" else "about",
                   0.05, True, True)  # fmt: skip
