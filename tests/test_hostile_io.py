"""Hostile outputs and tables, through the program: tests/hostile-outputs/ and tests/hostile-import/.

Each case folder holds `expect.yml` and optionally `files/`, laid over a fresh project (the shipped gate,
suites and catalog, a valid dataset datasets/case.yml, and src/mapping.yml with the table src/table.csv
and src/table.json it imports):

    args: [import, src/table.csv, -m, src/mapping.yml, -o, datasets/imported.yml]   # the command line
    exit: 2                          # the exit code (2 a configuration error, 0 for input that must just work)
    message: src/table.csv:3: text   # exit 2: stderr holds it (file:line for a table)
    hint: fragment                   # optional: stderr's hint holds it
    stdout: fragment                 # optional: stdout holds it
    created: [datasets/imported.yml] # optional: the files the run adds to the project (nothing else may change)
    generate: name                   # optional: files the test makes (FIFOs, devices, links, huge files): GENERATORS
    env: {NAME: value}               # optional environment (FACTCHECK_PROFILE is read when the program starts)
    max_line: 400                    # optional: no output line longer than this

The program runs as `factcheck` does (`cli.main`), in a child process with the project as its folder, under
test_hostile's address-space limit, with a peak resident memory under its MEMORY_LIMIT. Its CPU limit is
CPU_FACTOR times the CPU of a clean run of the same command (REFERENCE, measured once a session in this same
harness, so that a loaded machine raises both alike), and it must end within WALL_FACTOR times that of wall
clock (only a hang burns no CPU: a FIFO read would hang, a /dev/zero read never end). Every case also checks:
no traceback or internal error, every file of the project byte-identical and nothing added but `created`
(so no output and no temporary file landed in datasets/, checks/, expectations/ or anywhere else).
"""

from __future__ import annotations

import functools
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import TODAY, Project
from test_hostile import MEASURED_PROGRAM, MEMORY_LIMIT, _dataset_text, _limits, fingerprint, own_peak

pytestmark = pytest.mark.slow  # the program in a child process for every hostile case

TESTS = Path(__file__).parent
CORPORA = {"outputs": TESTS / "hostile-outputs", "import": TESTS / "hostile-import"}
CASES = sorted(
    (corpus, p.name) for corpus, folder in CORPORA.items() for p in folder.iterdir() if (p / "expect.yml").is_file()
)
# The clean run each command's cases are measured against: the plain project, read and written as a user
# would. A hostile case may cost CPU_FACTOR times it (the longest, 300,000 rows, cost about 8 times it).
REFERENCE = {
    "validate": ["validate", "--json", "out/report.json"],
    "import": ["import", "src/table.csv", "-m", "src/mapping.yml", "-o", "datasets/imported.yml"],
    "schema": ["schema", "dataset", "-o", "out/dataset.schema.json"],
    "init": ["init", "desk"],
}
CPU_FACTOR = 20
WALL_FACTOR = 6  # a run on a loaded two-core machine takes about three times its CPU in wall clock
PROGRAM = "import sys; from factcheck.cli.program import main; sys.argv[0] = 'factcheck'; main()"

MAPPING = """\
dataset: imported
title: Imported figures
origin: 2022-02-24
date: date
subject: russia
claimant: zelensky
source:
  outlet: Daily bulletin
  url: https://example.org/{column}
columns:
  personnel:
    metric: military_casualties
ignore:
  note: free text of the bulletin
corrections:
  date: date
  name: the bulletin's corrections
"""
TABLE = "date,personnel,note\n2022-03-01,5000,first\n2022-03-02,5100,second\n"


def _table(root: Path, text: str, name: str = "src/table.csv") -> None:
    (root / name).write_text(text, encoding="utf-8", newline="")


# --- outputs (hostile-outputs) ---------------------------------------------------------------------------------


def _report_symlink_to_catalog(root: Path) -> None:
    os.symlink("datasets/catalog.yml", root / "report.json")


def _out_symlink_to_datasets(root: Path) -> None:
    os.symlink("datasets", root / "out")


def _site_symlink_to_datasets(root: Path) -> None:
    os.symlink("datasets", root / "site")


def _two_names_of_one_report(root: Path) -> None:
    os.symlink("b.json", root / "a.json")


