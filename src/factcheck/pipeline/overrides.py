"""A project's own severity or message for a check of another suite, by its id.

A gate may run the suites shipped with factcheck (`factcheck:plausible-ranges`) and a suite of the
project's own beside them; the project's suite may then change what a built-in check weighs or says
without copying the suite:

    name: our-desk
    overrides:
      value-within-max: {severity: critical}
      people-within-population: {message: "{figure} is more than live in {subject}"}

An override applies to the checks of the other suites of the same gate; one that names no check of them,
or a check already overridden by another suite of the gate, is a configuration error at its line.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from factcheck.floor.errors import ConfigError
from factcheck.pipeline.suites import Check, Override, Suite


def apply(gate: str, suites: list[Suite]) -> list[Suite]:
    """The gate's suites, with the overrides each holds applied to the checks of the others."""
    defined = {check.id: suite for suite in suites for check in suite.checks}
    changes: dict[str, tuple[Override, str, int]] = {}
    for suite in suites:
        for check_id, override, line in suite.overrides:
            where = f"{suite.path}:{line}"
            owner = defined.get(check_id)
            if owner is None:
                close = difflib.get_close_matches(check_id, sorted(defined), n=1)
                raise ConfigError(
                    f"{where}: the override names {check_id!r}, which no suite of the gate {gate} defines",
                    f"did you mean `{close[0]}`?"
                    if close
                    else "an override names the id of a check another suite runs",
                )
            if owner is suite:
                raise ConfigError(
                    f"{where}: {check_id!r} is a check of this suite", "give it its severity and message in its entry"
                )
            if check_id in changes:
                earlier = changes[check_id]
                raise ConfigError(
                    f"{where}: {check_id!r} is also overridden at {earlier[1]}:{earlier[2]}", "override a check once"
                )
            changes[check_id] = (override, suite.path, line)
    if not changes:
        return suites
    return [
        replace(suite, checks=tuple(_changed(check, changes) for check in suite.checks))
        if any(check.id in changes for check in suite.checks)
        else suite
        for suite in suites
    ]


def _changed(check: Check, changes: dict[str, tuple[Override, str, int]]) -> Check:
    if check.id not in changes:
        return check
    override = changes[check.id][0]
    return replace(check, severity=override.severity or check.severity, message=override.message or check.message)
