"""How the importer words many problems at once."""

from __future__ import annotations

from factcheck.floor.errors import ConfigError
from factcheck.reading.schema_errors import clip_message

MAX_ERRORS = 20


def one_error(items: list[tuple[str, str, str]], total: int | None = None) -> ConfigError:
    """One error for many problems: `where: message` each (at most MAX_ERRORS), each with its hint, of
    `total` problems (all of them are `items` when it is not given)."""
    total = len(items) if total is None else total
    # A message quotes what is wrong, never a whole cell: a cell can be megabytes, or hold line breaks.
    shown = [(where, clip_message(message), clip_message(hint)) for where, message, hint in items[:MAX_ERRORS]]
    if total == 1:
        where, message, hint = shown[0]
        return ConfigError(f"{where}: {message}", hint)
    lines = [f"{where}: {message}" + (f"\n    hint: {hint}" if hint else "") for where, message, hint in shown]
    if total > len(shown):
        lines.append(f"... and {total - len(shown)} more")
    return ConfigError(f"{total} problems:\n  " + "\n  ".join(lines))
