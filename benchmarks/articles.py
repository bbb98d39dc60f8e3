"""Article benchmark: what checking a 5,000-word article adds to a run against the shipped 22,000 claims.

    .venv/bin/python benchmarks/articles.py                  # 5,000 words, best of 5, results/articles-<date>.json
    .venv/bin/python benchmarks/articles.py --words 20000 --repeat 3 --out mine.json

The article is generated, seeded: the seed report's paragraphs, and sentences that state the General
Staff's daily totals (tanks, aircraft, artillery, drones, personnel) at random days, some exactly, some
rounded ("about 3,100"), some wrong, some unattributed, some about Ukraine's losses (which no dataset holds), among sentences of years, times, ids and other
numbers that are not figures. It is checked three ways:

- in this process, best of `--repeat`: building the vocabulary and the claim index from the shipped claims
  (once per gate in a run), and checking the article against them (`check_article`);
- `factcheck validate` on a copy of the shipped project with the article in its gate, in a fresh process
  with FACTCHECK_PROFILE: the `articles` stage is what the articles add to the run (index, reading, verdicts);
- the same run without the article, for the wall times side by side (noise on a shared machine is larger
  than the difference).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from factcheck.floor.numbers import format_number  # noqa: E402
from factcheck.pipeline import load  # noqa: E402
from factcheck.prose.check import check_article  # noqa: E402
from factcheck.prose.context import Vocabulary  # noqa: E402
from factcheck.prose.match import ClaimIndex  # noqa: E402

SEED = REPO / "articles" / "zelensky-55000-soldiers-killed.md"
# The General Staff's metrics the generated sentences state, and how they word them.
WORDS = {"tanks_lost": "tanks", "aircraft_lost": "aircraft", "artillery_systems_lost": "artillery systems",
         "drones_lost": "drones", "helicopters_lost": "helicopters",
         "military_casualties": "soldiers killed or wounded"}  # fmt: skip
FILLER = [
    "The talks in {year} were the third round since the war began, officials said at {hour}:30 on Tuesday.",
    "Flight {code} landed in Kyiv after a delay, and the {ordinal} convoy left for the front.",
    "Analysts at the institute, founded in {year}, said the figures were hard to verify.",
    "The ministry's hotline, +380 44 {phone}, was busy for most of the day.",
    "Both sides traded accusations, and a spokesman declined to comment further.",
]


def _points(claims) -> dict[str, list]:
    points: dict[str, list] = {}
    for claim in claims:
        if claim.claimant == "general-staff" and claim.metric in WORDS:
            points.setdefault(claim.metric, []).append(claim)
    return points


def article_text(claims, words: int, seed: int = 13) -> str:
    """A seeded article of about `words` words."""
    rng = random.Random(seed)
    seed_body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    points = _points(claims)
    metrics = sorted(points)
    paragraphs = [seed_body.strip()]
    count = len(seed_body.split())
    while count < words:
        kind = rng.random()
        if kind < 0.55:
            metric = rng.choice(metrics)
            claim = rng.choice(points[metric])
            noun = WORDS[metric]
            value = claim.value
            when = claim.date.start.strftime("%-d %B %Y")
            style = rng.random()
            if style < 0.15:
                figure = f"about {format_number(round(value, -2))}"
            elif style < 0.25:
                figure = format_number(value * 1.3 // 1)  # a wrong figure
            else:
                figure = format_number(value)
            who = "the General Staff of Ukraine said" if rng.random() < 0.8 else "officials said"
            side = "Russia"
            if rng.random() < 0.05:  # a claim no dataset holds: Ukraine's own losses
                side, who = "Ukraine", "a Russian spokesman said"
            text = f"By {when}, {side} had lost {figure} {noun} since the invasion began, {who}."
        else:
            text = rng.choice(FILLER).format(year=rng.randint(1990, 2025), hour=rng.randint(1, 12),
                                             code=f"PS{rng.randint(100, 999)}", ordinal=f"{rng.randint(4, 20)}th",
                                             phone=f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}")  # fmt: skip
        paragraphs.append(text)
        count += len(text.split())
    front = "---\ntitle: A generated article for the benchmark\npublished: 2026-02-04\n---\n"
    return front + "\n\n".join(paragraphs) + "\n"


def in_process(root: Path, article: Path, repeat: int) -> dict:
    files = sorted(p for p in (root / "datasets").rglob("*.yml") if p != root / load.CATALOG)
    loaded = load.load(root, files)
    builds, checks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        vocabulary, index = Vocabulary(loaded.catalog), ClaimIndex(loaded.claims)
        builds.append(time.perf_counter() - start)
        start = time.perf_counter()
        checked, _ = check_article(article, article.name, index, vocabulary, loaded.catalog)
        checks.append(time.perf_counter() - start)
    verdicts: dict[str, int] = {}
    for mark in checked.marks:
        verdicts[mark.verdict] = verdicts.get(mark.verdict, 0) + 1
    return {"claims": len(loaded.claims), "index_s": min(builds), "article_s": min(checks),
            "figures": len(checked.marks), "verdicts": verdicts}  # fmt: skip


def end_to_end(root: Path, article: Path, with_article: bool) -> dict:
    """`factcheck validate` in a fresh process: its wall time and its `articles` stage."""
    hidden = article.with_suffix(".md.off")  # not a name the gate's globs take
    if not with_article:
        article.rename(hidden)
    profile = root.parent / f"profile-{with_article}.json"
    command = [sys.executable, "-m", "factcheck", "validate", "--today", "2026-03-01", "--no-color"]
    env = {**os.environ, "FACTCHECK_PROFILE": str(profile), "PYTHONPATH": str(REPO / "src")}
    start = time.perf_counter()
    subprocess.run(command, cwd=root, env=env, stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    if not with_article:
        hidden.rename(article)
    stages = json.loads(profile.read_text())["stages"]
    return {"wall_s": wall, "articles_s": stages.get("articles", 0.0)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        for name in ("checks", "expectations", "datasets"):
            shutil.copytree(REPO / name, root / name)
        (root / "articles").mkdir()
        files = sorted(p for p in (root / "datasets").rglob("*.yml") if p != root / load.CATALOG)
        text = article_text(load.load(root, files).claims, args.words)
        article = root / "articles" / "generated.md"
        article.write_text(text, encoding="utf-8")
        result = {"date": dt.date.today().isoformat(), "words": len(text.split()), "bytes": len(text.encode()),
                  "in_process": in_process(root, article, args.repeat)}  # fmt: skip
        runs = [end_to_end(root, article, with_it) for _ in range(args.repeat) for with_it in (True, False)]
        result["validate_with_article"] = min((r for r in runs[::2]), key=lambda r: r["wall_s"])
        result["validate_without_article"] = min((r for r in runs[1::2]), key=lambda r: r["wall_s"])
    out = args.out or HERE / "results" / f"articles-{result['date']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    inner = result["in_process"]
    print(
        f"{result['words']:,} words, {inner['figures']} figures {inner['verdicts']}, against {inner['claims']:,} claims"
    )
    print(f"  index (vocabulary and claims): {inner['index_s']:.3f} s; the article: {inner['article_s']:.3f} s")
    print(f"  validate: articles stage {result['validate_with_article']['articles_s']:.3f} s; wall "
          f"{result['validate_with_article']['wall_s']:.2f} s with it, {result['validate_without_article']['wall_s']:.2f} s without")  # fmt: skip
    print(f"  -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
