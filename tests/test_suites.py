"""Suite entries name checks by id: a shipped check's texts and severity come from its module unless the
entry gives its own, and a check of the project's own gives its title and explanation itself."""

from __future__ import annotations

import pytest

from factcheck.floor.errors import ConfigError
from factcheck.pipeline.suites import read_suite
from factcheck.rules import value_not_negative

ENTRY = "  - type: expect_column_values_to_be_between\n    kwargs: {column: value, min_value: 0}\n"


def suite(project, *entries: str):
    path = project.write("expectations/mine.yml", "name: mine\nexpectations:\n" + "".join(entries))
    return read_suite(project.root, path).checks


def test_a_shipped_check_named_by_id_takes_its_texts_and_severity_from_its_module(project):
    (check,) = suite(project, ENTRY + "    meta: {id: value-not-negative}\n")
    module = value_not_negative
    assert (check.title, check.explain, check.message, check.severity) == (
        module.TITLE, module.EXPLAIN, module.MESSAGE, module.SEVERITY
    )  # fmt: skip


def test_a_suite_may_override_a_shipped_checks_severity_and_texts(project):
    (check,) = suite(
        project,
        ENTRY + "    meta: {id: value-not-negative, title: T, message: M}\n    severity: info\n",
    )
    assert (check.title, check.explain, check.message, check.severity) == ("T", value_not_negative.EXPLAIN, "M", "info")


def test_a_check_of_the_projects_own_gives_its_texts_and_defaults_as_before(project):
    (check,) = suite(project, ENTRY + "    meta: {id: mine, title: Mine, explain: My own check.}\n")
    assert (check.title, check.explain, check.message, check.severity) == ("Mine", "My own check.", "Mine", "critical")


@pytest.mark.parametrize(
    ("meta", "message", "hint"),
    [
        ("{id: value-not-negativ}", "`meta.title` is required: 'value-not-negativ' is not a check factcheck ships",
         "did you mean `value-not-negative`?"),
        ("{id: mine, title: Mine}", "`meta.explain` is required: 'mine' is not a check factcheck ships",
         "`factcheck checks` lists the checks factcheck ships"),
    ],
)  # fmt: skip
def test_a_check_of_its_own_without_its_texts_is_an_error_on_its_line(project, meta, message, hint):
    with pytest.raises(ConfigError) as error:
        suite(project, ENTRY + f"    meta: {meta}\n")
    assert str(error.value).startswith(f"expectations/mine.yml:5: {message}")
    assert error.value.hint == hint
