"""Stage 0: read the catalog and the datasets into located claims, and every schema problem into findings.

A claim with a schema problem is reported and left out of the checks; every other claim goes on. All
problems of all files are reported in one run, each with `file:line` and, where one exists, a hint.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import gc
import math
import multiprocessing
import os
import pickle
import re
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NoReturn

from pydantic import BaseModel, ValidationError

from factcheck import profiling, yamlfile
from factcheck.dates import DateError, Span, parse_span
from factcheck.findings import Finding
from factcheck.models import (
    Catalog,
    Claim,
    ClaimIn,
    DatasetHeader,
    PointExtra,
    SeriesIn,
)
from factcheck.text import clip
from factcheck.wording import without_union_tags, worded
from factcheck.yamlfile import Mapping, Problem, Sequence

CATALOG = "datasets/catalog.yml"

# Stage-0 check ids, with the title and explanation reporters show.
SCHEMA_CHECKS: dict[str, dict[str, str]] = {
    "yaml-syntax": {
        "title": "YAML syntax",
        "explain": "The file must be one well-formed YAML document of plain data (no tags, tabs or NUL bytes).",
    },
    "file-too-large": {
        "title": "File size limit",
        "explain": "Files above the size limit (FACTCHECK_MAX_FILE_BYTES), or holding more values or claims than "
        "one file may, are refused before they are checked.",
    },
    "duplicate-key": {
        "title": "Duplicate key",
        "explain": "YAML silently keeps one of two equal keys, written twice or merged (`<<`) from two blocks, "
        "so one hides the other.",
    },
    "schema": {
        "title": "Dataset format",
        "explain": "Fields, types and dates must follow the dataset format (docs/format.md); figures and dates are "
        "written in plain decimal digits.",
    },
    "unknown-reference": {
        "title": "Catalog reference",
        "explain": "Metric, subject and claimant must be keys of datasets/catalog.yml, so a typo cannot start "
        "a new series.",
    },
    "duplicate-id": {
        "title": "Unique claim id",
        "explain": "Every claim id is unique across all datasets: waivers and reports name claims by id.",
    },
    "stray-file": {
        "title": "Only datasets in datasets/",
        "explain": "Everything under datasets/ is a YAML dataset or the catalog, so nothing is silently ignored.",
    },
    "unknown-check": {
        "title": "Waiver names a check",
        "explain": "A waiver must name a check that the gate runs; a misspelt waiver would waive nothing.",
    },
}


@dataclass
class Loaded:
    """The result of stage 0 over a set of files."""

    catalog: Catalog | None
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _finding(file: str, problem: Problem, claim: str | None = None) -> Finding:
    meta = SCHEMA_CHECKS[problem.check]
    return Finding(
        check=problem.check,
        severity="critical",
        file=file,
        line=problem.line,
        message=_clip(problem.message),
        claim=claim,
        title=meta["title"],
        explain=meta["explain"],
        hint=_clip(problem.hint),
    )


MAX_MESSAGE = 300


def _clip(text: str) -> str:
    """One line of at most `MAX_MESSAGE` characters: a message quotes what is wrong, never a whole value."""
    return clip(" ".join(text.split()), MAX_MESSAGE)


# --- pydantic errors, written for people ---------------------------------------------------------------

_TYPE_WORDS = {
    "string_type": "text",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
}


def _path(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _line(node: object, loc: tuple, default: int) -> int:
    """The line of the deepest part of `loc` that exists in the YAML (a missing field: its mapping's line)."""
    line = getattr(node, "line", 0) or default
    for part in loc:
        found = (isinstance(node, Mapping) and part in node) or (
            isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node)
        )
        if not found:
            break
        line = node.line_of(part)
        node = node[part]
    return line


