"""An article's optional YAML front matter: its title, the date it is published, and figures to leave alone.

    ---
    title: Zelensky says 55,000 Ukrainian soldiers killed
    published: 2026-02-04          # "last month", "on Wednesday", "this year" count from this date
    lang: en                       # the language its figures are read in (`prose.language`); en without it
    ignore:
      - figure: "300"              # the figure as written, without its qualifier words
        line: 12                   # optional: only on this line
        reason: a count of delegates, not a claimed figure
    ---

It is read as every YAML file factcheck reads (`factcheck.reading.yamlfile`: plain data, bounded), and checked by a
strict model: an unknown field, a date that does not exist or a language factcheck does not read is a problem
on its line.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationError

from factcheck.model.format import DateSpan, Text, _Model
from factcheck.pipeline.load import explain
from factcheck.prose.language import DEFAULT, reads, supported
from factcheck.reading import yamlfile

MAX_IGNORED = 1000


def _as_written(value: object) -> object:
    """`figure: 300` is the figure 300 as written: YAML reads it as a number, the article has it as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Ignore(_Model):
    figure: Annotated[Text, BeforeValidator(_as_written), Field(max_length=100)]
    reason: Text
    line: Annotated[int, Field(ge=1)] | None = None


class FrontMatter(_Model):
    title: Text | None = None
    published: DateSpan | None = None
    lang: Annotated[Text, Field(max_length=35)] = DEFAULT  # a BCP 47 tag, at most 35 characters (RFC 5646)
    ignore: Annotated[list[Ignore], Field(max_length=MAX_IGNORED)] = []


NONE = FrontMatter()


class FrontMatterProblem(Exception):
    def __init__(self, line: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def _is_fence(line: str, closing: bool) -> bool:
    stripped = line.rstrip(" \t")
    return stripped == "---" or (closing and stripped == "...")


def split(text: str) -> tuple[str | None, int]:
    """The front matter's YAML (None without one) and the offset where the text after it begins.

    Front matter is a first line `---`, YAML, and a line `---` (or `...`), as Jekyll, Hugo and Pandoc read it."""
    first_end = text.find("\n")
    if first_end == -1 or not _is_fence(text[:first_end], closing=False):
        return None, 0
    offset = first_end + 1
    while offset <= len(text):
        end = text.find("\n", offset)
        end = len(text) if end == -1 else end
        if _is_fence(text[offset:end], closing=True):
            return text[first_end + 1 : offset], min(end + 1, len(text))
        offset = end + 1
    raise FrontMatterProblem(1, "the front matter that starts here is never closed",
                             "end it with a line `---`, or remove the first line `---`")  # fmt: skip


def read(text: str) -> tuple[FrontMatter, int, list[int]]:
    """The front matter of an article (`NONE` without one), where its body starts and the line of each
    `ignore` entry; `FrontMatterProblem` for the first problem in it, on the article's own line."""
    yaml_text, body_start = split(text)
    if yaml_text is None:
        return NONE, 0, []
    try:
        data, problems = yamlfile.parse(yaml_text)
    except yamlfile.YamlError as error:
        raise FrontMatterProblem(error.problem.line + 1, error.problem.message, error.problem.hint) from None
    if problems:
        raise FrontMatterProblem(problems[0].line + 1, problems[0].message, problems[0].hint)
    if data is None:
        return NONE, body_start, []
    if not isinstance(data, yamlfile.Mapping):
        raise FrontMatterProblem(2, "the front matter is a mapping of `title`, `published`, `lang` and `ignore`")
    try:
        front = FrontMatter.model_validate(data)
    except ValidationError as error:
        first = explain(error, data, data.line or 1, FrontMatter)[0]
        raise FrontMatterProblem(first.line + 1, first.message, first.hint) from None
    if not reads(front.lang):
        raise FrontMatterProblem(data.line_of("lang") + 1, f"`lang` {front.lang!r} is not a language factcheck "
                                 "reads articles in", f"factcheck reads: {supported()}; write `lang: {DEFAULT}`, "
                                 "or leave `lang` out")  # fmt: skip
    entries = data.get("ignore")
    lines = [entries.line_of(i) + 1 for i in range(len(front.ignore))] if isinstance(entries, yamlfile.Sequence) else []
    return front, body_start, lines
