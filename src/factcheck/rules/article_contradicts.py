"""article-contradicts: a figure in an article whose context ties it to a claim (or that is bound to one), but whose value,
qualifier, claimant or date disagrees with that claim. The article says something the dataset does not:
either the article or the dataset is wrong, and the finding blocks until one of them is fixed.

The value agrees when the claim's value is the article's figure at the precision the article states it:
"55,000" covers 54,500 to 55,500 (an article may round), "2,514" only 2,514, "1.1 million" 1,050,000 to
1,150,000. A figure more precise than its claim ("55,400" for "about 55,000") invents precision and
disagrees. The qualifier agrees when both say the same kind of thing:

| the article says | agrees with a claim that is |
| --- | --- |
| 55,000 | exact or about; in a headline, or stated to the hundred or coarser, also more than or at least 55,000, nearly or about 55,000, and a precise value it rounds down to two significant digits or more ("3,200" for 3,271) |
| about 55,000 ("some", "roughly", "an estimated", "estimated at") | exact, about or nearly |
| nearly 400,000 ("almost", "close to") | nearly; exact or about at most 400,000 |
| more than 46,000 ("over", "above") | more than or at least; exact or about above 46,000 |
| at least 46,000 | at least or more than; exact or about from 46,000 |
| fewer than 100 ("less than", "under", "below") | less than or at most; exact, about or nearly under 100 |
| up to 100 ("at most", "no more than") | at most or less than; exact, about or nearly up to 100 |

Against a claim given as a range, a figure agrees when it falls within the range; "up to" (or "at most",
"fewer than") states the range's upper end and "at least" (or "more than") its lower end, each at the
figure's precision.

A range in the article ("14-16 workers", "between 700 and 750", "from 30,000 to 45,000") is one figure, compared
whole and never one end alone: it agrees with a claim given as a range whose two ends are its ends at the
article's precision, with a claim of one value (exact, about or nearly) that lies within it, and with a claim
of "at least" or "more than" its low end, or "up to" or "fewer than" its high end.

The claimant disagrees when the article names (or carries from its paragraph) another claimant; the date
disagrees when the article's date phrase shares no day with the claim's date or its publication.

It is raised only when the check is sure of what it compares: the figure is bound to the claim, repeats its
quote, or has its metric, subject, claimant and date each from its own words (its clause, or a clause of its
sentence that speaks of no other figure), none chosen by nearness among several. A figure read with a part
carried from another figure's clause or an earlier sentence is article-ambiguous instead, naming the closest
claim and what differs (prose.certainty).
"""

from __future__ import annotations

ID = "article-contradicts"
SEVERITY = "critical"
TITLE = "An article's figure agrees with its claim"
EXPLAIN = (
    "A figure the article ties to a claim must say what the claim says: the same value at the article's "
    "precision, the same kind of qualifier, the same claimant and an overlapping date. A round figure "
    'without a qualifier ("10,000 missing", stated to the hundred or coarser, or any bare figure in a '
    'headline) agrees with a claim of "more than", "at least", "nearly" or "about" the same value, and with a '
    'precise value it rounds down keeping two significant digits ("3,200" for 3,271): an editor reads it as '
    'that figure rounded; a figure stated to the unit ("57") must carry the claim\'s qualifier, except that one '
    'stating the floor of an "at least" claim ("137 dead" for "at least 137") is a warning, not a block. A range ("14-16", '
    '"between 700 and 750") is compared whole: with a range claim\'s two ends, or with a claim whose value '
    "it covers. The contradiction is raised (and blocks) only when the figure is bound to the claim, or its "
    "metric, subject, claimant and date each come from its own words, none chosen among several; a part "
    "carried from another figure's clause or an earlier sentence makes it article-ambiguous, a warning that "
    "names the closest claim."
)
MESSAGE = ""  # each finding says what differs, what the article says and what the claim says
SUITE = None
PASSES = """\
In February 2025 President Zelensky told NBC that more than 46,000 Ukrainian military personnel had died.
"""
FAILS = """\
In February 2025 President Zelensky told NBC that more than 64,000 Ukrainian military personnel had died.
"""

