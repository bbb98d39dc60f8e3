"""What the words around a figure say about it, in the catalog's vocabulary only.

Each sentence is read for the catalog's phrases: metric `terms` ("killed", "killed or wounded", "civilians"),
subject names and `aliases` ("Ukraine", "Ukrainian", "Kiev") and claimant names and `aliases` ("Zelenskiy",
"British Defense Intelligence Agency"), the longest phrase winning where two overlap (so the "Ukraine" in
"UN Human Rights Monitoring Mission in Ukraine" names the claimant, not the subject). For a figure:

- the metric: the nearest metric word decides; when that word is shared by several metrics ("killed"), the
  next nearest narrows them ("killed 2,514 civilians": "civilians" leaves civilians_killed);
- the subject: the subject named nearest to the figure or to those metric words ("Ukrainian soldiers");
- the claimant: the one named nearest in its clause, or as a source elsewhere in the sentence, or carried
  from the last source of the paragraph ("Zelensky said ... He added that ..."; `prose.attribution`);
- the date: the nearest date phrase of the same clause, else of the sentence (`prose.dates`).

The prose is read sentence by sentence (`prose.sentences`).
"""

from __future__ import annotations

import bisect

from factcheck.floor.safe_regex import compile_regex
from factcheck.floor.text import clip
from factcheck.prose.attribution import attributes, cited, pronoun_speaks, relays, said_end, speaks
from factcheck.prose.certainty import rivals, source
from factcheck.prose.comparisons import compares, earlier_value, whole_of_the
from factcheck.prose.denials import not_claimants
from factcheck.prose.embedded import embedded_clause
from factcheck.prose.event_dates import dates_an_event, names_the_event
from factcheck.prose.groups import counts_a_listed_group
from factcheck.prose.increments import increment, increment_of, level_reached, links
from factcheck.prose.quantities import part_of_set
from factcheck.prose.readings import (
    counted,
    counted_after,
    group_of,
    has_predicate,
    head_noun,
    narrower,
    other_readings,
    passive_predicate,
    predicate,
)
from factcheck.prose.roles import describes_claimant, other_role
from factcheck.prose.sentences import Sentence
from factcheck.prose.speakers import Speaker, speaker, speakers
from factcheck.prose.subjects import SUBJECT_REACH, predicate_of_subject
from factcheck.prose.units import counted_unit, unit_metrics
from factcheck.prose.vocabulary import Occurrence, Vocabulary, words
from factcheck.prose.voices import other_voices
from factcheck.prose.words import plural_noun
from factcheck.report.findings import Context, Cue, DatePhrase

# How far a metric word may stand from a number in words that counts it: right before it, or four words after.
SPELLED_BEFORE, SPELLED_AFTER = 40, 60  # characters searched; the words between decide
WINDOW = 300  # characters either side of a figure that its context is read from
MAX_CUE = 80  # characters of the words a finding shows as choosing a part of its reading
OPENING_WORDS = 3  # words before a figure that opens its clause as its subject: "At least", "Some"
LIST_REACH, GROUP_REACH = 200, 40  # characters a list of groups and its metric word, and its first group, reach
SET_REACH = 3  # characters between "of the" and the word that names the set a partitive figure is part of
# What ends a clause: a bracket or a dash, a comma, semicolon or colon before a blank (a comma between digits
# is a thousands separator), or a conjunction ("31 had died and 140 had been rescued").
# Nouns of people that a number in words may count before the clause goes on ("one child was at ...").
PERSONS = frozenset({"person", "people", "child", "children", "man", "men", "woman", "women", "patient",
                     "patients", "victim", "victims", "resident", "residents", "worker", "workers"})  # fmt: skip
_QUALIFIER = compile_regex(r"(?i)(?:more|fewer|less) than (?:an? )?")
_MARKS = ("(", ")", "—", "–", ", ", ",\n", "; ", ";\n", ": ", ":\n", " and ", " but ", " while ", " whereas ")


def gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


