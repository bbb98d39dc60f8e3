"""The install line `factcheck init` writes follows how factcheck was installed (PEP 610 direct_url.json),
read from a distribution made for each case: an index, a git URL, a local checkout, a local wheel."""

from __future__ import annotations

import json
from importlib.metadata import PathDistribution
from pathlib import Path

import pytest

from factcheck.cli import installed

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def dist(tmp_path: Path, direct_url: dict | str | None) -> PathDistribution:
    """A dist-info folder as pip writes it: METADATA, and direct_url.json for a direct install."""
    info = tmp_path / "site" / "factcheck_ci-1.4.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: factcheck-ci\nVersion: 1.4.0\n")
    if direct_url is not None:
        text = direct_url if isinstance(direct_url, str) else json.dumps(direct_url)
        (info / "direct_url.json").write_text(text)
    return PathDistribution(info)


def lines(text: str) -> tuple[list[str], str]:
    *comment, line = text.rstrip("\n").split("\n")
    assert all(c.startswith("#") for c in comment) and comment, text
    return comment, line


def test_an_install_from_an_index_pins_the_release(tmp_path):
    comment, line = lines(installed.requirement(dist(tmp_path, None), version="1.4.0"))
    assert line == "factcheck-ci==1.4.0"
    assert "package index" in comment[0] + comment[1]
    assert "#   factcheck-ci @ git+https://github.com/OWNER/REPOSITORY@COMMIT" in comment  # how to change it


def test_an_install_from_git_pins_the_repository_and_commit(tmp_path):
    url = {"url": "https://github.com/newsroom/factcheck.git",
           "vcs_info": {"vcs": "git", "requested_revision": "main", "commit_id": COMMIT}}  # fmt: skip
    comment, line = lines(installed.requirement(dist(tmp_path, url), version="1.4.0"))
    assert line == f"factcheck-ci @ git+https://github.com/newsroom/factcheck.git@{COMMIT}"
    assert "#   factcheck-ci==1.4.0" in comment  # the release, as the way back


@pytest.mark.parametrize(
    "direct_url",
    [
        {"url": "file:///home/desk/factcheck", "dir_info": {"editable": True}},  # pip install -e .
        {"url": "file:///home/desk/factcheck", "dir_info": {}},  # pip install .
        {
            "url": "file:///tmp/dist/factcheck_ci-1.4.0-py3-none-any.whl",
            "archive_info": {"hash": "sha256=" + "0" * 64, "hashes": {"sha256": "0" * 64}},
        },  # a wheel file
        {"url": "file:///home/desk/factcheck", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},  # git+file://
    ],
    ids=["editable-checkout", "checkout", "wheel", "git-file-url"],
)
def test_a_local_install_writes_the_release_and_says_how_to_change_it(tmp_path, direct_url):
    comment, line = lines(installed.requirement(dist(tmp_path, direct_url), version="1.4.0"))
    assert line == "factcheck-ci==1.4.0"
    said = " ".join(comment)
    assert "CI cannot reach" in said
    assert ("wheel or archive" in said) == ("archive_info" in direct_url)
    assert "/home/desk" not in said and "/tmp/dist" not in said  # no path of this machine in the project
    assert "#   factcheck-ci @ git+https://github.com/OWNER/REPOSITORY@COMMIT" in comment


@pytest.mark.parametrize(
    "direct_url",
    ["{not json", "[]", json.dumps({"vcs_info": {"vcs": "git", "commit_id": COMMIT}}),
     json.dumps({"url": "https://example.org/x.git\nevil==1", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}),
     json.dumps({"url": "https://example.org/x.git", "vcs_info": {"vcs": "git", "commit_id": "main; rm"}})],
    ids=["not-json", "not-an-object", "no-url", "url-with-a-newline", "commit-not-a-hash"],
)  # fmt: skip
def test_an_unreadable_record_falls_back_to_the_release(tmp_path, direct_url):
    _, line = lines(installed.requirement(dist(tmp_path, direct_url), version="1.4.0"))
    assert line == "factcheck-ci==1.4.0"


def test_without_an_installed_distribution_the_release_is_pinned(monkeypatch):
    monkeypatch.setattr(installed, "running", lambda: None)
    assert installed.requirement().endswith(f"\nfactcheck-ci=={installed.__version__}\n")
