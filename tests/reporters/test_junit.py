"""The JUnit report: one testsuite per check, a testcase per check and file, its failure listing the findings."""

from __future__ import annotations

import dataclasses
from xml.etree import ElementTree as ET

import hand_built
from report_fixture import fixture_report, rendered

from factcheck.reporters import junit

WAR = "datasets/war/casualties.yml"


def suites(report=None) -> dict[str, ET.Element]:
    root = ET.fromstring(rendered(report or fixture_report(), "junit"))
    assert root.tag == "testsuites"
    return {suite.get("name"): suite for suite in root.iter("testsuite")}


def test_one_testsuite_per_check_and_one_testcase_per_file_it_ran_over():
    report = fixture_report()
    by_name = suites()
    # every check the run knows, the files' own ones included; the article checks had no article to read
    assert set(by_name) == {c for c, meta in report.checks.items() if meta.runs_on != "articles"}
    for name, suite in by_name.items():
        cases = list(suite.iter("testcase"))
        assert [case.get("classname") for case in cases] == [WAR], name  # the fixture has one dataset file
        assert {case.get("name") for case in cases} == {name}
        assert suite.get("tests") == "1"
    fall = by_name["cumulative-non-decreasing"]
    assert (fall.get("tests"), fall.get("failures"), fall.get("skipped"), fall.get("errors")) == ("1", "1", "0", "0")
    assert by_name["quote-states-figure"].get("failures") == "0"
    assert by_name["quote-states-figure"].find("testcase/failure") is None  # a pass: an empty testcase
    assert by_name["unknown-reference"].get("failures") == "1"


def test_the_failure_lists_the_findings_of_the_check_in_the_file_and_names_the_explain_command():
    case = suites()["cumulative-non-decreasing"].find("testcase")
    assert case.get("file") == WAR and case.get("line") == "27"  # the first failed finding
    failure = case.find("failure")
    assert failure.get("type") == "critical"
    assert failure.get("message").startswith("falls from 55,000")
    lines = failure.text.splitlines()
    assert lines[0] == f"{WAR}:27 [zel-2026-03]: falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)"
    assert lines[1].startswith(f"{WAR}:48 [syr-2025-corrected]: falls from 40,000")  # waived, listed after
    assert lines[1].endswith("(waived until 2027-01-01: the count was corrected downward)")
    assert lines[-1] == "see `factcheck explain cumulative-non-decreasing`"


def test_a_file_whose_findings_of_a_check_are_all_waived_is_skipped():
    report = hand_built.blocked()
    waived_only = [f for f in report.findings if f.status == "waived"]
    by_name = suites(dataclasses.replace(report, findings=waived_only))
    fall = by_name["cumulative-non-decreasing"]
    assert (fall.get("failures"), fall.get("skipped")) == ("0", "1")
    skipped = fall.find("testcase/skipped")
    assert skipped.get("message") == "1 finding waived"
    assert "waived until 2027-01-01: the count was <corrected> downward" in skipped.text


def test_many_findings_make_one_testcase_listing_the_first_and_counting_the_rest():
    report = hand_built.blocked()
    template = next(f for f in report.findings if f.check == "cumulative-non-decreasing" and f.status == "failed")
    many = [dataclasses.replace(template, line=n, claim=f"c{n}", hint=f"hint {n}") for n in range(1, 50_001)]
    text = rendered(dataclasses.replace(report, findings=many), "junit")
    root = ET.fromstring(text)
    [case] = [c for c in root.iter("testcase") if c.find("failure") is not None]
    failure = case.find("failure")
    assert failure.get("message").startswith("50,000 findings, the first: falls from 55,000")
    listed = [line for line in failure.text.splitlines() if line.startswith(f"{template.file}:")]
    assert len(listed) == junit.LISTED
    assert "  hint: hint 1" in failure.text.splitlines()
    assert f"… {50_000 - junit.LISTED:,} more findings of this check in this file" in failure.text
    assert len(text.encode("utf-8")) < 100_000


def test_totals_on_the_root_add_up():
    root = ET.fromstring(rendered(fixture_report(), "junit"))
    every = list(root.iter("testsuite"))
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in every) == 3
    assert int(root.get("skipped")) == 0
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in every) == len(list(root.iter("testcase")))


def test_a_check_runs_over_its_gates_files_and_a_check_of_the_files_over_every_file():
    by_name = suites(hand_built.blocked())
    files = lambda name: [case.get("file") for case in by_name[name].iter("testcase")]  # noqa: E731
    both = [hand_built.HOUSING, hand_built.WAR]
    assert files("cumulative-non-decreasing") == both  # the publication gate: both files
    assert files("conflict") == [hand_built.WAR]  # only the war desk's gate runs it
    assert files("yaml-duplicate-key") == files("schema") == both  # no gate runs them: checks of the files
    assert int(ET.fromstring(rendered(hand_built.blocked(), "junit")).get("tests")) == 2 + 2 + 2 + 1 + 2 + 2


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
    [case] = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert case.get("name") == finding.check
    failure = case.find("failure")
    assert failure.get("message") == shown
    assert f"[{shown}]: {shown}\n" in failure.text
    assert f"  hint: {shown}\n" in failure.text  # the body's own lines stay lines


def test_a_long_message_is_clipped_to_one_line():
    report = fixture_report()
    finding = dataclasses.replace(report.findings[0], message="q\n" * 100_000, hint="h" * 100_000)
    root = ET.fromstring(rendered(dataclasses.replace(report, findings=[finding]), "junit"))
    failure = next(root.iter("failure"))
    assert len(failure.get("message")) == 500 and failure.get("message").endswith("…")
    assert max(len(line) for line in failure.text.splitlines()) <= 600  # a location, then 500 at most