def _hard_link_to_catalog(root: Path) -> None:
    os.link(root / "datasets" / "catalog.yml", root / "report.json")


def _output_symlink_loop(root: Path) -> None:
    os.symlink("loop.json", root / "loop.json")


def _dataset_symlink_to_table(root: Path) -> None:
    os.symlink("../src/table.csv", root / "datasets" / "imported.yml")


def _schema_symlink_to_article(root: Path) -> None:
    (root / "schemas").mkdir()
    os.symlink("../articles/draft.md", root / "schemas" / "dataset.schema.json")


def _dataset_symlink_to_article(root: Path) -> None:
    os.symlink("../articles/draft.md", root / "datasets" / "imported.yml")


# `init desk` beside a project: a symlink in desk/ must not let init write into the project (or anywhere else).


def _init_datasets_symlink_out(root: Path) -> None:
    (root / "desk").mkdir()
    os.symlink("../datasets", root / "desk" / "datasets")


def _init_checks_symlink_to_project(root: Path) -> None:
    (root / "desk").mkdir()
    os.symlink(root / "checks", root / "desk" / "checks")  # absolute, as a script would make it


def _init_readme_symlink_out(root: Path) -> None:
    (root / "desk").mkdir()
    os.symlink("../src/mapping.yml", root / "desk" / "README.md")


def _init_dangling_github(root: Path) -> None:
    (root / "desk").mkdir()
    os.symlink("../planted", root / "desk" / ".github")


def _init_nested_workflows_symlink(root: Path) -> None:
    (root / "desk" / ".github").mkdir(parents=True)
    os.symlink("../../expectations", root / "desk" / ".github" / "workflows")


def _init_file_as_folder(root: Path) -> None:
    (root / "desk").mkdir()
    (root / "desk" / "schemas").write_text("not a folder\n")


# --- tables (hostile-import) -----------------------------------------------------------------------------------


def _line_separator_in_ignored_cell(root: Path) -> None:
    # Split there (str.splitlines), the row would become two and its second half a row of its own.
    _table(root, "date,personnel,note\n2022-03-01,5000,first\u2028line\n2022-03-02,5100,second\n")


def _paragraph_separator_in_number(root: Path) -> None:
    _table(root, "date,personnel,note\n2022-03-01,5000,first\n2022-03-02,51\u202900,second\n")


def _next_line_in_ignored_cell(root: Path) -> None:
    _table(root, "date,personnel,note\n2022-03-01,5000,first\x85line\n2022-03-02,5100,second\n")


def _cell_over_csv_limit(root: Path) -> None:
    _table(root, 'date,personnel,note\n2022-03-01,5000,"' + "x" * 200_000 + '"\n')


def _long_cell_not_a_number(root: Path) -> None:
    _table(root, "date,personnel,note\n2022-03-01," + "9x" * 50_000 + ",first\n")


def _thousands_of_digits_csv(root: Path) -> None:
    _table(root, "date,personnel,note\n2022-03-01," + "1" * 5000 + ",first\n")


def _thousands_of_digits_float_csv(root: Path) -> None:
    _table(root, "date,personnel,note\n2022-03-01," + "9" * 400 + ".5,first\n")


def _thousands_of_digits_json(root: Path) -> None:
    _table(root, '[{"date": "2022-03-01", "personnel": ' + "1" * 5000 + "}]", "src/table.json")


def _deep_json(root: Path) -> None:
    _table(root, '[{"date": "2022-03-01"},\n' + "[" * 100_000 + "]" * 100_000 + "]", "src/table.json")


def _fifo_table(root: Path) -> None:
    (root / "src" / "table.csv").unlink()
    os.mkfifo(root / "src" / "table.csv")


def _dev_zero_table(root: Path) -> None:
    (root / "src" / "table.csv").unlink()
    os.symlink("/dev/zero", root / "src" / "table.csv")


def _fifo_mapping(root: Path) -> None:
    (root / "src" / "mapping.yml").unlink()
    os.mkfifo(root / "src" / "mapping.yml")


def _dev_zero_corrections(root: Path) -> None:
    os.symlink("/dev/zero", root / "src" / "fixes.csv")


