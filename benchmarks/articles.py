"""Article benchmark: what checking a 5,000-word article adds to a run against the shipped 22,000 claims.

    .venv/bin/python benchmarks/articles.py                  # 5,000 words, best of 5, results/articles-<date>.json
    .venv/bin/python benchmarks/articles.py --words 20000 --repeat 3 --out mine.json

The article is generated, seeded: the seed report's paragraphs, and sentences that state the General
Staff's daily totals (tanks, aircraft, artillery, drones, personnel) at random days, some exactly, some
rounded ("about 3,100"), some wrong, some unattributed, some about Ukraine's losses (which no dataset holds), among sentences of years, times, ids and other
numbers that are not figures. It is checked three ways:

- in this process, best of `--repeat`: building the vocabulary and the claim index from the shipped claims
  (once per gate in a run), and checking the article against them (`check_article`); the index sorts the
  claims of a metric, subject and claimant when a figure first asks for them, so that cost is the article's;
- `factcheck validate` on a copy of the shipped project with the article in its gate, in a fresh process
  with FACTCHECK_PROFILE: the `articles` stage is what the articles add to the run (importing the article
  modules and Babel, the index, reading, verdicts), as wall time and as the CPU time the process spent in it;
- the same run without the article, for the wall times side by side (noise on a shared machine is larger
  than the difference).

Each figure is the least of `--repeat` runs, and the stage is judged by its CPU time: on a machine other work
loads, wall time waits for the cores and the least of several runs is the one that waited least, while the
CPU time a process spends is what its own work costs. The load average is recorded before and after.
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
from factcheck.model.layout import LAYOUT  # noqa: E402
from factcheck.pipeline import load  # noqa: E402
from factcheck.prose.check import check_article  # noqa: E402
from factcheck.prose.match import ClaimIndex  # noqa: E402
from factcheck.prose.vocabulary import Vocabulary  # noqa: E402

SEED = REPO / "articles" / "zelensky-55000-soldiers-killed.md"
TARGET_S = 0.2  # what a 5,000-word article may add to `factcheck validate` (issue 22)
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
    files = sorted(p for p in (root / "datasets").rglob("*.yml") if p != root / LAYOUT.catalog)
    loaded = load.load(root, files)
    builds, checks, cpu = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        vocabulary, index = Vocabulary(loaded.catalog), ClaimIndex(loaded.claims)
        builds.append(time.perf_counter() - start)
        start, cpu_start = time.perf_counter(), time.process_time()
        checked, _ = check_article(article, article.name, index, vocabulary, loaded.catalog)
        checks.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    verdicts: dict[str, int] = {}
    for mark in checked.marks:
        verdicts[mark.verdict] = verdicts.get(mark.verdict, 0) + 1
    return {"claims": len(loaded.claims), "index_s": min(builds), "article_s": min(checks),
            "article_cpu_s": min(cpu), "figures": len(checked.marks), "verdicts": verdicts}  # fmt: skip


def fresh(root: Path, article: Path) -> dict:
    """In a fresh process, after the claims are loaded and pandas imported (as `validate` has done before its
    `articles` stage): the CPU time of each part of checking the article, cold, as the stage pays it."""
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "import pandas\n"
        "from factcheck.model.layout import LAYOUT\n"
        "from factcheck.pipeline import load\n"
        "root, article = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "files = sorted(p for p in (root / 'datasets').rglob('*.yml') if p != root / LAYOUT.catalog)\n"
        "loaded = load.load(root, files)\n"
        "cpu = {}\n"
        "t = time.process_time()\n"
        "from factcheck.prose.check import check_article\n"
        "from factcheck.prose.vocabulary import Vocabulary\n"
        "from factcheck.prose.match import ClaimIndex\n"
        "cpu['import'] = time.process_time() - t; t = time.process_time()\n"
        "vocabulary, index = Vocabulary(loaded.catalog), ClaimIndex(loaded.claims)\n"
        "cpu['index'] = time.process_time() - t; t = time.process_time()\n"
        "try:\n"
        "    from factcheck.prose.figures import separators\n"
        "    separators('en')\n"
        "except ImportError:\n"  # a tree from before `lang`, measured for comparison
        "    pass\n"
        "cpu['locale'] = time.process_time() - t; t = time.process_time()\n"
        "check_article(article, article.name, index, vocabulary, loaded.catalog)\n"
        "cpu['article'] = time.process_time() - t\n"
        "print(json.dumps(cpu))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-c", code, str(root), str(article)], env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return json.loads(done.stdout)


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
    profiled = json.loads(profile.read_text())
    return {"wall_s": wall, "articles_s": profiled["stages"].get("articles", 0.0),
            "articles_cpu_s": profiled.get("cpu", {}).get("articles")}  # fmt: skip


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
        files = sorted(p for p in (root / "datasets").rglob("*.yml") if p != root / LAYOUT.catalog)
        text = article_text(load.load(root, files).claims, args.words)
        article = root / "articles" / "generated.md"
        article.write_text(text, encoding="utf-8")
        result = {"date": dt.date.today().isoformat(), "load_before": os.getloadavg()[0],
                  "words": len(text.split()), "bytes": len(text.encode()),
                  "in_process": in_process(root, article, args.repeat)}  # fmt: skip
        colds = [fresh(root, article) for _ in range(args.repeat)]
        result["fresh_cpu_s"] = {part: min(c[part] for c in colds) for part in colds[0]}
        runs = [end_to_end(root, article, with_it) for _ in range(args.repeat) for with_it in (True, False)]
        withs, withouts = runs[::2], runs[1::2]
        result["validate_with_article"] = {
            "wall_s": min(r["wall_s"] for r in withs),
            "articles_s": min(r["articles_s"] for r in withs),
            "articles_cpu_s": min(
                (r["articles_cpu_s"] for r in withs if r["articles_cpu_s"] is not None), default=None
            ),
            "articles_s_runs": [round(r["articles_s"], 4) for r in withs],
        }
        result["validate_without_article"] = {"wall_s": min(r["wall_s"] for r in withouts),
                                              "articles_s": min(r["articles_s"] for r in withouts)}  # fmt: skip
        result["load_after"] = os.getloadavg()[0]
    out = args.out or HERE / "results" / f"articles-{result['date']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    inner = result["in_process"]
    print(
        f"{result['words']:,} words, {inner['figures']} figures {inner['verdicts']}, against {inner['claims']:,} claims"
    )
    print(f"  index (vocabulary and claims): {inner['index_s']:.3f} s; the article: {inner['article_s']:.3f} s "
          f"({inner['article_cpu_s']:.3f} s CPU)")  # fmt: skip
    parts = result["fresh_cpu_s"]
    print("  CPU in a fresh process: " + ", ".join(f"{part} {seconds:.3f} s" for part, seconds in parts.items())
          + f"; {sum(parts.values()):.3f} s in all")  # fmt: skip
    stage = result["validate_with_article"]
    cpu = stage["articles_cpu_s"]
    print(f"  validate: articles stage {stage['articles_s']:.3f} s wall, "
          + (f"{cpu:.3f} s CPU ({'under' if cpu < TARGET_S else 'OVER'} the {TARGET_S} s target)" if cpu is not None
             else "no CPU time in the profile")
          + f"; run wall {stage['wall_s']:.2f} s with it, {result['validate_without_article']['wall_s']:.2f} s without; "
          f"load {result['load_before']:.1f} -> {result['load_after']:.1f}")  # fmt: skip
    print(f"  -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
