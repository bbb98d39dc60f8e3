"""The base commit's tree, copied into a temporary folder that nothing written or linked ever leaves.

`factcheck.pipeline.gitbase` names the commit; this module lists its tree (`git ls-tree`), chooses what a run of the
base reads, checks the whole copy against its limits from the listing and the sizes of the chosen objects
(`git cat-file --batch-check`, which reads an object's header, never its content) before any blob is read,
and writes it below a folder it owns. The base tree is hostile input: a pull request's history can
hold any tree git can store, including trees git itself would never check out.

- The copy is repository-shaped: the repository's root is the temporary folder, and the project lies at
  its own path inside, so that a symlink resolves in the copy as it does in the working tree.
- A symlink is kept as a symlink when it stays inside the repository and leads to something the base
  holds; the entries it passes through and leads to are copied too. Any other symlink (an absolute target,
  one that leaves the repository, one to nothing, a loop, a target longer than a path can be) is refused.
- A tree that names a path twice, or a file as a folder, is refused. Nothing is written through a
  symlink: every folder is entered by a file descriptor opened with O_NOFOLLOW, every file created with
  O_EXCL | O_NOFOLLOW below it, so whatever the tree holds, nothing lands outside the folder.
- Cost is bounded from the listing: entries listed, then files written, bytes written, the size of a symlink.
  The listing names no sizes (`ls-tree -l` would look up every entry's object, seconds per 100,000 loose
  ones): only the objects chosen to copy, at most MAX_FILES, have their size looked up.
  A blob above the file size limit is written as a sparse file of its size and never read: the base run
  refuses it from `stat`, as this tree's run refuses a file that large.

Every refusal is a `BaseRefused` (a `ConfigError`): the base could not be validated, and the run says why.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.floor.errors import ConfigError

MAX_ENTRIES = 500_000  # entries of the base tree listed (files, symlinks, folders)
MAX_LISTING_BYTES = 64 << 20  # bytes of that listing
MAX_FILES = 20_000  # files and symlinks written
MAX_BYTES = 1 << 30  # bytes written, over all files
MAXLINK_BYTES = 4096  # a symlink's target, as PATH_MAX bounds it
MAX_HOPS = 40  # symlinks followed to resolve one path, as the kernel allows
LINK, _TREE = "120000", "040000"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class BaseRefused(ConfigError):
    """The base tree holds something the copy refuses: the base cannot be validated."""


@dataclass(frozen=True)
class Node:
    mode: str
    kind: str  # blob, tree, commit (a submodule)
    oid: str


def list_tree(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, Node]:
    """The nodes of the commit's whole tree by repository path, from `git ls-tree -r -t -z`. The listing is
    read twice: first only counted as it streams, so that a tree over the limits is refused before any of it
    is held (500,000 entries take hundreds of MiB as nodes), then read into nodes."""
    for _ in _listing(command, cwd, env):
        pass
    index: dict[str, Node] = {}
    with contextlib.closing(_listing(command, cwd, env)) as listing:  # a refusal below ends git at once
        for records in listing:
            for record in records:
                _add(index, record)
    return index


def _listing(command: list[str], cwd: Path, env: dict[str, str]) -> Iterator[list[bytes]]:
    """The listing's records, a chunk's worth at a time as git streams them, stopping at the limits (a tree
    that reuses a subtree at every level lists without end)."""
    read = entries = 0
    with subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as process:  # fmt: skip
        assert process.stdout is not None
        rest = b""
        try:
            while chunk := process.stdout.read(1 << 20):
                read += len(chunk)
                if read > MAX_LISTING_BYTES:
                    raise BaseRefused(f"the base tree's listing is over {MAX_LISTING_BYTES:,} bytes")
                *records, rest = (rest + chunk).split(b"\0")
                entries += len(records)
                if entries > MAX_ENTRIES:
                    raise BaseRefused(f"the base tree holds over {MAX_ENTRIES:,} entries")
                yield records
        finally:
            if process.poll() is None:
                process.kill()
        if process.wait() != 0 or rest:
            raise ConfigError("git ls-tree could not list the base commit's tree")


def _add(index: dict[str, Node], record: bytes) -> None:
    meta, _, raw = record.partition(b"\t")
    mode, kind, oid = meta.decode("ascii").split()
    path = os.fsdecode(raw)
    if path in index:
        raise BaseRefused(f"the base tree names {_shown(path)} twice")
    parent = posixpath.dirname(path)
    if parent and (parent not in index or index[parent].kind != "tree"):
        raise BaseRefused(f"the base tree names {_shown(parent)} both as a file and as a folder")
    index[path] = Node(mode, kind, oid)


def _shown(path: str) -> str:
    from factcheck.floor.text import shown

    return f"'{shown(path, 120)}'"


def safe(rel: str) -> bool:
    """A path git could hold that stays below the folder it is written to: git itself refuses to check
    out `..`, `.` and `.git`, but a crafted tree can hold them."""
    parts = rel.split("/")
    return bool(rel) and all(p and p not in (".", "..") and p.lower() != ".git" for p in parts)


class Selection:
    """The repository paths to copy: what was asked for, every symlink it holds resolved, and what those
    lead to, within the limits. `size_of` and `read_link` take an object id: its size, from its header, and
    a symlink's target, read only once its size is within MAXLINK_BYTES."""

    def __init__(
        self, index: dict[str, Node], read_link: Callable[[str], bytes], size_of: Callable[[str], int]
    ) -> None:
        self.index = index
        self.read_link = read_link
        self.size_of = size_of
        self.paths: set[str] = set()
        self.bytes = 0
        self._links: dict[str, str] = {}
        self._sizes: dict[str, int] = {}

    def size(self, path: str) -> int:
        """The size in bytes of the blob at `path`, looked up once."""
        if path not in self._sizes:
            self._sizes[path] = self.size_of(self.index[path].oid)
        return self._sizes[path]

    def add(self, path: str) -> None:
        """`path` and everything below it (a path the tree does not hold adds nothing)."""
        pending = [path]
        while pending:
            at = pending.pop()
            node = self.index.get(at)
            if node is None or at in self.paths or not safe(at):
                continue
            if node.kind == "tree":
                pending.extend(self._children(at))
                continue
            if node.kind != "blob":
                continue  # a submodule: nothing to copy, as a checkout without submodules has nothing
            self.paths.add(at)
            if len(self.paths) > MAX_FILES:
                raise BaseRefused(f"the base holds over {MAX_FILES:,} files to copy")
            if node.mode == LINK:
                pending.extend(self._resolve(at))
            elif (size := self.size(at)) <= file_limit():
                self.bytes += size
                if self.bytes > MAX_BYTES:
                    raise BaseRefused(f"the base's files to copy are over {MAX_BYTES:,} bytes")

    def _children(self, folder: str) -> Iterable[str]:
        if not hasattr(self, "_by_parent"):
            self._by_parent: dict[str, list[str]] = {}
            for p in self.index:
                self._by_parent.setdefault(posixpath.dirname(p), []).append(p)
        return self._by_parent.get(folder, [])

    def target(self, link: str) -> str:
        if link not in self._links:
            size = self.size(link)
            if size > MAXLINK_BYTES:
                raise BaseRefused(f"{_shown(link)}: a symlink of {size:,} bytes, over {MAXLINK_BYTES:,}")
            raw = self.read_link(self.index[link].oid)
            if not raw or b"\0" in raw:
                raise BaseRefused(f"{_shown(link)}: a symlink to no path")
            self._links[link] = os.fsdecode(raw)
        return self._links[link]

    def _resolve(self, link: str) -> list[str]:
        """The symlinks `link` passes through and the path it leads to, as the kernel resolves it in a
        checkout; `BaseRefused` when it leaves the repository, leads to nothing or loops."""
        target = self.target(link)
        if target.startswith("/"):
            raise BaseRefused(f"{_shown(link)}: a symlink to an absolute path, outside the repository: refused")
        passed = []
        done: list[str] = posixpath.dirname(link).split("/") if "/" in link else []
        queue = target.split("/")
        hops = 1
        while queue:
            part = queue.pop(0)
            if part in ("", "."):
                continue
            if part == "..":
                if not done:
                    raise BaseRefused(f"{_shown(link)}: a symlink that leaves the repository: refused")
                done.pop()
                continue
            done.append(part)
            at = "/".join(done)
            node = self.index.get(at)
            if node is None or (node.kind != "tree" and queue and node.mode != LINK):
                raise BaseRefused(f"{_shown(link)}: a symlink to nothing in the base ({_shown(at)}): refused")
            if node.mode == LINK:
                hops += 1
                if hops > MAX_HOPS:
                    raise BaseRefused(f"{_shown(link)}: a symlink loop (over {MAX_HOPS} symlinks): refused")
                passed.append(at)
                done.pop()
                nested = self.target(at)
                if nested.startswith("/"):
                    raise BaseRefused(f"{_shown(at)}: a symlink to an absolute path, outside the repository: refused")
                queue = nested.split("/") + queue
        return [*passed, "/".join(done)] if done else [*passed, ""]


