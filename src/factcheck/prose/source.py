"""An article file read as text, and its prose: the text with everything that is not prose blanked out.

An article comes from a pull request, so it is read as the datasets are: a regular file of UTF-8 text within
a size limit, never executed or rendered. Its prose is the same text, character for character, with code,
URLs, HTML, link targets, binding markers and the front matter replaced by spaces (line feeds kept): every
later step finds figures, dates and names in the prose, and the offsets it finds are those of the file, so
each figure keeps its line and column.
"""

from __future__ import annotations

import bisect
import functools
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.floor.safe_regex import compile_regex
from factcheck.prose.seen_text import Reading, read

MAX_ARTICLE_BYTES = 512 * 1024  # a long feature is 50 KB (8,000 words); a book is not one article
MAX_LINE = 10_000  # characters: a paragraph of plain text is one line, a long one 3,000 characters
MAX_BINDING = 200  # characters of a claim id (models.ClaimId)
MAX_PART = 1000  # characters of a link's text or target, a code span, a tag or a reference's label


class ArticleError(Exception):
    """The file cannot be read as an article; `line` and `column` say where."""

    def __init__(self, line: int, message: str, hint: str = "", column: int | None = None):
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


def read_text(path: Path) -> str:
    """The file's text, its line breaks as line feeds; `ArticleError` for anything that is not an article."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(1, "this is not a regular file", "articles are plain text files")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(1, f"the file is {info.st_size:,} bytes, above the limit of {MAX_ARTICLE_BYTES:,}",
                               "split it into several articles")  # fmt: skip
        with path.open("rb") as handle:
            raw = handle.read(MAX_ARTICLE_BYTES + 1)  # one byte past the limit: a file that grew is refused too
    except OSError as error:
        raise ArticleError(1, f"cannot read the article ({error.strerror or error})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(1, f"the file is above the limit of {MAX_ARTICLE_BYTES:,} bytes", "split it")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ArticleError(line, "the file contains a NUL byte: it is not text", "save the article as UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ArticleError(line, "the file is not UTF-8 text", "save the article as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line_text in enumerate(text.split("\n"), 1):
        if len(line_text) > MAX_LINE:
            raise ArticleError(number, f"line {number} is {len(line_text):,} characters long, above the limit of "
                               f"{MAX_LINE:,}", "break the paragraph into lines, or into several paragraphs")  # fmt: skip
    return text


@dataclass(frozen=True)
class Lines:
    """Offsets into lines and columns (both 1-based; a column counts characters)."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Lines:
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        return cls(tuple(starts))

    def locate(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


@dataclass(frozen=True)
class Binding:
    """A figure tied to a claim by hand: the text it covers (a link's text) or the marker after a figure."""

    start: int  # the link text, or the marker itself
    end: int
    claim: str
    marker: bool  # `{claim:ID}` (binds the figure right before it) rather than `[figure](claim:ID)`


@dataclass
class Prose:
    """An article's prose as a reader sees it. Every offset into `prose` (and a binding's) is one of the
    reading; `locate` gives the line and column in the file."""

    text: str  # the file
    prose: str  # the reading of the file with what is not prose blanked (`prose.seen_text`)
    markdown: bool
    lines: Lines
    body_start: int
    bindings: list[Binding] = field(default_factory=list)
    reading: Reading | None = None

    def to_file(self, offset: int) -> int:
        return offset if self.reading is None else self.reading.to_file(offset)

    def locate(self, offset: int) -> tuple[int, int]:
        return self.lines.locate(self.to_file(offset))


# Our own patterns, run by RE2 (linear in the text): each part stops where the next must begin, so a match that
# starts at a place is the only one that can start there. The parts in brackets hold at most `limit` characters.
_SPANS = {  # name: (pattern, limit)
    "url": (r"(?i)(?:https?://|www\.)[^\s<>\"']+", None),
    "email": (r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", None),
    "marker": (r"\{claim:\s*([^{}\s]+)\s*\}", MAX_BINDING),
    "link": (r"(!?)\[([^\[\]\n]*)\]\(([^()\n]*)\)", MAX_PART),
    "code": (r"`([^`\n]+)`", MAX_PART),
    "tag": (r"</?[A-Za-z]([^<>\n]*)>", MAX_PART),
    "reference": (r"(?m)^ {0,3}\[([^\[\]\n]+)\]:[^\n]*$", MAX_PART),
}


@functools.cache
def _pattern(name: str, bounded: bool = False):
    pattern, limit = _SPANS[name]
    if bounded:  # "[^`\n]+)" -> "[^`\n]{1,1000})"
        pattern = re.sub(r"\]([*+])\)", lambda m: f"]{{{0 if m[1] == '*' else 1},{limit}}})", pattern)
    return compile_regex(pattern)


def _spans(name: str, text: str, start: int) -> Iterator:
    """The matches of the pattern `name` in `text` from `start`, as its bounded form finds them.

    RE2 compiles a part bounded to 1,000 characters as 1,000 copies of it, slowly (docs/performance.md), so the
    pattern runs unbounded: it finds the same matches until one has a part past its limit (a match is the only
    one that can start where it starts), and from that one on, the bounded form, compiled only then, reads."""
    limit = _SPANS[name][1]
    for match in _pattern(name).finditer(text, start):
        if limit is not None and any(len(part) > limit for part in match.groups() if part):
            yield from _pattern(name, bounded=True).finditer(text, match.start())
            return
        yield match


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def prose_of(text: str, body_start: int, markdown: bool) -> Prose:
    """The prose of an article whose text after the front matter starts at `body_start`."""
    chars = list(text)
    _blank(chars, 0, body_start)
    bindings: list[Binding] = []
    markup: list[tuple[int, int]] = []  # comments and tags, which a reader never sees
    if markdown:
        _blank_fences(text, chars, body_start)
        markup += _blank_comments(text, chars, body_start)
        for name in ("code", "reference", "tag"):
            for match in _spans(name, text, body_start):
                _blank(chars, match.start(), match.end())
                if name == "tag":
                    markup.append((match.start(), match.end()))
    current = "".join(chars)
    for match in _spans("link", current, body_start):
        image, target = match.group(1), match.group(3).strip()
        text_start, text_end = match.start(2), match.end(2)
        if image:
            _blank(chars, match.start(), match.end())
            continue
        _blank(chars, match.start(), text_start)  # "["
        _blank(chars, text_end, match.end())  # "](target)"
        if target.startswith("claim:"):
            bindings.append(Binding(text_start, text_end, target[len("claim:") :].strip(), marker=False))
    current = "".join(chars)
    for match in _spans("marker", current, body_start):
        bindings.append(Binding(match.start(), match.end(), match.group(1), marker=True))
        _blank(chars, match.start(), match.end())
    current = "".join(chars)
    for name in ("url", "email"):
        for match in _spans(name, current, body_start):
            _blank(chars, match.start(), match.end())
    reading = read("".join(chars), _inside_numbers(text, markup))
    if reading.origin is not None:
        bindings = [Binding(reading.from_file(b.start), reading.from_file(b.end), b.claim, b.marker) for b in bindings]
    bindings.sort(key=lambda b: b.start)
    return Prose(text, reading.text, markdown, Lines.of(text), reading.from_file(body_start), bindings, reading)


_NUMBER_PART = frozenset("0123456789,.\u00a0\u202f\u2009'\u2019")


def _inside_numbers(text: str, markup: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of markup that stand between a digit and a digit or a separator (`64<!-- -->,000`,
    `6<span></span>4`): a reader sees one number there, so they are dropped, not blanked to a space."""
    runs: list[list[int]] = []
    for start, end in sorted(markup):
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    inside = []
    for start, end in runs:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if (before.isdigit() and after in _NUMBER_PART) or (before in _NUMBER_PART and after.isdigit()):
            inside.append((start, end))
    return inside


def _blank_fences(text: str, chars: list[str], start: int) -> None:
    """Fenced code blocks (``` or ~~~ at the start of a line) are code, not prose."""
    offset = start
    fence = ""
    opened = 0
    for line in text[start:].split("\n"):
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) <= 3 and stripped[:3] in ("```", "~~~"):
            if not fence:
                fence, opened = stripped[:3], offset
            elif stripped.startswith(fence):
                _blank(chars, opened, offset + len(line))
                fence = ""
        offset += len(line) + 1
    if fence:  # an unclosed fence runs to the end, as Markdown reads it
        _blank(chars, opened, len(text))


def _blank_comments(text: str, chars: list[str], start: int) -> list[tuple[int, int]]:
    spans = []
    at = text.find("<!--", start)
    while at != -1:
        end = text.find("-->", at + 4)
        end = len(text) if end == -1 else end + 3
        _blank(chars, at, end)
        spans.append((at, end))
        at = text.find("<!--", end)
    return spans
