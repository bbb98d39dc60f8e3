"""Text from data, made safe to print: the one function every log, terminal and summary writer uses.

A dataset, a suite or a file name is written by whoever opened the pull request, and what factcheck prints
is read by a terminal (which obeys ESC sequences), by GitHub Actions' log (which obeys a line starting with
`::` and `##[` anywhere in a line) and by a reviewer (whom bidi controls can show text in another order).
`shown` turns such text into one visible line of bounded length; `clip` only bounds the length of a value
that a message embeds, leaving the escaping to the writer that prints it.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Long enough for every message, hint and explanation the shipped suites write; a value quoted in full
# (a 5 MB quote) is cut here, and the JSON report keeps it whole.
MAX_SHOWN = 500
# One value inside a message (a quote, a URL, an outlet): the message around it stays readable.
MAX_FIELD = 300

ELLIPSIS = "…"

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Unicode's explicit directional formatting characters (embeddings, overrides, isolates): they reorder
# the text around them, so a figure can read as another one.
_BIDI_CONTROLS = frozenset({"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"})


@functools.cache
def _unsafe() -> re.Pattern[str]:
    """Controls (C0, DEL, C1), line and paragraph separators, lone surrogates and bidi controls, from the
    Unicode database Python ships (all of them are in the Basic Multilingual Plane), and U+FFFE, U+FFFF."""
    chars = [
        c
        for c in map(chr, range(0x10000))
        if unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs") or unicodedata.bidirectional(c) in _BIDI_CONTROLS
    ]
    chars += ["\ufffe", "\uffff"]  # not characters at all (XML cannot carry them), though YAML reads them
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def _visible(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# The older command markers, which the Actions runner (`##[error]`) and Azure Pipelines' agent (`##vso[`)
# find anywhere in a line.
_MARKER = re.compile(r"##(?=\[|vso\[)", re.IGNORECASE)


def escaped(text: str, keep: str = "") -> str:
    """`text` with every control, separator and bidi control shown as an escape (`\\x1b`, `\\n`, `\\u202e`)
    but the characters in `keep`, and the older command markers `##[` and `##vso[` broken, at any length: for
    reports whose lines are their own (the HTML report keeps line feeds and tabs, which it shows as spaces)."""
    if not text.isprintable():
        text = _unsafe().sub(lambda m: m.group() if m.group() in keep else _visible(m.group()), text)
    return _MARKER.sub("#\\\\x23", text) if "##" in text else text


def shown(text: object, limit: int = MAX_SHOWN) -> str:
    """`text` as one printable line of at most `limit` characters, safe anywhere in a log line.

    Controls, separators and bidi controls are escapes (`escaped`); a leading `:` (after spaces, which the
    Actions runner skips) is `\\x3a`, so the text cannot begin a workflow command (`::error`,
    `::stop-commands::`) even where a line starts with it; a longer text ends with an ellipsis."""
    text = str(text)
    # Nearly every text is short and plain: `isprintable` is false for every character escaped here (they
    # are controls, separators, surrogates, format characters or not characters), and it leaves a space
    # as the only blank before a leading colon.
    if len(text) <= limit and text.isprintable() and "##" not in text and not text.lstrip(" ").startswith(":"):
        return text
    # Escaping only lengthens text: the first `limit` characters decide what is printed.
    head = escaped(text[:limit])
    stripped = head.lstrip()
    if stripped.startswith(":"):
        head = head[: len(head) - len(stripped)] + "\\x3a" + stripped[1:]
    if len(head) > limit or len(text) > limit:
        head = _cut(head, limit - len(ELLIPSIS)) + ELLIPSIS
    return head


# One character of escaped text, an escape counting as one: text is cut between them, never inside one.
_UNIT = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|[nrt])|.", re.DOTALL)
_LONGEST = len("\\u202e")


def _cut(text: str, room: int) -> str:
    end = 0
    for unit in _UNIT.finditer(text, 0, room + _LONGEST):
        if unit.end() > room:
            break
        end = unit.end()
    return text[:end]


def clip(text: str, limit: int = MAX_FIELD) -> str:
    """`text` at most `limit` characters long, ending with an ellipsis when it was longer; nothing escaped."""
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


# An error that lists several problems puts each on a line of its own, indented: that is the only line
# break of an error's own; more lines than `MAX_LINES` came from data.
_OWN_BREAK = re.compile(r"\n(?=  )")
MAX_LINES = 50


def shown_lines(text: object, limit: int = MAX_SHOWN) -> list[str]:
    """An error's message as lines, each `shown`, at most `MAX_LINES` of them. A line feed before an indent
    is the message's own layout (`3 problems:`, then one indented line each); every other one is shown as
    `\\n`, so a file name holding a line feed stays on its line. A value whose line feed comes before two
    spaces begins an indented line, which `shown` still keeps from being read as a command."""
    lines = _OWN_BREAK.split(str(text), MAX_LINES)
    if len(lines) > MAX_LINES:
        lines[-1] = f"  {ELLIPSIS} ({len(_OWN_BREAK.findall(lines[-1])) + 1} more lines)"
    return [shown(line, limit) for line in lines]
