"""The project as of a git commit, read into a temporary folder: the base a pull request is compared with.

`factcheck validate --baseline REF` checks the project as it was at REF with REF's own gates, suites and
catalog. That tree is read from git's object store (`git ls-tree`, `git cat-file`), never checked out: the
working tree and the index are not touched, and `.gitattributes` (which `git archive` would obey, and which
could leave files out or rewrite them) plays no part.

Everything here is hostile input, as everywhere else: REF comes from a workflow that a pull request can
edit, and the base tree's files are data like any. So git is run with fixed argument lists and never a
shell; REF is checked against a plain revision grammar before git sees it (no option, no range, no path,
no message search); git's own environment variables are not passed on (they could point it at another
repository or inject configuration); and the tree is copied by `factcheck.pipeline.basecopy`, which writes only
below the temporary folder and never through a symlink, within limits checked before any blob is read.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from factcheck.floor.errors import ConfigError
from factcheck.model.layout import LAYOUT

# A revision as people write one: a commit id, a branch or tag (`main`, `origin/main`, `v1.2`), and the
# suffixes `~2`, `^`, `^2`, `@{1}`, `@{upstream}`. Nothing that starts like an option, no `..` (a range),
# no `:` (a path in a tree, or `:/text`, which searches commit messages) and no `^{/text}` (which does too),
# no spaces or shell characters.
_REF = re.compile(r"[A-Za-z0-9_@][A-Za-z0-9._/@{}^~+-]{0,254}")
_FULL_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_BRANCH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/-]*")
GIT_TIMEOUT = 300  # seconds for one git command; reading a large tree is seconds
# The folders of a project that a run reads whatever its gates say (docs/format.md).


@dataclass(frozen=True)
class Commit:
    """A commit of the repository that holds the project, and where the project lies in it."""

    ref: str  # as given
    sha: str
    toplevel: Path
    prefix: str  # the project root's path in the repository, '' or 'data/' (with a slash)

    @property
    def short(self) -> str:
        return self.sha[:12]


def check_ref(ref: str) -> str:
    """`ref` when it is a plain revision, else a `ConfigError` (exit 2) saying what a revision may hold."""
    if not _REF.fullmatch(ref) or ".." in ref or "{/" in ref or ref.endswith((".", "/")) or "//" in ref:
        from factcheck.floor.text import shown

        raise ConfigError(
            f"--baseline {shown(ref, 80)!s}: not a git revision factcheck accepts",
            "give a commit id, a branch or a tag (letters, digits and . _ / - ~ ^ @ { } +; no leading '-', "
            "no '..', no ':', no '{/'), or the path of a baseline file",
        )
    return ref


def _environment() -> dict[str, str]:
    """The environment for git: the process's own, less git's variables (GIT_DIR, GIT_CONFIG_*, ...), which a
    workflow could set to point git at another repository or give it configuration; messages in English,
    so that git's answers read the same everywhere; never a prompt for credentials."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(LC_ALL="C", LANG="C", GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    return env


def _git_binary() -> str:
    found = shutil.which("git")
    if found is None:
        raise ConfigError("--baseline REF reads the base from git, and git is not installed",
                          "install git, or give a baseline file (factcheck baseline -o FILE)")  # fmt: skip
    return found


