"""One article checked against claims: its figures found, each tied to the claims it reports and judged.

Which articles a run checks, against which claims and with which gate's settings, is the run's to decide
(`factcheck.pipeline.drafts`): this module reads an article and the claims it is given, and nothing else."""

from __future__ import annotations

import bisect
from pathlib import Path

from factcheck.model.format import Catalog, Claim
from factcheck.prose import front_matter
from factcheck.prose.carried import carry_qualifiers
from factcheck.prose.comparisons import whole_of
from factcheck.prose.context import Reader
from factcheck.prose.dates import TooManyDates, find_dates
from factcheck.prose.differences import difference
from factcheck.prose.figures import find_numerals
from factcheck.prose.grouping import thousands
from factcheck.prose.guesses import GuessBudget, Guesses
from factcheck.prose.language import language
from factcheck.prose.match import MAX_QUOTE_MATCHED, ClaimIndex, agreement, normalized
from factcheck.prose.messages import finding, format_finding
from factcheck.prose.partitive import of_the_set_before
from factcheck.prose.quantities import AVERAGE, PERCENT, is_rate, population_of, quantity, set_size, threshold
from factcheck.prose.ranges import join_ranges
from factcheck.prose.readings import names_nothing_else
from factcheck.prose.relays import claimant_names
from factcheck.prose.seen_text import mixed_scripts, number_forms
from factcheck.prose.sentences import sentences
from factcheck.prose.source import ArticleError, Binding, Prose, prose_of, read_text
from factcheck.prose.verdicts import Verdict, judge
from factcheck.prose.vocabulary import Vocabulary
from factcheck.report.findings import BACKED, IGNORED, CheckedArticle, Context, Figure, Finding, Mark

MAX_FIGURES = 2000  # figures checked in one article: a long feature has a hundred
SUFFIXES = (".md", ".markdown", ".txt")
MARKDOWN = (".md", ".markdown")


