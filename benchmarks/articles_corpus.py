"""Article corpus benchmark: how the article check reads real news reports it was not written for.

    .venv/bin/python benchmarks/articles_corpus.py                    # every article, a table and the totals
    .venv/bin/python benchmarks/articles_corpus.py quake-kashmir-2005 # one article
    .venv/bin/python benchmarks/articles_corpus.py --details          # and every miss, false alarm and planted error
    .venv/bin/python benchmarks/articles_corpus.py --json             # machine output
    .venv/bin/python benchmarks/articles_corpus.py --batch holdout-2026-12  # only the reports of one batch
                                                                            # (without it: the reports of none)

Each folder of tests/articles/corpus/ is a project a desk curated before any tool ran (catalog, claims, gate,
one article) with `truth.yml`: every number token of the article, each the claim it reports or `none` with
why, and planted errors, each a patch of one line. The real check runs (`run()` with the articles given, what `factcheck
article` runs) on the clean article and on each variant, in one process, against a copy of the project:

- **backed**: a curated figure (ground truth: a claim) with an `article-backed` finding tied to that claim;
- **false alarms**: any article-contradicts, article-unbacked, article-ambiguous or article-format finding on
  the clean article, on a curated figure or a `none` token alike (critical ones counted apart); a figure
  backed by another claim than its own, and a `none` token backed by a claim, are counted as misread;
- **planted caught**: a variant has a finding other than article-backed on the planted figure (its line, its
  columns). When the clean article already had a finding of the same check there, the error is *masked*: the
  editor saw that flag on the clean copy already, so it is not counted as caught. Those caught by a critical
  finding (which blocks publication, not only warns) are counted apart.

Deterministic: a fixed `today`, the folders in name order, and no network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from factcheck.floor.errors import ConfigError  # noqa: E402
from factcheck.pipeline.options import Options  # noqa: E402
from factcheck.pipeline.run import run  # noqa: E402

CORPUS = REPO / "tests" / "articles" / "corpus"
TODAY = dt.date(2026, 3, 1)
BACKED = "article-backed"


@dataclass
class Token:
    """One number token of the article as the ground truth lists it, located in its line (0-based columns)."""

    line: int
    text: str
    start: int
    claim: str | None
    none: str | None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Seen:
    """One finding, as the benchmark reports it."""

    check: str
    severity: str
    line: int
    column: int | None
    claim: str | None
    message: str
    width: int = 0  # characters of the figure it is about: a range ("between 700 and 750") covers both ends


@dataclass
class Result:
    name: str
    curated: int = 0
    backed: int = 0
    false_alarms: int = 0
    critical: int = 0
    misread: int = 0
    planted: int = 0
    caught: int = 0
    caught_critical: int = 0  # caught by a critical finding: the errors that block publication, not only warn
    masked: int = 0
    seconds: float = 0.0
    missed: list[dict] = field(default_factory=list)
    alarms: list[dict] = field(default_factory=list)
    uncaught: list[dict] = field(default_factory=list)


def articles() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if (p / "truth.yml").is_file())


def read_truth(folder: Path) -> dict:
    return yaml.safe_load((folder / "truth.yml").read_text(encoding="utf-8"))


def in_batch(names: list[str], batch: str | None, corpus: Path = CORPUS) -> list[str]:
    """The reports of `names` whose truth.yml says `source: {batch: <batch>}` (None: the reports of no batch,
    the development set): a held-out set is scored apart, never in the development set's totals."""
    return [name for name in names if read_truth(corpus / name)["source"].get("batch") == batch]


def article_path(folder: Path) -> Path:
    (path,) = sorted((folder / "articles").glob("*.md"))
    return path


def find_token(line: str, text: str, since: int = 0) -> int:
    """Where `text` stands as a whole token in `line` from `since` (not the "8" of "5.8"), or -1."""
    match = re.compile(r"(?<![\w])(?<!\d[.,])" + re.escape(text) + r"(?![\w])(?![.,]\d)").search(line, since)
    return match.start() if match else -1


