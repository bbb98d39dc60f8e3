"""Reports built by hand, from `Finding`, `GateRun`, `Claim` and `Catalog` objects: no dataset is read and
Great Expectations never runs, so the snapshot tests of the reporters take milliseconds.

`blocked()` has a bit of everything a reporter shows: a blocking fall with the claim it is compared with,
a finding on the file itself, a warning and a note that do not block, a waived finding and one whose waiver
expired, a corroborated claim, an open upper bound, totals over a period, a percentage, a party's claim
about its adversary, a quote longer than the HTML page shows, a quote that does not state its figure, a
claim the schema refused (with its source as written), and text from data that tries to be markup, a
terminal escape, a bidi override, a workflow command or a link. `publishable()` has no finding at all.
"""

from __future__ import annotations

import datetime as dt

from factcheck.floor.spans import parse_span
from factcheck.model.format import Catalog, Claim, Claimant, Metric, Source, Subject, Waiver
from factcheck.report.findings import CheckInfo, Finding, GateRun, Report

WAR = "datasets/war/casualties.yml"
HOUSING = "datasets/housing/share, 2025.yml"  # a comma: GitHub annotation properties must encode it
TODAY = dt.date(2026, 11, 26)

CATALOG = Catalog(
    metrics={
        "military_killed": Metric(unit="people", description="military personnel killed"),
        "housing_destroyed": Metric(unit="percent", description="share of housing destroyed", cumulative=False),
    },
    subjects={"ukraine": Subject(name="Ukraine"), "russia": Subject(name="Russia")},
    claimants={
        "zelensky": Claimant(name="Volodymyr Zelensky", affiliation="ukraine"),
        "syrskyi": Claimant(name="Oleksandr Syrskyi", affiliation="ukraine"),
        "monitors": Claimant(name="UN <Monitoring> Mission & partners", affiliation="independent"),
    },
)

CHECKS = {
    "cumulative-non-decreasing": CheckInfo(
        "Cumulative totals do not fall",
        "A running total from one claimant never goes down; overlapping dates are never compared.",
        "critical",
        "expectations/cumulative-totals.yml",
    ),
    "yaml-duplicate-key": CheckInfo("No duplicate keys", "YAML keeps only the last one.", "critical"),
    "schema": CheckInfo("Dataset format", "Fields and types follow the dataset format.", "critical"),
    "source-url-wellformed": CheckInfo("Source URLs are links", "", "warning", "expectations/source-attribution.yml"),
    "quote-states-figure": CheckInfo("The quote states the figure", severity="info",
                                     suite="expectations/source-attribution.yml"),
    "conflict": CheckInfo("Sources agree", severity="warning", suite="expectations/cross-claim.yml"),
}  # fmt: skip


def _claim(id: str, line: int, value: float, date: str, *, file: str = WAR, claimant: str = "zelensky",
           metric: str = "military_killed", subject: str = "ukraine", qualifier: str = "exact",
           kind: str = "as_of", low: float | None = None, high: float | None = None, **source) -> Claim:  # fmt: skip
    return Claim(
        id=id, file=file, line=line, dataset=file.split("/")[-1].removesuffix(".yml"),
        origin=parse_span("2022-02-24"), metric=metric, subject=subject, claimant=claimant, value=value,
        qualifier=qualifier, low=low, high=high, date=parse_span(date), kind=kind, source=Source(**source),
    )  # fmt: skip


HOSTILE_QUOTE = "<script>alert(1)</script> 45,000 killed \x1b[2J\u202e000,54\u202c\nsecond line"


def _claims() -> dict[str, Claim]:
    claims = [
        _claim("zel-2025-02", 3, 46000, "2025-02", qualifier="more_than", outlet="NBC", published="2025-02",
               quote="more than 45,000", url="https://www.nbcnews.com/interview?id=1&lang=en"),
        _claim("zel-2026-02", 12, 55000, "2026-02", outlet="France 2", published="2026-02", quote="is 55,000"),
        _claim("zel-2026-03", 21, 45000, "2026-03", outlet="Le <b>Monde</b>", published="2026-03",
               quote=HOSTILE_QUOTE, url="javascript:alert(2)", via='AFP & "Reuters"'),
        _claim("syr-2025", 30, 40000, "2025-06", claimant="syrskyi", outlet="Ukrainska Pravda", published="2025-06",
               quote="40,000"),
        _claim("syr-2025-corrected", 38, 39000, "2025-09", claimant="syrskyi", outlet="Ukrainska Pravda",
               published="2025-09", quote="39,000"),
        _claim("zel-russia-2025", 47, 250000, "2025-01/2025-06", subject="russia", kind="period", low=240000,
               high=260000, qualifier="about", quote="about 250,000 " + "occupiers " * 220),
        _claim("housing-kharkiv", 4, 12.5, "2025-11", file=HOUSING, metric="housing_destroyed",
               claimant="monitors", qualifier="at_least", outlet="##[error]Outlet", url="ftp://example.org/x"),
    ]  # fmt: skip
    return {claim.id: claim for claim in claims}


