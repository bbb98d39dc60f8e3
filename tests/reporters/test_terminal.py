"""The terminal report on the fixture findings: grouped by file, ruff-style locations, one verdict line."""

from __future__ import annotations

import io

from report_fixture import fixture_report

from factcheck.reporters import terminal


def render(**options) -> str:
    stream = io.StringIO()
    terminal.render(fixture_report(), stream, **options)
    return stream.getvalue()


def test_findings_by_file_with_location_severity_check_claim_and_hint():
    lines = render().splitlines()
    assert lines[0] == "datasets/war/casualties.yml"
    assert (
        "  datasets/war/casualties.yml:27: critical cumulative-non-decreasing [zel-2026-03]: "
        "falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)"
    ) in lines
    assert "      hint: 'zelenskiy' is another spelling of `zelensky`: write `claimant: zelensky`" in lines


def test_waived_findings_are_counted_unless_asked_for():
    text = render()
    assert "syr-2025-corrected" not in text
    assert "  1 waived finding (listed with --show-waived)" in text.splitlines()
    listed = render(show_waived=True)
    assert "waived   cumulative-non-decreasing [syr-2025-corrected]" in listed
    assert "      waived until 2027-01-01: the count was corrected downward" in listed.splitlines()


def test_the_last_line_is_the_verdict():
    assert (
        render().splitlines()[-1] == "BLOCKED: 3 blocking findings (3 critical, 1 waived) on 2 claims; 5 claims checked"
    )


def test_colour_only_when_asked():
    assert "\x1b[" not in render()
    assert "\x1b[" in render(colour=True)


def test_every_text_from_data_is_one_escaped_clipped_line():
    import dataclasses

    from factcheck.model.format import Waiver

    report = fixture_report()
    evil = "x\n::error file=a,line=1::forged\x1b[2J\u202e"
    finding = dataclasses.replace(
        report.findings[0],
        file="::stop-commands::tok\n.yml",
        claim=evil,
        message=evil + "q" * 10_000,
        hint=evil,
        status="waived",
        blocking=False,
        waiver=Waiver(check="c", reason=evil),
    )
    stream = io.StringIO()
    terminal.render(dataclasses.replace(report, findings=[finding]), stream, show_waived=True)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "\\x3a:stop-commands::tok\\n.yml"
    assert lines[1].startswith("  \\x3a:stop-commands::tok\\n.yml:")
    assert "[x\\n::error file=a,line=1::forged\\x1b[2J\\u202e]" in lines[1]
    assert lines[2] == "      hint: x\\n::error file=a,line=1::forged\\x1b[2J\\u202e"
    assert lines[3] == "      waived: x\\n::error file=a,line=1::forged\\x1b[2J\\u202e"
    assert lines[4] == f"      see `factcheck explain {finding.check}`"
    assert len(lines) == 7 and lines[5] == "" and lines[6].startswith("PUBLISHABLE")
    assert max(len(line) for line in lines) < 700
    assert not any(c in stream.getvalue() for c in "\x1b\r\u202e")


def test_thousands_of_findings_of_one_series_read_as_one_problem():
    import dataclasses

    from hand_built import _claim

    from factcheck.report.findings import Finding, Report

    claims, findings = {}, []
    for day in range(1, 1201):
        claim = dataclasses.replace(_claim(f"gs@{day}", day + 10, 100.0, "2025-01-01", file="d.yml"), series="gs")
        claims[claim.id] = claim
        findings.append(
            Finding("cumulative-non-decreasing", "critical", "d.yml", day + 10, "falls", claim=claim.id, blocking=True)
        )
    other = _claim("one-off", 5, 1.0, "2025-01-01", file="d.yml")
    claims[other.id] = other
    findings.insert(
        0, Finding("cumulative-non-decreasing", "critical", "d.yml", 5, "falls", claim=other.id, blocking=True)
    )
    stream = io.StringIO()
    terminal.render(Report(findings=findings, claims=claims), stream)
    lines = stream.getvalue().splitlines()
    listed = [line for line in lines if "cumulative-non-decreasing [" in line]
    assert len(listed) == 1 + terminal.SERIES_LISTED  # the one-off claim, then the series' first ten
    assert listed[-1].startswith(f"  d.yml:{10 + terminal.SERIES_LISTED}:")
    assert (
        "  … 1,190 more cumulative-non-decreasing findings in the series gs (lines 21 to 1,210; "
        "the JSON report, --json, lists every one)"
    ) in lines
    assert lines[-1].startswith("BLOCKED: 1201 blocking findings")
