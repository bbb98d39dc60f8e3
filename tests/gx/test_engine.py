"""The engine validates all the suites of a gate in one Great Expectations run: it must find exactly what
validating each suite on its own finds, and report a check that breaks inside GX."""

from __future__ import annotations

import datetime as dt

import pytest
from crossdata import gs_series, syrskyi, uk, with_general_staff

from conftest import TODAY, claim, run_project
from factcheck.floor.errors import ConfigError, EngineError
from factcheck.gx import engine
from factcheck.gx.frame import build
from factcheck.pipeline import load, plan


def src(outlet: str = "France 2", published: str = "2026-02", quote: str | None = "55,000", **fields) -> dict:
    return {"outlet": outlet, "published": published, **({"quote": quote} if quote else {}), **fields}


# A claim failing each check of the shipped suites (the comment names the check), beside passing ones.
EVERY_FAILURE = [
    claim("ok"),
    claim("falls", value=45000, as_of="2026-03", source=src(published="2026-03", quote="45,000")),  # non-decreasing
    claim("no-outlet", source={"published": "2026-02", "quote": "55,000"}),  # source-outlet
    claim("no-published", source={"outlet": "France 2", "quote": "55,000"}),  # source-published
    claim("no-evidence", source=src(quote=None)),  # source-url-or-quote
    claim("bad-url", source=src(url="javascript:alert(1)")),  # source-url-wellformed
    claim("early", as_of="2026-02", source=src(published="2025-01")),  # source-published-after-date
    claim("misquoted", source=src(quote="nothing")),  # quote-states-figure
    claim("negative", value=-5, source=src(quote="-5")),  # value-not-negative
    claim("crowd", metric="civilians_injured", value=200_000_000, source=src(quote="200,000,000")),  # population
    claim("share", metric="occupied_territory_share", value=120, source=src(quote="120")),  # share-within-0-100
    claim("killed", value=3_000_000, as_of="2026-01", source=src(quote="3,000,000")),  # value-within-max
    claim("unbounded", metric="rumours", value=12, source=src(quote="12")),  # metric-has-range
    claim("before", as_of="2020-01", source=src(published="2020-02")),  # date-not-before-origin
    claim("future", as_of="2027-01", source=src(published="2026-03")),  # date-not-in-future
    claim("published-future", source=src(published="2027-01")),  # published-not-in-future
    claim("conflict", value=65000, source=src(outlet="Le Monde", quote="65,000")),  # conflict
    claim("again", value=45000, as_of="2026-03", source=src(published="2026-03", quote="45,000")),  # duplicate
    claim("whole", metric="military_casualties", value=40000, source=src(quote="40,000")),  # part-within-whole
    syrskyi(value=320000),  # period-vs-cumulative
    uk(value=900000),  # snapshot-vs-cumulative
    syrskyi(value=320000, claimant="uk-defence-intelligence", id="uk-2025"),  # period-vs-cumulative-other-party
]
FALLING = {  # cumulative-fall-unexplained
    "id": "own",
    "metric": "military_killed",
    "subject": "ukraine",
    "claimant": "zelensky",
    "source": {"outlet": "Office of the President", "url": "https://www.president.gov.ua/"},
    "points": [["2025-01-01", 40000], ["2025-02-01", 39000, {"fall": "unexplained", "notes": "no correction known"}]],
}


@pytest.fixture
def every_failure(project):
    with_general_staff(project)
    catalog = project.root / "datasets" / "catalog.yml"
    catalog.write_text(
        catalog.read_text().replace("metrics:\n", "metrics:\n  rumours: {unit: items, description: rumours}\n", 1)
    )
    project.dataset(EVERY_FAILURE, series=[gs_series(), FALLING])
    (gate,) = plan.make(project.root, (), False).gates
    suites = list(gate.suites)
    loaded = load.load(project.root, [project.root / "datasets" / "test.yml"])
    return suites, build(loaded.claims, loaded.catalog, gate.settings.about_tolerance)


@pytest.mark.slow  # every suite validated alone, then all together
def test_one_run_of_every_suite_finds_what_each_suite_run_alone_finds(every_failure):
    suites, frame = every_failure
    today = dt.date.fromisoformat(TODAY)
    alone = engine.Engine(keep_results=True)  # each suite through its own stored validation definition
    expected = {suite.path: alone.validate_all([suite], frame, today)[suite.path] for suite in suites}
    checks = {check.id for suite in suites for check in suite.checks}
    assert {hit.check for hits in expected.values() for hit in hits} == checks

    assert engine.Engine().validate_all(suites, frame, today) == expected


def test_failing_rows_are_named_by_claim_whatever_the_frame_index(every_failure):
    # GX names a map expectation's failing rows by index label; the engine maps them to claim ids.
    suites, frame = every_failure
    today = dt.date.fromisoformat(TODAY)
    expected = engine.Engine().validate_all(suites, frame, today)
    relabelled = frame.set_axis([f"row-{i}" for i in range(len(frame))][::-1])
    assert engine.Engine().validate_all(suites, relabelled, today) == expected
    named = frame.rename_axis("row")  # positions, but GX names a named index's rows by that name
    assert engine.Engine().validate_all(suites, named, today) == expected


def test_a_check_whose_metric_raises_is_an_engine_error_naming_it(project, monkeypatch):
    from factcheck.rules import quote_states_figure

    def broken(text):
        raise ZeroDivisionError("a bug in a check")

    monkeypatch.setattr(quote_states_figure, "numbers_in", broken)
    project.dataset([claim()])
    with pytest.raises(
        EngineError, match=r"check quote-states-figure \(expectations/source-attribution.yml:\d+\) failed inside"
    ):
        run_project(project)


def test_a_column_the_batch_lacks_is_a_configuration_error_on_its_line(project):
    project.write(
        "expectations/plausible-ranges.yml",
        """
        name: plausible-ranges
        expectations:
          - type: expect_column_values_to_be_between
            kwargs: {column: value, min_value: 0}
            meta: {id: value-not-negative, title: No negative figure, explain: Never negative.}
          - type: expect_column_values_to_be_between
            kwargs: {column: valeu, min_value: 0}
            meta: {id: broken, title: Broken, explain: A column the frame does not have.}
        """,
    )
    project.dataset([claim()])
    with pytest.raises(ConfigError, match=r"expectations/plausible-ranges.yml:7: 'valeu' is not a column") as error:
        run_project(project)
    assert error.value.hint == "did you mean `value`?"


def test_two_checks_that_differ_only_in_their_meta_both_run(project):
    project.write(
        "expectations/plausible-ranges.yml",
        """
        name: plausible-ranges
        expectations:
          - type: expect_column_values_to_be_between
            kwargs: {column: value, min_value: 0}
            meta: {id: value-not-negative, title: No negative figure, explain: Never negative.}
          - type: expect_column_values_to_be_between
            kwargs: {column: value, min_value: 0}
            meta: {id: value-not-negative-again, title: Same check, explain: The same check under another id.}
        """,
    )
    project.dataset([claim(value=-5, source=src(quote="-5"))])
    checks = {finding.check for finding in run_project(project).findings}
    assert {"value-not-negative", "value-not-negative-again"} <= checks
