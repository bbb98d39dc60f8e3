"""`factcheck validate --report/--json/--junit/--data-docs/--timestamp`: files written atomically, reproducibly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import claim
from factcheck.cli.commands import cli
from factcheck.floor.errors import ConfigError
from factcheck.reporters.files import write_atomic


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def falling(project) -> None:
    project.dataset(
        [
            claim("a"),
            claim("b", value=45000, as_of="2026-03", source={"outlet": "X", "published": "2026-03", "quote": "45,000"}),
        ]
    )


def test_reports_are_written_into_new_folders_and_are_byte_identical(project):
    falling(project)
    args = ["--report", "out/a/report.html", "--json", "out/b/report.json", "--junit", "out/junit.xml"]
    first = invoke("validate", *args)
    assert first.exit_code == 1
    assert first.output.strip().splitlines()[-1].startswith("BLOCKED")  # the terminal report stays
    files = [Path("out/a/report.html"), Path("out/b/report.json"), Path("out/junit.xml")]
    before = [f.read_bytes() for f in files]
    assert invoke("validate", *args).exit_code == 1
    assert [f.read_bytes() for f in files] == before
    assert b"<code>b</code>" in before[0]
    assert json.loads(before[1])["verdict"] == "blocked"
    assert b'failures="1"' in before[2]
    assert sorted(os.listdir("out")) == ["a", "b", "junit.xml"]  # no temporary file left behind


def test_timestamp_only_when_asked(project):
    project.dataset([claim()])
    assert invoke("validate", "--json", "r.json", "--junit", "j.xml").exit_code == 0
    assert "generated_at" not in json.loads(Path("r.json").read_text())
    assert invoke("validate", "--json", "r.json", "--junit", "j.xml", "--timestamp").exit_code == 0
    assert json.loads(Path("r.json").read_text())["generated_at"].endswith("+00:00")
    assert 'timestamp="' in Path("j.xml").read_text()


def test_an_unwritable_report_path_is_a_clear_error_before_the_run(project):
    project.dataset([claim()])
    Path("plain-file").write_text("x")
    result = invoke("validate", "--report", "plain-file/report.html")
    assert result.exit_code == 2
    assert "cannot write --report plain-file/report.html" in result.output
    assert "Traceback" not in result.output
    Path("folder").mkdir()
    result = invoke("validate", "--json", "folder")
    assert result.exit_code == 2


def test_a_failing_render_leaves_the_previous_report_intact(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("the last good report")

    def broken(stream):
        stream.write("half a rep")
        raise RuntimeError("renderer bug")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken)
    assert target.read_text() == "the last good report"
    assert os.listdir(tmp_path) == ["report.html"]


def test_write_atomic_turns_os_errors_into_config_errors(tmp_path):
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "x").write_text("")
    with pytest.raises(ConfigError, match="cannot write the report"):
        write_atomic(tmp_path / "ro" / "x" / "y.json", lambda stream: stream.write("{}"))


def test_data_docs_site_is_built(project):
    falling(project)
    result = invoke("validate", "--data-docs", "docs-site")
    assert result.exit_code == 1
    index = Path("docs-site/index.html")
    assert index.is_file()
    assert list(Path("docs-site").rglob("*.html"))[1:]  # a page per validation besides the index


def test_data_docs_never_follow_a_symlink_left_in_their_folder_nor_show_a_value(project):
    from conftest import claim

    dataset = project.dataset(
        [claim(source={"outlet": "x", "published": "2026-02", "url": "https://x.org/<img src=x onerror=alert(1)> a"})]
    )
    before = dataset.read_bytes()
    site = Path("docs-site")
    site.mkdir()
    os.symlink(dataset, site / "index.html")  # GX would write its index through it, onto the dataset
    result = invoke("validate", "--data-docs", "docs-site")
    assert result.exit_code == 1, result.output
    assert dataset.read_bytes() == before
    assert not (site / "index.html").is_symlink() and (site / "index.html").is_file()
    pages = "".join(page.read_text() for page in site.rglob("*.html"))
    assert "values must match this regular expression" in pages  # the failing check is shown
    assert "onerror" not in pages  # failing values are never rendered, only the claim ids
    assert [p.name for p in Path().iterdir() if p.name.startswith(".docs-site")] == []  # no temporary folder left


def test_a_figure_near_the_largest_float_is_charted_without_overflow(project):
    from conftest import claim

    project.dataset([claim(value=1.7e308, qualifier="about")])  # its upper bound is infinite
    result = invoke("validate", "--report", "r.html", "--json", "r.json", "--junit", "r.xml")
    assert result.exit_code == 1, result.output
    assert "<svg" in Path("r.html").read_text()


def test_write_atomic_without_replace_never_replaces_a_file_that_appeared(tmp_path):
    target = tmp_path / "dataset.yml"

    def render(stream):
        target.write_text("written meanwhile by someone else")  # after the caller checked that it was absent
        stream.write("ours")

    with pytest.raises(FileExistsError):
        write_atomic(target, render, what="the dataset", replace=False)
    assert target.read_text() == "written meanwhile by someone else"
    assert os.listdir(tmp_path) == ["dataset.yml"]
    write_atomic(tmp_path / "new.yml", lambda stream: stream.write("ours"), replace=False)
    assert (tmp_path / "new.yml").read_text() == "ours"
    assert sorted(os.listdir(tmp_path)) == ["dataset.yml", "new.yml"]
