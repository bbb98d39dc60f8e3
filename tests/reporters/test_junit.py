"""The JUnit report: one testsuite per check, a testcase per failed or waived claim, passes counted."""

from __future__ import annotations

import dataclasses
from xml.etree import ElementTree as ET

from report_fixture import fixture_report, rendered


def suites() -> dict[str, ET.Element]:
    root = ET.fromstring(rendered(fixture_report(), "junit"))
    assert root.tag == "testsuites"
    return {suite.get("name"): suite for suite in root.iter("testsuite")}


def test_one_testsuite_per_check_with_passes_counted():
    by_name = suites()
    fall = by_name["cumulative-non-decreasing"]
    assert (fall.get("tests"), fall.get("failures"), fall.get("skipped"), fall.get("errors")) == ("5", "1", "1", "0")
    assert by_name["quote-states-figure"].get("tests") == "5"
    assert by_name["quote-states-figure"].get("failures") == "0"
    assert list(by_name["quote-states-figure"].iter("testcase")) == []
    assert by_name["unknown-reference"].get("failures") == "1"


def test_failed_and_waived_testcases():
    fall = suites()["cumulative-non-decreasing"]
    cases = {case.get("name"): case for case in fall.iter("testcase")}
    failed = cases["cumulative-non-decreasing [zel-2026-03]"]
    assert failed.get("classname") == "datasets/war/casualties.yml"
    assert failed.get("line") == "27"
    failure = failed.find("failure")
    assert failure.get("type") == "critical"
    assert failure.get("message").startswith("falls from 55,000")
    assert "datasets/war/casualties.yml:27" in failure.text
    skipped = cases["cumulative-non-decreasing [syr-2025-corrected]"].find("skipped")
    assert skipped.get("message") == "waived until 2027-01-01: the count was corrected downward"


def test_totals_on_the_root_add_up():
    root = ET.fromstring(rendered(fixture_report(), "junit"))
    every = list(root.iter("testsuite"))
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in every) == 3
    assert int(root.get("skipped")) == 1
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in every)


def test_control_characters_do_not_break_the_xml():
    report = fixture_report()
    bad = dataclasses.replace(report.findings[0], message="a\x01b")
    text = rendered(dataclasses.replace(report, findings=[bad]), "junit")
    assert ET.fromstring(text) is not None
    assert "a\\x01b" in text  # shown as an escape, as in the terminal


def test_deterministic():
    assert rendered(fixture_report(), "junit") == rendered(fixture_report(), "junit")


def test_markup_comes_back_as_written_and_line_breaks_in_any_field_as_escapes():
    report = fixture_report()
    tricky = "a & b < c > d \"e\" 'f'\n\tg\r"
    shown = "a & b < c > d \"e\" 'f'\\n\\tg\\r"  # one line, as the terminal shows it
    finding = dataclasses.replace(report.findings[0], message=tricky, hint=tricky, claim=tricky)
    report = dataclasses.replace(report, findings=[finding], timestamp='2026-11-26T00:00:00+00:00 "x"')
    root = ET.fromstring(rendered(report, "junit"))
    assert root.get("timestamp") == '2026-11-26T00:00:00+00:00 "x"'
    [case] = root.iter("testcase")
    assert case.get("name") == f"{finding.check} [{shown}]"
    failure = case.find("failure")
    assert failure.get("message") == shown
    assert f"hint: {shown}\n" in failure.text  # the body's own lines stay lines


def test_a_long_message_is_clipped_to_one_line():
    report = fixture_report()
    finding = dataclasses.replace(report.findings[0], message="q\n" * 100_000, hint="h" * 100_000)
    root = ET.fromstring(rendered(dataclasses.replace(report, findings=[finding]), "junit"))
    failure = next(root.iter("failure"))
    assert len(failure.get("message")) == 500 and failure.get("message").endswith("…")
    assert max(len(line) for line in failure.text.splitlines()) <= 600  # a location, then 500 at most
