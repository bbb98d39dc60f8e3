"""Hostile bases: tests/hostile-base/, one folder per case, each a git tree no checkout would make.

Each case's `expect.yml` names the builder (in BUILDERS) that commits the hostile base on top of a fresh
project's repository, with real git objects (`git hash-object --literally`: trees that name a path twice,
names git refuses to check out, symlinks anywhere), and what the pull-request gate does with it:

    build: name           # the builder in BUILDERS
    note: fragment        # the base could not be validated, and the note says why; null: the base validated
    measure: true         # optional: copy the base in a child process, whose bytes on disk and peak memory
                          # must stay within those of copying a clean base plus a margin

Every case also checks that nothing appeared outside the project (the folder `outside/` the builders aim
at stays empty), that the working tree is byte-identical, and that the run is exit 0 or 1 with no
internal error. The pull request itself changes nothing: every finding is new exactly when the base
could not be validated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import claim
from factcheck.cli.commands import cli
from test_baseline import git
from test_hostile import fingerprint

CORPUS = Path(__file__).parent / "hostile-base"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expect.yml").is_file())
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


# --- real git objects -------------------------------------------------------------------------------------------


def blob(root: Path, data: bytes) -> str:
    done = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"], cwd=root, input=data, capture_output=True, check=True
    )
    return done.stdout.decode().strip()


def raw_tree(root: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree object of (mode, name, oid) entries exactly as given: duplicates, `..` and `.git` included."""
    data = b"".join(f"{int(mode, 8):o} ".encode() + os.fsencode(name) + b"\0" + bytes.fromhex(oid)
                    for mode, name, oid in entries)  # fmt: skip
    done = subprocess.run(["git", "hash-object", "-t", "tree", "-w", "--stdin", "--literally"], cwd=root,
                          input=data, capture_output=True, check=True)  # fmt: skip
    return done.stdout.decode().strip()


