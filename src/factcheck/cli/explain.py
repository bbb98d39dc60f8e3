"""`factcheck checks` and `factcheck explain ID`: every check in one list, and one check explained.

Both read `factcheck.rules.REGISTRY`, the modules docs/checks.md is generated from (`factcheck.cli.docs`), so
the terminal and the docs say the same thing in the same words: a check's title, severity and suite, its
explanation, its documentation and its passing and failing examples. Inside a project, the checks its own
suites define (ids the registry does not hold) are listed too, marked as the project's, and explained
from their suite entry's title, explanation and message; they have no examples.

A project's suite is written by whoever opened the pull request: every line printed here goes through
`text.shown`. A project whose gates or suites cannot be read does not stop a shipped check from being
listed or explained: the problem is returned as a note, for the command to print on stderr.
"""

from __future__ import annotations

import difflib
import textwrap
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from factcheck.floor.errors import ConfigError
from factcheck.floor.text import shown
from factcheck.rules import ARTICLES, REGISTRY

WIDTH = 100  # the width explanations are wrapped at: the docstrings are written to about this width
FILES = "the files"  # the suite column of the checks run on the files themselves, before any suite
ARTICLE_CHECKS = "the articles"  # ... and of the checks of articles, run outside the suites


@dataclass(frozen=True)
class Listed:
    """One check as `factcheck checks` lists it."""

    id: str
    severity: str
    title: str
    suite: str  # the shipped suite's name, FILES, or the project's suite file
    own: bool = False  # defined by the project's suites, not shipped with factcheck
    explain: str = ""
    message: str = ""
    where: str = ""  # the project's suite file and line of an own check


def shipped() -> list[Listed]:
    """Every check factcheck ships, in the registry's order (the order of docs/checks.md)."""
    return [
        Listed(module.ID, module.SEVERITY, module.TITLE, module.SUITE or _outside(module.ID),
               explain=module.EXPLAIN, message=module.MESSAGE)
        for module in REGISTRY.values()
    ]  # fmt: skip


def _outside(check_id: str) -> str:
    return ARTICLE_CHECKS if check_id in ARTICLES else FILES


def project_checks(root: Path | None) -> tuple[list[Listed], list[str]]:
    """The checks the project's suites define that factcheck does not ship, and notes on what could not be
    read. Without a root (outside any project), none."""
    if root is None:
        return [], []
    from factcheck.pipeline import plan

    try:
        planned = plan.make(root, (), allow_outside_root=False)
    except ConfigError as error:
        note = f"the project's own checks are not listed: {error}" + (f" ({error.hint})" if error.hint else "")
        return [], [note]
    own: dict[str, Listed] = {}
    for gate in planned.gates:
        for suite in gate.suites:
            for check in suite.checks:
                if check.id not in REGISTRY and check.id not in own:
                    own[check.id] = Listed(check.id, check.severity, check.title, suite.path, own=True,
                                           explain=check.explain, message=check.message,
                                           where=f"{suite.path}:{check.line}")  # fmt: skip
    return list(own.values()), []


def listing(root: Path | None) -> tuple[list[str], list[str]]:
    """The lines of `factcheck checks` (a table, every value escaped), and notes for stderr."""
    own, notes = project_checks(root)
    rows = [(c.id, c.severity, c.suite + (" (this project's own)" if c.own else ""), c.title) for c in shipped() + own]
    rows = [tuple(shown(value, 200) for value in row) for row in rows]
    header = ("ID", "SEVERITY", "SUITE", "TITLE")
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(3)]
    lines = [
        "  ".join(value.ljust(widths[n]) if n < 3 else value for n, value in enumerate(row)).rstrip()
        for row in [header, *rows]
    ]
    lines += [
        "",
        f"{len(REGISTRY)} checks ship with factcheck" + (f", {len(own)} are this project's own" if own else "") + ".",
        "The severity is the default; a suite may set another. `factcheck explain ID` explains a check, with a "
        "passing and a failing example.",
    ]
    return lines, notes


def explain(check_id: str, root: Path | None) -> tuple[list[str], list[str]]:
    """The lines of `factcheck explain ID`, and notes for stderr; an unknown id is a `ConfigError` (exit 2)
    with the closest id as its hint."""
    module = REGISTRY.get(check_id)
    if module is not None:
        return _shipped_lines(module), []
    own, notes = project_checks(root)
    found = next((c for c in own if c.id == check_id), None)
    if found is not None:
        return _own_lines(found), notes
    close = difflib.get_close_matches(check_id, [*REGISTRY, *(c.id for c in own)], n=1, cutoff=0.5)
    hint = f"did you mean `{close[0]}`? " if close else ""
    # The note goes with the error, on a line of its own: it may be why the check was not found.
    message = "\n  ".join([f"there is no check {check_id[:100]!r}", *notes])
    raise ConfigError(message, f"{hint}`factcheck checks` lists every check")


def _wrapped(text: str) -> list[str]:
    """A paragraph as lines of at most `WIDTH` characters, each escaped."""
    return [shown(line) for line in textwrap.wrap(text, WIDTH)] or [""]


def _block(text: str, indent: str = "    ") -> list[str]:
    """An example (YAML) as written, indented, each line escaped."""
    return [indent + shown(line) for line in text.rstrip("\n").splitlines()]


def _documentation(module: ModuleType) -> list[str]:
    """The module's docstring, without its first line when that only repeats the id, as written (it is
    wrapped already, as docs/checks.md shows it)."""
    text = (module.__doc__ or "").strip()
    first, _, rest = text.partition("\n")
    if first.startswith(f"{module.ID}:"):
        text = rest.strip()
    return [shown(line) for line in text.splitlines()]


def _shipped_lines(module: ModuleType) -> list[str]:
    if module.SUITE:
        suite = f"the suite {module.SUITE}"
    elif module.ID in ARTICLES:
        suite = "none: run on the articles a gate names, and by `factcheck article`"
    else:
        suite = "none: run on the files themselves, before any suite"
    lines = [
        f"{module.ID}: {module.TITLE}",
        f"  severity: {module.SEVERITY} (the default; a suite entry may set another)",
        f"  suite:    {suite}",
    ]
    if module.MESSAGE:
        lines.append(f"  message:  {shown(module.MESSAGE)}")
    lines += ["", *_wrapped(module.EXPLAIN), "", *_documentation(module)]
    lines += ["", "Passes:", *_block(module.PASSES), "", "Fails:", *_block(module.FAILS)]
    return lines


def _own_lines(check: Listed) -> list[str]:
    lines = [
        f"{shown(check.id)}: {shown(check.title)}",
        f"  severity: {check.severity}",
        f"  suite:    {shown(check.where)} (this project's own check, not shipped with factcheck)",
        f"  message:  {shown(check.message)}",
        "",
        *_wrapped(check.explain),
        "",
        "A check of the project's own has no examples: its suite entry gives its title and explanation.",
    ]
    return lines