def _wide_header(root: Path) -> None:
    columns = [f"c{i}" for i in range(200_000)]
    _table(root, ",".join(["date", *columns, "c7"]) + "\n" + ",".join(["2022-03-01"] + ["1"] * 200_001) + "\n")


def _wide_unknown_header(root: Path) -> None:
    columns = [f"column-{i}-" + "x" * 50 for i in range(200_000)]
    _table(root, ",".join(["date", *columns]) + "\n" + ",".join(["2022-03-01"] + ["1"] * 200_000) + "\n")


def _huge_table(root: Path) -> None:
    with open(root / "src" / "table.csv", "r+b") as handle:  # sparse: instant, and takes no disk space
        handle.truncate(100 * 2**20)


LONG_MAPPING = MAPPING.replace("subject: russia\n", "entity:\n  column: country\n").replace(
    "date: date\n", "date: date\nthousands: ','\n", 1
)


def _long(root: Path, rows: list[str]) -> None:
    (root / "src" / "long.yml").write_text(LONG_MAPPING)
    _table(root, "country,date,personnel,note\n" + "".join(rows))


def _many_unknown_entities(root: Path) -> None:
    _long(root, [f"place-{i:06d}-{'x' * 30},2022-03-01,1,\n" for i in range(300_000)])


def _entity_of_a_paragraph(root: Path) -> None:
    _long(root, ["Ukraine,2022-03-01,1,\n", "Ukrain" + "e" * 120_000 + ",2022-03-02,2,\n"])


def _repeated_rows(root: Path) -> None:
    _long(root, ["Ukraine,2022-03-01,1,\n"] * 300_000)


def _yaml_words_entities(root: Path) -> None:
    names = ["No", "on", "YES", "Off", "2025", "1e3", "null", "~", "0x1F", "2022-02-24", "y"]
    _long(root, [f"{name},2022-03-01,1,\n" for name in names])


def _thousands_groups(root: Path) -> None:
    _long(root, ['Ukraine,2022-03-01,"1' + ",000" * 30_000 + '",\n'])


CLAIMANT_MAPPING = MAPPING.replace("claimant: zelensky\n", "claimant:\n  column: source\n")


def _claimants(root: Path, rows: list[str]) -> None:
    """A table of several sources: each row's claimant from its `source` column."""
    (root / "src" / "claimants.yml").write_text(CLAIMANT_MAPPING)
    _table(root, "source,date,personnel,note\n" + "".join(rows))


def _many_unknown_claimants(root: Path) -> None:
    _claimants(root, [f"body-{i:06d}-{'x' * 30},2022-03-01,1,\n" for i in range(300_000)])


def _claimant_of_a_paragraph(root: Path) -> None:
    _claimants(root, ["zelensky,2022-03-01,1,\n", "zelensk" + "y" * 120_000 + ",2022-03-02,2,\n"])


GENERATORS = {
    # outputs
    "report_symlink_to_catalog": _report_symlink_to_catalog,
    "out_symlink_to_datasets": _out_symlink_to_datasets,
    "site_symlink_to_datasets": _site_symlink_to_datasets,
    "two_names_of_one_report": _two_names_of_one_report,
    "hard_link_to_catalog": _hard_link_to_catalog,
    "output_symlink_loop": _output_symlink_loop,
    "dataset_symlink_to_table": _dataset_symlink_to_table,
    "schema_symlink_to_article": _schema_symlink_to_article,
    "dataset_symlink_to_article": _dataset_symlink_to_article,
    "init_datasets_symlink_out": _init_datasets_symlink_out,
    "init_checks_symlink_to_project": _init_checks_symlink_to_project,
    "init_readme_symlink_out": _init_readme_symlink_out,
    "init_dangling_github": _init_dangling_github,
    "init_nested_workflows_symlink": _init_nested_workflows_symlink,
    "init_file_as_folder": _init_file_as_folder,
    # tables
    "line_separator_in_ignored_cell": _line_separator_in_ignored_cell,
    "paragraph_separator_in_number": _paragraph_separator_in_number,
    "next_line_in_ignored_cell": _next_line_in_ignored_cell,
    "cell_over_csv_limit": _cell_over_csv_limit,
    "long_cell_not_a_number": _long_cell_not_a_number,
    "thousands_of_digits_csv": _thousands_of_digits_csv,
    "thousands_of_digits_float_csv": _thousands_of_digits_float_csv,
    "thousands_of_digits_json": _thousands_of_digits_json,
    "deep_json": _deep_json,
    "fifo_table": _fifo_table,
    "dev_zero_table": _dev_zero_table,
    "fifo_mapping": _fifo_mapping,
    "dev_zero_corrections": _dev_zero_corrections,
    "huge_table": _huge_table,
    "wide_header": _wide_header,
    "wide_unknown_header": _wide_unknown_header,
    "many_unknown_entities": _many_unknown_entities,
    "entity_of_a_paragraph": _entity_of_a_paragraph,
    "repeated_rows": _repeated_rows,
    "thousands_groups": _thousands_groups,
    "yaml_words_entities": _yaml_words_entities,
    "many_unknown_claimants": _many_unknown_claimants,
    "claimant_of_a_paragraph": _claimant_of_a_paragraph,
}


