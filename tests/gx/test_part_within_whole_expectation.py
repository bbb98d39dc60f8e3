"""part-within-whole: a `within` metric certainly above its whole, same subject, claimant and date."""

from __future__ import annotations

import pytest
from crossdata import cross_claim_only, findings_of

from conftest import claim, run_project


@pytest.fixture
def cross(project):
    return cross_claim_only(project)


def src(quote: str) -> dict:
    return {"outlet": "France 2", "published": "2026-02", "quote": quote}


def whole(value: float, **fields) -> dict:
    return claim("whole", metric="military_casualties", value=value, source=src(f"{value:,.0f}"), **fields)


def test_a_part_below_its_whole_passes(cross):
    cross.dataset([claim("part"), whole(400000)])
    assert findings_of(run_project(cross), "part-within-whole") == []


def test_a_part_above_its_whole_fails_on_the_part(cross):
    cross.dataset([claim("part", value=410000, source=src("410,000")), whole(400000)])
    [finding] = findings_of(run_project(cross), "part-within-whole")
    assert (finding.claim, finding.related, finding.severity) == ("part", ("whole",), "critical")
    assert finding.message == (
        "410,000 military personnel killed, Ukraine (2026-02, zelensky, France 2) is more than its whole: "
        "400,000 (2026-02, zelensky, France 2) military personnel killed or wounded, Ukraine"
    )


def test_only_certain_violations_fail(cross):
    # about 60,000 may be 55,500 and about 55,000 may be 55,500: not certainly above
    cross.dataset(
        [claim("part", value=56000, qualifier="about", source=src("56,000")), whole(55000, qualifier="about")]
    )
    assert findings_of(run_project(cross), "part-within-whole") == []


def test_other_claimants_and_other_dates_are_not_compared(cross):
    cross.dataset(
        [
            claim("part", value=410000, source=src("410,000")),
            whole(400000, claimant="syrskyi"),
            claim("later", metric="military_casualties", value=400000, as_of="2026-02-14", source=src("400,000")),
        ]
    )
    assert findings_of(run_project(cross), "part-within-whole") == []