def file_limit() -> int:
    from factcheck.reading.yamlfile import max_bytes

    return max_bytes()


class Folder:
    """A folder this process made, written below only: each folder entered with O_NOFOLLOW from the one
    above, each file created with O_EXCL | O_NOFOLLOW, each symlink made by name in its folder. Whatever
    exists already (a symlink, a file where a folder is asked for) is a `BaseRefused`, never followed."""

    def __init__(self, root: Path) -> None:
        self.fds = {"": os.open(root, os.O_RDONLY | os.O_DIRECTORY)}

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, *exc: object) -> None:
        for fd in self.fds.values():
            os.close(fd)

    def _folder(self, rel: str) -> int:
        if rel in self.fds:
            return self.fds[rel]
        above = self._folder(posixpath.dirname(rel))
        name = posixpath.basename(rel)
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o755, dir_fd=above)
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=above)
        except OSError:
            raise BaseRefused(f"{_shown(rel)} is not a folder in the base, and a file is to be written in it") from None
        self.fds[rel] = fd
        return fd

    def create(self, rel: str) -> int:
        """A new file at `rel`, open for writing (a descriptor the caller closes)."""
        where = self._folder(posixpath.dirname(rel))
        try:
            return os.open(posixpath.basename(rel), os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644,
                           dir_fd=where)  # fmt: skip
        except OSError:
            raise BaseRefused(f"{_shown(rel)} is written twice") from None

    def link(self, rel: str, target: str) -> None:
        where = self._folder(posixpath.dirname(rel))
        try:
            os.symlink(target, posixpath.basename(rel), dir_fd=where)
        except OSError:
            raise BaseRefused(f"{_shown(rel)} is written twice") from None