def expectation(corpus: str, name: str) -> dict:
    return yaml.safe_load((CORPORA[corpus] / name / "expect.yml").read_text())


def _plain_case(root: Path) -> None:
    Project(root)
    (root / "datasets" / "case.yml").write_text(_dataset_text())
    (root / "src").mkdir()
    (root / "src" / "mapping.yml").write_text(MAPPING)
    _table(root, TABLE)


def make_case(corpus: str, name: str, root: Path) -> None:
    _plain_case(root)
    _table(root, json.dumps([{"date": "2022-03-01", "personnel": 5000, "note": "first"}]), "src/table.json")
    files = CORPORA[corpus] / name / "files"
    if files.is_dir():
        for source in files.rglob("*"):
            if source.is_file():
                target = root / source.relative_to(files)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
    generate = expectation(corpus, name).get("generate")
    if generate:
        GENERATORS[generate](root)


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    memory: int  # the child's peak resident memory, bytes
    cpu: float = 0.0  # the child's user and system CPU, seconds


@functools.cache
def cpu_limit(command: str) -> int:
    """CPU seconds a case of `command` may use: CPU_FACTOR times a clean run of it, measured here."""
    with tempfile.TemporaryDirectory() as folder:
        _plain_case(Path(folder))
        clean = _run(Path(folder), REFERENCE[command], {}, cpu_seconds=600, wall_seconds=600)
    assert clean.returncode == 0, clean.stderr
    return math.ceil(CPU_FACTOR * clean.cpu) + 1


def factcheck(root: Path, args: list[str], env: dict[str, str] | None = None) -> Outcome:
    """The program in a child under test_hostile's address-space limit and `cpu_limit` of its command; a hang
    (which burns no CPU) is ended by the wall clock. Either way the case fails: no verdict."""
    cpu = cpu_limit(args[0])
    outcome = _run(root, args, env or {}, cpu_seconds=cpu, wall_seconds=WALL_FACTOR * cpu)
    if outcome.returncode < 0:
        pytest.fail(f"killed by signal {-outcome.returncode}, no verdict within {cpu} s of CPU: {' '.join(args)}")
    return outcome


def _run(root: Path, args: list[str], env: dict[str, str], cpu_seconds: int, wall_seconds: int) -> Outcome:
    with (tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr,
          tempfile.NamedTemporaryFile("w+") as peak):  # fmt: skip
        child_env = {**os.environ, "FACTCHECK_TODAY": TODAY, **env, "HOSTILE_PEAK_FILE": peak.name}
        child_env.pop("GITHUB_ACTIONS", None)
        child = subprocess.Popen(
            [sys.executable, "-c", MEASURED_PROGRAM, *args], cwd=root, env=child_env, stdout=stdout, stderr=stderr,
            text=True, preexec_fn=lambda: _limits(cpu_seconds),
        )  # fmt: skip
        timer = threading.Timer(wall_seconds, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)  # this one child's own CPU time
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Outcome(child.returncode, stdout.read(), stderr.read(), own_peak(peak, usage), cpu)


def test_the_corpora_are_described():
    assert len([c for c in CASES if c[0] == "outputs"]) >= 15
    assert len([c for c in CASES if c[0] == "import"]) >= 15
    for corpus, name in CASES:
        expect = expectation(corpus, name)
        assert (CORPORA[corpus] / name / "expect.yml").read_text().startswith("# "), f"{name}: say what it is"
        assert expect["exit"] in (0, 2), name
        assert expect["args"][0] in ("validate", "import", "schema", "init"), name
        assert expect.get("generate") is None or expect["generate"] in GENERATORS, name
        if expect["exit"] == 2:
            assert expect.get("message"), name


