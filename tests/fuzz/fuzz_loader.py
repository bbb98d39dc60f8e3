"""Coverage-guided fuzzing of stage 0 (YAML reading and the dataset schema) with atheris.

Not a pytest test (pytest collects only test_*.py): run it by hand, see docs/security.md.

    /work/venv/bin/pip install atheris
    mkdir -p /tmp/fuzz-corpus
    /work/venv/bin/python tests/fuzz/fuzz_loader.py /tmp/fuzz-corpus tests/hostile datasets -max_total_time=300

Every input must end in findings: any exception escaping `load_dataset` is a crash, and atheris writes the
input that caused it to ./crash-<hash>. Add such an input to tests/hostile/ with the finding it should give.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from factcheck.model import vocabulary
    from factcheck.pipeline import load
    from factcheck.reading import yamlfile

REPO = Path(__file__).resolve().parents[2]
CATALOG, _ = load.load_catalog(REPO)
VOCABULARY = vocabulary.Vocabulary(CATALOG)
# Fuzzing inputs are written to one file in memory-backed storage when there is one: read() takes a path.
FOLDER = Path(tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
PATH = FOLDER / "input.yml"


def test_one_input(data: bytes) -> None:
    PATH.write_bytes(data)
    _, findings = load.load_dataset(PATH, "datasets/input.yml", VOCABULARY)
    for finding in findings:
        if finding.line < 1 or "\n" in finding.message:
            raise AssertionError(f"finding not located on one line: {finding}")
    # parse() alone too, on text read.py would have refused (NUL bytes, bad UTF-8): only YamlError may escape
    with contextlib.suppress(yamlfile.YamlError):
        yamlfile.parse(data.decode("utf-8", errors="replace"))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