def _gates(claims: dict[str, Claim]) -> list[GateRun]:
    war = sum(c.file == WAR for c in claims.values())
    return [
        GateRun("publication", "checks/publication.yml", "critical", (WAR, HOUSING),
                ("expectations/cumulative-totals.yml", "expectations/source-attribution.yml"),
                ("cumulative-non-decreasing", "quote-states-figure", "source-url-wellformed"), len(claims)),
        GateRun("war <desk>", "checks/war.yml", "warning", (WAR,), ("expectations/cross-claim.yml",),
                ("conflict",), war),
    ]  # fmt: skip


def _findings() -> list[Finding]:
    fall = CHECKS["cumulative-non-decreasing"]
    findings = [
        Finding("cumulative-non-decreasing", "critical", WAR, 21,
                "falls from 55,000 (2026-02, zelensky, France 2) to 45,000 (2026-03)", claim="zel-2026-03",
                related=("zel-2026-02",), title=fall.title, explain=fall.explain,
                hint="if the earlier figure was corrected, waive this finding with the reason", blocking=True),
        Finding("yaml-duplicate-key", "critical", WAR, 55, "key 'metric' appears twice in one mapping (first on line 52)",
                title="No duplicate keys", hint="YAML keeps only the last one; delete or rename one of them",
                blocking=True),
        Finding("cumulative-non-decreasing", "critical", WAR, 38,
                "falls from 40,000 (2025-06, syrskyi, Ukrainska Pravda) to 39,000 (2025-09)",
                status="waived", claim="syr-2025-corrected", related=("syr-2025",), title=fall.title,
                waiver=Waiver(check="cumulative-non-decreasing", reason="the count was <corrected> downward",
                              until="2027-01-01")),
        Finding("conflict", "warning", WAR, 47, "::error::250,000 & 45,000 differ\n##[warning]by a lot",
                claim="zel-russia-2025", related=("zel-2026-03",), title="Sources agree",
                waiver=Waiver(check="conflict", reason="kept while the desk checks", until="2026-06-30"),
                blocking=True),
        Finding("quote-states-figure", "info", WAR, 3, 'the quote does not state more than 46,000: "more than 45,000"',
                claim="zel-2025-02"),
        Finding("schema", "critical", WAR, 60, "unknown field `valeu`", claim="zel-typo", title="Dataset format",
                hint="did you mean `value`?", blocking=True,
                source=(("outlet", "France <i>2</i>"), ("published", "2026-02"), ("quote", "is 55,000\u202e"))),
        Finding("quote-states-figure", "info", WAR, 12, "the quote states 55,000", status="corroborated",
                claim="zel-2026-02", title="The quote states the figure"),
        Finding("source-url-wellformed", "warning", HOUSING, 4, "'ftp://example.org/x' is not an http(s) URL",
                claim="housing-kharkiv", title="Source URLs are links", hint="link the page, not the file"),
        Finding("quote-states-figure", "info", HOUSING, 4, "the source has no quote to check the figure against",
                claim="housing-kharkiv"),
    ]  # fmt: skip
    return sorted(findings, key=Finding.sort_key)


def blocked() -> Report:
    claims = _claims()
    return Report(findings=_findings(), claims=claims, catalog=CATALOG, gates=_gates(claims), checks=CHECKS,
                  today=TODAY, timestamp="2026-11-26T12:00:00Z")  # fmt: skip


def publishable() -> Report:
    claims = {cid: c for cid, c in _claims().items() if c.file == WAR}
    return Report(findings=[], claims=claims, catalog=CATALOG, gates=_gates(claims)[1:], checks=CHECKS, today=TODAY)


def daily_series(days: int, fall_on: int, fall: float) -> Report:
    """A total rising evenly from 0 to about 60,000 over `days` days, falling by `fall` on day `fall_on`."""
    source = Source(outlet="General Staff", published="2026-01")
    claims = {}
    for n in range(days):
        value = round(n * 60_000 / days) - (fall if n == fall_on else 0)
        day = dt.date(2022, 3, 1) + dt.timedelta(days=n)
        cid = f"art@{day.isoformat()}"
        claims[cid] = Claim(
            id=cid, file="datasets/equipment.yml", line=n + 10, dataset="d", origin=None, metric="artillery",
            subject="russia", claimant="general-staff", value=float(value), qualifier="exact", low=None, high=None,
            date=parse_span(day.isoformat()), kind="as_of", source=source,
        )  # fmt: skip
    ids = list(claims)
    finding = Finding("cumulative-non-decreasing", "critical", "datasets/equipment.yml", fall_on + 10,
                      "falls", claim=ids[fall_on], related=(ids[fall_on - 1],), blocking=True)  # fmt: skip
    return Report(findings=[finding], claims=claims)
