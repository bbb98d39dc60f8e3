"""Hits into findings: message templates fill in their fields once, unknown names stay as written, and a
value is never read as a template itself (a quote may hold braces); waivers, blocking, one finding a place."""

from __future__ import annotations

import datetime as dt

from conftest import claim
from factcheck.floor.text import MAX_FIELD
from factcheck.model.format import Waiver
from factcheck.pipeline import load
from factcheck.pipeline.messages import apply_waivers, related_fields, render_message, template_fields
from factcheck.report.findings import Finding


def test_fields_are_filled_in_and_unknown_names_stay_as_written():
    fields = {"figure": "about 55,000", "date": "2026-02"}
    assert render_message("{figure} as of {date}, {nope}", fields) == "about 55,000 as of 2026-02, {nope}"


def test_a_value_holding_braces_is_not_a_template():
    assert render_message("{quote} / {figure}", {"quote": "{figure}", "figure": "1"}) == "{figure} / 1"


def test_only_plain_lowercase_names_are_fields():
    template = "{a.b} {A} {0} {a_1}{a_1}"
    assert template_fields(template) == {"a_1"}
    assert render_message(template, {"a_1": "x", "A": "y", "a": "z"}) == "{a.b} {A} {0} xx"


def test_values_are_written_as_str_writes_them():
    import numpy as np

    assert render_message("{a} {b}", {"a": np.float32(0.1), "b": 55000}) == "0.1 55000"


def test_stray_braces_are_text():
    assert render_message("a } b {{c}} { {0:>9}", {"c": "x"}) == "a } b {x} { {0:>9}"


def test_a_template_without_fields_is_returned_as_it_is():
    assert render_message("", {"a": 1}) == ""
    assert render_message("no fields here", {}) == "no fields here"


def test_related_fields_builds_what_a_template_names_and_the_same_as_all_of_them(project):
    project.dataset([claim("a"), claim("b", value=46000)])
    loaded = load.load(project.root, [project.root / "datasets" / "test.yml"])
    every = related_fields(loaded.claims, loaded.catalog)
    assert every["related_ids"] == "a, b" and every["related_2"].startswith("46,000")
    for names in ({"related"}, {"related_2", "related_claimant"}, {"related_locations"}, set()):
        some = related_fields(loaded.claims, loaded.catalog, names=frozenset(names))
        assert {name: some[name] for name in names} == {name: every[name] for name in names}
    assert related_fields(loaded.claims, loaded.catalog, names=frozenset({"related_ids"})) == {"related_ids": "a, b"}


def test_a_long_value_is_clipped_in_the_message_and_kept_as_it_is_otherwise():
    quote = "x\n" * 1_000_000
    message = render_message('the quote does not state {figure}: "{quote}"', {"quote": quote, "figure": "55,000"})
    assert message.startswith('the quote does not state 55,000: "x\nx\n')
    assert message.endswith('…"')
    assert len(message) == len('the quote does not state 55,000: ""') + MAX_FIELD
    # a value just at the limit, and a field the template does not use, are left whole
    assert render_message("{a}", {"a": "y" * MAX_FIELD, "b": quote}) == "y" * MAX_FIELD


def test_an_expired_waivers_reason_is_clipped_in_the_message():
    waiver = Waiver(check="c", reason="r" * 10_000, until="2020-01-01")
    finding = apply_waivers(Finding("c", "critical", "d.yml", 1, "wrong"), (waiver,), dt.date(2026, 1, 1))
    assert finding.status == "failed"
    assert finding.message.startswith("wrong (the waiver expired on 2020-01-01: rrr")
    assert len(finding.message) < MAX_FIELD + 100
    assert finding.waiver.reason == "r" * 10_000  # the JSON report has it whole


def test_one_finding_is_kept_per_place_and_message_and_blocking_wins():
    from factcheck.pipeline.messages import Collected

    collected = Collected()
    warning = Finding("c", "warning", "d.yml", 3, "wrong", claim="x")
    collected.add(warning, "critical")  # a gate that blocks on critical only
    collected.add(warning, "warning")  # a gate that blocks on warnings finds the same thing
    collected.add(warning, "critical")  # and a third that does not block again
    collected.add(Finding("c", "warning", "d.yml", 1, "other", claim="y"), "critical")
    (first, second) = collected.sorted()
    assert (first.line, first.blocking) == (1, False)
    assert (second.line, second.blocking, second.message) == (3, True, "wrong")


def test_a_waiver_naming_no_check_of_the_gate_is_reported_with_a_guess(project):
    from factcheck.pipeline.messages import unknown_waivers

    waivers = [{"check": "cumulative-non-decresing", "reason": "r"}, {"check": "duplicate", "reason": "r"}]
    project.dataset([claim(waivers=waivers)])
    (found,) = load.load(project.root, [project.root / "datasets/test.yml"]).claims
    (finding,) = unknown_waivers(found, {"cumulative-non-decreasing", "duplicate"}, {"schema"})
    assert (finding.check, finding.severity, finding.claim, finding.line) == ("unknown-check", "warning", "c1", 5)
    assert finding.hint == "did you mean `cumulative-non-decreasing`?"
    assert unknown_waivers(found, {"duplicate"}, {"cumulative-non-decresing"}) == []


def test_a_template_naming_a_long_field_many_times_expands_to_a_bounded_message():
    from factcheck.pipeline.messages import MAX_MESSAGE

    template = "{quote}" * 142  # 994 characters, as an override or a suite may write
    message = render_message(template, {"quote": "q" * 5_000})
    assert len(message) == MAX_MESSAGE and message.endswith("…")
    assert message.startswith("q" * (MAX_FIELD - 1) + "…")  # each field still cut at MAX_FIELD
    short = render_message("{quote} and {claim} and {unknown}" * 30, {"quote": "is 55,000", "claim": "c1"})
    assert short == "is 55,000 and c1 and {unknown}" * 30  # short values: the same message as before