def _describe_input(value: object) -> str:
    if isinstance(value, Mapping | dict):
        return "a mapping"
    if isinstance(value, Sequence | list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number_hint(text: str) -> str:
    """The hint for a number written as text: its plain decimal form when Python can read one (`1e5`, `0o17`)."""
    value = None
    with contextlib.suppress(ValueError):
        value = int(text, 0) if text.isascii() and len(text) <= 30 else None
    with contextlib.suppress(ValueError, OverflowError):
        value = float(text) if value is None and text.isascii() and len(text) <= 30 else value
    if value is None or not math.isfinite(value):
        return "write the number without quotes or separators: 55000, not '55,000'"
    shown = int(value) if value == int(value) and abs(value) < 2**53 else value
    return f"write the number in plain decimal digits, without quotes: {shown}"


def explain(error: ValidationError, node: object, default_line: int, model: type[BaseModel]) -> list[Problem]:
    """Turn a pydantic error into problems located on the YAML lines that caused them."""
    problems = []
    for item in without_union_tags(error.errors(include_url=False), node):
        loc = item["loc"]
        kind = item["type"]
        where = _path(loc)
        hint = ""
        if kind == "missing":
            message = f"`{where}` is required"
        elif kind == "extra_forbidden":
            message = f"unknown field `{where}`"
            allowed = _allowed_fields(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"allowed here: {', '.join(allowed)}"
        elif kind in _TYPE_WORDS:
            message = f"`{where}` should be {_TYPE_WORDS[kind]}, not {_describe_input(item['input'])}"
            if kind in ("float_type", "int_type") and isinstance(item["input"], str):
                hint = _number_hint(item["input"])
        elif kind == "finite_number":
            message = f"`{where}` should be a finite number, not {item['input']!r}"
        elif kind == "value_error":
            message = (f"`{where}`: " if loc else "") + item["msg"].removeprefix("Value error, ")
        elif kind in ("string_too_long", "too_long") and isinstance(item["input"], str):
            message = f"`{where}` is longer than {item['ctx']['max_length']:,} characters"
            hint = "quote the sentence or paragraph that states the figure" if loc[-1:] == ("quote",) else ""
        elif kind == "string_pattern_mismatch":
            message = f"`{where}` {item['input']!r} is not a valid key"
            hint = "use lowercase letters, digits, '-' and '_' (ids may also use '.', '@' and ':')"
        else:
            message, hint = worded(kind, where, item, _describe_input(item.get("input")))
        problems.append(Problem("schema", _line(node, loc, default_line), message, hint))
    return problems


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in getattr(annotation, "__args__", ()) for model in _models_in(arg)]


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the (nested) model at `loc`, for "did you mean" on an unknown field."""
    for part in loc:
        if isinstance(part, int) or part not in model.model_fields:  # a list index, or a key of a dict field
            continue
        field = model.model_fields[part]
        models = _models_in(field.annotation)
        if not models:
            return []
        model = models[0]
    return list(model.model_fields)


# --- catalog -------------------------------------------------------------------------------------------


# Claims and series points one dataset file may hold: the checks cost time and memory for each, so this bounds
# a file's share of a run whatever its bytes (the shipped daily table of the General Staff holds under half).
MAX_CLAIMS = 50_000


def _once_per_line(problems: list[Problem], read: list[tuple[Problem, str | None]]) -> list[tuple[Problem, str | None]]:
    """The problems of reading a file (`problems`), then those of its schema (`read`, with their claim ids).

    A value that the YAML reader kept as text (`value: 017`) has already been explained on its line; the
    schema's complaint that the text is not a number would only repeat it, with a hint that does not fit.
    """
    refused = {p.line for p in problems if p.check == "schema"}
    kept = [item for item in read if not (item[0].check == "schema" and item[0].line in refused)]
    return [*((p, None) for p in problems), *kept]


def load_catalog(root: Path) -> tuple[Catalog | None, list[Finding]]:
    path = root / CATALOG
    if not path.is_file():
        problem = Problem("schema", 1, "there is no datasets/catalog.yml", "create it: see docs/format.md")
        return None, [_finding(CATALOG, problem)]
    try:
        data, problems = yamlfile.read(path)
    except yamlfile.YamlError as error:
        return None, [_finding(CATALOG, error.problem)]
    findings = [_finding(CATALOG, p) for p in problems]
    if not isinstance(data, Mapping):
        problem = Problem("schema", 1, "the catalog must be a mapping with metrics, subjects and claimants")
        return None, [*findings, _finding(CATALOG, problem)]
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as error:
        read = [(p, None) for p in explain(error, data, data.line, Catalog)]
        return None, [_finding(CATALOG, p) for p, _ in _once_per_line(problems, read)]
    return catalog, findings


# Unknown values whose "did you mean" is remembered, so that the memory it takes stays bounded.
MAX_GUESSES = 10_000
# Catalog entries that the "did you mean" searches of one file may compare with, each search comparing the
# value with every key and spelling of its kind: past it, a file's further unknown values get no guess. It
# is counted per file, memo or not, so that which values get a guess never depends on the files read before.
MAX_GUESS_WORK = 200_000


class _Vocabulary:
    """Catalog keys with "did you mean" hints from names and aliases (never a silent merge)."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.aliases: dict[str, dict[str, str]] = {"metric": {}, "subject": {}, "claimant": {}}
        for key, claimant in catalog.claimants.items():
            for spelling in (claimant.name, *claimant.aliases):
                self.aliases["claimant"][_fold(spelling)] = key
                for word in spelling.split():
                    self.aliases["claimant"].setdefault(_fold(word), key)
        for key, subject in catalog.subjects.items():
            self.aliases["subject"][_fold(subject.name)] = key
        # The "did you mean" of each unknown value, found once: a misspelling is usually repeated in every
        # claim that uses it, and each search compares the value with every key and spelling of the catalog.
        self.guesses: dict[tuple[str, str], str | None] = {}
        self.searched: set[tuple[str, str]] = set()  # the unknown values of the file being read
        self.work = 0

    def start_file(self) -> None:
        """Begin the "did you mean" budget of another file."""
        self.searched = set()
        self.work = 0

    def keys(self, kind: str) -> dict:
        return {
            "metric": self.catalog.metrics,
            "subject": self.catalog.subjects,
            "claimant": self.catalog.claimants,
        }[kind]

    def check(self, kind: str, value: str) -> Problem | None:
        keys = self.keys(kind)
        if value in keys:
            return None
        alias = self.aliases[kind].get(_fold(value))
        if alias is not None:
            hint = f"{value!r} is another spelling of `{alias}`: write `{kind}: {alias}`"
            return Problem("unknown-reference", 0, f"unknown {kind} {value!r}", hint)
        if (kind, value) not in self.searched:
            self.searched.add((kind, value))
            self.work += len(keys) + len(self.aliases[kind])
        if self.work > MAX_GUESS_WORK:
            hint = f"check its spelling against the {kind}s in {CATALOG}, or add `{value}` there"
            return Problem("unknown-reference", 0, f"unknown {kind} {value!r}", hint)
        if (kind, value) in self.guesses:
            guess = self.guesses[kind, value]
        else:
            close = difflib.get_close_matches(value, list(keys), n=1, cutoff=0.6)
            folded = difflib.get_close_matches(_fold(value), list(self.aliases[kind]), n=1, cutoff=0.75)
            guess = close[0] if close else (self.aliases[kind][folded[0]] if folded else None)
            if len(self.guesses) < MAX_GUESSES:
                self.guesses[kind, value] = guess
        hint = f"did you mean `{guess}`?" if guess else f"add `{value}` to the {kind}s in {CATALOG}"
        return Problem("unknown-reference", 0, f"unknown {kind} {value!r}", hint)


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


# --- datasets ------------------------------------------------------------------------------------------


def load_dataset(path: Path, rel: str, vocabulary: _Vocabulary | None) -> tuple[list[Claim], list[Finding]]:
    """Read one dataset file. Without a catalog, claims are schema-checked but none are returned."""
    if vocabulary is not None:
        vocabulary.start_file()
    try:
        with profiling.stage("parse"):
            data, problems = yamlfile.read(path)
    except yamlfile.YamlError as error:
        return [], [_finding(rel, error.problem)]
    if not isinstance(data, Mapping):
        what = "empty" if data is None else f"{_describe_input(data)}"
        problem = Problem(
            "schema",
            getattr(data, "line", 1) or 1,
            f"a dataset must be a mapping with `dataset`, `title` and `claims` or `series`; this file is {what}",
            "see docs/format.md for the shape of a dataset file",
        )
        return [], [_finding(rel, p) for p in (*problems, problem)]
    header_fields = {k: v for k, v in data.items() if k not in ("claims", "series")}
    try:
        header = DatasetHeader.model_validate(header_fields)
        for key in ("claims", "series"):
            if key in data and not isinstance(data[key], Sequence):
                raise _Bad(Problem("schema", data.line_of(key), f"`{key}` should be a list"))
        _check_count(data)
    except ValidationError as error:
        read = [(p, None) for p in explain(error, data, data.line, DatasetHeader)]
        return [], [_finding(rel, p) for p, _ in _once_per_line(problems, read)]
    except _Bad as bad:
        return [], [_finding(rel, p) for p in (*problems, bad.problem)]
    if "claims" not in data and "series" not in data:
        problem = Problem("schema", data.line, "the dataset has neither `claims` nor `series`")
        return [], [_finding(rel, p) for p in (*problems, problem)]

    claims: list[Claim] = []
    read: list[tuple[Problem, str | None]] = []
    context = (rel, header)
    items = [(key, index) for key in ("claims", "series") for index in range(len(data.get(key) or ()))]
    for key, index in items:
        line = data[key].line_of(index)
        if key == "claims":
            claim, item_problems = _read_claim(data[key][index], line, context, vocabulary)
            claims += [claim] if claim is not None else []
        else:
            points, item_problems = _read_series(data[key][index], line, context, vocabulary)
            claims += points
        read += item_problems
        if len(problems) + len(read) > yamlfile.MAX_PROBLEMS:
            problem = Problem(
                "schema",
                line,
                f"more than {yamlfile.MAX_PROBLEMS:,} problems: the file is not read past this line, and none of its claims "
                "is checked",
                "fix the problems above first",
            )
            read.append((problem, None))
            claims = []
            break
    findings = [_finding(rel, p, claim_id) for p, claim_id in _once_per_line(problems, read)]
    if problems:
        claims = _without_problem_lines(claims, [p.line for p in problems], data)
    return (claims if vocabulary else []), findings


def _check_count(data: Mapping) -> None:
    """Refuse a file of more than `MAX_CLAIMS` claims and points before any of them is read."""
    count = 0
    for key in ("claims", "series"):
        for index, item in enumerate(data.get(key) or ()):
            points = item.get("points") if key == "series" and isinstance(item, Mapping) else None
            count += len(points) if isinstance(points, list) else 1
            if count > MAX_CLAIMS:
                raise _Bad(
                    Problem(
                        "file-too-large",
                        data[key].line_of(index),
                        f"the file holds more than {MAX_CLAIMS:,} claims and series points",
                        "split it into several files; a series can go on in another file",
                    )
                )


def _without_problem_lines(claims: list[Claim], lines: list[int], data: Mapping) -> list[Claim]:
    """A problem the YAML reader found (a duplicate key, a number not written plainly) is a schema error of the
    claim or series it stands in, which is then not checked; on the line of a series point, of that point only.
    """
    boundaries = sorted(
        {*data.key_lines.values(), *(line for key in ("claims", "series") for line in _item_lines(data.get(key)))}
    )
    points = {
        line
        for series in data.get("series") or ()
        if isinstance(series, Mapping)
        for line in _item_lines(series.get("points"))
    }
    on_points = {line for line in lines if line in points}
    broken = {
        boundaries[bisect.bisect_right(boundaries, line) - 1]
        for line in lines
        if line not in on_points and line >= boundaries[0]
    }
    return [
        c
        for c in claims
        if c.line not in on_points and boundaries[bisect.bisect_right(boundaries, c.line) - 1] not in broken
    ]


def _item_lines(node: object) -> list[int]:
    return node.item_lines if isinstance(node, Sequence) else []


class _Bad(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _claim_id(node: object) -> str | None:
    value = node.get("id") if isinstance(node, Mapping) else None
    return value if isinstance(value, str) else None


def _references(node: Mapping, vocabulary: _Vocabulary | None) -> list[Problem]:
    """Unknown catalog keys, checked on the raw node so they are reported beside any schema problem."""
    problems = []
    if vocabulary is None:
        return problems
    for kind in ("metric", "subject", "claimant"):
        value = node.get(kind)
        problem = vocabulary.check(kind, value) if isinstance(value, str) else None
        if problem:
            problems.append(Problem(problem.check, node.line_of(kind), problem.message, problem.hint))
    return problems


def _read_claim(node, line, context, vocabulary) -> tuple[Claim | None, list[tuple[Problem, str | None]]]:
    rel, header = context
    claim_id = _claim_id(node)
    if not isinstance(node, Mapping):
        return None, [(Problem("schema", line, f"a claim should be a mapping, not {_describe_input(node)}"), None)]
    problems = _references(node, vocabulary)
    try:
        model = ClaimIn.model_validate(node)
    except ValidationError as error:
        problems = explain(error, node, line, ClaimIn) + problems
    if problems:
        return None, [(p, claim_id) for p in sorted(problems, key=lambda p: p.line)]
    claim = Claim(
        id=model.id,
        file=rel,
        line=line,
        dataset=header.dataset,
        origin=header.origin,
        metric=model.metric,
        subject=model.subject,
        claimant=model.claimant,
        value=float(model.value),
        qualifier=model.qualifier,
        low=model.low,
        high=model.high,
        date=model.as_of or model.period,
        kind="as_of" if model.as_of else "period",
        source=model.source,
        notes=model.notes,
        waivers=tuple(model.waivers),
        fall=model.fall,
    )
    return claim, []


def _read_series(node, line, context, vocabulary) -> tuple[list[Claim], list[tuple[Problem, str | None]]]:
    rel, header = context
    series_id = _claim_id(node)
    if not isinstance(node, Mapping):
        return [], [(Problem("schema", line, f"a series should be a mapping, not {_describe_input(node)}"), None)]
    problems = _references(node, vocabulary)
    try:
        model = SeriesIn.model_validate(node)
    except ValidationError as error:
        problems = explain(error, node, line, SeriesIn) + problems
    if problems:
        return [], [(p, series_id) for p in sorted(problems, key=lambda p: p.line)]
    claims: list[Claim] = []
    bad: list[tuple[Problem, str | None]] = []
    points = node["points"]
    for index, point in enumerate(points):
        point_line = points.line_of(index)
        claim, point_problems = _read_point(point, point_line, model, rel, header)
        if claim is not None:
            claims.append(claim)
        bad += point_problems
    return claims, bad


_POINT_SHAPE = "a point is [date, value] or [date, value, {notes: ..., waivers: [...]}]"
_NO_EXTRA = PointExtra()
_spans: dict[object, Span] = {}


def _point_span(value: object) -> Span:
    """`parse_span`, remembered: a daily table repeats the same dates in every series of a file."""
    key = (type(value), value) if isinstance(value, str | int) and not isinstance(value, bool) else None
    span = _spans.get(key) if key else None
    if span is None:
        span = parse_span(value)
        if key and len(_spans) < 100_000:
            _spans[key] = span
    return span


def _read_point(
    point, line: int, series: SeriesIn, rel: str, header: DatasetHeader
) -> tuple[Claim | None, list[tuple[Problem, str | None]]]:
    """One point of a series as a claim, or every problem it has (tagged with its derived id when known)."""
    if not isinstance(point, list) or len(point) not in (2, 3):
        hint = "write each point as a flow list on its own line: - [2025-10-14, 1325460]"
        return None, [(Problem("schema", line, f"{_POINT_SHAPE}, not {_describe_input(point)}", hint), series.id)]
    try:
        date = _point_span(point[0])
    except DateError as error:
        return None, [(Problem("schema", line, f"point date: {error}"), series.id)]
    point_id = f"{series.id}@{date.text}"
    problems: list[Problem] = []
    value = point[1]
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or value != value
        or value in (float("inf"), float("-inf"))
    ):
        hint = _number_hint(value) if isinstance(value, str) else ""
        problems.append(
            Problem("schema", line, f"point {date.text}: the value should be a finite number, not "
                    f"{_describe_input(value)}", hint)
        )  # fmt: skip
    extra = _NO_EXTRA
    if len(point) == 3:
        if not isinstance(point[2], Mapping):
            problems.append(
                Problem("schema", line, f"point {date.text}: the third element should be a mapping, not "
                        f"{_describe_input(point[2])}", _POINT_SHAPE)
            )  # fmt: skip
        else:
            try:
                extra = PointExtra.model_validate(point[2])
            except ValidationError as error:
                problems += [
                    Problem(p.check, p.line, f"point {date.text}: {p.message}", p.hint)
                    for p in explain(error, point[2], line, PointExtra)
                ]
    if problems:
        return None, [(p, point_id) for p in problems]
    source = series.source
    if source.published is None or extra.quote:
        # Both values are already validated: copying skips re-validation (which would also refuse a Span).
        source = source.model_copy(update={"published": source.published or date, "quote": extra.quote or source.quote})
    claim = Claim(
        id=point_id,
        file=rel,
        line=line,
        dataset=header.dataset,
        origin=header.origin,
        metric=series.metric,
        subject=series.subject,
        claimant=series.claimant,
        value=float(value),
        qualifier=extra.qualifier or series.qualifier,
        low=extra.low,
        high=extra.high,
        date=date,
        kind=series.kind,
        source=source,
        # The series' notes hold for every point; a point's own notes add to them.
        notes="\n\n".join(n for n in (series.notes, extra.notes) if n) or None,
        waivers=tuple(extra.waivers),
        series=series.id,
        fall=extra.fall,
    )
    return claim, []


# Below this many bytes of datasets, starting a worker process costs more than parsing on one core; not so
# while this process imports Great Expectations (`load(meanwhile=...)`), which leaves the other cores idle.
PARALLEL_BYTES = 1 << 20
# A worker holds the job counter's lock for a few instructions: waiting longer means it died holding it.
_LOCK_SECONDS = 10.0


def _workers(jobs: list[tuple[Path, str]], overlap: bool = False) -> int:
    """How many processes should read `jobs`, this one included: 1 unless forking is safe and pays.

    `overlap`: this process is about to spend seconds on something else, so even one small file is worth
    a worker, and this process joins the reading when it is done.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if not jobs or cpus < 2 or sys.platform != "linux" or threading.active_count() > 1:
        return 1  # forking a process with threads can deadlock the child; other systems fork unsafely
    if overlap:
        return min(cpus, len(jobs) + 1)
    total = 0
    for path, _ in jobs:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return min(cpus, len(jobs)) if total >= PARALLEL_BYTES else 1


@dataclass
class _Counter:
    """The index of the next file to read, shared by the forked workers and this process."""

    value: object  # multiprocessing RawValue
    lock: object  # multiprocessing Lock

    def take(self) -> int | None:
        """The next index, or None when a process died holding the lock (the rest is read after joining)."""
        if not self.lock.acquire(timeout=_LOCK_SECONDS):
            return None
        try:
            index = self.value.value
            self.value.value = index + 1
        finally:
            self.lock.release()
        return index


def _worker(jobs: list[tuple[Path, str]], vocabulary: _Vocabulary | None, counter: _Counter, out: BinaryIO) -> NoReturn:
    """A forked worker: read files until none is left, writing (index, result) to `out` after each, and exit.

    Each file's result is pickled as soon as it is read, while this process is still reading too: pickled
    all at the end, they kept this process waiting (0.7 s at 100,000 claims). `os._exit` in every case:
    the worker must never run this process's atexit handlers (the profile) or return into its caller; a
    traceback is not printed either, since this process reads that file again.
    """
    status = 1
    try:
        while (index := counter.take()) is not None and index < len(jobs):
            pickle.dump((index, load_dataset(*jobs[index], vocabulary)), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
        status = 0
    finally:
        os._exit(status)


def _collect(workers: dict[int, BinaryIO], pid: int) -> dict[int, tuple[list[Claim], list[Finding]]]:
    """What worker `pid` read, once it has exited; nothing unless it wrote everything and exited 0."""
    _, status = os.waitpid(pid, 0)
    out = workers.pop(pid)
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes many objects: with Great Expectations loaded, each full collection is long
    try:
        if status != 0:
            return {}
        out.seek(0)
        found = {}
        with contextlib.suppress(EOFError, pickle.UnpicklingError):  # the end, or a record cut short
            while True:
                index, result = pickle.load(out)
                found[index] = result
        return found
    finally:
        out.close()
        if collecting:
            gc.enable()


def _stop(workers: dict[int, BinaryIO]) -> None:
    """Kill and reap the workers not collected (this process is failing, or was interrupted)."""
    for pid, out in workers.items():
        out.close()
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    workers.clear()


def _read_all(
    jobs: list[tuple[Path, str]], vocabulary: _Vocabulary | None, meanwhile: Callable[[], object] | None
) -> list[tuple[list[Claim], list[Finding]]]:
    """`load_dataset` of each job, in order, and `meanwhile()` (when given) in this process.

    When forking is safe and pays (`_workers`), forked workers start reading, this process runs `meanwhile`
    and then reads too, each taking the next file from a shared counter. Every process runs the same
    `load_dataset` (same limits, same findings) on whole files, so the results do not depend on who read
    which file. A worker is only a helper: whatever it does not hand back whole (it raised, crashed or was
    killed), this process reads again itself, so an error surfaces here as it would without workers and
    nothing waits on a dead worker. Workers are forked before `meanwhile` runs (it imports Great
    Expectations, after which forking is not safe) and hold only yaml, pydantic and factcheck. A worker
    writes its results to an in-memory file rather than a pipe: it need not wait for this process to read
    them, and reading them back is one read instead of one wake-up of the worker per 64 KiB.
    """
    processes = _workers(jobs, overlap=meanwhile is not None)
    if processes == 1:
        results = [load_dataset(*job, vocabulary) for job in jobs]
        if meanwhile is not None:
            meanwhile()
        return results
    context = multiprocessing.get_context("fork")
    counter = _Counter(context.RawValue("q", 0), context.Lock())
    workers: dict[int, BinaryIO] = {}
    found: dict[int, tuple[list[Claim], list[Finding]]] = {}
    try:
        for _ in range(processes - 1):
            try:
                out = open(os.memfd_create("factcheck-worker"), "w+b")  # noqa: SIM115 - closed by _collect or _stop
            except OSError:
                break
            try:
                pid = os.fork()
            except OSError:  # no process to spare: this one reads what is left
                out.close()
                break
            if pid == 0:
                _worker(jobs, vocabulary, counter, out)
            workers[pid] = out
        if meanwhile is not None:
            meanwhile()
        while (index := counter.take()) is not None and index < len(jobs):
            found[index] = load_dataset(*jobs[index], vocabulary)
        with profiling.stage("parse"):  # waiting for the workers and taking their results
            for pid in list(workers):
                found.update(_collect(workers, pid))
    finally:
        _stop(workers)
    return [found[i] if i in found else load_dataset(*job, vocabulary) for i, job in enumerate(jobs)]


def load(root: Path, files: list[Path], meanwhile: Callable[[], object] | None = None) -> Loaded:
    """Stage 0 over the catalog and `files` (absolute paths inside `root`), in the order given.

    `meanwhile`, when given, is called once in this process while the datasets are read, and only if the
    catalog loaded (without one nothing is checked): a run imports Great Expectations there, so that the
    import and the reading share the cores.
    """
    catalog, findings = load_catalog(root)
    vocabulary = _Vocabulary(catalog) if catalog else None
    loaded = Loaded(catalog=catalog, findings=findings)
    first_seen: dict[str, Claim] = {}
    jobs = [
        (path, path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()) for path in files
    ]
    results = _read_all(jobs, vocabulary, meanwhile if catalog else None)
    for (_, rel), (claims, problems) in zip(jobs, results, strict=True):
        loaded.findings += problems
        # A file lists at most yamlfile.MAX_PROBLEMS problems of its own, and as many reused ids: the rest
        # are counted in one more finding, as each costs as much to report as a claim to check.
        listed, unlisted = 0, []
        for claim in claims:
            earlier = first_seen.get(claim.id)
            if earlier is not None:
                if listed >= yamlfile.MAX_PROBLEMS:
                    unlisted.append(claim.line)
                    continue
                listed += 1
                problem = Problem(
                    "duplicate-id",
                    claim.line,
                    f"claim id {claim.id!r} is already used at {earlier.file}:{earlier.line}",
                    f"the series `{claim.series}` has two points dated {claim.date.text}: keep one"
                    if claim.series and claim.series == earlier.series
                    else "give each claim its own id; to record the same figure twice, use two ids",
                )
                loaded.findings.append(_finding(rel, problem, claim.id))
                continue
            first_seen[claim.id] = claim
            loaded.claims.append(claim)
        if unlisted:
            problem = Problem(
                "duplicate-id",
                unlisted[0],
                f"{len(unlisted):,} more claim ids used before, from this line on, are not listed",
                "fix the ones above first",
            )
            loaded.findings.append(_finding(rel, problem))
    return loaded