class Reader:
    """The sentences, catalog phrases and date phrases of one article, and the context of each figure."""

    def __init__(self, prose: str, sentences_: list[Sentence], occurrences: list[Occurrence],
                 dates: list[DatePhrase], vocabulary: Vocabulary, locate, figures: list[int] | None = None,
                 ) -> None:  # fmt: skip
        self.prose = prose
        self.figures = sorted(figures or ())  # where the article's figures start
        self.sentences = sentences_
        self.sentence_starts = [s.start for s in sentences_]
        self.occurrences = occurrences
        self.occurrence_starts = [o.start for o in occurrences]
        self.named = [o for o in occurrences if o.entry.claimants]  # claimants named, for carried attribution
        self.named_starts = [o.start for o in self.named]
        self._sources: list[Occurrence] | None = None  # the named given as sources, read when first needed
        self._source_starts: list[int] = []
        self._pronouns: dict[int, bool] = {}
        self.dates = [d for d in dates if d.dates_figures and d.span is not None]
        self.date_starts = [d.start for d in self.dates]
        self.vocabulary = vocabulary
        self.locate = locate
        self._speakers: dict[int, tuple[list[Speaker], list[int]]] = {}
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}

    def sentence_of(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index < 0 or self.sentences[index].end <= offset:
            return None
        return index

    def _in(self, starts: list[int], items: list, start: int, end: int) -> list:
        return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def context(self, start: int, end: int, unit: str | None) -> Context:
        """The context of the figure at `start:end`, of the metrics of its unit (None: a count)."""
        index = self.sentence_of(start)
        if index is None:
            return Context(frozenset(), None, None, None, None)
        sentence = self.sentences[index]
        low, high = max(sentence.start, start - WINDOW), min(sentence.end, end + WINDOW)
        # "More than a half million": a catalog term ("more") inside the figure's own qualifier names nothing.
        near = [o for o in self._in(self.occurrence_starts, self.occurrences, low, high)
                if o.end <= high and not _QUALIFIER.fullmatch(self.prose[o.start : start])]  # fmt: skip
        allowed = self.vocabulary.by_unit.get(unit, frozenset())
        clause_start, clause_end = self._clause(sentence, start, end)
        if (inside := embedded_clause(self.prose, clause_start, start)) is not None:
            near = [o for o in near if not (inside[0] <= o.start and o.end <= inside[1])]
        # The figure's own clause first ("82 were from Iran, 63 were Canadians": 63's subject is Canadians), then
        # the clauses before it, then those after, nearest first.

        # "5,160 have died, up from 4,960": an earlier value counts what the figure before it counts, not "up".
        earlier = earlier_value(self.prose, clause_start, start)

        def outside(o: Occurrence) -> int:
            """0 in the figure's clause; 1 in a clause before it, whose subject a clause that names none carries
            ("killed 58 in the city and sickened 1,293"); 2 after it; 3 the words of comparison before an
            earlier value."""
            if earlier and clause_start <= o.start and o.end <= start:
                return 3
            return 0 if clause_start <= o.start and o.end <= clause_end else 1 if o.end <= clause_start else 2

        # "six of the dead workers had been identified": the words of the set a partitive figure is part of
        # ("the dead") say what the set is; the clause's other metric words say what the figure counts of it.
        part = part_of_set(self.prose, start, end)
        after_part = end + len(part) + SET_REACH if part is not None and part != "one" else end

        units = self.vocabulary.units

        def rank(o: Occurrence) -> tuple:
            names_the_set = end < o.start <= after_part  # the words right after "of the"
            # As near before it as after it, a noun after it that is the unit of a metric it names is what it
            # counts ("living in 82 temporary camps": the camps' 82, not the people living in them).
            unit = o.start > start and bool(unit_metrics(self.prose[o.start : o.end], o.entry.metrics, units))
            # After another figure, a word is that figure's ("rises to 225 with 14 still missing").
            past = o.start >= end and bisect.bisect_left(self.figures, end) < bisect.bisect_left(self.figures, o.start)
            # "217 victims were fully identified": the passive's verb says what the figure and its noun count.
            passive = outside(o) == 0 and o.start > end and passive_predicate(self.prose, end, o.start)
            # "a million people ... marching toward starvation": a term that is only the unit other metrics
            # count too (the word "people") tells none of them apart; the clause's other metric words decide first.
            phrase = self.prose[o.start : o.end]
            generic = " " not in phrase.strip() and bool(unit_metrics(phrase, allowed - o.entry.metrics, units))
            return (outside(o), names_the_set, past, not passive, generic, gap(start, end, o.start, o.end), not unit,
                    o.start)  # fmt: skip

        by_distance = sorted((o for o in near if o.entry.metrics & allowed), key=rank)
        metrics: frozenset[str] = frozenset()
        anchors: list[Occurrence] = []
        for occurrence in by_distance:
            names = occurrence.entry.metrics & allowed
            if not anchors:  # "2,094 relief camps": its own noun's unit, when the phrase names several metrics
                metrics = counted_unit(self.prose, end, occurrence.start, occurrence.end, names, self.vocabulary.units)
            elif len(metrics) == 1:
                break
            elif metrics & names:
                metrics &= names
            else:
                continue
            anchors.append(occurrence)
        if metrics and metrics <= self.vocabulary.running and increment(self.prose, clause_start, start, clause_end):
            said = {w for a in anchors for _, _, w in words(self.prose[a.start : a.end])}
            metrics = increment_of(said, allowed - self.vocabulary.running, self.vocabulary.term_words) or metrics
        if metrics and not metrics & self.vocabulary.running and level_reached(self.prose, sentence.start, start):
            metrics, anchors = next(((o.entry.metrics & allowed & self.vocabulary.running, [o]) for o in by_distance
                                     if o.entry.metrics & allowed & self.vocabulary.running), (metrics, anchors))  # fmt: skip
        metrics, others, part = self._readings(sentence, (start, end), (clause_start, clause_end), by_distance,
                                               anchors, metrics, part, allowed)  # fmt: skip
        subject = None
        best = None
        subject_at = None
        levels = []  # each subject named, and how far out of the figure's clause
        # "a death in the Hawke's Bay region, which took the toll to nine": the place of what moved a toll
        reached = level_reached(self.prose, clause_start, start)
        for occurrence in near:
            if (occurrence.entry.subject is None or self._describes_claimant(occurrence)
                    or other_role(self.prose, occurrence.start, occurrence.end) or (reached and outside(occurrence))
                    or (outside(occurrence) == 2 and self._own_figure(index, occurrence.start, occurrence.end))):  # fmt: skip
                continue
            distance = (outside(occurrence), min([gap(start, end, occurrence.start, occurrence.end)]
                        + [gap(a.start, a.end, occurrence.start, occurrence.end) for a in anchors]))  # fmt: skip
            levels.append((distance[0], occurrence.entry.subject))
            if best is None or distance < best:
                best, subject, subject_at = distance, occurrence.entry.subject, occurrence
        claimant, carried, claimant_at = self._claimant(index, start, end, near, outside)
        voices = other_voices(self.prose, claimant_at if carried is None else None, near,
                              lambda o: bool(outside(o)) and self._own_figure(index, o.start, o.end),
                              self.vocabulary.kin, lambda: self._carried(index)[0] if self._speaks_as_pronoun(index)
                              else None)  # fmt: skip
        unknown, speaker_at = None, None
        # "the Rapid Support Forces said": no claimant of the catalog speaks for the figure, though one may be
        # named in another role ("police helicopters were flown in ..., the weather service said"; "X said the
        # army had set up 212 camps"), or carried from an earlier sentence that this one's own speaker overrides.
        if claimant is None or carried is not None or not attributes(self.prose, claimant_at.start, claimant_at.end):
            known = [(o.start, o.end) for o in near]
            if index not in self._speakers:  # each sentence read once for its speakers
                names = speakers(self.prose, sentence.start, sentence.end)
                self._speakers[index] = (names, [n.start for n in names])
            found = speaker(*self._speakers[index], low, high, start, known)  # within the window
            if found is not None:
                claimant, carried, claimant_at, unknown, speaker_at = None, None, None, found.name, found
        date = self._date(sentence, start, end)
        terms = tuple(" ".join(self.prose[a.start : a.end].split()) for a in anchors)
        headline = self.prose.startswith("#", sentence.start)
        clause = (index, clause_start, clause_end, bool(earlier), start)
        elsewhere = date is not None and not (clause_start <= date.start and date.end <= clause_end)
        event = date is not None and dates_an_event(self.prose, date)
        rival_metrics = self._rivals(sentence, anchors, by_distance, metrics, outside)
        cues = [self._cue("metric", a.start, a.end, clause, rivals=rival_metrics * (a is anchors[0])) for a in anchors]
        if subject_at is not None and best is not None:
            near_ones = rivals([s for _, s in levels], subject, self.vocabulary.inside)
            cues.append(self._cue("subject", subject_at.start, subject_at.end, clause, rivals=near_ones))
        if claimant_at is not None:
            cues.append(self._cue("claimant", claimant_at.start, said_end(self.prose, claimant_at.start,
                                                                          claimant_at.end), clause, carried))  # fmt: skip
        elif speaker_at is not None:
            cues.append(self._cue("claimant", speaker_at.start, speaker_at.end, clause))
        if date is not None:
            cues.append(self._cue("date", date.start, date.end, clause))
        return Context(metrics, subject, claimant, carried, date, terms, headline, cues=tuple(cues),
                       speaker=unknown, part=part, date_elsewhere=elsewhere, date_event=event,
                       date_of_event=date is not None and names_the_event(self.prose, date),
                       whole=whole_of_the(self.prose, start), others=others,
                       kin=self.vocabulary.kin.get(claimant, frozenset()),
                       inside=self.vocabulary.inside.get(subject, frozenset()),
                       named=frozenset(s for level, s in levels if level == 0 and s != subject),
                       mentioned=frozenset(s for _, s in levels), voices=voices)  # fmt: skip

    def _readings(self, sentence: Sentence, figure: tuple[int, int], clause: tuple[int, int],
                  by_distance: list[Occurrence],
                  anchors: list[Occurrence], metrics: frozenset[str], part: str | None, allowed: frozenset[str],
                  ) -> tuple[frozenset[str], frozenset[str], str | None]:  # fmt: skip
        """The figure's metrics once a part its words name narrows them, the other readings its words leave
        open, and the part of a set it counts (`prose.readings`)."""
        start, end = figure
        prose = self.prose
        scope = [o for o in by_distance if clause[0] <= o.start and o.end <= clause[1] and o not in anchors]
        # "At least 17 soldiers, an officer among them, were killed": a subject a comma cuts from its predicate
        opens = len(prose[clause[0] : start].split()) <= OPENING_WORDS and not has_predicate(
            prose[clause[0] : clause[1]]
        )
        if opens and prose.startswith(",", clause[1]):
            following = bisect.bisect_right(self.figures, end)
            until = min([sentence.end, *self.figures[following : following + 1]])
            scope += [o for o in by_distance if clause[1] <= o.start and o.end <= until and predicate(prose, o.start)]
        # "among people aged 70 and over" names the group of the figure it follows, not of one before that figure
        following = bisect.bisect_right(self.figures, end)
        group = group_of(prose, end, min([clause[1], *self.figures[following : following + 1]]))
        found = [(o.start, o.entry.metrics & allowed) for o in scope if not counted_after(prose, end, o.start)]
        own = group is not None and any(a.start <= group[0] < a.end for a in anchors)  # "207 women": its metric
        narrow = narrower(found, metrics, self.vocabulary.within, (group[0], clause[1]) if group else None)
        # The noun right after the figure names who it counts ("53 people died"), not another reading of it, and
        # the noun of another figure ("622 deaths were recorded in 13 countries") is that figure's.
        readings = [o.entry.metrics & allowed for o in scope
                    if not head_noun(prose, end, o.start) and not counted(prose, o.start)]  # fmt: skip
        if narrow is not None:  # a metric word in the words of a group its own noun names: both are readings
            return (narrow | metrics if own else narrow), other_readings(readings, narrow | metrics), part
        if group is not None and part is None and not own:
            part = group[1]  # a group the metric word itself names ("2,641 women") is no part of it
        return metrics, other_readings(readings, metrics), part

    def _rivals(self, sentence: Sentence, anchors: list[Occurrence], by_distance: list[Occurrence],
                metrics: frozenset[str], outside) -> int:  # fmt: skip
        """The other metrics named in the clause of a metric word read from outside the figure's clause ("The
        death toll kept climbing, touching 550": "kept", or "death toll"?): nearness chose among them."""
        if not anchors or outside(anchors[0]) not in (1, 2):
            return 0
        low, high = self._clause(sentence, anchors[0].start, anchors[0].end)
        return len({m for o in by_distance if low <= o.start and o.end <= high for m in o.entry.metrics} - metrics)

    def _cue(self, part: str, start: int, end: int, clause: tuple[int, int, int, bool, int],
             carried: int | None = None, rivals: int = 0) -> Cue:  # fmt: skip
        """The words at `start:end` that chose a part of the reading of the figure of `clause` (its sentence,
        clause, whether it is an earlier value, and its start), and where they stand (`prose.certainty`): words
        opening an earlier clause frame it ("X said that"); what a clause of no figure counts is the figure's before."""
        line, column = self.locate(start)
        index, low, high, compared, at = clause
        follows = bisect.bisect_left(self.figures, start) - 1  # the figure before the words in their sentence
        counted = (
            part in ("metric", "subject")
            and follows >= 0
            and self.sentences[index].start <= self.figures[follows] != at
        )
        own = not ((low <= start and end <= high) or compared) and (
            counted or self._own_figure(index, start, end, end <= low)
        )
        return Cue(part, clip(" ".join(self.prose[start:end].split()), MAX_CUE), line, column,
                   source(start, end, (low, high), carried is not None, own), rivals)  # fmt: skip

    def counts_a_metric(self, start: int, end: int, unit: str | None) -> bool:
        """Whether the figure at `start:end` counts what a metric word of its clause names, as a number in words
        must to be a figure: the word follows within a few words ("nine crew members", "seven were killed") or
        comes right before it and its qualifier ("killed at least seven"; `start` is where the qualifier starts)."""
        index = self.sentence_of(start)
        if index is None:
            return False
        low, high = self._clause(self.sentences[index], start, end)
        allowed = self.vocabulary.by_unit.get(unit, frozenset())
        following = self.prose[end : end + SPELLED_AFTER].split()
        noun = following[0] if following else ""
        for o in self._in(self.occurrence_starts, self.occurrences, max(low, start - SPELLED_BEFORE),
                          min(high, end + SPELLED_AFTER)):  # fmt: skip
            if o.entry.metrics & allowed and o.end <= high and (o.start >= end or o.end <= start):
                between = self.prose[o.end : start] if o.end <= start else self.prose[end : o.start]
                if o.start >= end and between.strip() and plural_noun(noun):
                    continue  # "four countries at risk": it counts the noun right after it
                if len(between.split()) <= (0 if o.end <= start else 4) or (o.end <= start and links(between)):
                    return True
        return (self._elliptical(low, high, end, allowed) or self._listed_group(index, end, allowed)
                or self._heads_subject(index, end, allowed))  # fmt: skip

    def _heads_subject(self, index: int, end: int, allowed: frozenset[str]) -> bool:
        """ "Sixty people, most of them pilgrims, drowned": the number heads the subject of a metric word
        (`prose.subjects`)."""
        stop = min(self.sentences[index].end, end + SUBJECT_REACH)
        units = frozenset(self.vocabulary.units.get(m, "") for m in allowed)
        return any(o.entry.metrics & allowed and predicate_of_subject(self.prose, end, o.start, units)
                   for o in self._in(self.occurrence_starts, self.occurrences, end, stop))  # fmt: skip

    def _listed_group(self, index: int, end: int, allowed: frozenset[str]) -> bool:
        """ "three Indians, three Britons and one Portuguese had died": a group in a list that shares the metric
        word at its end (`prose.groups`)."""
        sentence = self.sentences[index]
        near = self._in(self.occurrence_starts, self.occurrences, end, min(sentence.end, end + LIST_REACH))
        groups = [(o.start, o.end) for o in near if o.entry.subject is not None and o.start - end <= GROUP_REACH]
        if not groups:
            return False
        metrics = [o.start for o in near if o.entry.metrics & allowed]
        return counts_a_listed_group(self.prose, end, groups, metrics)

    def names_a_metric_after(self, start: int, end: int, among: frozenset[str] | None = None) -> bool:
        """Whether a metric word of the catalog (of a metric `among` these, when given) follows the figure at
        `start:end` within its clause."""
        index = self.sentence_of(start)
        if index is None:
            return False
        _, high = self._clause(self.sentences[index], start, end)
        near = self._in(self.occurrence_starts, self.occurrences, end, high)
        return any(o.entry.metrics if among is None else o.entry.metrics & among for o in near)

    def _elliptical(self, low: int, high: int, end: int, allowed: frozenset[str]) -> bool:
        """ "nine were killed in Albay and one in Catanduanes", "Haiti reported 34 deaths, and the Dominican
        Republic confirmed one", "looking for three more": a number ending a clause that names no metric (or
        followed only by "more" or a place) counts what the clause before it counted."""
        if any(o.entry.metrics for o in self._in(self.occurrence_starts, self.occurrences, low, high)):
            return False
        rest = [w.strip(".,;:!?\"”’'") for w in self.prose[end:high].split()]
        rest = [w for w in rest if w]
        if len(rest) > 1 and rest[0].lower() in PERSONS:  # "and one child was at a children's hospital"
            rest = rest[1:]
        # "... 63 were Canadians, three were Germans": a copula and a name, as a list of places continues
        copula = rest[:1] and rest[0] in ("were", "was", "are", "is") and 1 < len(rest) <= 3 and rest[-1][:1].isupper()
        # "... and one child was at a dedicated children's hospital": a copula and where they are
        located = len(rest) > 2 and rest[0] in ("were", "was", "are", "is") and rest[1] in ("in", "at")
        if rest and not (rest[0].lower() == "more" or copula or located or (rest[0] in ("in", "at", "from")
                                                                             and len(rest) > 1
                                                                             and rest[1][:1].isupper())):  # fmt: skip
            return False
        index = self.sentence_of(low)
        before = self.sentences[index].start if index is not None else low
        return any(o.entry.metrics & allowed for o in self._in(self.occurrence_starts, self.occurrences, before, low))

    def _claimant(self, index: int, start: int, end: int, near: list[Occurrence],
                  outside) -> tuple[str | None, int | None, Occurrence | None]:  # fmt: skip
        """The claimant, the line it is carried from (None when its own sentence names it), and the name that
        chose it."""
        named = [o for o in near if o.entry.claimants]
        # "Police rejected reports that the toll had passed 125": the one who denies a figure is not its source.
        sentence = self.sentences[index]
        denied = not_claimants(self.prose, sentence.start, start, end, sentence.end)
        named = [o for o in named if not any(a <= o.start < b for a, b in denied)]
        # "X said 20 ..., while the minister said at least 15": a name in another clause with a figure of its
        # own speaks for that figure.
        own = [o for o in named if not (outside(o) and self._own_figure(index, o.start, o.end))]
        named = own or named
        # "City officials quoted by the broadcaster X said": the one who relays a figure is not its claimant.
        relayed = [o for o in named if relays(self.prose, o.start)]
        if relayed and len(relayed) < len(named):
            named = [o for o in named if o not in relayed]
        # "The ministry said, citing the hospital, ...": the hospital's is the figure the ministry relays.
        citing = [o for o in named if cited(self.prose, o.start)]
        if citing:
            return self._named(citing, start, end, outside)
        # "Al-Qudra said, the army had killed 19": the one who says it is the claimant, not the one it is about.
        speaking = [o for o in named if speaks(self.prose, o.start, o.end)]
        if speaking and len(speaking) < len(named):
            named = speaking
        # A name in another clause attributes the figure only as a source, and not the source a later clause
        # gives for a figure of its own ("40 were hurt, though 65 were according to the hospital").
        named = [
            o
            for o in named
            if outside(o) == 0
            or (
                attributes(self.prose, o.start, o.end)
                and not (outside(o) == 2 and self._own_figure(index, o.start, o.end))
                # "80 were believed trapped, but the Army said all were found": a source after "but" says
                # what contrasts with the figure's clause, not the figure
                and not (outside(o) == 2 and " but " in self.prose[end : o.start])
            )
        ]
        if named:
            return self._named(named, start, end, outside)
        return self._carried(index)

    def _carried(self, index: int) -> tuple[str | None, int | None, Occurrence | None]:
        """The last claimant named as a source before the sentence `index`, in an earlier sentence of the same
        paragraph; after "He said", the last one named."""
        sentence = self.sentences[index]
        if self._sources is None:  # each name read once an article
            self._sources = [o for o in self.named if attributes(self.prose, o.start, o.end)]
            self._source_starts = [o.start for o in self._sources]
        pool, starts = (
            (self.named, self.named_starts) if self._speaks_as_pronoun(index) else (self._sources, self._source_starts)
        )
        before = bisect.bisect_left(starts, sentence.start) - 1
        if before < 0:
            return None, None, None
        last = pool[before]
        earlier = self.sentence_of(last.start)
        if earlier is None or self.sentences[earlier].paragraph != sentence.paragraph or len(last.entry.claimants) != 1:
            return None, None, None
        return next(iter(last.entry.claimants)), self.locate(last.start)[0], last

    def _speaks_as_pronoun(self, index: int) -> bool:
        """Whether a pronoun speaks in the sentence `index` ("he said", "she told the ABC"), read once."""
        if index not in self._pronouns:
            sentence = self.sentences[index]
            self._pronouns[index] = pronoun_speaks(self.prose, sentence.start, sentence.end)
        return self._pronouns[index]

    def _named(
        self, named: list[Occurrence], start: int, end: int, outside
    ) -> tuple[str | None, None, Occurrence | None]:
        nearest = min(named, key=lambda o: (outside(o), gap(start, end, o.start, o.end), o.start))
        if len(nearest.entry.claimants) != 1:
            return None, None, None
        return next(iter(nearest.entry.claimants)), None, nearest

    def _with_figure(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the words at `start:end` stand in a clause of "with" that states a figure of its own before
        them ("with 85 percent of the area searched as of Sunday"): a fact apart, not a shared date."""
        low, _ = self._clause(sentence, start, end)
        opens = self.prose[low : low + 5].lower() == "with "
        return opens and bisect.bisect_left(self.figures, low) < bisect.bisect_left(self.figures, start)

    def _own_figure(self, index: int, start: int, end: int, heads: bool = False) -> bool:
        """Whether the clause of the words at `start:end` (a name) holds a figure of its own; with `heads`, one
        before the words (the words after a figure are its; those before every figure frame the sentence)."""
        low, high = self._clause(self.sentences[index], start, end)
        return bisect.bisect_left(self.figures, low) < bisect.bisect_left(self.figures, start if heads else high)

    def _describes_claimant(self, occurrence: Occurrence) -> bool:
        """A subject's name that describes a claimant named right after it: "Ukrainian President Volodymyr
        Zelenskiy" (title words), "Ukraine's foreign minister, Vadym Prystaiko" (an apposition)."""
        at = bisect.bisect_right(self.occurrence_starts, occurrence.start)
        if at >= len(self.occurrences) or not self.occurrences[at].entry.claimants:
            return False
        return describes_claimant(self.prose[occurrence.end : self.occurrences[at].start])

    def _date(self, sentence: Sentence, start: int, end: int) -> DatePhrase | None:
        low, high = max(sentence.start, start - WINDOW), min(sentence.end, end + WINDOW)
        candidates = [d for d in self._in(self.date_starts, self.dates, low, high) if d.end <= high]
        if not candidates:
            return None
        clause_start, clause_end = self._clause(sentence, start, end)
        in_clause = [d for d in candidates if d.start >= clause_start and d.end <= clause_end]
        # "5,160 have died, up from 4,960 on Friday": a date in the clause of an earlier value dates that value;
        # "850 are missing, with 85 percent of the area searched as of Sunday": one of a figure's "with", that one.
        pool = in_clause or [d for d in candidates if not compares(self.prose, *self._clause(sentence, d.start, d.end))
                             and not self._with_figure(sentence, d.start, d.end)]  # fmt: skip
        if not pool:
            return None
        return min(pool, key=lambda d: (gap(start, end, d.start, d.end), d.start))

    def _clause(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        """The clause around a figure: from the last clause mark before it to the first after it."""
        found = self._clauses.get((start, end))
        if found is None:  # each read once: a figure's cues and dates ask for the same clauses
            found = self._clauses[(start, end)] = self._read_clause(sentence, start, end)
        return found

    def _read_clause(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        prose = self.prose
        low, high = max(sentence.start, start - WINDOW), min(sentence.end, end + WINDOW)
        left = max((at + len(mark) for mark in _MARKS if (at := prose.rfind(mark, low, start)) >= 0), default=low)
        right = min((at for mark in _MARKS if (at := prose.find(mark, end, high)) >= 0), default=high)
        # "617 garages and basements were inspected": a conjunction inside a catalog phrase joins its words.
        inside = self._phrase_around(right)
        if inside is not None and prose.startswith((" and ", " or "), right):
            return left, self._clause(sentence, start, inside.end)[1]
        return left, right

    def _phrase_around(self, at: int) -> Occurrence | None:
        """The catalog phrase that holds the offset `at` within it, if one does."""
        index = bisect.bisect_right(self.occurrence_starts, at) - 1
        return self.occurrences[index] if index >= 0 and self.occurrences[index].end > at + 1 else None
