"""Hostile and broken input, through the CLI: every case in tests/hostile/ ends with a clear verdict.

Each folder in tests/hostile/ is one case: `files/` is laid over a fresh project (the shipped gate, suites
and catalog), `expect.yml` says what the run must produce:

    exit: 1                          # 1 a finding, 2 a configuration error, 0 (only for input that must just work)
    check: yaml-syntax               # exit 1: the check id of a finding ...
    location: datasets/case.yml:3    # ... at this file:line ...
    message: fragment                # ... whose line holds this text (exit 2: stderr holds it)
    hint: fragment                   # optional: the hint under it
    generate: name                   # optional: files the test makes (binary, huge, symlinks): GENERATORS
    heavy: true                      # run in a subprocess under memory and CPU limits
    env: {NAME: value}               # optional environment
    secret: text                     # optional: text of a file outside the root that must never be printed
    absent: name                     # optional: a file that must not exist after the run
    max_line: 400                    # optional: no output line longer than this
    github: true                     # optional: run under GitHub Actions (GITHUB_ACTIONS=true, the step summary
                                     #   and outputs files in a folder outside the project); then no line of
                                     #   stdout or stderr that the runner reads as a workflow command (`::` at
                                     #   its start after spaces, `##[` anywhere) is other than factcheck's own
                                     #   annotations, and the outputs file holds exactly factcheck's outputs
    summary: fragment                # optional, with github: the job summary holds this text
    no_control: true                 # optional: no raw control character but the line feed, no line or
                                     #   paragraph separator and no bidi control in stdout, stderr or the summary

Every case also checks: no traceback or internal error, and every file of the project byte-identical after
the run. Heavy cases run `factcheck validate` in a child process with RLIMIT_CPU of CPU_FACTOR times what a
clean run of the same command costs, measured in the same conditions (two clean runs side by side, as the
cases run, the costlier taken), so that a loaded machine raises the reference and the limit alike; its peak
resident memory (from wait4) must stay under 500 MB, with RLIMIT_AS of 1 GiB as a hard stop; a hang (no CPU
used) is ended by a wall-clock timeout of WALL_FACTOR times the CPU limit.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import errno
import hashlib
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
import yaml
from click.testing import CliRunner

from conftest import TODAY, Project, claim
from factcheck.cli.commands import cli
from factcheck.pipeline import load
from factcheck.reading import yamlfile
from factcheck.reading.yamltree import LIMITS

CORPUS = Path(__file__).parent / "hostile"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expect.yml").is_file())
MEMORY_LIMIT = 500 * 2**20  # peak resident memory of a run, checked from the child's own rusage
# A hard stop on address space, above MEMORY_LIMIT: importing Great Expectations maps ~450 MB of shared
# libraries that are mostly never resident, so an address-space limit of 500 MB would measure those.
ADDRESS_SPACE_LIMIT = 1024 * 2**20
# A heavy case may cost CPU_FACTOR clean runs (a clean run is mostly importing Great Expectations; the
# costliest case adds about a third to it).
CPU_FACTOR = 3
WALL_FACTOR = 6  # only to catch a hang: the CPU limit is the real bound

DATASET = "datasets/case.yml"


def _dataset_text(**fields) -> str:
    data = {"dataset": "test", "title": "Test", "origin": "2022-02-24", "claims": [claim(**fields)]}
    return yaml.safe_dump(data, sort_keys=False)


def _gate(root: Path, datasets: str) -> None:
    text = f"datasets: [{datasets!r}]\nsuites: [expectations/plausible-ranges.yml]\n"
    (root / "checks" / "publication.yml").write_text(text)


def _deep_flow_sequence(root: Path) -> None:
    (root / DATASET).write_text("[" * 100_000 + "]" * 100_000)


def _deep_flow_mapping(root: Path) -> None:
    (root / DATASET).write_text("{a: " * 100_000 + "1" + "}" * 100_000)


def _huge_file(root: Path) -> None:
    with open(root / DATASET, "wb") as handle:  # sparse: instant, and takes no disk space
        handle.truncate(100 * 2**20)


def _long_line(root: Path) -> None:
    # The same text yaml.safe_dump writes for the 5 MB value, without its 9 s of emitting it.
    text = _dataset_text(metric="PLACEHOLDER").replace("PLACEHOLDER", "m" * 5_000_000)
    (root / DATASET).write_text(text, encoding="utf-8")


def _gate_home_ssh(root: Path) -> None:
    _gate(root, f"{Path.home()}/.ssh/*")


def _symlink_file_out(root: Path) -> None:
    os.symlink("/etc/passwd", root / "datasets" / "leak.yml")


def _symlink_folder_out(root: Path) -> None:
    os.symlink("/etc", root / "datasets" / "etc")


def _symlink_catalog_out(root: Path) -> None:
    # The gate's glob does not cover the catalog, so only the catalog's own check can refuse it.
    _gate(root, "datasets/war/*.yml")
    (root / "datasets" / "catalog.yml").unlink()
    os.symlink("/etc/passwd", root / "datasets" / "catalog.yml")


def _symlink_gate_out(root: Path) -> None:
    os.symlink("/etc/passwd", root / "checks" / "leak.yml")


def _symlink_file_loop(root: Path) -> None:
    os.symlink("b.yml", root / "datasets" / "a.yml")
    os.symlink("a.yml", root / "datasets" / "b.yml")


def _symlink_folder_loop(root: Path) -> None:
    os.symlink(".", root / "datasets" / "loop")


def _fifo(root: Path) -> None:
    os.mkfifo(root / DATASET)


def _dangling_symlink(root: Path) -> None:
    os.symlink("no-such-file.yml", root / "datasets" / "gone.yml")


def _file_name_not_utf8(root: Path) -> None:
    with open(os.path.join(os.fsencode(root / "datasets"), b"\xff\xfe.yml"), "w") as handle:
        handle.write(_dataset_text())


def _globs_against_a_long_path(root: Path) -> None:
    folder = root / "datasets" / "/".join(["a" * 250] * 15)
    folder.mkdir(parents=True)
    (folder / "x.yml").write_text(_dataset_text())
    globs = ["datasets/**" + "*?" * 240 + f"Q{i:02d}" for i in range(99)] + ["datasets/**/*.yml"]
    (root / "checks" / "publication.yml").write_text(
        yaml.safe_dump({"datasets": globs, "suites": ["expectations/plausible-ranges.yml"]})
    )


def _quote_not_stating(quote: str) -> str:
    """A dataset whose one claim (line 5) fails quote-states-figure."""
    return _dataset_text(source={"outlet": "France 2", "published": "2026-02", "quote": quote})


def _file_name_command(root: Path) -> None:
    (root / "datasets" / "x\n::error file=a,line=1::forged.yml").write_text(_quote_not_stating("is 12"))


def _file_name_escape(root: Path) -> None:
    (root / "datasets" / "\x1b[2J\x1b]0;title\x07\x1b[8m.yml").write_text(_quote_not_stating("is 12"))


def _folder_command_at_line_start(root: Path) -> None:
    # The terminal report starts a line with each file's path from the root: here, with `::error`.
    folder = root / "::error file=a,line=1::forged"
    folder.mkdir()
    (folder / "case.yml").write_text(_quote_not_stating("is 12"))
    (root / "checks" / "publication.yml").write_text(
        "datasets: ['::error*/*.yml']\nsuites: [expectations/source-attribution.yml]\n"
    )


def _gate_name_command(root: Path) -> None:
    # A gate that cannot be read stops the run (exit 2) with an error naming its file.
    (root / "checks" / "x\n::error file=a,line=1::forged\x1b[2J.yml").write_text("datasets: [\n")


def _outlet_5mb(root: Path) -> None:
    # Published before the date it counts to, so source-published-after-date quotes the outlet in its message.
    lines = "      an outlet.\n" * 350_000
    text = _dataset_text(source={"outlet": "PLACEHOLDER", "published": "2026-01", "quote": "is 55,000"})
    (root / DATASET).write_text(text.replace("outlet: PLACEHOLDER\n", "outlet: |\n" + lines))


def _quote_of_digits(root: Path) -> None:
    # A quote of nothing but numbers, far above the bound: refused before the quote check reads a number.
    text = _dataset_text(source={"outlet": "France 2", "published": "2026-02", "quote": "PLACEHOLDER"})
    (root / DATASET).write_text(text.replace("PLACEHOLDER", "1 " * 4_000_000 + "55,000"))


# --- limits that bound time and memory, not only bytes: inputs built to be slow ---------------------------------

_SERIES_HEAD = (
    "dataset: test\ntitle: Test\norigin: 2022-02-24\nseries:\n  - id: s\n    metric: military_killed\n"
    "    subject: ukraine\n    claimant: zelensky\n    source: {outlet: X}\n    points:\n"
)


def _just_under_the_byte_limit(root: Path, head: str, unit: str, tail: str = "") -> None:
    count = (yamlfile.DEFAULT_MAX_BYTES - len(head) - len(tail) - 1) // len(unit)
    (root / DATASET).write_text(head + unit * count + tail)


def _points_under_byte_limit(root: Path) -> None:
    # The cheapest claims to write: a point a line, about a million of them.
    _just_under_the_byte_limit(root, _SERIES_HEAD, "      - [2025-01-01, 1]\n")


def _scalars_under_byte_limit(root: Path) -> None:
    # The cheapest nodes to write: two bytes each, ten million of them, in a field that is not even allowed.
    _just_under_the_byte_limit(root, "dataset: test\ntitle: Test\nx: [", "1,", "1]\n")


def _points(count: int, first: dt.date = dt.date(1, 1, 1)) -> str:
    return "".join(f"      - [{(first + dt.timedelta(days=i)).isoformat()}, {i}]\n" for i in range(count))


def _points_at_claim_limit(root: Path) -> None:
    # As many points as a file may hold, in daily series from the origin: every check runs on every point.
    # Each series counts another metric or subject, as the General Staff's table does, so none repeats another.
    catalog = yaml.safe_load((root / "datasets" / "catalog.yml").read_text())
    counted = [(m, s) for m, v in catalog["metrics"].items() if v["unit"] == "items" for s in catalog["subjects"]]
    days = (dt.date.fromisoformat(TODAY) - dt.date(2022, 2, 24)).days
    parts = ["dataset: test\ntitle: Test\norigin: 2022-02-24\nseries:\n"]
    for (metric, subject), start in zip(counted, range(0, load.MAX_CLAIMS, days), strict=False):
        parts.append(
            f"  - id: {metric}-{subject}\n    metric: {metric}\n    subject: {subject}\n    claimant: zelensky\n"
            "    source: {outlet: X, url: 'https://example.org/s'}\n    points:\n"
            + _points(min(days, load.MAX_CLAIMS - start), dt.date(2022, 2, 24))
        )
    assert len(parts) - 1 == -(-load.MAX_CLAIMS // days), "the catalog has too few metrics for this case"
    (root / DATASET).write_text("".join(parts))


def _points_over_claim_limit(root: Path) -> None:
    (root / DATASET).write_text(_SERIES_HEAD + _points(load.MAX_CLAIMS + 1))


def _one_date_at_claim_limit(root: Path) -> None:
    # As many points as a file may hold, all of one date: every point after the first reuses an id.
    (root / DATASET).write_text(_SERIES_HEAD + "      - [2025-01-01, 1]\n" * load.MAX_CLAIMS)


def _empty_claims(root: Path) -> None:
    # Four bytes a claim, each missing every field: six problems a claim, under the claim limit.
    (root / DATASET).write_text("dataset: test\ntitle: Test\nclaims:\n" + "- {}\n" * (load.MAX_CLAIMS - 1))


def _yes_everywhere(root: Path) -> None:
    # A problem every four bytes, under the node limit.
    count = LIMITS.nodes - 100
    (root / DATASET).write_text("dataset: test\ntitle: Test\nx: [" + "yes, " * count + "yes]\n")


def _aliased_series(root: Path) -> None:
    # About a hundred kilobytes, within the alias count, that aliases make into hundreds of thousands of points.
    points = "".join(f"      - [{2000 + i // 12}-{i % 12 + 1:02d}-01, {i}]\n" for i in range(830))
    text = _SERIES_HEAD.replace("{outlet: X}", "&src {outlet: X}").replace("points:\n", "points: &p\n") + points
    fields = "metric: military_killed, subject: ukraine, claimant: zelensky, source: *src, points: *p"
    text += "".join(f"  - {{id: s{i}, {fields}}}\n" for i in range(400))
    (root / DATASET).write_text(text)


def _alias_of_everything(root: Path) -> None:
    # A list just under the node limit, aliased once: the expansion is measured on every node, then refused.
    count = LIMITS.nodes - 1000
    (root / DATASET).write_text("dataset: test\ntitle: Test\nx: &a [" + "1, " * count + "1]\ny: *a\n")


def _base_60_of_many_parts(root: Path) -> None:
    # YAML 1.1 reads `1:0:0:...` as an integer, multiplying by 60 once per part: quadratic in the parts.
    value = "1:" + ":".join(["0"] * 500_000)
    (root / DATASET).write_text(_dataset_text().replace("value: 55000", f"value: {value}"))


def _unknown_claimants_in_a_large_catalog(root: Path) -> None:
    # "Did you mean" compares an unknown value with every claimant: 1,000 of them against 20,000 claimants.
    catalog = root / "datasets" / "catalog.yml"
    claimants = "".join(f"  c-{i:05d}:\n    name: Claimant {i}\n    affiliation: independent\n" for i in range(20_000))
    catalog.write_text(catalog.read_text().replace("claimants:\n", "claimants:\n" + claimants, 1))
    source = "{outlet: X, url: 'https://example.org/a'}"
    claims = "".join(
        f"  - id: c{i}\n    metric: military_killed\n    subject: ukraine\n    claimant: someone-{i}\n    value: 5\n"
        f"    as_of: 2026-02\n    source: {source}\n"
        for i in range(1000)
    )
    (root / DATASET).write_text("dataset: test\ntitle: Test\norigin: 2022-02-24\nclaims:\n" + claims)


def _long_url(root: Path) -> None:
    # A host of many labels that then fails: the shipped suite's earlier pattern tried every split of it.
    url = "https://" + "a." * 10_000 + " x"
    (root / DATASET).write_text(_dataset_text(source={"outlet": "X", "published": "2026-02", "url": url}))


ARTICLE = "articles/case.md"


def _article(root: Path, data: bytes) -> None:
    (root / "articles").mkdir(exist_ok=True)
    (root / ARTICLE).write_bytes(data)
    (root / DATASET).write_text(_dataset_text())


def _article_not_utf8(root: Path) -> None:
    _article(root, "A draft.\nZelensky said 55,000 soldiers died in Kyiv’s war.\n".encode("latin-1", "replace")
             + b"caf\xe9\n")  # fmt: skip


def _article_nul_byte(root: Path) -> None:
    _article(root, b"A draft.\n\nZelensky said 55,000\x00 soldiers died.\n")


def _article_too_large(root: Path) -> None:
    _article(root, b"Zelensky said 55,000 soldiers died. " * 20_000)


def _article_long_line(root: Path) -> None:
    _article(root, b"A draft.\n" + b"Zelensky said 55,000 soldiers died, " * 600 + b"\n")


def _article_fifo(root: Path) -> None:
    (root / "articles").mkdir()
    os.mkfifo(root / ARTICLE)
    (root / DATASET).write_text(_dataset_text())


def _article_symlink_out(root: Path) -> None:
    outside = root.parent / f"{root.name}-outside.md"
    outside.write_text("TOP-SECRET-ARTICLE: 55,000 soldiers died.\n")
    (root / "articles").mkdir()
    (root / ARTICLE).symlink_to(outside)


def _article_date_flood(root: Path) -> None:
    _article(root, b"2025\n" * 6000)


def _article_digit_runs(root: Path) -> None:
    _article(root, (b"1" * 9999 + b"\n") * 40 + (b"+380 44 123 4567, 10:30, 4th, F-16, " * 250)[:9999] + b"\n")


def _article_many_figures(root: Path) -> None:
    _article(root, b"Zelensky said 1,234 soldiers died.\n" * 14_000)  # the 2,001st figure: line 2001, column 15


def _article_one_long_sentence(root: Path) -> None:
    unit = b"killed Zelensky Ukrainian soldiers more than 46,000 and Kiev civilians injured, "  # 80, a figure at 46
    _article(root, b"\n".join([unit * 125] * 52))  # lines of 10,000: the 2,001st figure opens line 17


def _article_stem_flood(root: Path) -> None:
    # 20,000 distinct words that begin as the stem of "killed" does, each one the inflection reader may stem,
    # capitalised before "said" (an unknown speaker each) and around figures: the stemmer's budget and the
    # speaker's window bound them.
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [f"Kil{letters[n // 676 % 26]}{letters[n // 26 % 26]}{letters[n % 26]}" for n in range(20_000)]
    lines = [" said 1,234 died, ".join(words[k : k + 400]) for k in range(0, len(words), 400)]
    _article(root, ("\n".join(lines) + "\n\nZelensky said 55,000 soldiers died.\n").encode())


def _article_fits_every_claim(root: Path) -> None:
    # 3,000 claims of one value on 3,000 days, and 16 KB of an undated figure that fits each of them.
    (root / "articles").mkdir()
    (root / ARTICLE).write_text("Zelensky said 55,000 Ukrainian soldiers were killed.\n\n" * 300)
    points = "".join(
        f"      - [{(dt.date(2015, 1, 1) + dt.timedelta(days=i)).isoformat()}, 55000]\n" for i in range(3000)
    )
    (root / DATASET).write_text(_SERIES_HEAD.replace("origin: 2022-02-24", "origin: 2014-01-01") + points)


def _article_unknown_bindings(root: Path) -> None:
    # 40 small articles, each binding its figures to ids no dataset holds.
    (root / "articles").mkdir()
    (root / DATASET).write_text(_dataset_text())
    for n in range(40):
        text = "".join(
            f"Zelensky said {1000 + i:,}{{claim:no-such-claim-{n}-{i}}} soldiers died.\n" for i in range(200)
        )
        (root / "articles" / f"a{n:02d}.md").write_text(text)


def _article_symlinked_folder(root: Path) -> None:
    # Its drafts would show in the pull request as articles/real/... and pass the gate unread.
    _article(root, b"A draft.\n")
    (root / "drafts").mkdir()
    (root / "drafts" / "wrong.md").write_text("Zelensky said 65,000 soldiers died in February 2026.\n")
    os.symlink(root / "drafts", root / "articles" / "real")


def _article_dangling_link(root: Path) -> None:
    _article(root, b"A draft.\n")
    os.symlink("no-such-draft.md", root / "articles" / "gone.md")


def _article_name_not_utf8(root: Path) -> None:
    _article(root, b"A draft.\n")
    with open(os.path.join(os.fsencode(root / "articles"), b"\xff\xfe.md"), "w") as handle:
        handle.write("Zelensky said 65,000 soldiers died in February 2026.\n")


# A wrong figure (55,000 is the claim) as a reader sees it, written so that a scan of ASCII digits misses it.
_HIDDEN_65000 = {
    "fullwidth": "６５,０００",
    "arabic_indic": "٦٥٬٠٠٠",
    "zero_width": "6\u200b5,\u200d000",
    "soft_hyphen": "65\u00ad,000",
    "references": "&#54;&#x35;&comma;000",
    "references_no_semicolon": "&#54&#53,000",
    "comment": "65<!-- -->,000",
    "rtl_marks": "\u200f65\u200e,000",
    "combining": "6\u03025,000",
}


def _article_hidden(variant: str):
    def generate(root: Path) -> None:
        text = f"Zelensky said {_HIDDEN_65000[variant]} Ukrainian soldiers were killed in February 2026.\n"
        _article(root, text.encode("utf-8"))

    return generate


GENERATORS = {
    "deep_flow_sequence": _deep_flow_sequence,
    "deep_flow_mapping": _deep_flow_mapping,
    "huge_file": _huge_file,
    "long_line": _long_line,
    "gate_home_ssh": _gate_home_ssh,
    "symlink_file_out": _symlink_file_out,
    "symlink_folder_out": _symlink_folder_out,
    "symlink_catalog_out": _symlink_catalog_out,
    "symlink_gate_out": _symlink_gate_out,
    "symlink_file_loop": _symlink_file_loop,
    "symlink_folder_loop": _symlink_folder_loop,
    "fifo": _fifo,
    # files under datasets/ that are never read
    "dangling_symlink": _dangling_symlink,
    "file_name_not_utf8": _file_name_not_utf8,
    "globs_against_a_long_path": _globs_against_a_long_path,
    # log and terminal injection: names git cannot hold, and a quote too big to keep in the corpus
    "file_name_command": _file_name_command,
    "file_name_escape": _file_name_escape,
    "folder_command_at_line_start": _folder_command_at_line_start,
    "outlet_5mb": _outlet_5mb,
    "quote_of_digits": _quote_of_digits,
    "gate_name_command": _gate_name_command,
    # limits that bound time and memory
    "points_under_byte_limit": _points_under_byte_limit,
    "scalars_under_byte_limit": _scalars_under_byte_limit,
    "points_at_claim_limit": _points_at_claim_limit,
    "points_over_claim_limit": _points_over_claim_limit,
    "one_date_at_claim_limit": _one_date_at_claim_limit,
    "empty_claims": _empty_claims,
    "yes_everywhere": _yes_everywhere,
    "aliased_series": _aliased_series,
    "alias_of_everything": _alias_of_everything,
    "base_60_of_many_parts": _base_60_of_many_parts,
    "unknown_claimants_in_a_large_catalog": _unknown_claimants_in_a_large_catalog,
    "long_url": _long_url,
    # articles: read as text within limits, their markup and front matter as data
    "article_not_utf8": _article_not_utf8,
    "article_nul_byte": _article_nul_byte,
    "article_too_large": _article_too_large,
    "article_long_line": _article_long_line,
    "article_fifo": _article_fifo,
    "article_symlink_out": _article_symlink_out,
    "article_date_flood": _article_date_flood,
    "article_digit_runs": _article_digit_runs,
    "article_many_figures": _article_many_figures,
    "article_one_long_sentence": _article_one_long_sentence,
    "article_fits_every_claim": _article_fits_every_claim,
    "article_stem_flood": _article_stem_flood,
    "article_unknown_bindings": _article_unknown_bindings,
    "article_symlinked_folder": _article_symlinked_folder,
    "article_dangling_link": _article_dangling_link,
    "article_name_not_utf8": _article_name_not_utf8,
    **{f"article_hidden_{variant}": _article_hidden(variant) for variant in _HIDDEN_65000},
}


def expectation(name: str) -> dict:
    return yaml.safe_load((CORPUS / name / "expect.yml").read_text())


def make_case(name: str, root: Path) -> Project:
    project = Project(root)
    files = CORPUS / name / "files"
    if files.is_dir():
        shutil.copytree(files, root, dirs_exist_ok=True)
    generate = expectation(name).get("generate")
    if generate:
        GENERATORS[generate](root)
    return project


def fingerprint(root: Path) -> dict[str, str]:
    """Every entry under `root` without following symlinks: file contents, link targets, other kinds."""
    prints = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                prints[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for block in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(block)
                prints[rel] = digest.hexdigest()
            elif not path.is_dir():
                prints[rel] = f"special:{path.stat().st_mode:o}"
    return prints


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    cpu: float = 0.0
    memory: int = 0
    github: Path | None = None  # the folder of the step summary and outputs files, for a `github` case


def github_env(name: str, folder: Path) -> dict[str, str]:
    """GitHub Actions' environment for a case that asks for it, its files in `folder` (outside the project)."""
    if not expectation(name).get("github"):
        return {}
    return {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(folder / "summary.md"),
        "GITHUB_OUTPUT": str(folder / "output.txt"),
    }