def tree_of(root: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree from (mode, path, oid) entries, paths with slashes; a name may appear more than once."""
    here: list[tuple[str, str, str]] = []
    below: dict[str, list[tuple[str, str, str]]] = {}
    for mode, path, oid in entries:
        first, _, rest = path.partition("/")
        if rest:
            below.setdefault(first, []).append((mode, rest, oid))
        else:
            here.append((mode, first, oid))
    here += [("40000", name, tree_of(root, sub)) for name, sub in below.items()]
    return raw_tree(root, sorted(here, key=lambda e: e[1] + ("/" if e[0] == "40000" else "")))


def head_entries(root: Path) -> list[tuple[str, str, str]]:
    listed = git(root, "ls-tree", "-r", "--full-tree", "HEAD")
    return [(line.split()[0], line.split("\t", 1)[1], line.split()[2]) for line in listed.splitlines()]


def commit_tree(root: Path, tree: str) -> str:
    return git(root, "commit-tree", tree, "-p", "HEAD", "-m", "a hostile base")


LINK, FILE = "120000", "100644"


def with_head(root: Path, extra: list[tuple[str, str, str]], drop: tuple[str, ...] = ()) -> str:
    kept = [e for e in head_entries(root) if not any(e[1] == d or e[1].startswith(d + "/") for d in drop)]
    return commit_tree(root, tree_of(root, kept + extra))


# --- builders: each commits a base and returns its id; `out` is the folder outside the project ----------------


def dangling_suite_link(root: Path, out: Path) -> str:
    # No gates (so this tree's are borrowed, with their suites), and a suite path that is a symlink to nowhere:
    # copying this tree's suite there would write through it, at a path the commit chose.
    target = blob(root, str(out / "planted.yml").encode())
    return with_head(root, [(LINK, "expectations/cumulative-totals.yml", target)], drop=("checks", "expectations"))


def link_then_folder(root: Path, out: Path) -> str:
    link = blob(root, str(out).encode())
    return with_head(root, [(LINK, "datasets/x", link), (FILE, "datasets/x/planted.yml", blob(root, b"a: 1\n"))])


def link_then_link(root: Path, out: Path) -> str:
    link = blob(root, str(out).encode())
    return with_head(root, [(LINK, "datasets/x", link), (LINK, "datasets/x/planted", blob(root, b"/etc/passwd"))])


def folder_then_link(root: Path, out: Path) -> str:
    sub = tree_of(root, [(FILE, "a.yml", blob(root, b"a: 1\n"))])
    return with_head(root, [("40000", "datasets/x", sub), (LINK, "datasets/x", blob(root, str(out).encode()))])


def file_twice(root: Path, out: Path) -> str:
    return with_head(root, [(FILE, "datasets/twice.yml", blob(root, b"a: 1\n")),
                            (FILE, "datasets/twice.yml", blob(root, b"b: 2\n"))])  # fmt: skip


def absolute_link(root: Path, out: Path) -> str:
    return with_head(root, [(LINK, "datasets/leak.yml", blob(root, b"/etc/passwd"))])


def escaping_link(root: Path, out: Path) -> str:
    return with_head(root, [(LINK, "datasets/leak.yml", blob(root, b"../" * 12 + b"etc/passwd"))])


def escaping_link_by_a_chain(root: Path, out: Path) -> str:
    # Each link alone stays inside; followed, the second leaves the repository.
    return with_head(root, [(LINK, "datasets/a.yml", blob(root, b"up/passwd")),
                            (LINK, "datasets/up", blob(root, b"../..")),
                            (FILE, "datasets/passwd", blob(root, b"a: 1\n"))])  # fmt: skip


def link_loop(root: Path, out: Path) -> str:
    return with_head(
        root, [(LINK, "datasets/a.yml", blob(root, b"b.yml")), (LINK, "datasets/b.yml", blob(root, b"a.yml"))]
    )


def dangling_link(root: Path, out: Path) -> str:
    return with_head(root, [(LINK, "datasets/gone.yml", blob(root, b"nowhere.yml"))])


def huge_link(root: Path, out: Path) -> str:
    return with_head(root, [(LINK, "datasets/big.yml", blob(root, b"a/" * (32 << 20)))])


def checks_is_a_file(root: Path, out: Path) -> str:
    return with_head(root, [(FILE, "checks", blob(root, b"not a folder\n"))], drop=("checks",))


def checks_is_a_link_out(root: Path, out: Path) -> str:
    return with_head(root, [(LINK, "checks", blob(root, str(out).encode()))], drop=("checks",))


def odd_names(root: Path, out: Path) -> str:
    # `..`, `.`, `.git` and `.GIT` are skipped (git never checks them out); the rest are names like any.
    data = blob(root, b"a: 1\n")
    names = ["..", ".", ".git", ".GIT", "...", "-rf", "a\\b", "new\nline", "\x1b[31mred", "é" * 100]
    return with_head(root, [(FILE, f"expectations/odd/{name}", data) for name in names]
                     + [(FILE, "datasets/../../planted.yml", data), (FILE, ".git/hooks/post-checkout", data)])  # fmt: skip


def symlinks_inside_resolve(root: Path, out: Path) -> str:
    # This repository's own layout: the suites are symlinks into a folder elsewhere in the repository, one
    # through a symlinked folder; the base must validate as the working tree does.
    entries = []
    for mode, path, oid in head_entries(root):
        if path.startswith("expectations/"):
            name = path.removeprefix("expectations/")
            entries += [(FILE, f"src/suites/{name}", oid), (LINK, path, blob(root, f"../lib/{name}".encode()))]
        else:
            entries.append((mode, path, oid))
    entries.append((LINK, "lib", blob(root, b"src/suites")))
    return commit_tree(root, tree_of(root, entries))


def one_blob_many_paths(root: Path, out: Path) -> str:
    # 400 kB of objects that a naive copy writes as 1.2 GB: one blob just under the file limit, at 60 paths.
    big = blob(root, b"#" * ((20 << 20) - 1))
    return with_head(root, [(FILE, f"datasets/copy-{n}.yml", big) for n in range(60)])


def many_files(root: Path, out: Path) -> str:
    empty = blob(root, b"")
    return with_head(root, [(FILE, f"datasets/many/{n}.txt", empty) for n in range(20_001)])


def tree_bomb(root: Path, out: Path) -> str:
    # Each level reuses the one below a hundred times: 100^4 paths listed from five small objects.
    level = raw_tree(root, [(FILE, f"{n:03}", blob(root, b"")) for n in range(100)])
    for _ in range(3):
        level = raw_tree(root, [("40000", f"{n:03}", level) for n in range(100)])
    return with_head(root, [("40000", "datasets/bomb", level)])


def oversized_dataset(root: Path, out: Path) -> str:
    # A blob over the file limit is never read: a sparse file of its size, refused by the base run from stat.
    return with_head(root, [(FILE, "datasets/huge.yml", blob(root, b"\n" * (24 << 20)))])


BUILDERS = {f.__name__.replace("_", "-"): f for f in (
    dangling_suite_link, link_then_folder, link_then_link, folder_then_link, file_twice, absolute_link,
    escaping_link, escaping_link_by_a_chain, link_loop, dangling_link, huge_link, checks_is_a_file,
    checks_is_a_link_out, odd_names, symlinks_inside_resolve, one_blob_many_paths, many_files, tree_bomb,
    oversized_dataset)}  # fmt: skip


# --- the cost of copying a base, in a child process -------------------------------------------------------------

# The peak is VmHWM, this process's own: ru_maxrss would carry over the peak of the process it was forked
# from (the test runner's hundreds of MiB), and so hide any copy's.
COPY = """
import os, re, sys
from pathlib import Path
from factcheck.pipeline import gitbase
from factcheck.floor.errors import ConfigError
commit = gitbase.resolve(Path(sys.argv[1]), sys.argv[2])
try:
    gitbase.materialise(commit, Path(sys.argv[3]))
except ConfigError as error:
    print(error, file=sys.stderr)
on_disk = sum(os.lstat(os.path.join(where, name)).st_blocks * 512
              for where, dirs, files in os.walk(sys.argv[3]) for name in dirs + files)
with open("/proc/self/status") as status:
    print(on_disk, re.search(r"^VmHWM:\\s+(\\d+) kB", status.read(), re.M).group(1))
"""


def copy_cost(root: Path, ref: str, dest: Path) -> tuple[int, int]:
    """The bytes the copy left on disk (its blocks: a sparse file counts what it holds) and its peak
    resident memory (KiB), copying `ref` into `dest`."""
    dest.mkdir()
    done = subprocess.run([sys.executable, "-c", COPY, str(root), ref, str(dest)], capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    written, peak = done.stdout.split()
    return int(written), int(peak)


@pytest.mark.slow  # a git repository and a base run for every case
@pytest.mark.parametrize("case", CASES)
def test_hostile_base(case, project, tmp_path):
    expect = yaml.safe_load((CORPUS / case / "expect.yml").read_text(encoding="utf-8"))
    project.dataset([claim()], name="war/casualties.yml")
    git(project.root, "init", "-q", "-b", "main")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", "the project")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    base = BUILDERS[expect["build"]](project.root, outside)
    before = fingerprint(project.root)

    out = tmp_path.parent / f"{tmp_path.name}-report.json"
    result = CliRunner().invoke(cli, ["validate", "--no-github", "--json", str(out), "--baseline", base])
    assert result.exit_code in (0, 1), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    note = json.loads(out.read_text(encoding="utf-8"))["comparison"]["base"]["note"]
    if expect["note"] is None:
        assert note is None, note
    else:
        assert note is not None and "could not be validated" in note and expect["note"] in note, note
    assert list(outside.iterdir()) == []
    assert not (tmp_path.parent / "planted.yml").exists()
    assert fingerprint(project.root) == before

    if expect.get("measure"):
        clean_written, clean_peak = copy_cost(project.root, "HEAD", tmp_path.parent / f"{tmp_path.name}-clean")
        written, peak = copy_cost(project.root, base, tmp_path.parent / f"{tmp_path.name}-copy")
        assert written <= clean_written + (16 << 20), f"{written:,} bytes written"
        assert peak <= clean_peak + 64 * 1024, f"{peak:,} KiB resident"