def locate(lines: list[str], figures: list[dict]) -> list[Token]:
    """Each ground-truth entry at its place: the entries of a line are listed in the order they occur in it."""
    tokens, taken = [], {}
    for entry in figures:
        line, text = entry["line"], str(entry["text"])
        start = find_token(lines[line - 1], text, taken.get(line, 0))
        if start < 0:
            raise ValueError(f"truth.yml: {text!r} is not on line {line} after the entries before it")
        taken[line] = start + len(text)
        tokens.append(Token(line, text, start, entry.get("claim"), entry.get("none")))
    return tokens


def patched(lines: list[str], patch: dict) -> tuple[list[str], int, int, int, int]:
    """The variant's lines, the planted figure's columns in the variant, and the columns the same figure has in
    the clean line (start == end for a figure the clean article does not have)."""
    number = patch["line"] - 1
    clean, original, replacement = lines[number], patch["original"], patch["replacement"]
    if clean.count(original) != 1:
        raise ValueError(f"planted error: {original!r} must occur once on line {patch['line']}")
    at = clean.index(original)
    variant = clean[:at] + replacement + clean[at + len(original) :]
    figure = str(patch["figure"])
    inside = replacement.find(figure)
    if inside >= 0:
        start = at + inside
        same = original.find(figure)  # the same figure, unchanged by the patch (a claimant or date error)
        clean_span = (at + same, at + same + len(figure)) if same >= 0 else (at, at + len(original))
        if patch["kind"] == "added":
            clean_span = (at, at)
    else:
        start = find_token(variant, figure)
        if start < 0:
            raise ValueError(f"planted error: the figure {figure!r} is not on line {patch['line']} of the variant")
        clean_start = find_token(clean, figure)
        clean_span = (clean_start, clean_start + len(figure))
    out = list(lines)
    out[number] = variant
    return out, start, start + len(figure), *clean_span


def check(root: Path, rel: str) -> list[Seen]:
    report = run(Options(root, today=TODAY, articles=(str(root / rel),)))  # what `factcheck article` runs
    widths = {id(m.finding): len(m.figure.text) for a in report.articles for m in a.marks if m.finding is not None}
    return [Seen(f.check, f.severity, f.line, f.column, f.claim, f.message, widths.get(id(f), 0))
            for f in report.findings if f.file == rel]  # fmt: skip


def at(findings: list[Seen], line: int, start: int, end: int) -> list[Seen]:
    """The findings about the token at `start:end` of `line`: those at one of its columns, and those of a range
    whose figure spans it (the second end of "between 700 and 750")."""
    return [
        f
        for f in findings
        if f.line == line
        and f.column is not None
        and (start <= f.column - 1 < max(end, start + 1) or f.column - 1 <= start < f.column - 1 + f.width)
    ]


def score(name: str) -> Result:
    folder = CORPUS / name
    truth = read_truth(folder)
    source = article_path(folder)
    rel = f"articles/{source.name}"
    text = source.read_text(encoding="utf-8")
    lines = text.split("\n")
    tokens = locate(lines, truth["figures"])
    result = Result(name)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / name
        shutil.copytree(folder, root)
        target = root / rel
        clean = check(root, rel)
        _score_clean(result, clean, tokens)
        for patch in truth["planted"]:
            result.planted += 1
            variant, start, end, clean_start, clean_end = patched(lines, patch)
            target.write_text("\n".join(variant), encoding="utf-8")
            try:
                found = at(check(root, rel), patch["line"], start, end)
            except ConfigError as error:  # a variant the tool refuses: not caught
                found = [Seen("error", "critical", patch["line"], None, None, str(error))]
            flags = {f.check for f in found if f.check != BACKED}
            before = {f.check for f in at(clean, patch["line"], clean_start, clean_end) if f.check != BACKED}
            if flags and not flags <= before:
                result.caught += 1
                result.caught_critical += any(f.severity == "critical" for f in found if f.check != BACKED)
                continue
            if flags:
                result.masked += 1
            result.uncaught.append({**patch, "masked": bool(flags), "found": [asdict(f) for f in found]})
    result.seconds = time.perf_counter() - started
    return result