def is_article(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def check_article(path: Path, rel: str, index: ClaimIndex, vocabulary: Vocabulary, catalog: Catalog | None,
                  unbacked: str = "warning", budget: GuessBudget | None = None,
                  ) -> tuple[CheckedArticle, list[Finding]]:  # fmt: skip
    """One article's figures, each judged: the article as reports show it, and its findings."""
    try:
        text = read_text(path)
    except ArticleError as error:
        return CheckedArticle(rel, None, None, "", 0), [format_finding(rel, error.line, error.message, error.hint)]
    try:
        front, body_start, ignore_lines = front_matter.read(text)
    except front_matter.FrontMatterProblem as problem:
        article = CheckedArticle(rel, None, None, text, 0)
        return article, [format_finding(rel, problem.line, f"front matter: {problem.message}", problem.hint)]
    article = CheckedArticle(rel, front.title, front.published.text if front.published else None, text, body_start)
    prose = prose_of(text, body_start, rel.lower().endswith(MARKDOWN))
    names = claimant_names(catalog)
    try:
        dates = find_dates(prose.prose, front.published, prose.body_start)
    except TooManyDates as error:
        line, column = prose.locate(error.offset)
        return article, [format_finding(rel, line, f"the article has {error}: it is not checked",
                                        "split it into several articles", column)]  # fmt: skip
    blanked = list(prose.prose)
    for phrase in dates:  # a date's digits are never a figure
        blanked[phrase.start : phrase.end] = " " * (phrase.end - phrase.start)
    shown = "".join(blanked)
    lang = language(front.lang)  # its separators and number words
    numerals = find_numerals(shown, prose.body_start, MAX_FIGURES + 1, lang.separators, small=True)
    small = [n for n in numerals if n.small]  # single digits: read only where a claim backs them (`_small`)
    numerals = [n for n in numerals if not n.small]
    numerals = sorted(numerals + lang.number_words(shown, prose.body_start, MAX_FIGURES + 1),
                      key=lambda n: n.start)[: MAX_FIGURES + 1]  # fmt: skip
    numerals = carry_qualifiers(shown, join_ranges(shown, numerals))
    found_sentences = sentences(prose.prose, prose.body_start, prose.markdown)
    reader = Reader(prose.prose, found_sentences, vocabulary.occurrences(prose.prose), dates, vocabulary,
                    prose.locate, [n.start for n in numerals])  # fmt: skip
    paragraphs = _paragraphs(found_sentences)
    # Past the figures checked, bindings are not read either: they bind figures that are not checked.
    until = numerals[MAX_FIGURES].start if len(numerals) > MAX_FIGURES else len(prose.prose)
    bound, findings = _bind(prose, numerals, rel, until)
    used = [False] * len(front.ignore)
    guesses = Guesses(index, budget)
    populations = {key: s.population for key, s in catalog.subjects.items() if s.population} if catalog else {}
    rates = any(is_rate(unit) for unit in vocabulary.units.values())
    read: dict[int, Context] = {}
    stated: dict[float, Claim] = {}  # the claim that backs each value stated, for a figure that repeats it later
    for number, numeral in enumerate(numerals):
        line, column = prose.locate(numeral.start)
        if number == MAX_FIGURES:
            findings.append(format_finding(rel, line, f"the article has more than {MAX_FIGURES:,} figures: those "
                                           "from here on are not checked", "split it into several articles",
                                           column))  # fmt: skip
            break
        seen = prose.prose  # the figure as a reader sees it; its offsets are the file's
        if mixed_scripts(prose.reading, numeral.start, numeral.end):
            findings.append(format_finding(rel, line, f"the figure {' '.join(seen[numeral.start : numeral.end].split())!r}"
                                           " is written in the digits of more than one script: it cannot be read "
                                           "with confidence, so it is not checked",
                                           "write each figure in one script's digits", column))  # fmt: skip
            continue
        figure = Figure(prose.to_file(numeral.start), prose.to_file(numeral.end), prose.to_file(numeral.phrase_start),
                        line, column, " ".join(seen[numeral.start : numeral.end].split()),
                        " ".join(seen[numeral.phrase_start : numeral.end].split()), numeral.value, numeral.qualifier,
                        numeral.half_unit, numeral.percent, bound.get(numeral.start), _unit(seen, numeral, rates),
                        numeral.low, numeral.high)  # fmt: skip
        ignored = _ignored(figure, front.ignore, used)
        if ignored is None and figure.binding is None:
            ignored = _not_claimed(seen, numeral, figure.unit, vocabulary)
        if ignored is None and figure.binding is None and figure.unit is None:
            ignored = _set_size(seen, numeral, reader)
        if ignored is None and figure.binding is None and threshold(
                seen, numeral.phrase_start, numeral.end, numeral.value, numeral.qualifier):  # fmt: skip
            ignored = "the threshold each of a counted set meets (23 states with at least one case), not a count"
        if ignored is None and figure.binding is None and whole_of(seen, numeral.phrase_start):
            ignored = "the whole a part before it is counted out of (110 out of 160), not a count of its own"
        if ignored is not None:
            article.marks.append(Mark(figure, IGNORED, None, ignored))
            continue
        # "extended it by three months": a number in words before a unit a metric counts in (`_not_claimed` set
        # aside the others) measures what that metric does, as digits would
        measured = figure.unit not in (None, PERCENT)
        context = None
        if numeral.spelled and figure.binding is None and not measured and (_idiom(seen, numeral) or not (
                reader.counts_a_metric(numeral.phrase_start, numeral.end, figure.unit)
                or _share_named(reader, numeral, vocabulary))):  # fmt: skip
            # A number in words that counts no metric ("two trains"), or an idiom ("one by one"), is no figure,
            # unless it names nothing but its subject and a claim of it states it ("two Nigerians").
            context = None if _idiom(seen, numeral) else reader.context(numeral.start, numeral.end, figure.unit)
            readings = _readings(seen, numeral, figure.unit, context, vocabulary) if context else frozenset()
            if not readings or judge(figure, context, index, "", names, (), readings).kind != BACKED:
                continue
        context = context or reader.context(numeral.start, numeral.end, figure.unit)
        readings = _readings(seen, numeral, figure.unit, context, vocabulary)
        sentence = reader.sentence_of(numeral.start)
        context = of_the_set_before(context, _read_before(read, sentence, found_sentences))
        if context.metrics and sentence is not None:
            read[sentence] = context  # the last figure of each sentence that counts a metric, for "N of them"
        figure = thousands(figure, lang.separators.decimal, context.metrics, vocabulary.units)  # "18.261 cases"
        if figure.binding is None and context.metrics and context.metrics <= vocabulary.running and difference(
                seen, numeral.phrase_start, numeral.end):  # fmt: skip
            # "15 more died than the first count showed": a change between counts, which no running total is
            article.marks.append(Mark(figure, IGNORED, None, "a difference between two counts, not a total"))
            continue
        around, beside = "", ("", "")
        if sentence is not None:  # the paragraph around the figure, as far as a quote it repeats could reach
            start, end = paragraphs[found_sentences[sentence].paragraph]
            reach = MAX_QUOTE_MATCHED + 10
            low, high = max(start, numeral.start - reach), min(end, numeral.end + reach)
            around = normalized(prose.prose[low:high])
            beside = (normalized(prose.prose[low : numeral.start]), normalized(prose.prose[numeral.end : high]))
        verdict = judge(figure, context, index, around, names, beside, readings)
        subjects = (context.subject, *sorted(context.named))
        if verdict.kind != BACKED and figure.unit is None and figure.binding is None and (
                place := population_of(figure.value, figure.half_unit, subjects, populations)):  # fmt: skip
            # "of its 21 million people": no claim states it, and it is the population the catalog gives a place
            article.marks.append(Mark(figure, IGNORED, None, f"the population of {place} (the catalog's)"))
            continue
        earlier = stated.get(figure.value)
        if verdict.kind == BACKED and figure.high is None:
            stated.setdefault(figure.value, verdict.claim)
        elif not context.metrics and earlier is not None and _refers_back(seen, numeral) and not agreement(
                figure.value, figure.qualifier, figure.half_unit, figure.high, earlier):  # fmt: skip
            verdict = Verdict(BACKED, earlier, how="repeated")
        elif verdict.how == "unsure" and verdict.claim is earlier and verdict.differs == ("qualifier",) and len(
                verdict.doubts) == 1 and figure.qualifier == "exact":  # fmt: skip
            # "At least 16 were killed ... later raised to 16 dead": a bare figure that drops the floor of the claim
            # the article stated before with its qualifier, and was backed by, names that figure again.
            verdict = Verdict(BACKED, earlier, how="repeated")
        result = finding(figure, context, verdict, rel, catalog, guesses, unbacked)
        article.marks.append(Mark(figure, verdict.kind, result, context=context))
        findings.append(result)
    if len(numerals) <= MAX_FIGURES:
        for numeral in small:
            backed = _small(numeral, prose, reader, index, vocabulary, names)
            if backed is not None:
                figure, context, verdict = backed
                result = finding(figure, context, verdict, rel, catalog, guesses, unbacked)
                article.marks.append(Mark(figure, verdict.kind, result, context=context))
                findings.append(result)
    for start, end in number_forms(prose.reading, prose.body_start):
        line, column = prose.locate(start)
        findings.append(format_finding(rel, line, f"{prose.prose[start:end]!r} is written in superscript or other "
                                       "number-form digits: it is not read as a figure, so it is not checked",
                                       "write the figure in plain digits", column))  # fmt: skip
    for entry, was_used, line in zip(front.ignore, used, ignore_lines, strict=True):
        if not was_used:
            findings.append(format_finding(rel, line, f"`ignore` names the figure {entry.figure!r}"
                                           + (f" on line {entry.line}" if entry.line else "")
                                           + ", which the article does not hold",
                                           "remove the entry, or write the figure as the article does",
                                           severity="warning"))  # fmt: skip
    return article, findings


def _unit(prose: str, numeral, rates: bool) -> str | None:
    """The figure's unit (None: a count). An average ("an average of 700 people a day") is a count of the
    catalog's rates when it has any ("people a day"), whose words then decide; without one it is set aside."""
    if numeral.percent:
        return PERCENT
    found = quantity(prose, numeral.start, numeral.phrase_start, numeral.end)
    return None if found is None or (found.unit == AVERAGE and rates) else found.unit


def _small(numeral, prose: Prose, reader: Reader, index: ClaimIndex, vocabulary: Vocabulary,
           names: dict) -> tuple[Figure, Context, Verdict] | None:  # fmt: skip
    """A single digit ("Caldwell: 4", "3 died on Wednesday"), its context and verdict when a claim backs it as it
    would a figure of more digits; None otherwise: newsrooms write one to nine as words, so a digit is more often
    a list count, part of a name or an id, and one no claim backs is left unread as before."""
    seen = prose.prose
    line, column = prose.locate(numeral.start)
    figure = Figure(prose.to_file(numeral.start), prose.to_file(numeral.end), prose.to_file(numeral.phrase_start),
                    line, column, seen[numeral.start : numeral.end], " ".join(seen[numeral.phrase_start : numeral.end].split()),
                    numeral.value, numeral.qualifier, numeral.half_unit, False, None, None)  # fmt: skip
    context = reader.context(numeral.start, numeral.end, None)
    verdict = judge(figure, context, index, "", names, (), _readings(seen, numeral, None, context, vocabulary))
    return (figure, context, verdict) if verdict.kind == BACKED else None


def _readings(prose: str, numeral, unit: str | None, context: Context, vocabulary: Vocabulary) -> frozenset[str]:
    """The metrics a figure that no metric word names may count (`prose.readings.names_nothing_else`)."""
    if context.metrics or context.subject is None:
        return frozenset()
    subject = next((cue.words for cue in context.cues if cue.part == "subject"), None)
    return vocabulary.by_unit.get(unit, frozenset()) if names_nothing_else(prose, numeral.end, subject) else frozenset()


def _not_claimed(prose: str, numeral, unit: str | None, vocabulary: Vocabulary) -> str | None:
    """Why a figure is no claim the article makes: a quantity of a unit no metric of the catalog has."""
    if unit is None or unit in vocabulary.by_unit:
        return None
    found = quantity(prose, numeral.start, numeral.phrase_start, numeral.end)  # None for a share: its unit is "%"
    what = f"{found.kind} ({found.words})" if found is not None else f"a share ({unit})"
    return f"{what}: no metric of the catalog has this unit"


# Number words in idioms that count nothing: "one by one", "one after another", and the vague "one or two",
# "two or three" (a number of each, not a figure).
_IDIOMS_AFTER = (" by one", " after another", " another", " or two", " or three", " or four")
_IDIOMS_BEFORE = ("one by ", "one or ", "two or ", "three or ")


def _idiom(prose: str, numeral) -> bool:
    """Whether a number in words stands in an idiom that counts nothing ("lifted one by one", "one or two")."""
    after = prose[numeral.end : numeral.end + 15].lower()
    before = prose[max(0, numeral.phrase_start - 9) : numeral.phrase_start].lower()
    return after.startswith(_IDIOMS_AFTER) or before.endswith(_IDIOMS_BEFORE)


def _share_named(reader: Reader, numeral, vocabulary: Vocabulary) -> bool:
    """ "more than half of the country's 38 million people faced hunger": a share in words counts what a share
    metric of the catalog named after it in its clause counts, past the noun phrase of its "of"."""
    shares = vocabulary.by_unit.get(PERCENT, frozenset())
    return numeral.percent and bool(shares) and reader.names_a_metric_after(numeral.start, numeral.end, shares)


def _refers_back(prose: str, numeral) -> bool:
    """ "how many of the 850 people on the list": a figure after "the", "those" or "these" that names no metric
    repeats one the article stated before, and reports its claim."""
    return prose[max(0, numeral.phrase_start - 7) : numeral.phrase_start].lower().endswith(("the ", "those ", "these "))


def _set_size(prose: str, numeral, reader: Reader) -> str | None:
    """Why a figure is the size of a set of places ("the 27 member countries"), not a count the article reports:
    unless a metric word follows it in its clause ("the 50 cities spared")."""
    noun = set_size(prose, numeral.phrase_start, numeral.end)
    if noun is None or reader.names_a_metric_after(numeral.start, numeral.end):
        return None
    return f"the size of a set of {noun}, which no metric word of its clause counts"


def _read_before(read: dict[int, Context], sentence: int | None, found: list) -> Context | None:
    """What the last figure counted in the sentence `sentence`, else in the one before it in its paragraph."""
    if sentence is None:
        return None
    if sentence in read:
        return read[sentence]
    before = sentence - 1
    return read.get(before) if before >= 0 and found[before].paragraph == found[sentence].paragraph else None


def _paragraphs(found: list) -> dict[int, tuple[int, int]]:
    """Where each paragraph starts and ends."""
    spans: dict[int, list[int]] = {}
    for sentence in found:
        span = spans.setdefault(sentence.paragraph, [sentence.start, sentence.end])
        span[1] = sentence.end
    return {number: (start, end) for number, (start, end) in spans.items()}


MAX_UNBOUND = 100  # bindings that bind nothing, reported one by one; the rest in one finding


def _bind(prose: Prose, numerals: list, rel: str, until: int) -> tuple[dict[int, str], list[Finding]]:
    """Which figure each binding before `until` binds (by the figure's start), and a finding for each binding
    that binds none."""
    bound: dict[int, str] = {}
    findings = []
    starts = [n.start for n in numerals]
    unbound = 0
    first_unlisted = 0
    for binding in prose.bindings:
        if binding.start >= until:
            break
        hits = _bound_by(binding, numerals, starts, prose.prose)
        for numeral in hits:
            bound[numeral.start] = binding.claim
        if not hits:
            unbound += 1
            if unbound > MAX_UNBOUND:
                first_unlisted = first_unlisted or binding.start
                continue
            line, column = prose.locate(binding.start)
            what = "`{claim:...}` follows" if binding.marker else "the link to a claim holds"
            findings.append(format_finding(rel, line, f"{what} no figure: it binds nothing to {binding.claim!r}",
                                           "write the binding right after the figure: 55,000{claim:ID}, or "
                                           "around it: [55,000](claim:ID)", column))  # fmt: skip
    if unbound > MAX_UNBOUND:
        line, column = prose.locate(first_unlisted)
        findings.append(format_finding(rel, line, f"{unbound - MAX_UNBOUND:,} more bindings bind no figure",
                                       "fix the ones above first", column))  # fmt: skip
    return bound, findings


def _bound_by(binding: Binding, numerals: list, starts: list[int], prose: str) -> list:
    if not binding.marker:
        low = bisect.bisect_left(starts, binding.start)
        return [n for n in numerals[low : bisect.bisect_left(starts, binding.end)] if n.end <= binding.end]
    before = bisect.bisect_left(starts, binding.start) - 1
    if before < 0:
        return []
    numeral = numerals[before]
    between = prose[numeral.end : binding.start]
    return [numeral] if len(between) <= 3 and not between.strip(" \t") else []


def _ignored(figure: Figure, ignore: list[front_matter.Ignore], used: list[bool]) -> str | None:
    for number, entry in enumerate(ignore):
        if " ".join(entry.figure.split()) == figure.text and (entry.line is None or entry.line == figure.line):
            used[number] = True
            return entry.reason
    return None
