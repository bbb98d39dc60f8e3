"""How the running factcheck was installed, as the requirements line a new project's CI installs it with.

PEP 610: pip records a direct install (a git URL, a local folder, a wheel file) in the distribution's
`direct_url.json`; an install from a package index has none. A git install is followed to its repository
and commit; a local folder or file is not reachable from CI, so the project gets the release from the
index, with a comment saying how to install from a repository instead (docs/ci.md).
"""

from __future__ import annotations

import json
import re
from importlib.metadata import Distribution, PackageNotFoundError, distribution

from factcheck import __version__

PACKAGE = "factcheck-ci"
_COMMIT = re.compile(r"[0-9a-fA-F]{7,64}")
_INSTEAD = f"#   {PACKAGE} @ git+https://github.com/OWNER/REPOSITORY@COMMIT"


def running() -> Distribution | None:
    """The installed distribution of factcheck, or None (run from sources that are not installed)."""
    try:
        return distribution(PACKAGE)
    except PackageNotFoundError:
        return None


def requirement(dist: Distribution | None = None, version: str = __version__) -> str:
    """The requirements file's text for `dist` (default: the running factcheck's): a comment saying where
    the line comes from and how to change it, then the line."""
    dist = running() if dist is None else dist
    origin = _direct_url(dist)
    release = f"{PACKAGE}=={version}"
    if origin is None:
        return (
            f"# The factcheck this project is checked with, in CI and on each desk: release {version} from the\n"
            "# package index, as it was installed here. Raise the version to upgrade; to install from a git\n"
            "# repository instead (a fork, an unreleased commit), replace the line with\n"
            f"{_INSTEAD}\n{release}\n"
        )
    vcs = origin.get("vcs_info")
    url = origin.get("url")
    if isinstance(vcs, dict) and isinstance(url, str) and _reachable(url):
        commit, tool = vcs.get("commit_id"), vcs.get("vcs")
        if isinstance(commit, str) and _COMMIT.fullmatch(commit) and tool in ("git", "hg", "svn", "bzr"):
            return (
                "# The factcheck this project is checked with, in CI and on each desk: the commit of the\n"
                f"# repository it was installed from here. To upgrade, give a later commit; to install release\n"
                f"# {version} from the package index instead, replace the line with\n"
                f"#   {release}\n{PACKAGE} @ {tool}+{url}@{commit}\n"
            )
    what = "wheel or archive" if "archive_info" in origin else "folder"
    return (
        f"# The factcheck this project is checked with, in CI and on each desk. It was installed here from a\n"
        f"# local {what}, which CI cannot reach, so this installs release {version} from the package index.\n"
        "# If that release is not published there (a fork, an unreleased commit), replace the line with your\n"
        "# repository and the commit to install:\n"
        f"{_INSTEAD}\n{release}\n"
    )


def _direct_url(dist: Distribution | None) -> dict | None:
    """The distribution's PEP 610 record, or None: installed from an index (or unreadable, which is
    treated as such: the release line is the one that works most often)."""
    if dist is None:
        return None
    try:
        text = dist.read_text("direct_url.json")
        data = json.loads(text) if text else None
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("url"), str) else None


def _reachable(url: str) -> bool:
    """A URL CI can clone from: not a local path, and one token (nothing a requirements line would split)."""
    return re.fullmatch(r"(https?|ssh|git)://\S+", url) is not None
