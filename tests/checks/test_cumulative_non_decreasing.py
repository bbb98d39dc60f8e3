"""cumulative-non-decreasing: interval-aware in dates and values, on the later claim, naming the earlier."""

from __future__ import annotations

import pytest

from conftest import claim, failed, run_project


def src(published: str, quote: str) -> dict:
    return {"outlet": "France 2", "published": published, "quote": quote}


def falls(project, *claims: dict) -> list[tuple[str, tuple[str, ...]]]:
    project.dataset(list(claims))
    return [(f.claim, f.related) for f in failed(run_project(project), "cumulative-non-decreasing")]


def test_a_rising_total_passes(project):
    assert falls(project, claim("a", value=46000, qualifier="more_than", as_of="2025-02",
                                source=src("2025-02", "more than 46,000")), claim("b")) == []  # fmt: skip


def test_a_falling_total_fails_on_the_later_claim_naming_the_earlier(project):
    assert falls(project, claim("a"), claim("b", value=45000, as_of="2026-03", source=src("2026-03", "45,000"))) == [
        ("b", ("a",))
    ]


def test_the_message_names_values_dates_claimant_and_outlet(project):
    path = project.dataset([claim("a"), claim("b", value=45000, as_of="2026-03", source=src("2026-03", "45,000"))])
    (finding,) = failed(run_project(project), "cumulative-non-decreasing")
    assert finding.message == "falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)"
    assert path.read_text().splitlines()[finding.line - 1] == "- id: b"


def test_overlapping_dates_are_never_compared(project):
    # "2026" contains "2026-03": neither is before the other.
    assert falls(project, claim("year", as_of="2026", source=src("2026", "55,000")),
                 claim("month", value=45000, as_of="2026-03", source=src("2026-03", "45,000"))) == []  # fmt: skip


def test_an_open_upper_bound_never_falls(project):
    assert falls(project, claim("a"), claim("b", value=1000, qualifier="more_than", as_of="2026-05",
                                            source=src("2026-05", "more than 1,000"))) == []  # fmt: skip


def test_about_is_judged_by_its_implied_precision(project):
    # about 55,000 allows 54,500..55,500: a later exact 54,600 does not certainly fall, 54,400 does.
    base = claim("a", qualifier="about", source=src("2026-02", "about 55,000"))
    assert falls(project, base, claim("b", value=54600, as_of="2026-03", source=src("2026-03", "54,600"))) == []


def test_about_fails_beyond_its_precision(project):
    base = claim("a", qualifier="about", source=src("2026-02", "about 55,000"))
    assert falls(project, base, claim("b", value=54400, as_of="2026-03", source=src("2026-03", "54,400"))) == [
        ("b", ("a",))
    ]


@pytest.mark.parametrize(
    "other",
    [
        {"claimant": "syrskyi"},
        {"subject": "russia"},
        {"metric": "military_casualties"},
    ],
)
def test_series_are_separate(project, other):
    assert falls(project, claim("a"), claim("b", value=45000, as_of="2026-03", source=src("2026-03", "45,000"),
                                            **other)) == []  # fmt: skip


def test_stocks_may_go_down(project):
    share = {"metric": "occupied_territory_share", "subject": "ukraine", "qualifier": "about"}
    assert falls(project, claim("a", value=20, source=src("2026-02", "about 20%"), **share),
                 claim("b", value=18, as_of="2026-06", source=src("2026-06", "about 18%"), **share)) == []  # fmt: skip


def test_period_totals_are_not_cumulative(project):
    assert falls(project, claim("a", as_of=None, period="2025", source=src("2026-01", "55,000")),
                 claim("b", value=45000, as_of=None, period="2026-01", source=src("2026-02", "45,000"))) == []  # fmt: skip


def test_the_highest_earlier_claim_is_named(project):
    result = falls(
        project,
        claim("low", value=50000, as_of="2025-01", source=src("2025-01", "50,000")),
        claim("high", value=60000, as_of="2025-06", source=src("2025-06", "60,000")),
        claim("later", value=52000, as_of="2026-01", source=src("2026-01", "52,000")),
    )
    assert result == [("later", ("high",))]
