"""The `factcheck` program (`factcheck.cli.program`): Ctrl-C at any moment prints the tool's own message.

Each command runs as a real child process in a process group of its own, and gets SIGINT as a terminal's
Ctrl-C sends it (to the whole group: the forked workers too), at several delays after the program has made
Ctrl-C its own (`-X importtime` writes a line as each module is loaded, and `factcheck.floor.process` is the
first module the program loads once it has; before that, the interpreter starting up and the entry
module's two imports, Ctrl-C is the interpreter's, see `factcheck.cli.program`): while modules load, while Click reads the command line, while forked
workers read files and Great Expectations is imported, while the run checks and writes. Whatever the
machine's load makes of the delays, each outcome must be the tool's `interrupted` with exit 130 and no
traceback, or a run that completed; and no report is ever left half-written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import TODAY
from test_hostile_io import _plain_case

DELAYS = (0, 0.005, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3)
COMMANDS = {
    "validate": (["validate", "--report", "out/report.html", "--json", "out/report.json"],
                 ["out/report.html", "out/report.json"]),
    "import": (["import", "src/table.csv", "-m", "src/mapping.yml", "-o", "datasets/imported.yml"],
               ["datasets/imported.yml"]),
}  # fmt: skip


def _interrupted(root: Path, args: list[str], delay: float) -> tuple[int, str]:
    """Run `python -m factcheck ARGS` in `root`, send SIGINT to its group `delay` seconds after the program
    has made Ctrl-C its own; its exit code and its standard error without the import-time lines."""
    env = {**os.environ, "FACTCHECK_TODAY": TODAY}
    env.pop("GITHUB_ACTIONS", None)
    child = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "factcheck", *args], cwd=root, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    started = threading.Event()
    lines: list[str] = []

    def drain() -> None:
        for line in child.stderr:
            if line.startswith("import time:"):
                if line.split("|")[-1].strip() == "factcheck.floor.process":
                    started.set()
            else:
                lines.append(line)
        started.set()  # ended before (it must not)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        assert started.wait(120), "the program never started"
        time.sleep(delay)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGINT)
        child.wait(timeout=120)
        reader.join(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    return child.returncode, "".join(lines)


@pytest.mark.slow  # the program in child processes, interrupted
@pytest.mark.parametrize("command", COMMANDS)
def test_ctrl_c_at_any_moment_prints_the_tools_message(command, tmp_path):
    args, outputs = COMMANDS[command]
    outcomes = []
    for delay in DELAYS:
        root = tmp_path / f"run-{delay}"
        root.mkdir()
        _plain_case(root)
        code, stderr = _interrupted(root, args, delay)
        leftovers = [p.name for p in root.rglob("*.tmp")]
        assert not leftovers, (delay, leftovers)
        assert "Traceback" not in stderr and "Aborted!" not in stderr, (delay, stderr)
        written = [(root / output).exists() for output in outputs]
        if code == 130:
            assert stderr.strip().splitlines()[-1] == "interrupted", (delay, stderr)
            outcomes.append("interrupted")
        else:  # the run was over before the signal: it completed, with every output written
            assert code in (0, 1), (delay, code, stderr)
            assert all(written), (delay, written)
            outcomes.append("completed")
    # Under any load, the first delays land before the run is done: the test is not one of completed runs.
    assert outcomes[0] == "interrupted", outcomes


def _program(script: str, root: Path) -> subprocess.CompletedProcess:
    """Run a script that drives `factcheck.cli.program.main` in a child process of its own."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=root, timeout=120)


def test_ctrl_c_wrapped_by_the_interpreter_while_a_class_is_made_is_still_the_tools_message(tmp_path):
    # Python 3.11 wraps an exception raised in `__set_name__` (a module defining a class as Ctrl-C lands) in a
    # RuntimeError; the program must still say `interrupted`, not print a traceback. Made to happen, not timed.
    script = """
import factcheck.cli.program as program

def command():
    class Field:
        def __set_name__(self, owner, name):
            program._raise(2, None)
    try:
        type("Model", (), {"field": Field()})
    except RuntimeError as wrapped:
        raise wrapped  # as 3.11 does; 3.12 raises the signal's exception itself
    return 0

program._command = command
program.main()
"""
    result = _program(script, tmp_path)
    assert (result.returncode, result.stderr.strip()) == (130, "interrupted"), result.stderr
    broken = script.replace("program._raise(2, None)", "raise ValueError('a bug of ours')")
    result = _program(broken, tmp_path)
    assert result.returncode != 130 and "a bug of ours" in result.stderr


def test_ctrl_c_landing_where_python_cannot_raise_it_is_delivered_again(tmp_path):
    # A signal handler's exception inside a finalizer is "ignored" by Python, with a traceback, and the run
    # goes on as if no Ctrl-C had come; the program delivers it again, to land where it can be raised.
    script = """
import factcheck.cli.program as program

def command():
    class Dropped:
        def __del__(self):
            program._raise(2, None)
    Dropped()
    for _ in range(1_000_000):
        pass
    return 0

program._command = command
program.main()
"""
    result = _program(script, tmp_path)
    assert (result.returncode, result.stderr.strip()) == (130, "interrupted"), result.stderr