@pytest.mark.parametrize(("corpus", "name"), CASES, ids=[f"{c}/{n}" for c, n in CASES])
def test_hostile_case(corpus, name, tmp_path):
    expect = expectation(corpus, name)
    make_case(corpus, name, tmp_path)
    before = fingerprint(tmp_path)
    env = {k: str(v) for k, v in (expect.get("env") or {}).items()}
    result = factcheck(tmp_path, expect["args"], env)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-2000:]
    assert "internal error" not in output, output[-2000:]
    assert result.returncode == expect["exit"], f"exit {result.returncode}\n{output[-3000:]}"
    assert result.memory < MEMORY_LIMIT, f"peak resident memory {result.memory:,} bytes"
    after = fingerprint(tmp_path)
    created = set(expect.get("created") or [])
    assert set(after) - set(before) == created, "the run added files it should not have"
    assert {k: v for k, v in after.items() if k not in created} == before, "the run changed its input files"
    if expect["exit"] == 2:
        assert result.stderr.startswith("error: "), result.stderr
        assert expect["message"] in result.stderr, result.stderr
    if expect.get("hint"):
        assert expect["hint"] in result.stderr.partition("hint:")[2], result.stderr
    if expect.get("stdout"):
        assert expect["stdout"] in result.stdout, result.stdout
    if expect.get("max_line"):
        assert max(len(line) for line in output.splitlines()) <= int(expect["max_line"])


# --- a stopped run leaves no temporary file ---------------------------------------------------------------------

# The child's fsync (called once the output is rendered into its temporary file, before it is moved into place)
# waits, so the test can stop the program while that file exists.
SLOW_WRITE = "import os, time; os.fsync = lambda fd: time.sleep(120); " + PROGRAM


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["validate", "--json", "out/report.json"], "out/report.json"),
        (["import", "src/table.csv", "-m", "src/mapping.yml", "-o", "datasets/imported.yml", "--force"],
         "datasets/imported.yml"),
    ],
    ids=["report", "import"],
)  # fmt: skip
def test_a_run_stopped_while_writing_leaves_no_temporary_file(args, output, signum, tmp_path):
    _plain_case(tmp_path)
    target = tmp_path / output
    target.parent.mkdir(exist_ok=True)
    target.write_text("the previous output\n")
    before = fingerprint(tmp_path)
    env = {**os.environ, "FACTCHECK_TODAY": TODAY}
    env.pop("GITHUB_ACTIONS", None)
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, *args], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60  # Great Expectations' import comes first: seconds on a busy machine
        while not list(target.parent.glob(f".{target.name}.*.tmp")):
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the temporary file never appeared"
            time.sleep(0.05)
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 128 + signum, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert ("stopped" if signum == signal.SIGTERM else "interrupted") in stderr
    assert fingerprint(tmp_path) == before  # the previous output intact, and no temporary file anywhere


# --- what stays allowed ------------------------------------------------------------------------------------------


def test_import_may_replace_a_dataset_with_force_and_write_its_profile(tmp_path):
    _plain_case(tmp_path)
    args = ["import", "src/table.csv", "-m", "src/mapping.yml", "-o", "datasets/case.yml", "--force"]
    result = factcheck(tmp_path, args, {"FACTCHECK_PROFILE": "out/profile.json"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "datasets" / "case.yml").read_text().startswith("dataset: imported\n")
    assert "stages" in json.loads((tmp_path / "out" / "profile.json").read_text())
    assert sorted(p.name for p in (tmp_path / "datasets").iterdir()) == ["case.yml", "catalog.yml"]


def test_a_refused_profile_is_never_written(tmp_path):
    _plain_case(tmp_path)
    args = ["import", "src/table.csv", "-m", "src/mapping.yml", "-o", "src/table.csv"]
    result = factcheck(tmp_path, args, {"FACTCHECK_PROFILE": "out/profile.json"})
    assert result.returncode == 2, result.stderr
    assert not (tmp_path / "out").exists()