def _score_clean(result: Result, clean: list[Seen], tokens: list[Token]) -> None:
    claimed = [t for t in tokens if t.claim]
    result.curated = len(claimed)
    for token in tokens:
        here = at(clean, token.line, token.start, token.end)
        backs = [f for f in here if f.check == BACKED]
        if token.claim and any(f.claim == token.claim for f in backs):
            result.backed += 1
        elif token.claim:
            result.missed.append({"line": token.line, "text": token.text, "claim": token.claim,
                                  "found": [asdict(f) for f in here]})  # fmt: skip
        if backs and not (token.claim and any(f.claim == token.claim for f in backs)):
            result.misread += 1
    for finding in clean:
        if finding.check == BACKED:
            continue
        result.false_alarms += 1
        result.critical += finding.severity == "critical"
        token = next((t for t in tokens if at([finding], t.line, t.start, t.end)), None)
        result.alarms.append({**asdict(finding), "token": token.text if token else None,
                              "truth": (token.claim or f"none: {token.none}") if token else None})  # fmt: skip


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def totals(results: list[Result]) -> dict:
    keys = (
        "curated",
        "backed",
        "false_alarms",
        "critical",
        "misread",
        "planted",
        "caught",
        "caught_critical",
        "masked",
    )
    total = {key: sum(getattr(r, key) for r in results) for key in keys}
    total["articles"] = len(results)
    total["backed_percent"] = round(100 * total["backed"] / total["curated"], 1) if total["curated"] else None
    total["caught_percent"] = round(100 * total["caught"] / total["planted"], 1) if total["planted"] else None
    total["seconds"] = round(sum(r.seconds for r in results), 2)
    return total


def print_table(results: list[Result], details: bool) -> None:
    print(f"{'article':34} {'backed':>11} {'false alarms':>14} {'misread':>8} {'planted caught':>16} {'masked':>7}")
    for r in results:
        print(f"{r.name:34} {r.backed:>3}/{r.curated:<3} {percent(r.backed, r.curated):>4} "
              f"{r.false_alarms:>5} ({r.critical} crit) {r.misread:>8} {r.caught:>4}/{r.planted:<3} "
              f"{percent(r.caught, r.planted):>6} {r.masked:>7}")  # fmt: skip
        if details:
            for miss in r.missed:
                seen = "; ".join(f"{f['check']} {f['claim'] or ''}".strip() for f in miss["found"]) or "no finding"
                print(f"    not backed  line {miss['line']} {miss['text']!r} ({miss['claim']}): {seen}")
            for alarm in r.alarms:
                print(f"    false alarm line {alarm['line']} {alarm['token']!r} [{alarm['truth']}]: {alarm['severity']} "
                      f"{alarm['check']}: {alarm['message'][:160]}")  # fmt: skip
            for miss in r.uncaught:
                what = "masked" if miss["masked"] else "missed"
                print(f"    planted {what:6} {miss['kind']:9} line {miss['line']}: {miss['original']!r} -> "
                      f"{miss['replacement']!r}")  # fmt: skip
    t = totals(results)
    print(f"\nTOTAL {t['articles']} articles: backed {t['backed']}/{t['curated']} ({t['backed_percent']}%); "
          f"false alarms {t['false_alarms']} ({t['critical']} critical), misread {t['misread']}; "
          f"planted caught {t['caught']}/{t['planted']} ({t['caught_percent']}%, {t['caught_critical']} critical), "
          f"masked {t['masked']}; "
          f"{t['seconds']} s")  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "names",
        nargs="*",
        help="articles (folder names under tests/articles/corpus/); default "
        "every report of no batch (the development set)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--details", action="store_true", help="list every miss, false alarm and uncaught error")
    parser.add_argument("--batch", metavar="NAME", help="only the reports whose truth.yml has `source: {batch: NAME}`")
    args = parser.parse_args(argv)
    known = articles()
    unknown = [n for n in args.names if n not in known]
    if unknown:
        parser.error(f"no such article in {CORPUS.relative_to(REPO)}: {', '.join(unknown)}")
    names = args.names or known
    if args.batch is not None:
        names = in_batch(names, args.batch)
        if not names:
            parser.error(f"no article of batch {args.batch!r} in {CORPUS.relative_to(REPO)}")
    elif not args.names:  # the development set: a held-out batch is scored only when asked for by name
        names = in_batch(names, None)
    results = [score(name) for name in names]
    if args.json:
        print(json.dumps({"today": TODAY.isoformat(), "totals": totals(results),
                          "articles": [asdict(r) for r in results]}, indent=2))  # fmt: skip
    else:
        print_table(results, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
