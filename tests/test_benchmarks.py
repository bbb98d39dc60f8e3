"""benchmarks/generate.py: seeded, the same shape at every size, and planting every kind of failure.

The benchmark's figures are only as good as its data: a generator whose data grew denser with its size
would make a linear check look super-linear, and one that planted failures by accident would measure
the wrong findings."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

import pytest

from conftest import REPO
from factcheck.model.layout import LAYOUT
from factcheck.pipeline import load
from factcheck.pipeline.options import Options
from factcheck.pipeline.run import run

pytestmark = pytest.mark.slow  # generated projects of 10,000 and 20,000 claims, and the benchmark runner

_spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


def _texts(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "datasets").rglob("*.yml"))}


def _claims(root):
    files = sorted(p for p in (root / "datasets").rglob("*.yml") if p != root / LAYOUT.catalog)
    return load.load(root, files).claims


def test_the_same_seed_writes_the_same_project(tmp_path):
    """Also in another process with another string hash seed: nothing may follow the order of a set."""
    first = generate.generate(tmp_path / "a", 1500, seed=7)
    again = generate.generate(tmp_path / "b", 1500, seed=7)
    generate.generate(tmp_path / "c", 1500, seed=8)
    elsewhere = f"import generate, pathlib; generate.generate(pathlib.Path({str(tmp_path / 'd')!r}), 1500, seed=7)"
    subprocess.run(
        [sys.executable, "-c", elsewhere],
        cwd=REPO / "benchmarks",
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=True,
    )
    assert first == again == {"claims": 1500, "files": 2, "bytes": first["bytes"], "seed": 7}
    assert _texts(tmp_path / "a") == _texts(tmp_path / "b") == _texts(tmp_path / "d")
    assert _texts(tmp_path / "a") != _texts(tmp_path / "c")


def test_without_planted_failures_only_comparisons_between_claimants_are_reported(tmp_path):
    """Series blocks continue their publisher's running total and a claimant gives one figure a date, so
    nothing falls or conflicts unless planted. Different claimants' figures are independent, so their
    comparisons remain."""
    generate.generate(tmp_path, 3000, seed=1, fail=0.0)
    report = run(Options(root=tmp_path, today=generate.TODAY))
    assert report.verdict == "publishable"
    assert Counter(f.check for f in report.findings).keys() == {
        "snapshot-vs-cumulative",
        "period-vs-cumulative",
        "period-vs-cumulative-other-party",
    }


def test_every_kind_of_failure_is_planted(tmp_path):
    generate.generate(tmp_path, 1000, seed=1, fail=0.5)
    report = run(Options(root=tmp_path, today=generate.TODAY))
    failed = [f for f in report.findings if f.status == "failed"]
    assert {f.check for f in failed} >= {
        "unknown-reference",  # an alias where a claimant key belongs
        "duplicate-key",
        "duplicate-id",
        "cumulative-non-decreasing",
        "quote-states-figure",
        "source-outlet",
        "source-url-wellformed",
        "source-published",
        "source-published-after-date",
        "date-not-before-origin",
        "date-not-in-future",
        "published-not-in-future",
        "value-not-negative",
        "value-within-max",
        "people-within-population",
        "share-within-0-100",
    }
    schema = [f.message for f in failed if f.check == "schema"]
    assert any(m == "unknown field `colour`" for m in schema)
    assert any(m.startswith("`value` should be a number, not '") for m in schema)
    assert any(re.fullmatch(r"`(as_of|period)`: '\d{4}-02-30': February \d{4} has 2[89] days", m) for m in schema)
    falls = [f for f in report.findings if f.check == "cumulative-non-decreasing"]
    assert any(f.status == "waived" for f in falls)
    assert any("the waiver expired" in f.message for f in falls)


@pytest.mark.parametrize("claims", [10000, 20000])
def test_each_size_has_the_same_shape(tmp_path, claims):
    """Whatever the size (from 10,000 claims on), a metric and subject has about 1,000 claims, at most
    SPEAKERS claimants of plain claims and PUBLISHERS of series; a share of territory and subject about
    80 claims from SPEAKERS claimants; and a claimant gives one figure a date. More claims bring more
    metrics, not denser ones."""
    generate.generate(tmp_path, claims, seed=1, fail=0.0)
    speakers, publishers, count = defaultdict(set), defaultdict(set), Counter()
    figures = defaultdict(set)
    for claim in _claims(tmp_path):
        pair = (claim.metric, claim.subject)
        (publishers if claim.series else speakers)[pair].add(claim.claimant)
        count[pair] += 1
        figures[(*pair, claim.claimant, claim.kind, claim.date.text)].add(claim.value)
    people = [pair for pair in count if not pair[0].startswith(generate.SHARE)]
    shares = [pair for pair in count if pair[0].startswith(generate.SHARE)]
    assert len(people) == 2 * claims // 2000 and len(shares) == 2 * claims // 10000
    assert {len(speakers[pair]) for pair in people} == {generate.SPEAKERS}
    assert max(len(speakers[pair]) for pair in shares) <= generate.SPEAKERS
    assert {len(publishers[pair]) for pair in people} == {generate.PUBLISHERS}
    assert 850 < sum(count[pair] for pair in people) / len(people) < 1000
    assert 60 < sum(count[pair] for pair in shares) / len(shares) < 100
    assert max(len(values) for values in figures.values()) == 1


def test_the_runner_measures_each_size_against_its_floor(tmp_path):
    """benchmarks/run.py end to end on two small sizes: what docs/performance.md reports comes from here."""
    out = tmp_path / "results.json"
    # One timed run of each check alone (--check-runs 1): what the runner reports is checked, not how steady it is.
    command = [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "200,400", "--repeat", "1",
               "--check-runs", "1"]  # fmt: skip
    subprocess.run([*command, "--data", str(tmp_path / "data"), "--out", str(out)], check=True, capture_output=True)
    results = json.loads(out.read_text())
    assert set(results["startup"]) == {"--help", "--version", "heavy_modules_of_cli"}
    assert results["startup"]["heavy_modules_of_cli"] == "[]"
    small, large = results["sizes"]["200"], results["sizes"]["400"]
    for row in (small, large):
        assert row["floor_s"] > 0 and row["factcheck_s"] > 0 and row["peak_mib"] > 0
        assert row["ratio"] == pytest.approx(row["factcheck_s"] / row["floor_s"], abs=0.002)
        assert row["exit_code"] == 1  # planted failures block
        assert {"config", "parse", "schema", "frame", "suites", "findings", "report:files"} <= set(row["stages_s"])
        assert {"report.html", "report.json", "junit.xml"} <= set(row["report_bytes"])
        assert set(row["checks"]["reporters_s"]) == {"terminal", "github", "html", "json", "junit", "sarif"}
    shipped = {check for checks in (small["checks"]["checks_s"], large["checks"]["checks_s"]) for check in checks}
    assert {"snapshot-vs-cumulative", "cumulative-non-decreasing", "quote-states-figure"} <= shipped
    assert set(large["check_growth_vs_previous"]) == set(small["checks"]["checks_s"])


def test_the_long_shape_is_a_public_table_imported_with_exactly_its_planted_failures(tmp_path):
    """Regions x 333 days x 3 metrics, written as a table and imported one dataset per region, as a desk
    would: seeded, and the checks find the falls the import marked and the parts planted above their whole,
    and nothing else."""
    size = 3 * generate.LONG_DAYS * 4
    info = generate.generate_long(tmp_path / "a", size, seed=3, fail=0.01, part_above=0.5)
    again = generate.generate_long(tmp_path / "b", size, seed=3, fail=0.01, part_above=0.5)
    assert info == again and _texts(tmp_path / "a") == _texts(tmp_path / "b")
    assert info["claims"] == 4 * generate.LONG_DAYS * 3 and info["files"] == 4 and info["entities"] == 4
    assert info["planted"]["falls"] > 10 and info["planted"]["parts_above_whole"] > 0
    claims = _claims(tmp_path / "a")
    assert Counter(c.file for c in claims) == {f"datasets/regions/region-{i:05d}.yml": 999 for i in range(4)}
    assert {c.series.rsplit(".", 1)[1] for c in claims} == {c.subject for c in claims}

    report = run(Options(root=tmp_path / "a", today=generate.TODAY))
    failed = Counter(f.check for f in report.findings if f.status == "failed")
    assert failed == {
        "cumulative-fall-unexplained": info["planted"]["falls"],
        "part-within-whole": info["planted"]["parts_above_whole"],
    }


def test_the_long_shape_plants_parts_above_their_whole_on_the_last_day(tmp_path):
    text, parts = generate.long_table(generate.random.Random(5), 0, 60, fail=0.0)  # 5% of 120 part series
    rows = [line.split(",") for line in text.splitlines()[1:]]
    last = [row for row in rows if row[1] == rows[generate.LONG_DAYS - 1][1]]
    assert parts == sum(int(part) > int(row[2]) for row in last for part in row[3:]) > 0
    assert all(int(part) <= int(row[2]) for row in rows if row not in last for part in row[3:])
