"""A part of a set the sentence before names: "About 62,000 households were without power. Almost 40,000 of them
were in the north." "Them" is the set the figure before counted; the part counts what it counted.

A figure followed by "of them", "of those" or "of these" whose own sentence names no metric takes the metrics of
the last figure read before it in its sentence or the sentence before, in its paragraph. The words that chose
them stand in an earlier sentence, so a figure so read is never a certain contradiction (`prose.certainty`); as
a part of a set it is backed only by a claim of that part (its subject: "in the north") and contradicts no total.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.report.findings import Context

_THE_SET_BEFORE = frozenset({"of them", "of those", "of these"})


def of_the_set_before(context: Context, before: Context | None) -> Context:
    """The context of a figure that counts part of the set `before` counted ("40,000 of them"), else `context`."""
    if context.metrics or context.part not in _THE_SET_BEFORE or before is None or not before.metrics:
        return context
    metric_cues = tuple(replace(cue, source="paragraph") for cue in before.cues if cue.part == "metric")
    return replace(context, metrics=before.metrics, words=before.words, cues=metric_cues + context.cues)
