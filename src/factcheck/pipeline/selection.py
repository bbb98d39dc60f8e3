"""`--select` and `--ignore`: the suite checks one run runs, by id (as ruff selects its rules).

`--select a,b` runs only those checks of the gates' suites, `--ignore c` every check but that one (both:
the selected ones but the ignored). The file format (stage 0: `schema`, `yaml-syntax`, ...) is always
checked: a claim it refuses is never checked at all, so ignoring its finding would let the claim pass
unseen. An id that no suite of the run defines is a configuration error with a "did you mean".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace

from factcheck.floor.errors import ConfigError
from factcheck.pipeline.suites import Suite


def ids(values: Iterable[str]) -> tuple[str, ...]:
    """The check ids of repeated, comma-separated options (`--select a,b --select c`), in order, once each."""
    return tuple(dict.fromkeys(part.strip() for value in values for part in value.split(",") if part.strip()))


def check(select: tuple[str, ...], ignore: tuple[str, ...], defined: set[str], format_checks: Iterable[str]) -> None:
    """Refuse an id that names no check of the run, or a check of the file format."""
    always = set(format_checks)
    for option, chosen in (("--select", select), ("--ignore", ignore)):
        for check_id in chosen:
            if check_id in always:
                raise ConfigError(
                    f"{option} {check_id}: the file format is always checked",
                    "a claim the format refuses is never checked at all: fix it, or waive a suite check on it",
                )
            if check_id not in defined:
                close = difflib.get_close_matches(check_id, sorted(defined), n=1)
                raise ConfigError(
                    f"{option} {check_id}: no suite of the gates run defines this check",
                    f"did you mean `{close[0]}`?" if close else "`factcheck checks` lists the check ids",
                )


def narrow(suite: Suite, select: tuple[str, ...], ignore: tuple[str, ...]) -> Suite:
    """The suite with only the checks the run selects."""
    if not select and not ignore:
        return suite
    kept = tuple(c for c in suite.checks if (not select or c.id in select) and c.id not in ignore)
    return suite if len(kept) == len(suite.checks) else replace(suite, checks=kept)
