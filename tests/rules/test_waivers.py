"""Waivers: a waived finding is shown and does not block; an expired one blocks again; a typo is reported."""

from __future__ import annotations

from conftest import claim, failed, run_project

FALL = {"value": 45000, "as_of": "2026-03", "source": {"outlet": "X", "published": "2026-03", "quote": "45,000"}}


def waiver(**fields) -> dict:
    return {"check": "cumulative-non-decreasing", "reason": "the claimant corrected its count", **fields}


def test_a_waived_finding_is_shown_and_does_not_block(project):
    project.dataset([claim("a"), claim("b", waivers=[waiver()], **FALL)])
    report = run_project(project)
    (finding,) = report.findings
    assert (finding.status, finding.claim, finding.waiver.reason) == ("waived", "b", "the claimant corrected its count")
    assert not report.blocked


def test_an_unexpired_waiver_holds(project):
    project.dataset([claim("a"), claim("b", waivers=[waiver(until="2027-01-01")], **FALL)])
    assert not run_project(project).blocked


def test_an_expired_waiver_fails_again(project):
    project.dataset([claim("a"), claim("b", waivers=[waiver(until="2026-06")], **FALL)])
    report = run_project(project)
    (finding,) = failed(report)
    assert finding.check == "cumulative-non-decreasing" and report.blocked
    assert "the waiver expired on 2026-06" in finding.message


def test_a_waiver_for_another_check_waives_nothing(project):
    project.dataset([claim("a"), claim("b", waivers=[waiver(check="source-outlet")], **FALL)])
    assert run_project(project).blocked


def test_a_misspelt_check_in_a_waiver_is_reported(project):
    project.dataset([claim("a"), claim("b", waivers=[waiver(check="cumulative-non-decreasng")], **FALL)])
    report = run_project(project)
    (typo,) = failed(report, "unknown-check")
    assert typo.hint == "did you mean `cumulative-non-decreasing`?"
    assert report.blocked  # the fall it meant to waive still fails