# A line GitHub's runner reads as a command: `::` first after leading spaces (it trims them), or `##[` anywhere
# (and Azure Pipelines' agent `##vso[` anywhere).
# The runner splits its log on line feeds and carriage returns only.
_RUNNER_LINES = re.compile(r"\r\n|\r|\n")
# factcheck's own: an annotation whose properties are percent-encoded, so its data cannot end them early.
OWN_COMMAND = re.compile(r"::(error|warning|notice) (file=[^,:\r\n]+,line=\d+,(col=\d+,)?)?title=[^,:\r\n]+::")
# What must never reach a log raw: C0 controls but the line feed, DEL, C1, line and paragraph separators,
# and the bidi embeddings, overrides and isolates.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def check_log(expect: dict, outcome: Outcome) -> None:
    """A `github` case: only factcheck's own commands, and exactly its step outputs."""
    for text in (outcome.stdout, outcome.stderr):
        assert not re.search(r"##(vso)?\[", text, re.IGNORECASE), text[-3000:]
        for line in _RUNNER_LINES.split(text):
            if line.lstrip().startswith("::"):
                assert OWN_COMMAND.match(line), f"a forged workflow command: {line[:300]!r}"
    output = outcome.github / "output.txt"
    if expect["exit"] == 2:
        assert not output.exists()
        return
    names = [line.split("=", 1)[0] for line in output.read_text().split("\n")[:-1]]
    assert names == ["verdict", "blocking", "critical", "warning", "info", "waived", "corroborated", "claims"]
    verdict = "blocked" if expect["exit"] == 1 else "publishable"
    assert output.read_text().startswith(f"verdict={verdict}\n")
    if expect.get("summary"):
        assert expect["summary"] in (outcome.github / "summary.md").read_text(), "the summary lacks the fragment"


