"""Stage 0: read the catalog and the datasets into located claims, and every schema problem into findings.

A claim with a schema problem is reported and left out of the checks; every other claim goes on. All
problems of all files are reported in one run, each with `file:line` and, where one exists, a hint.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

import numpy as np
from pydantic import ValidationError

from factcheck.floor.errors import Problem
from factcheck.floor.spans import Span
from factcheck.model.claimset import ClaimSet, Part, Points
from factcheck.model.format import (
    Catalog,
    Claim,
    ClaimIn,
    DatasetHeader,
    PointExtra,
    SeriesIn,
)
from factcheck.model.layout import LAYOUT
from factcheck.model.vocabulary import Vocabulary, shared_spellings
from factcheck.pipeline import pool
from factcheck.pipeline.points import Read, read_point
from factcheck.pipeline.profiling import NO_PROFILE, Profiler
from factcheck.reading import raw_source, yamlfile
from factcheck.reading.schema_errors import clip_message, describe_input, explain
from factcheck.reading.yamltree import LIMITS, Limits, Mapping, Sequence
from factcheck.report.findings import Finding
from factcheck.rules import REGISTRY, duplicate_id, file_too_large, schema

_In = TypeVar("_In", ClaimIn, SeriesIn)


@dataclass
class Loaded:
    """The result of stage 0 over a set of files."""

    catalog: Catalog | None
    claims: ClaimSet = field(default_factory=ClaimSet)
    findings: list[Finding] = field(default_factory=list)


def _finding(file: str, problem: Problem, claim: str | None = None) -> Finding:
    check = REGISTRY[problem.check]
    return Finding(
        check=problem.check,
        severity=check.SEVERITY,
        file=file,
        line=problem.line,
        message=clip_message(problem.message),
        claim=claim,
        title=check.TITLE,
        explain=check.EXPLAIN,
        hint=clip_message(problem.hint),
    )


# --- catalog -------------------------------------------------------------------------------------------


# Claims and series points one dataset file may hold: the checks cost time and memory for each, so this bounds
# a file's share of a run whatever its bytes (the shipped daily table of the General Staff holds under half).
MAX_CLAIMS = 50_000


def _once_per_line(problems: list[Problem], read: list[Read]) -> list[Read]:
    """The problems of reading a file (`problems`), then those of its schema (`read`, with their claim ids).

    A value that the YAML reader kept as text (`value: 017`) has already been explained on its line; the
    schema's complaint that the text is not a number would only repeat it, with a hint that does not fit.
    """
    refused = {p.line for p in problems if p.check == schema.ID}
    kept = [item for item in read if not (item[0].check == schema.ID and item[0].line in refused)]
    return [*((p, None) for p in problems), *kept]


def load_catalog(root: Path) -> tuple[Catalog | None, list[Finding]]:
    path = root / LAYOUT.catalog
    if not path.is_file():
        problem = Problem(
            schema.ID,
            1,
            f"there is no {LAYOUT.catalog}",
            "`factcheck init` writes a project with one; `factcheck schema catalog` gives its fields",
        )
        return None, [_finding(LAYOUT.catalog, problem)]
    try:
        data, problems = yamlfile.read(path)
    except yamlfile.YamlError as error:
        return None, [_finding(LAYOUT.catalog, error.problem)]
    findings = [_finding(LAYOUT.catalog, p) for p in problems]
    if not isinstance(data, Mapping):
        problem = Problem(schema.ID, 1, "the catalog must be a mapping with metrics, subjects and claimants")
        return None, [*findings, _finding(LAYOUT.catalog, problem)]
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as error:
        read = [(p, None) for p in explain(error, data, data.line, Catalog)]
        return None, [_finding(LAYOUT.catalog, p) for p, _ in _once_per_line(problems, read)]
    shared = shared_spellings(catalog, data)
    if shared:
        return None, [*findings, *(_finding(LAYOUT.catalog, p) for p in shared)]
    return catalog, findings


# --- datasets ------------------------------------------------------------------------------------------


def load_dataset(
    path: Path,
    rel: str,
    vocabulary: Vocabulary | None,
    limits: Limits = LIMITS,
    profiler: Profiler = NO_PROFILE,
    max_bytes: int | None = None,
) -> tuple[list[Part], list[Finding]]:
    """Read one dataset file: its claims (each claim of `claims:` whole, each series' points as `Points`) and
    findings. Without a catalog, claims are schema-checked but none are returned. `max_bytes`: the file
    size limit, by default this process's (`yamlfile.max_bytes`); a Spark task is given the driver's."""
    if vocabulary is not None:
        vocabulary.start_file()
    try:
        with profiler.stage("parse"):
            data, problems = yamlfile.read(path, limits, max_bytes)
    except yamlfile.YamlError as error:
        return [], [_finding(rel, error.problem)]
    if not isinstance(data, Mapping):
        what = "empty" if data is None else f"{describe_input(data)}"
        problem = Problem(
            schema.ID,
            getattr(data, "line", 1) or 1,
            f"a dataset must be a mapping with `dataset`, `title` and `claims` or `series`; this file is {what}",
            "`factcheck schema dataset` gives the shape of a dataset file",
        )
        return [], [_finding(rel, p) for p in (*problems, problem)]
    header_fields = {k: v for k, v in data.items() if k not in ("claims", "series")}
    try:
        header = DatasetHeader.model_validate(header_fields)
        for key in ("claims", "series"):
            if key in data and not isinstance(data[key], Sequence):
                raise _Bad(Problem(schema.ID, data.line_of(key), f"`{key}` should be a list"))
        _check_count(data)
    except ValidationError as error:
        read = [(p, None) for p in explain(error, data, data.line, DatasetHeader)]
        return [], [_finding(rel, p) for p, _ in _once_per_line(problems, read)]
    except _Bad as bad:
        return [], [_finding(rel, p) for p in (*problems, bad.problem)]
    if "claims" not in data and "series" not in data:
        problem = Problem(schema.ID, data.line, "the dataset has neither `claims` nor `series`")
        return [], [_finding(rel, p) for p in (*problems, problem)]

    claims: list[Part] = []
    read: list[Read] = []
    context = (rel, header)
    items = [(key, index) for key in ("claims", "series") for index in range(len(data.get(key) or ()))]
    for key, index in items:
        line = data[key].line_of(index)
        model_type, what, make = _ENTRIES[key]
        model, item_problems = _validated(data[key][index], line, vocabulary, model_type, what)
        if model is not None:
            part, item_problems = make(model, data[key][index], line, context)
            claims.append(part)
        read += item_problems
        if len(problems) + len(read) > limits.problems:
            problem = Problem(
                schema.ID,
                line,
                f"more than {limits.problems:,} problems: the file is not read past this line, and none of its claims "
                "is checked",
                "fix the problems above first",
            )
            read.append((problem, None))
            claims = []
            break
    findings = [_finding(rel, p, claim_id) for p, claim_id in _once_per_line(problems, read)]
    findings = raw_source.attach(findings, data)  # a refused claim keeps its source for the reports
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
                        file_too_large.ID,
                        data[key].line_of(index),
                        f"the file holds more than {MAX_CLAIMS:,} claims and series points",
                        "split it into several files; a series can go on in another file",
                    )
                )


def _without_problem_lines(claims: list[Part], lines: list[int], data: Mapping) -> list[Part]:
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

    def kept(line: int) -> bool:
        return line not in on_points and boundaries[bisect.bisect_right(boundaries, line) - 1] not in broken

    parts: list[Part] = []
    for part in claims:
        if isinstance(part, Points):
            part = part.kept(np.fromiter((kept(int(line)) for line in part.lines), dtype=bool, count=len(part)))
            parts += [part] if len(part) else []
        elif kept(part.line):
            parts.append(part)
    return parts


def _item_lines(node: object) -> list[int]:
    return node.item_lines if isinstance(node, Sequence) else []


class _Bad(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _claim_id(node: object) -> str | None:
    value = node.get("id") if isinstance(node, Mapping) else None
    return value if isinstance(value, str) else None


def _references(node: Mapping, vocabulary: Vocabulary | None) -> list[Problem]:
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


def _validated(node, line, vocabulary, model_type: type[_In], what: str) -> tuple[_In | None, list[Read]]:
    """An entry of `claims:` or `series:` as its model, or its problems (each with the entry's id when it has one)."""
    if not isinstance(node, Mapping):
        return None, [(Problem(schema.ID, line, f"{what} should be a mapping, not {describe_input(node)}"), None)]
    problems = _references(node, vocabulary)
    try:
        model = model_type.model_validate(node)
    except ValidationError as error:
        problems = explain(error, node, line, model_type) + problems
    if problems:
        entry_id = _claim_id(node)
        return None, [(p, entry_id) for p in sorted(problems, key=lambda p: p.line)]
    return model, []


def _claim(model: ClaimIn, node: Mapping, line: int, context: tuple[str, DatasetHeader]) -> tuple[Claim, list[Read]]:
    """A claim written alone, valid: located in its file."""
    rel, header = context
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
        kind="projection" if model.projection else "as_of" if model.as_of else "period",
        source=model.source,
        notes=model.notes,
        waivers=tuple(model.waivers),
        fall=model.fall,
    )
    return claim, []


def _points(model: SeriesIn, node: Mapping, line: int, context: tuple[str, DatasetHeader]) -> tuple[Points, list[Read]]:
    """A valid series block: its points as columns, and the problems of the points that are not valid."""
    rel, header = context
    lines: list[int] = []
    values: list[float] = []
    dates: list[Span] = []
    own: dict[int, PointExtra] = {}
    bad: list[Read] = []
    points = node["points"]
    for index, point in enumerate(points):
        point_line = points.line_of(index)
        read, point_problems = read_point(point, point_line, model)
        if read is not None:
            date, value, extra = read
            if extra is not None:
                own[len(lines)] = extra
            lines.append(point_line)
            values.append(value)
            dates.append(date)
        bad += point_problems
    series = Points(
        series=model.id, file=rel, dataset=header.dataset, origin=header.origin, metric=model.metric,
        subject=model.subject, claimant=model.claimant, qualifier=model.qualifier, kind=model.kind,
        source=model.source, notes=model.notes or None, lines=np.array(lines, dtype=np.int64),
        values=np.array(values, dtype=np.float64), dates=dates, own=own,
    )  # fmt: skip
    return series, bad


# Each entry of a dataset's `claims:` and `series:`: its model, what it is called, what a valid one becomes.
_ENTRIES: dict[str, tuple[type, str, Callable]] = {
    "claims": (ClaimIn, "a claim", _claim),
    "series": (SeriesIn, "a series", _points),
}


def file_name(root: Path, path: Path) -> str:
    """The name a file's claims and findings carry: its path from the root, or as given outside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def load(
    root: Path,
    files: list[Path],
    meanwhile: Callable[[], object] | None = None,
    limits: Limits = LIMITS,
    profiler: Profiler = NO_PROFILE,
) -> Loaded:
    """Stage 0 over the catalog and `files` (absolute paths inside `root`), in the order given.

    `meanwhile`, when given, is called once in this process while the datasets are read, and only if the
    catalog loaded (without one nothing is checked): a run imports Great Expectations there, so that the
    import and the reading share the cores.
    """
    catalog, findings = load_catalog(root)
    vocabulary = Vocabulary(catalog) if catalog else None
    loaded = Loaded(catalog=catalog, findings=findings)
    jobs = [(path, file_name(root, path)) for path in files]
    results = pool.map_files(
        [path for path, _ in jobs],
        lambda i: load_dataset(*jobs[i], vocabulary, limits, profiler),
        meanwhile if catalog else None,
        profiler,
    )
    prefixes: set[str] = set()  # what comes before the `@` of the ids of claims written alone
    for (_, rel), (parts, problems) in zip(jobs, results, strict=True):
        loaded.findings += problems
        reused = _Reused(rel, limits.problems)
        for part in parts:
            if isinstance(part, Points):
                part = _new_points(part, loaded.claims, part.series in prefixes, reused)
                if part is not None:
                    loaded.claims.append(part)
                continue
            earlier = loaded.claims.get(part.id)
            if earlier is not None:
                reused.add(part, earlier)
                continue
            prefixes.add(part.id.rpartition("@")[0])
            loaded.claims.append(part)
        loaded.findings += reused.findings()
    return loaded


class Reuse(NamedTuple):
    """A claim whose id was used before, at `at` (`file:line`), by a claim of the series `earlier_series`
    or of none."""

    line: int
    claim_id: str
    series: str | None
    at: str
    earlier_series: str | None


class _Reused:
    """The claims of one file whose ids were used before, the first `most` listed (`reuse_findings`)."""

    def __init__(self, rel: str, most: int) -> None:
        self.rel, self.most, self.listed, self.unlisted = rel, most, [], []

    def add(self, claim: Claim, earlier: Claim) -> None:
        if len(self.listed) < self.most:
            at = f"{earlier.file}:{earlier.line}"
            self.listed.append(Reuse(claim.line, claim.id, claim.series, at, earlier.series))
        else:
            self.unlisted.append(claim.line)

    def findings(self) -> list[Finding]:
        return reuse_findings(self.rel, self.listed, len(self.unlisted), self.unlisted[0] if self.unlisted else 0)


def reuse_findings(rel: str, listed: list[Reuse], more: int, more_line: int) -> list[Finding]:
    """The findings on the claims of `rel` whose ids were used before: one for each of `listed`, which holds
    the first `Limits.problems` (a file lists as many problems of its own), and one that counts the `more`
    past them, from `more_line` on, as each costs as much to report as a claim to check. A series point's id
    is `<series>@<date>`."""
    found = []
    for line, claim_id, series, at, earlier_series in listed:
        problem = Problem(
            duplicate_id.ID,
            line,
            f"claim id {claim_id!r} is already used at {at}",
            f"the series `{series}` has two points dated {claim_id[len(series) + 1 :]}: keep one"
            if series and series == earlier_series
            else "give each claim its own id; to record the same figure twice, use two ids",
        )
        found.append(_finding(rel, problem, claim_id))
    if more:
        problem = Problem(
            duplicate_id.ID, more_line, f"{more:,} more claim ids used before, from this line on, are not listed",
            "fix the ones above first",
        )  # fmt: skip
        found.append(_finding(rel, problem))
    return found


def _new_points(points: Points, claims: ClaimSet, alone_too: bool, reused: _Reused) -> Points | None:
    """`points` without those whose id is used before: by an earlier point of the series (in this part or
    another), or by a claim written alone (`alone_too`: one of those has an id `<series>@...`)."""
    texts = [span.text for span in points.dates]
    if len(set(texts)) == len(texts) and not alone_too and points.series not in claims.series_ids():
        return points  # every id is new: the common case, decided without making a claim
    keep = np.ones(len(points), dtype=bool)
    first_row: dict[str, int] = {}
    for row, text in enumerate(texts):
        earlier = claims.get(f"{points.series}@{text}")
        if earlier is None and text in first_row:
            earlier = points.claim(first_row[text])
        if earlier is not None:
            reused.add(points.claim(row), earlier)
            keep[row] = False
        else:
            first_row.setdefault(text, row)
    if keep.all():
        return points
    kept = points.kept(keep)
    return kept if len(kept) else None
