"""Small made-up data for the cross-claim checks: a General Staff daily series with the real figures of
the days the examples need, and the claims of the seed report that are compared with it."""

from __future__ import annotations

import pandas as pd
import yaml

from conftest import REPO, claim

GS = "general-staff"

# The General Staff's cumulative Russian personnel losses ("about", as it qualifies them) on the days the
# seed report's claims are compared with.
GS_POINTS = [
    ["2024-12-31", 789550],
    ["2025-09-30", 1110560],
    ["2025-10-01", 1111480],
    ["2025-10-31", 1141830],
    ["2025-12-31", 1207910],
]


def with_general_staff(project) -> None:
    """The shipped catalog, plus the General Staff as a claimant of Ukraine's side (if not shipped yet)."""
    catalog = yaml.safe_load((REPO / "datasets" / "catalog.yml").read_text(encoding="utf-8"))
    catalog["claimants"].setdefault(
        GS,
        {"name": "General Staff of the Armed Forces of Ukraine", "role": "military command", "affiliation": "ukraine"},
    )
    project.write("datasets/catalog.yml", yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True))


def cross_claim_only(project):
    """The project with the General Staff in its catalog and a gate that runs only the cross-claim suite
    (the other suites are tested elsewhere; leaving them out keeps each run short)."""
    with_general_staff(project)
    project.write(
        "checks/publication.yml",
        "datasets: [datasets/**/*.yml]\nsuites: [expectations/cross-claim.yml]\nfail_on: critical\n",
    )
    return project


def gs_series(points=GS_POINTS, id: str = "gs", claimant: str = GS, qualifier: str = "about") -> dict:
    return {
        "id": id,
        "metric": "military_casualties",
        "subject": "russia",
        "claimant": claimant,
        "qualifier": qualifier,
        "source": {"outlet": "General Staff", "url": "https://www.zsu.gov.ua/"},
        "points": [list(p) for p in points],
    }


def syrskyi(value: float = 420000, period: str = "2025", **fields) -> dict:
    """Syrskyi's "about 420,000 Russian soldiers killed or injured in 2025" (keyword arguments replace fields)."""
    source = {"outlet": "Al Jazeera", "published": "2026-01", "url": "https://www.aljazeera.com/"}
    base = {"metric": "military_casualties", "subject": "russia", "claimant": "syrskyi", "qualifier": "about"}
    return claim(
        **{"id": "syrskyi", **base, "value": value, "as_of": None, "period": period, "source": source, **fields}
    )


def uk(value: float = 1100000, as_of: str = "2025-10", **fields) -> dict:
    """UK Defence Intelligence's "about 1.1 million by October 2025" (keyword arguments replace fields)."""
    source = {"outlet": "UK Ministry of Defence", "published": "2025-11", "url": "https://www.gov.uk/"}
    base = {"metric": "military_casualties", "subject": "russia", "claimant": "uk-defence-intelligence"}
    return claim(
        **{"id": "uk", **base, "qualifier": "about", "value": value, "as_of": as_of, "source": source, **fields}
    )


def findings_of(report, check: str) -> list:
    return [f for f in report.findings if f.check == check]


def written(rows: list[dict]) -> pd.DataFrame:
    """A frame of `rows` with the `entry` column frame.build adds: each row's rank by (file, line, claim_id)."""
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["file"], rows[i]["line"], rows[i]["claim_id"]))
    rank = {index: position for position, index in enumerate(order)}
    return pd.DataFrame([{**row, "entry": rank[i]} for i, row in enumerate(rows)])