def _limits(cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))


# The program, run so that it writes its own peak resident memory (VmHWM, of its own process image) to the file
# HOSTILE_PEAK_FILE names as it ends: wait4's ru_maxrss carries over the resident memory of the process the
# child was forked from, the test worker, which holds hundreds of MiB once a Spark session or a large fixture
# has run in it, and would hide the child's own (tests/test_hostile_base.py reads VmHWM for the same reason).
MEASURED_PROGRAM = """
import atexit, os, re, sys
def _peak():
    with open("/proc/self/status") as status, open(os.environ["HOSTILE_PEAK_FILE"], "w") as out:
        out.write(re.search(r"^VmHWM:\\s+(\\d+) kB", status.read(), re.M).group(1))
_exit = os._exit
def _leave(code):
    _peak()
    _exit(code)
os._exit = _leave  # the program ends in os._exit, after every exit handler (factcheck.floor.process)
atexit.register(_peak)  # or in sys.exit, before its exit handler is in place
from factcheck.cli.program import main
sys.argv[0] = "factcheck"
main()
"""


def own_peak(peak: IO[str], usage: resource.struct_rusage) -> int:
    """The child's own peak resident memory in bytes, as it wrote it to `peak`; wait4's, if the child ended
    before it could tell."""
    peak.seek(0)
    told = peak.read()
    return int(told) * 1024 if told else usage.ru_maxrss * 1024


