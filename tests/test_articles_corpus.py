"""tests/articles/corpus/: real reports, each a curated project with a ground truth, well formed; and the
benchmark that measures the article check on them runs (its quality figures are in docs/articles.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from factcheck.pipeline import load
from factcheck.prose import front_matter

CORPUS = REPO / "tests" / "articles" / "corpus"
NAMES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
KINDS = {"value", "claimant", "date", "qualifier", "metric", "added"}
# Independent of the engine's reader on purpose: digits with their separators, and English number words.
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def whole(text: str) -> re.Pattern:
    """`text` as a whole token: not the "8" of "5.8" or of "80"."""
    return re.compile(r"(?<![\w])(?<!\d[.,])" + re.escape(text) + r"(?![\w])(?![.,]\d)")


def truth(name: str) -> dict:
    return yaml.safe_load((CORPUS / name / "truth.yml").read_text(encoding="utf-8"))


def article(name: str) -> Path:
    return CORPUS / name / "articles" / f"{name}.md"


def body_start(lines: list[str]) -> int:
    """The index of the first line after the front matter."""
    return lines.index("---", 1) + 1 if lines[0] == "---" else 0


def test_corpus_spans_many_reports_kinds_outlets_and_continents():
    sources = [truth(name)["source"] for name in NAMES]
    # What the corpus holds: it may grow, never shrink below these.
    assert len(NAMES) >= 27
    assert len({s["kind"] for s in sources}) >= 23
    assert len({s["continent"] for s in sources}) >= 5
    assert len({s["outlet"] for s in sources}) == len(NAMES), "one report per outlet"


@pytest.mark.parametrize("name", NAMES)
def test_article_has_its_curated_project(name):
    folder = CORPUS / name
    text = article(name).read_text(encoding="utf-8")
    front, _, _ = front_matter.read(text)
    assert front.published is not None and front.title
    words = len(text.split("---\n", 2)[2].split())
    assert 120 <= words <= 520, f"{name}: {words} words"
    gate = yaml.safe_load((folder / "checks" / "publication.yml").read_text(encoding="utf-8"))
    assert "articles/**/*.md" in gate["articles"]
    loaded = load.load(folder, [folder / "datasets" / "claims.yml"])
    assert loaded.catalog is not None and loaded.findings == [], [f.message for f in loaded.findings]
    source = truth(name)["source"]
    assert {"outlet", "url", "published", "kind", "continent"} <= set(source)
    assert source["url"].startswith(("http://", "https://"))
    # A batch names reports curated together and scored apart (a held-out set): a plain name, never a date.
    assert "batch" not in source or (isinstance(source["batch"], str) and source["batch"].strip()), source


@pytest.mark.parametrize("name", NAMES)
def test_ground_truth_covers_every_number_token(name):
    folder = CORPUS / name
    lines = article(name).read_text(encoding="utf-8").split("\n")
    claims = {c.id for c in load.load(folder, [folder / "datasets" / "claims.yml"]).claims}
    spans: dict[int, list[tuple[int, int]]] = {}
    taken: dict[int, int] = {}
    for entry in truth(name)["figures"]:
        # A reason written unquoted with a comma in a flow mapping becomes a key of its own: refuse it.
        assert set(entry) <= {"line", "text", "claim", "none"}, f"{name}: {entry}: unknown keys (quote the reason)"
        assert ("claim" in entry) != ("none" in entry), f"{name}: {entry}: give either claim or none"
        assert entry.get("claim") is None or entry["claim"] in claims, f"{name}: unknown claim {entry['claim']}"
        line, text = entry["line"], str(entry["text"])
        found = whole(text).search(lines[line - 1], taken.get(line, 0))  # entries in the order they occur
        assert found, f"{name}: {text!r} is not on line {line} after the entries before it"
        taken[line] = found.end()
        start = found.start()
        spans.setdefault(line, []).append((start, start + len(text)))
    for number, line in enumerate(lines[body_start(lines) :], body_start(lines) + 1):
        for match in NUMBER.finditer(line):
            covered = any(s <= match.start() and match.end() <= e for s, e in spans.get(number, []))
            assert covered, f"{name}: line {number}: {match.group()!r} is in no ground-truth entry"
    reported = {entry.get("claim") for entry in truth(name)["figures"]}
    assert claims <= reported, f"{name}: claims no figure reports: {sorted(claims - reported)}"


@pytest.mark.parametrize("name", NAMES)
def test_planted_errors_apply_to_the_clean_article(name):
    lines = article(name).read_text(encoding="utf-8").split("\n")
    planted = truth(name)["planted"]
    assert len(planted) >= 5
    for patch in planted:
        assert set(patch) == {"kind", "line", "original", "replacement", "figure"}, f"{name}: {patch}: unknown keys"
        assert patch["kind"] in KINDS, patch
        line = lines[patch["line"] - 1]
        assert line.count(patch["original"]) == 1, f"{name}: {patch['original']!r} must occur once on its line"
        assert patch["original"] != patch["replacement"]
        variant = line.replace(patch["original"], patch["replacement"])
        assert str(patch["figure"]) in variant, f"{name}: the planted figure is not in the variant line"


def test_benchmark_runs_on_one_article_and_reports_its_figures():
    name = NAMES[0]
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "articles_corpus.py"), name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    (scored,) = report["articles"]
    expected = truth(name)
    assert scored["name"] == name
    assert scored["curated"] == sum(1 for f in expected["figures"] if "claim" in f)
    assert scored["planted"] == len(expected["planted"])
    assert 0 <= scored["backed"] <= scored["curated"]
    assert 0 <= scored["caught"] + scored["masked"] <= scored["planted"]
    assert scored["critical"] <= scored["false_alarms"]
    assert report["totals"]["curated"] == scored["curated"]


def test_benchmark_refuses_an_unknown_article():
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "articles_corpus.py"), "no-such-report"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "no such article" in result.stderr


def test_benchmark_batch_keeps_only_the_reports_of_that_batch(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    import articles_corpus

    for name, source in {"a": {"batch": "held"}, "b": {"batch": "other"}, "c": {}}.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "truth.yml").write_text(yaml.safe_dump({"source": source}), encoding="utf-8")
    assert articles_corpus.in_batch(["a", "b", "c"], "held", tmp_path) == ["a"]
    assert articles_corpus.in_batch(["b", "c"], "held", tmp_path) == []
    assert articles_corpus.in_batch(["a", "b", "c"], None, tmp_path) == ["c"]  # the development set


def test_benchmark_refuses_a_batch_with_no_article():
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "articles_corpus.py"), "--batch", "no-such-batch"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "no article of batch" in result.stderr