POINT = frozenset({"exact", "about"})
# For each qualifier of the article: the claim qualifiers that say the same kind of thing, and those that
# agree only when the claim's value lies on the side the article's words give.
_KINDS: dict[str, tuple[frozenset[str], frozenset[str], str]] = {
    "exact": (POINT, frozenset(), ""),
    "about": (POINT | {"nearly"}, frozenset(), ""),
    "nearly": (frozenset({"nearly"}), POINT, "<="),
    "more_than": (frozenset({"more_than", "at_least"}), POINT, ">"),
    "at_least": (frozenset({"at_least", "more_than"}), POINT, ">="),
    "less_than": (frozenset({"less_than", "at_most"}), POINT | {"nearly"}, "<"),
    "at_most": (frozenset({"at_most", "less_than"}), POINT | {"nearly"}, "<="),
}


def epsilon(*values: float) -> float:
    """How far apart two values may be and still be the same number (floating point's slack)."""
    return 1e-9 * max(1.0, *(abs(v) for v in values))


def disagreement(
    value: float,
    qualifier: str,
    half_unit: float,
    claim_value: float,
    claim_qualifier: str,
    low: float | None = None,
    high: float | None = None,
) -> tuple[str, ...]:
    """What differs between the article's figure and a claim: () when they agree, else "value" and/or
    "qualifier". `half_unit` is the article figure's implied precision (half a unit of its last digit)."""
    eps = epsilon(value, claim_value)
    if low is not None or high is not None:  # a claim given as a range: the figure must fall within it
        lower = low if low is not None else claim_value
        upper = high if high is not None else claim_value
        # "up to $4 billion" states the range's upper end, "at least 2,000" its lower end.
        if qualifier in ("at_most", "less_than") and abs(value - upper) <= half_unit + eps:
            return ()
        if qualifier in ("at_least", "more_than") and abs(value - lower) <= half_unit + eps:
            return ()
        reasons = [] if lower - half_unit - eps <= value <= upper + half_unit + eps else ["value"]
        return tuple(reasons + ([] if qualifier in POINT else ["qualifier"]))
    below = 2 * half_unit if qualifier == "nearly" else half_unit
    reasons = [] if value - below - eps <= claim_value <= value + half_unit + eps else ["value"]
    same, sided, side = _KINDS.get(qualifier, _KINDS["exact"])
    if claim_qualifier in same:
        agrees = True
    elif qualifier == "nearly" and claim_qualifier == "exact":
        agrees = claim_value < value - eps  # "nearly 261" says fewer than 261: an exact 261 is another figure
    elif claim_qualifier in sided:
        agrees = {
            "<=": claim_value <= value + eps,
            "<": claim_value < value - eps,
            ">=": claim_value >= value - eps,
            ">": claim_value > value + eps,
        }[side]
    else:
        agrees = False
    return tuple(reasons + ([] if agrees else ["qualifier"]))


def range_disagreement(
    low: float,
    high: float,
    half_unit: float,
    claim_value: float,
    claim_qualifier: str,
    claim_low: float | None = None,
    claim_high: float | None = None,
) -> tuple[str, ...]:
    """What differs between the article's range `low`..`high` (each end stated to `half_unit`) and a claim:
    () when they agree, else "value" or "qualifier"."""
    eps = epsilon(low, high, claim_value)
    reach = half_unit + eps
    if claim_low is not None or claim_high is not None:  # a range against a range: both ends
        lower = claim_low if claim_low is not None else claim_value
        upper = claim_high if claim_high is not None else claim_value
        return () if abs(low - lower) <= reach and abs(high - upper) <= reach else ("value",)
    if claim_qualifier in ("at_least", "more_than"):
        return () if abs(claim_value - low) <= reach else ("value", "qualifier")
    if claim_qualifier in ("at_most", "less_than"):
        return () if abs(claim_value - high) <= reach else ("value", "qualifier")
    return () if low - reach <= claim_value <= high + reach else ("value",)


def value_window(value: float, qualifier: str, half_unit: float, high: float | None = None) -> tuple[float, float]:
    """The claim values that can agree with the article's figure, or its range `value`..`high` (for the index
    to look up)."""
    below = 2 * half_unit if qualifier == "nearly" and high is None else half_unit
    eps = epsilon(value, high or 0.0)
    return value - below - eps, (value if high is None else high) + half_unit + eps