def run_limited(root: Path, env: dict[str, str], cpu_seconds: int) -> Outcome:
    """`factcheck validate` in a child process under the limits, with the CPU and memory that child used."""
    child_env = {name: value for name, value in os.environ.items() if not name.startswith("GITHUB_")}
    child_env.update({"FACTCHECK_TODAY": TODAY, **env})  # a `github` case sets GitHub's variables itself
    command = [sys.executable, "-c", MEASURED_PROGRAM]
    with (tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr,
          tempfile.NamedTemporaryFile("w+") as peak):  # fmt: skip
        child_env["HOSTILE_PEAK_FILE"] = peak.name
        process = subprocess.Popen(
            [*command, "validate"],
            cwd=root,
            env=child_env,
            stdout=stdout,
            stderr=stderr,
            text=True,
            preexec_fn=lambda: _limits(cpu_seconds),
        )
        # A hang burns no CPU, so only a wall clock can end it.
        timer = threading.Timer(WALL_FACTOR * cpu_seconds, process.kill)
        timer.start()
        try:
            # wait4, not Popen.wait: it gives this one child's own CPU time.
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        outcome = Outcome(process.returncode, stdout.read(), stderr.read())
        outcome.memory = own_peak(peak, usage)
    outcome.cpu = usage.ru_utime + usage.ru_stime
    if outcome.exit_code < 0:
        outcome.stderr += f"\n(killed by signal {-outcome.exit_code}: no verdict within the limits)"
    return outcome


