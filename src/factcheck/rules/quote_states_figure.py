"""quote-states-figure: the quote given as the source states the figure claimed.

A quote is the reader's evidence; if it does not contain the number, either the quote or the figure was
copied wrongly. Numbers are read the ways people write them: in digits (factcheck.floor.numbers.numbers_in:
"55,000", "55 000", "55.000", "55’000", "55 thousand", "1.1 million", "2,5 mln", "2 lakh") and in words, as
the article check reads them (factcheck.prose.numberwords: "seven", "Thirty-six", "at least a hundred", "two
dozen"). Claims without a quote are not checked here (source-url-or-quote asks for one of the two).
"""

from __future__ import annotations

from factcheck.floor.numbers import numbers_in
from factcheck.rules._expectation import RowExpectation

ID = "quote-states-figure"
SEVERITY = "critical"
TITLE = "Quote states the figure"
EXPLAIN = (
    "The quote must contain the claimed figure, written in any usual way (55,000, 55 000, 55.000, 55 "
    "thousand, 1.1 million, 2 lakh, seven, a hundred); otherwise the figure or the quote was copied wrongly."
)
MESSAGE = 'the quote does not state {figure}: "{quote}"'
SUITE = "source-attribution"
PASSES = """\
value: 1100000
source: {quote: "put the total number of Russian soldiers killed or injured at 1.1 million"}
"""
FAILS = """\
# the quote says 55,000
value: 65000
source: {quote: "the number of soldiers who died on the battlefield ... is 55,000"}
"""


def states_figure(text: str | None, value: float) -> bool:
    """Whether a quote states `value` in any of the ways people write numbers."""
    if not text:
        return False
    wanted = round(float(value), 6)
    if wanted in numbers_in(text):
        return True
    # Imported here: the registry is imported by every command and loads the floor only (tests/rules).
    from factcheck.prose.numberwords import find_number_words

    return any(round(n.value, 6) == wanted for n in find_number_words(text))


EXPECTATION = RowExpectation(
    type="expect_quote_to_state_figure",
    metric="factcheck.quote_states_figure",
    test=states_figure,
    columns=("quote", "value"),
    doc="Expect the quote (first column) to state the figure (second column).",
)