def _git(args: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run git with a fixed argument list (no shell), without reading from our stdin."""
    command = [_git_binary(), "-c", "core.fsmonitor=false", "-c", "core.quotePath=false", *args]
    try:
        result = subprocess.run(
            command, cwd=cwd, env=_environment(), stdin=subprocess.DEVNULL, capture_output=True, timeout=GIT_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        raise ConfigError(
            f"git {args[0]} took more than {GIT_TIMEOUT} s", "try again, or use a baseline file"
        ) from None
    except OSError as error:
        raise ConfigError(f"cannot run git: {error.strerror or error}") from None
    if check and result.returncode != 0:
        raise ConfigError(f"git {args[0]} failed: {_first_line(result.stderr)}")
    return result


def _first_line(output: bytes) -> str:
    lines = output.decode("utf-8", "replace").strip().splitlines()
    return lines[0][:300] if lines else "no message"


def fetch_command(ref: str) -> str:
    """The command that brings `ref` into a shallow clone (the one `actions/checkout` makes by default)."""
    if _FULL_ID.fullmatch(ref):
        return f"git fetch --no-tags --depth=1 origin {ref}"
    name = ref.removeprefix("origin/")
    if _BRANCH.fullmatch(name) and not name.startswith(("HEAD", "refs/")) and "@" not in name:
        return f"git fetch --no-tags --depth=1 origin +refs/heads/{name}:refs/remotes/origin/{name}"
    return "git fetch --unshallow"  # a relative revision (HEAD~1) or a short id: the history it needs


def resolve(root: Path, ref: str) -> Commit:
    """The commit `ref` names in the repository holding `root`; a `ConfigError` (exit 2) saying what to do
    when there is no repository, when a shallow clone lacks the commit, or when `ref` is not a commit."""
    ref = check_ref(ref)
    top = _git(["rev-parse", "--show-toplevel"], root, check=False)
    if top.returncode != 0:
        raise ConfigError(
            f"--baseline {ref}: {root} is not in a git repository ({_first_line(top.stderr)})",
            "run inside a clone, or give a baseline file made by `factcheck baseline -o FILE`",
        )
    toplevel = Path(os.fsdecode(top.stdout.rstrip(b"\n"))).resolve()
    prefix = root.resolve().relative_to(toplevel).as_posix() if root.resolve() != toplevel else ""
    found = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], toplevel, check=False)
    if found.returncode == 0:
        return Commit(ref, found.stdout.decode("ascii").strip(), toplevel, f"{prefix}/" if prefix else "")
    # A full commit id "verifies" whether or not the object is here: only an object git has is named.
    named = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref], toplevel, check=False)
    kind = (
        _git(["cat-file", "-t", named.stdout.decode("ascii").strip()], toplevel, check=False)
        if named.returncode == 0
        else None
    )
    if kind is not None and kind.returncode == 0:
        what = kind.stdout.decode("ascii", "replace").strip()
        raise ConfigError(f"--baseline {ref} names a {what}, not a commit", "give a commit, a branch or a tag")
    shallow = _git(["rev-parse", "--is-shallow-repository"], toplevel, check=False)
    if shallow.stdout.strip() == b"true":
        command = fetch_command(ref)
        then = ""
        if command.endswith(f"refs/remotes/origin/{ref.removeprefix('origin/')}") and not ref.startswith("origin/"):
            then = f", then pass --baseline origin/{ref}"
        raise ConfigError(
            f"--baseline {ref}: no such commit in this shallow clone (it holds only the latest history)",
            f"fetch it first: {command}{then} (on GitHub Actions, or set `fetch-depth: 0` on actions/checkout)",
        )
    raise ConfigError(
        f"--baseline {ref}: no such commit in this repository",
        "give a commit id, a branch or a tag (`git log --oneline` lists commits), or fetch it first",
    )


def materialise(commit: Commit, dest: Path) -> Path:
    """Write the project as of `commit` below the empty folder `dest` (laid out as the repository is) and
    return the project's root there; a `basecopy.BaseRefused` when the base tree holds what the copy refuses.

    Only what a run can read is written: checks/, datasets/ and expectations/, whatever else the base's own
    gates name (a dataset folder, a suite elsewhere, the folders of `articles:`), and whatever the symlinks
    among them lead to (`factcheck.pipeline.basecopy`). The gates are written first and read for that; a gate that
    cannot be read names nothing more, and the base run reports it."""
    from factcheck.pipeline import basecopy

    command = [
        _git_binary(),
        "-c",
        "core.quotePath=false",
        "ls-tree",
        "-r",
        "-t",
        "-z",
        "--full-tree",
        commit.sha,
    ]
    index = basecopy.list_tree(command, commit.toplevel, _environment())
    project = dest / commit.prefix if commit.prefix else dest
    with _Blobs(commit) as blobs, basecopy.Folder(dest) as folder:
        chosen = basecopy.Selection(index, blobs.read, blobs.size)
        chosen.add(f"{commit.prefix}{LAYOUT.gates}")
        written: set[str] = set()
        _write(blobs, chosen, folder, written)
        for base in (*LAYOUT.read_whole(), *sorted(_named_by_gates(project) if project.is_dir() else ())):
            chosen.add(f"{commit.prefix}{base}")
        _write(blobs, chosen, folder, written)
    project.mkdir(parents=True, exist_ok=True)
    return project


def _named_by_gates(root: Path) -> set[str]:
    from factcheck.pipeline import project
    from factcheck.pipeline.basecopy import safe

    named: set[str] = set()
    folder = root / LAYOUT.gates
    if not folder.is_dir():
        return named
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml") or path.is_symlink() or not path.is_file():
            continue
        try:
            gate = project.read_gate(root, path).gate
        except ConfigError:
            continue
        for glob in (*gate.datasets, *gate.suites, *gate.articles):
            base = project.glob_base(glob).as_posix()
            if base != "." and safe(base):
                named.add(base)
    return named


def _cat_file(commit: Commit, option: str) -> subprocess.Popen:
    return subprocess.Popen(
        [_git_binary(), "cat-file", option], cwd=commit.toplevel, env=_environment(), stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip


class _Blobs:
    """`git cat-file --batch` for the blobs' content and `--batch-check` for their sizes (the object's header
    only): one process each for every blob, asked one at a time (no pipe can fill up)."""

    def __init__(self, commit: Commit) -> None:
        self.process = _cat_file(commit, "--batch")
        self.check = _cat_file(commit, "--batch-check")

    def __enter__(self) -> _Blobs:
        return self

    def __exit__(self, *exc: object) -> None:
        for process in (self.process, self.check):
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
            try:
                process.wait(timeout=GIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    @staticmethod
    def _header(process: subprocess.Popen, oid: str) -> int:
        """Ask `process` for the blob `oid` and read its header's size."""
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(oid.encode("ascii") + b"\n")
        process.stdin.flush()
        header = process.stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            raise ConfigError(f"git cat-file could not read the object {oid} of the base tree")
        return int(header[2])

    def size(self, oid: str) -> int:
        return self._header(self.check, oid)

    def copy(self, oid: str, write) -> None:
        """Stream the blob `oid` to `write` (a function taking bytes), in chunks."""
        left = self._header(self.process, oid)
        assert self.process.stdout is not None
        while left:
            chunk = self.process.stdout.read(min(left, 1 << 20))
            if not chunk:
                raise ConfigError(f"git cat-file stopped while reading the object {oid}")
            write(chunk)
            left -= len(chunk)
        self.process.stdout.read(1)  # the line feed after each object

    def read(self, oid: str) -> bytes:
        parts: list[bytes] = []
        self.copy(oid, parts.append)
        return b"".join(parts)


def _write(blobs: _Blobs, chosen, folder, written: set[str]) -> None:
    """The chosen paths not written yet, below `folder`, which never follows a symlink; a blob above the
    file size limit is a sparse file of its size, never read (the base run refuses it from `stat`)."""
    from factcheck.pipeline.basecopy import LINK, file_limit

    for path in sorted(chosen.paths - written):
        written.add(path)
        node = chosen.index[path]
        if node.mode == LINK:
            folder.link(path, chosen.target(path))
            continue
        fd = folder.create(path)
        with open(fd, "wb") as handle:
            if (size := chosen.size(path)) > file_limit():
                handle.truncate(size)
            else:
                blobs.copy(node.oid, handle.write)