HEAVY = [name for name in CASES if expectation(name).get("heavy")]


@pytest.fixture(scope="session")
def heavy_outcomes(tmp_path_factory) -> dict[str, tuple[Outcome, dict, dict]]:
    """Run every heavy case at once (each in its own limited child): one wait for all of them."""
    clean = tmp_path_factory.mktemp("clean")
    Project(clean)
    (clean / DATASET).write_text(_dataset_text())
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:  # as the cases run: two at a time
        baselines = list(pool.map(lambda _: run_limited(clean, {}, 100), range(2)))
    assert all(b.exit_code == 0 for b in baselines), baselines[0].stderr
    budget = math.ceil(CPU_FACTOR * max(b.cpu for b in baselines)) + 1

    prepared = {}
    for name in HEAVY:
        root = tmp_path_factory.mktemp(name)
        make_case(name, root)
        prepared[name] = (root, fingerprint(root), tmp_path_factory.mktemp(f"{name}-github"))

    def one(name: str):
        root, before, github = prepared[name]
        env = {k: str(v) for k, v in (expectation(name).get("env") or {}).items()} | github_env(name, github)
        outcome = run_limited(root, env, budget)
        outcome.github = github
        return name, (outcome, before, fingerprint(root))

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, HEAVY))


def check_outcome(name: str, outcome: Outcome, before: dict, after: dict, root: Path) -> None:
    expect = expectation(name)
    output = outcome.stdout + outcome.stderr
    assert "Traceback" not in output, output[-2000:]
    assert "internal error" not in output, output[-2000:]
    assert outcome.exit_code == expect["exit"], f"exit {outcome.exit_code}\n{output[-3000:]}"
    assert after == before, "the run changed its input files"
    if expect["exit"] == 1:
        lines = outcome.stdout.splitlines()
        location = re.escape(expect["location"]) if expect.get("location") else r"[^ :]+:\d+"
        pattern = re.compile(rf"^  {location}: +\w+ +{re.escape(expect['check'])}( \[[^\]]*\])?: ")
        hits = [i for i, line in enumerate(lines) if pattern.match(line)]
        assert hits, f"no {expect['check']} finding at {expect.get('location')}:\n{outcome.stdout[-3000:]}"
        if expect.get("message"):
            assert any(expect["message"] in lines[i] for i in hits), outcome.stdout[-3000:]
        if expect.get("hint"):
            assert any(expect["hint"] in lines[i + 1] for i in hits if i + 1 < len(lines)), outcome.stdout[-3000:]
        assert lines[-1].startswith("BLOCKED"), lines[-1]
    elif expect["exit"] == 2:
        assert outcome.stderr.startswith("error: "), outcome.stderr
        assert expect["message"] in outcome.stderr, outcome.stderr
    if expect.get("secret"):
        assert expect["secret"] not in output
    if expect.get("absent"):
        assert not (root / expect["absent"]).exists()
        assert not (Path.cwd() / expect["absent"]).exists()
    if expect.get("max_line"):
        assert max(len(line) for line in output.splitlines()) <= int(expect["max_line"])
    if expect.get("github"):
        check_log(expect, outcome)
    if expect.get("no_control"):
        summary = outcome.github / "summary.md" if outcome.github else None
        logged = output + (summary.read_text() if summary and summary.exists() else "")
        raw = RAW_CONTROL.search(logged)
        assert raw is None, f"a raw {raw.group()!r} at {logged[max(raw.start() - 80, 0) : raw.end() + 80]!r}"


