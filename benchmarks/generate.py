"""A seeded generator of realistic factcheck projects, for benchmarks.

`generate(root, claims, seed)` writes a project under `root`: the shipped checks/ and expectations/, a
generated catalog (many metrics, subjects and claimants) and datasets of about `claims` claims, split into
files of about 1,000 claims each. About a third of the claims are plain `claims:` entries from many
claimants (twenty per metric and subject) and the rest are points of `series:` blocks: the running totals
of a few publishers (three per metric and subject), each block continuing its publisher's series where the
last one stopped, as a daily series split by period does. The catalog grows with the claims (a claimant
per 250, a people metric per 2,000 with at least four, a share of territory per 10,000), so that every size
from 10,000 claims on has the same shape. Dates come at mixed precision (year, month, day, intervals). A
small share of every kind of failure is planted: schema errors (unknown field, wrong type, bad date,
unknown claimant, duplicate key, duplicate id), cumulative falls, quotes that do not state the figure,
missing outlets, bad URLs, publication before the counted date, dates before the origin or in the future,
impossible figures, shares above 100%, waivers (current and expired). Nothing else fails: a claimant gives
one figure a date, and running totals only rise.

    python benchmarks/generate.py OUT --claims 10000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import zlib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PER_FILE = 1000
ORIGIN = dt.date(2022, 2, 24)
TODAY = dt.date(2026, 11, 26)
OUTLETS = ["Reuters", "AP", "BBC", "France 2", "NBC", "Kyiv Independent", "Meduza", "Al Jazeera", "DW", "TASS"]
PEOPLE_METRICS = ["military_killed", "military_casualties", "civilians_killed", "civilians_injured"]
SHARE = "occupied_territory_share"
SPEAKERS = 20  # claimants making one-off claims about each metric and subject
PUBLISHERS = 3  # claimants publishing a running series of each metric and subject
LAST_DAY = TODAY - dt.timedelta(days=30)


def catalog(claimants: int, metrics: int, shares: int) -> tuple[str, list[str], list[str], list[str]]:
    """The catalog text, the people metric keys, the share metric keys and the claimant keys."""
    lines = ["metrics:"]
    people: list[str] = []
    for i in range(metrics):
        base = PEOPLE_METRICS[i % len(PEOPLE_METRICS)]
        key = base if i < len(PEOPLE_METRICS) else f"{base}_{i}"
        people.append(key)
        lines += [f"  {key}:", "    unit: people", f"    description: {base.replace('_', ' ')} (series {i})",
                  "    max: 2000000"]  # fmt: skip
    percent = [SHARE if i == 0 else f"{SHARE}_{i}" for i in range(shares)]
    for i, key in enumerate(percent):
        lines += [f"  {key}:", "    unit: percent", f"    description: share occupied (region {i})",
                  "    cumulative: false"]  # fmt: skip
    lines += ["subjects:", "  ukraine:", "    name: Ukraine", "    population: 44000000", "  russia:", "    name: Russia",
              "    population: 147000000", "claimants:"]  # fmt: skip
    names = []
    for i in range(claimants):
        key = f"claimant-{i:04d}"
        names.append(key)
        affiliation = ("ukraine", "russia", "independent")[i % 3]
        lines += [f"  {key}:", f"    name: Claimant {i}", f"    affiliation: {affiliation}",
                  f"    aliases: [Claimant{i}x]"]  # fmt: skip
    return "\n".join(lines) + "\n", people, percent, names


def _date(rng: random.Random, day: dt.date) -> str:
    """`day` at a mixed precision: mostly days, some months, a few years and intervals."""
    roll = rng.random()
    if roll < 0.6:
        return day.isoformat()
    if roll < 0.9:
        return day.strftime("%Y-%m")
    if roll < 0.97:
        following = (day.replace(day=1) + dt.timedelta(days=31)).strftime("%Y-%m")
        return f"{day.strftime('%Y-%m')}/{following}"
    return str(day.year)


def _number(value: int) -> str:
    return f"{value:,}"


class Writer:
    """Claims and series for one file, with planted failures."""

    def __init__(self, rng: random.Random, people: list[str], shares: list[str], claimants: list[str], fail: float):
        self.rng, self.people, self.shares, self.claimants, self.fail = rng, people, shares, claimants, fail
        self.counter = 0
        self.kinds = 0
        # The last (day, total) of each publisher's running series: its next block continues from there.
        self.running: dict[tuple[str, str, str], tuple[dt.date, int]] = {}
        # The dates each claimant has given a figure of a metric for: a second figure for the same date
        # would be a conflict, which only a planted failure may be.
        self.dated: dict[tuple[str, str, str], set[str]] = defaultdict(set)

    def publisher(self, metric: str, subject: str) -> str:
        """The claimant whose running total of `metric` for `subject` the next series block continues.

        Series come from institutions (the General Staff's daily totals, a ministry's weekly count), a few
        per metric and subject, taking turns by how far their series have come (a block given at random
        could leave one publisher with most of the points, running out of days). Plain claims use the odd
        claimants and series the even ones, so that a claimant's one-off figures and running totals do not
        mix."""
        pool = self._pool(self.claimants[::2], PUBLISHERS, metric, subject)
        return min(pool, key=lambda claimant: self.running.get((metric, subject, claimant), (ORIGIN, 0))[0])

    def speaker(self, metric: str, subject: str) -> str:
        """One of the claimants who speak of `metric` for `subject` (officials, analysts, outlets)."""
        return self.rng.choice(self._pool(self.claimants[1::2], SPEAKERS, metric, subject))

    def _pool(self, claimants: list[str], size: int, metric: str, subject: str) -> list[str]:
        first = zlib.crc32(f"{metric}/{subject}".encode()) % len(claimants)
        return [claimants[(first + n) % len(claimants)] for n in range(min(size, len(claimants)))]

    def planted(self) -> bool:
        return self.rng.random() < self.fail

    def claim(self, out: list[str]) -> None:
        rng = self.rng
        self.counter += 1
        cid = f"c{rng.getrandbits(40):010x}-{self.counter}"
        # Shares of territory are a fixed part of the claims, as the people metrics are.
        metric = rng.choice(self.shares) if rng.random() < 0.05 else rng.choice(self.people)
        subject = rng.choice(("ukraine", "russia"))
        claimant = self.speaker(metric, subject)
        percent = metric in self.shares
        day = ORIGIN + dt.timedelta(days=rng.randint(10, (TODAY - ORIGIN).days - 30))
        date = _date(rng, day)
        dated = self.dated[(metric, subject, claimant)]
        while date in dated:  # one figure a date: a later day, dated to the day
            day += dt.timedelta(days=1)
            date = day.isoformat()
        dated.add(date)
        # A total that grows with time at a rate of its own series: only planted failures fall.
        rate = 1 + zlib.crc32(f"{metric}{subject}{claimant}".encode()) % 200
        value = rng.randint(1, 99) if percent else 100 + rate * (day - ORIGIN).days
        published = day + dt.timedelta(days=rng.randint(0, 20))
        date_key = "as_of" if rng.random() < 0.8 else "period"
        if date_key == "period" and not percent:
            value = 10 + rate * rng.randint(1, 20)  # a window's total is a small part of the running total
        fields = {
            "metric": metric,
            "subject": subject,
            "claimant": claimant,
            "value": str(value),
            "qualifier": rng.choice(("exact", "exact", "about", "more_than", "at_least")),
        }
        source = {"outlet": rng.choice(OUTLETS), "published": published.isoformat()}
        if rng.random() < 0.5:
            source["url"] = f"https://news.example.org/{cid}"
        if "url" not in source or rng.random() < 0.5:
            source["quote"] = f'"officials said the figure was {_number(value)} as of {date}"'
        extra: list[str] = []
        if self.planted():
            kind, self.kinds = self.kinds % 16, self.kinds + 1  # every kind in turn, so each appears
            if kind == 0:
                extra.append("    colour: red")  # unknown field
            elif kind == 1:
                fields["value"] = f"'{_number(value)}'"  # a number written as text
            elif kind == 2:
                date = f"{day.year}-02-30"  # no such day
            elif kind == 3:
                fields["claimant"] = "Claimant3x"  # an alias, not a key
            elif kind == 4:
                extra.append(f"    metric: {metric}")  # duplicate key
            elif kind == 5:
                cid = "c-duplicate"  # the same id twice or more across files
            elif kind == 6:
                source["quote"] = f'"officials said the figure was {_number(value + 7)}"'
            elif kind == 7:
                source.pop("outlet")
            elif kind == 8:
                source["url"] = "javascript:alert(1)"
            elif kind == 9:
                source["published"] = (day - dt.timedelta(days=400)).isoformat()
            elif kind == 10:
                date, source["published"] = "2021-06", "2021-07"
            elif kind == 11:
                date, source["published"] = "2031-01-05", "2031-02"
            elif kind == 12:
                fields["value"] = "-5"
                source.pop("quote", None)
                source["url"] = "https://news.example.org/n"
            elif kind == 13:
                fields["metric"], fields["value"] = "civilians_killed", "250000000"
                source.pop("quote", None)
                source["url"] = "https://news.example.org/p"
            elif kind == 14:
                fields["metric"], fields["value"] = SHARE, "140"
                source.pop("quote", None)
                source["url"] = "https://news.example.org/s"
            else:
                source.pop("published")
        out.append(f"  - id: {cid}")
        out += [f"    {k}: {v}" for k, v in fields.items()]
        out.append(f"    {date_key}: {date}")
        out.append("    source:")
        out += [f"      {k}: {v}" for k, v in source.items()]
        out += extra

    def series(self, out: list[str], points: int) -> None:
        rng = self.rng
        self.counter += 1
        sid = f"s{rng.getrandbits(40):010x}-{self.counter}"
        metric = rng.choice(self.people)
        subject = rng.choice(("ukraine", "russia"))
        claimant = self.publisher(metric, subject)
        out += [
            f"  - id: {sid}",
            f"    metric: {metric}",
            f"    subject: {subject}",
            f"    claimant: {claimant}",
            f"    qualifier: {rng.choice(('exact', 'about', 'at_least'))}",
            "    source:",
            f"      outlet: {rng.choice(OUTLETS)}",
            f"      url: https://data.example.org/{sid}",
            "    points:",
        ]
        start = (ORIGIN + dt.timedelta(days=rng.randint(1, 30)), rng.randint(100, 5000))
        day, value = self.running.get((metric, subject, claimant), start)
        if day >= LAST_DAY:
            raise RuntimeError(f"{claimant}'s running series of {metric} reached {LAST_DAY}: too few metrics")
        used = self.dated[(metric, subject, claimant)]  # one figure a date, and so one derived id
        for _ in range(points):
            if day >= LAST_DAY:  # only planted dates lie in the future
                break
            day += dt.timedelta(days=rng.randint(1, 3))
            value += rng.randint(0, 400)
            text = day.isoformat() if rng.random() < 0.85 else day.strftime("%Y-%m")
            if text in used:
                text = day.isoformat()
            if text in used:
                continue
            used.add(text)
            shown = value
            tail = ""
            if self.planted():
                kind = rng.randrange(4)  # falls, waived, expired waivers, quotes
                if kind == 0:
                    shown = max(value // 2, 1)  # a fall
                elif kind == 1:
                    shown = max(value // 2, 1)
                    tail = ", {waivers: [{check: cumulative-non-decreasing, reason: corrected by the claimant}]}"
                elif kind == 2:
                    shown = max(value // 2, 1)
                    tail = (", {waivers: [{check: cumulative-non-decreasing, reason: corrected,"
                            " until: 2024-01-01}]}")  # fmt: skip
                else:
                    tail = ", {qualifier: about, quote: 'said to be near zero'}"
            out.append(f"      - [{text}, {shown}{tail}]")
        self.running[(metric, subject, claimant)] = (day, value)


def generate(root: Path, claims: int, seed: int = 1, fail: float = 0.03) -> dict:
    """Write a project of about `claims` claims under `root`; return what was written."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(REPO / "checks", root / "checks")
    shutil.copytree(REPO / "expectations", root / "expectations")
    (root / "datasets").mkdir(parents=True)
    text, people, shares, claimants = catalog(
        claimants=max(20, claims // 250), metrics=max(4, claims // 2000), shares=max(1, claims // 10_000)
    )
    (root / "datasets" / "catalog.yml").write_text(text, encoding="utf-8")
    writer = Writer(rng, people, shares, claimants, fail)
    files, written, nbytes = 0, 0, 0
    while written < claims:
        count = min(PER_FILE, claims - written)
        plain = count // 3
        out = [f"dataset: bench-{files:04d}", f"title: Benchmark dataset {files}", "origin: 2022-02-24", "claims:"]
        for _ in range(plain):
            writer.claim(out)
        out.append("series:")
        remaining = count - plain
        while remaining > 0:
            size = min(remaining, rng.randint(20, 120))
            writer.series(out, size)
            remaining -= size
        path = root / "datasets" / "bench" / f"part-{files:04d}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = "\n".join(out) + "\n"
        path.write_text(data, encoding="utf-8")
        nbytes += len(data.encode())
        files += 1
        written += count
    return {"claims": written, "files": files, "bytes": nbytes, "seed": seed}


# --- the long shape: a public table of many entities, imported ----------------------------------------

LONG_DAYS = 333
LONG_ORIGIN = dt.date(2020, 1, 22)
# (metric, the table's column, description, the metric it is part of)
LONG_METRICS = [
    ("cases", "confirmed", "confirmed cases", None),
    ("deaths", "deaths", "deaths", "cases"),
    ("hospitalised", "hospitalised", "people taken to hospital", "cases"),
]
LONG_PER_TABLE = 1000  # entities per table: a table of 1,000 entities x 333 days is 13 MB and 333,000 rows
LONG_PART_ABOVE = 0.05  # the share of (entity, part) series whose last day is above its whole

LONG_MAPPING = """\
dataset: health-agency
title: Daily cumulative counts by region, as the health agency publishes them
origin: {origin}
date: date
entity:
  column: region
claimant: health-agency
source:
  outlet: Health agency daily report
  url: https://data.example.org/{{subject}}/{{column}}
columns:
{columns}"""


def long_catalog(entities: int) -> str:
    lines = ["metrics:"]
    for key, _, description, within in LONG_METRICS:
        lines += [f"  {key}:", "    unit: people", f"    description: {description}", "    max: 100000000"]
        lines += [f"    within: {within}"] if within else []
    lines += ["subjects:"]
    for i in range(entities):
        lines += [f"  region-{i:05d}:", f"    name: Region {i:05d}"]
    lines += ["claimants:", "  health-agency:", "    name: Health agency", "    affiliation: independent"]
    return "\n".join(lines) + "\n"


def long_table(
    rng: random.Random, first: int, entities: int, fail: float, part_above: float = LONG_PART_ABOVE
) -> tuple[str, int]:
    """A CSV table, one row per region and day, a cumulative column per metric (the parts a few percent of
    confirmed cases), with planted failures: a figure a little below the day before's (about `fail` of the
    figures, by at most 1%, so that a part stays below its whole), and in LONG_PART_ABOVE of the part
    series (`part_above`) a last day above that day's confirmed cases (the last, so that nothing falls after it). Returns
    the table and the parts above their whole; the falls are what the import marks."""
    parts_above = 0
    out = ["region,date," + ",".join(column for _, column, _, _ in LONG_METRICS)]
    for entity in range(first, first + entities):
        rate = rng.randint(5, 400)
        shares = (1.0, rng.uniform(0.005, 0.03), rng.uniform(0.02, 0.1))
        cases = rng.randint(1, 50)
        before: list[int] = []
        above = [rng.random() < part_above for _ in LONG_METRICS[1:]]
        for day in range(LONG_DAYS):
            cases += rng.randint(0, 2 * rate)
            totals = [int(cases * share) for share in shares]  # cumulative: cases only grow
            shown = list(totals)
            for m, total in enumerate(before):
                if rng.random() < fail:
                    shown[m] = max(total - rng.randint(1, max(1, total // 100)), 0)
            if day == LONG_DAYS - 1:
                for m, planted in enumerate(above, 1):
                    if planted:
                        shown[m] = shown[0] + rng.randint(1, 100)
                        parts_above += 1
            before = totals
            date = (LONG_ORIGIN + dt.timedelta(days=day)).isoformat()
            out.append(f"Region {entity:05d},{date}," + ",".join(map(str, shown)))
    return "\n".join(out) + "\n", parts_above


def generate_long(
    root: Path, claims: int, seed: int = 1, fail: float = 0.001, part_above: float = LONG_PART_ABOVE
) -> dict:
    """A project of about `claims` claims in the long shape: regions x LONG_DAYS days x 3 metrics, written
    as a public table (CSV, LONG_PER_TABLE regions each) and imported by `factcheck import -o folder/`,
    one dataset per region, as a desk would. Return what was written and planted."""
    from factcheck.importer.command import run_import  # the package under test: imported only for this shape

    rng = random.Random(seed)
    entities = max(1, round(claims / (LONG_DAYS * len(LONG_METRICS))))
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(REPO / "checks", root / "checks")
    shutil.copytree(REPO / "expectations", root / "expectations")
    (root / "datasets").mkdir(parents=True)
    (root / "src").mkdir()
    (root / "datasets" / "catalog.yml").write_text(long_catalog(entities), encoding="utf-8")
    columns = "".join(f"  {column}: {{metric: {key}}}\n" for key, column, _, _ in LONG_METRICS)
    mapping = root / "src" / "mapping.yml"
    mapping.write_text(LONG_MAPPING.format(origin=LONG_ORIGIN.isoformat(), columns=columns), encoding="utf-8")
    planted = {"falls": 0, "parts_above_whole": 0}
    written, tables = 0, 0
    for first in range(0, entities, LONG_PER_TABLE):
        text, parts_above = long_table(rng, first, min(LONG_PER_TABLE, entities - first), fail, part_above)
        table = root / "src" / f"table-{tables:03d}.csv"
        table.write_text(text, encoding="utf-8")
        built = run_import(table, mapping, root / "datasets" / "regions", root, folder=True)
        written += built.points
        tables += 1
        planted["falls"] += len(built.unexplained)
        planted["parts_above_whole"] += parts_above
    files = sorted((root / "datasets").rglob("*.yml"))
    nbytes = sum(p.stat().st_size for p in files if p.name != "catalog.yml")
    return {"claims": written, "files": len(files) - 1, "bytes": nbytes, "seed": seed, "shape": "long",
            "entities": entities, "tables": tables, "planted": planted}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=("mixed", "long"), default="mixed")
    args = parser.parse_args()
    print(json.dumps((generate_long if args.shape == "long" else generate)(args.out, args.claims, args.seed)))


if __name__ == "__main__":
    main()