def test_the_corpus_is_large_and_every_case_is_described():
    assert len(CASES) >= 40
    for name in CASES:
        expect = expectation(name)
        assert expect["exit"] in (0, 1, 2), name
        assert "# " in (CORPUS / name / "expect.yml").read_text().splitlines()[0], f"{name}: say what it is"
        assert expect.get("generate") is None or expect["generate"] in GENERATORS, name
        if expect["exit"] == 1:
            assert expect.get("check"), name
        if expect["exit"] == 2:
            assert expect.get("message"), name
        assert not expect.get("summary") or expect.get("github"), f"{name}: a summary needs github: true"


@pytest.mark.slow  # the rest of the corpus (about 200 cases), each validated
@pytest.mark.parametrize("name", [n for n in CASES if n not in HEAVY])
def test_hostile_input(name, tmp_path, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_TODAY", TODAY)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    make_case(name, tmp_path)
    before = fingerprint(tmp_path)
    github = tmp_path_factory.mktemp(f"{name}-github")
    env = {k: str(v) for k, v in (expectation(name).get("env") or {}).items()} | github_env(name, github)
    result = CliRunner().invoke(cli, ["validate"], env=env)
    outcome = Outcome(result.exit_code, result.stdout, result.stderr, github=github)
    check_outcome(name, outcome, before, fingerprint(tmp_path), tmp_path)


@pytest.mark.slow  # the limit cases (files of hundreds of thousands of entries), each validated
@pytest.mark.parametrize("name", HEAVY)
def test_heavy_hostile_input_within_limits(name, heavy_outcomes, tmp_path):
    outcome, before, after = heavy_outcomes[name]
    check_outcome(name, outcome, before, after, tmp_path)  # a run over the CPU limit was killed: no verdict
    assert outcome.memory < MEMORY_LIMIT, f"peak resident memory {outcome.memory:,} bytes"


# --- routes out of the root, beyond the corpus ---------------------------------------------------------------


def _invoke(*args: str):
    return CliRunner().invoke(cli, ["validate", *args])


def test_allow_outside_root_lets_a_gate_name_a_dataset_outside(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "war.yml"
    outside.write_text(_dataset_text())
    _gate(project.root, str(outside))
    refused = _invoke()
    assert refused.exit_code == 2
    assert "outside the project root" in refused.stderr
    allowed = _invoke("--allow-outside-root")
    assert allowed.exit_code == 0, allowed.output
    assert "PUBLISHABLE: 1 claim checked" in allowed.stdout


def test_symlinks_that_stay_inside_the_root_are_read_once(project):
    project.write("data/real/war.yml", _dataset_text())
    os.symlink(project.root / "data" / "real" / "war.yml", project.root / "datasets" / "war.yml")
    result = _invoke()
    assert result.exit_code == 0, result.output
    assert "PUBLISHABLE: 1 claim checked" in result.stdout


def test_a_symlinked_folder_under_datasets_is_never_entered_and_always_reported(project):
    # Its files would show in the pull request as datasets/real/... and pass the gate unread.
    project.write("data/real/war.yml", _dataset_text(value=-5))
    os.symlink(project.root / "data" / "real", project.root / "datasets" / "real")
    os.symlink(project.root / "datasets", project.root / "datasets" / "again")  # a loop
    result = _invoke()
    assert result.exit_code == 1, result.output
    for name in ("again", "real"):
        assert f"datasets/{name}:1: critical stray-file: this is a symlinked folder, whose files are never read" in (
            result.stdout
        )
    assert "value-not-negative" not in result.stdout


def test_a_target_outside_the_root_is_refused(project):
    result = _invoke("/etc/passwd")
    assert result.exit_code == 2
    assert "outside the project root" in result.stderr
    assert "root:x:0" not in result.output


def test_the_environment_is_never_printed(project, monkeypatch):
    monkeypatch.setenv("FACTCHECK_TEST_SECRET", "s3cr3t-value")
    project.write(DATASET, "dataset: ${FACTCHECK_TEST_SECRET}\ntitle: $FACTCHECK_TEST_SECRET\n")
    result = _invoke()
    assert result.exit_code == 1
    assert "s3cr3t-value" not in result.output


# --- reports are written atomically --------------------------------------------------------------------------


def test_a_reporter_failing_midway_leaves_the_previous_report_intact(project, monkeypatch):
    from factcheck.reporters import json as json_reporter

    project.write(DATASET, _dataset_text())
    report = project.root / "out" / "report.json"
    first = _invoke("--json", str(report))
    assert first.exit_code == 0, first.output
    good = report.read_bytes()

    def broken(report, stream):
        stream.write('{"half": ')
        raise RuntimeError("a bug in the reporter")

    monkeypatch.setattr(json_reporter, "render", broken)
    project.write(DATASET, _dataset_text(value="many"))  # a different verdict, so a new report would differ
    second = _invoke("--json", str(report))
    assert second.exit_code == 3
    assert "Traceback" not in second.output
    assert report.read_bytes() == good
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.json"]  # no temporary file left behind


def test_an_os_error_a_reporter_raises_itself_is_a_bug_not_a_write_error(project, monkeypatch):
    from factcheck.reporters import json as json_reporter

    def broken(report, stream):
        raise OSError("a reporter's own error, with no errno")

    monkeypatch.setattr(json_reporter, "render", broken)
    project.write(DATASET, _dataset_text())
    result = _invoke("--json", str(project.root / "report.json"))
    assert result.exit_code == 3
    assert "cannot write the report" not in result.stderr


def test_a_disk_filling_up_midway_is_a_clear_error_and_leaves_the_previous_report_intact(project, monkeypatch):
    from factcheck.reporters import json as json_reporter

    project.write(DATASET, _dataset_text())
    report = project.root / "out" / "report.json"
    assert _invoke("--json", str(report)).exit_code == 0
    good = report.read_bytes()

    def disk_full(report, stream):
        stream.write('{"half": ')
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(json_reporter, "render", disk_full)
    project.write(DATASET, _dataset_text(value="many"))
    second = _invoke("--json", str(report))
    assert second.exit_code == 2
    assert f"cannot write the report {report}: No space left on device" in second.stderr
    assert "Traceback" not in second.output
    assert report.read_bytes() == good
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.json"]


# --- what an error prints of the data ------------------------------------------------------------------------


def test_an_internal_errors_reason_is_one_escaped_line(project, monkeypatch):
    from factcheck.reporters import json as json_reporter

    def broken(report, stream):
        raise RuntimeError("::error file=a,line=1::forged\x1b[2J\u202e\nsecond line")

    monkeypatch.setattr(json_reporter, "render", broken)
    project.write(DATASET, _dataset_text())
    result = _invoke("--json", str(project.root / "report.json"))
    assert result.exit_code == 3
    assert "RuntimeError: \\x3a:error file=a,line=1::forged\\x1b[2J\\u202e\n" in result.stderr
    assert "second line" not in result.stderr
    assert not RAW_CONTROL.search(result.stderr)
