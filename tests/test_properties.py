"""Property-based tests of the loader and the interval logic, on generated input (hypothesis, modest settings)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
import typing

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.floor.numbers import Qualifier, bounds
from factcheck.floor.spans import DateError, parse_span
from factcheck.reading import yamlfile

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

keys = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True).filter(
    lambda k: k not in ("y", "n", "yes", "no", "on", "off", "true", "false", "null")
)
scalars = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
    st.booleans(),
    st.none(),
)


# --- the loader -----------------------------------------------------------------------------------------


@SETTINGS
@given(st.lists(st.tuples(keys, st.integers(0, 10**9)), min_size=1, max_size=30, unique_by=lambda c: c[0]))
def test_every_generated_claim_is_found_on_its_line(claims):
    data = {"dataset": "d", "title": "T", "claims": [{"id": i, "value": v, "notes": "x"} for i, v in claims]}
    text = yaml.safe_dump(data, sort_keys=False)
    parsed, problems = yamlfile.parse(text)
    assert problems == []
    lines = text.splitlines()
    assert [c["id"] for c in parsed["claims"]] == [i for i, _ in claims]
    for index, (claim_id, value) in enumerate(claims):
        line = parsed["claims"].line_of(index)
        assert lines[line - 1].strip() == f"- id: {claim_id}"
        assert parsed["claims"][index]["value"] == value
        value_line = parsed["claims"][index].line_of("value")
        assert lines[value_line - 1].strip() == f"value: {value}"


@st.composite
def mapping_with_duplicate(draw):
    """A nested YAML text, and the line on which a key repeats one of its siblings."""
    names = draw(st.lists(keys, min_size=2, max_size=8, unique=True))
    values = draw(st.lists(scalars, min_size=len(names), max_size=len(names)))
    nested = draw(st.booleans())  # top level, or a mapping inside a list inside a mapping
    entries = [
        yaml.safe_dump({k: v}, default_flow_style=True, width=10**6).strip()[1:-1]
        for k, v in zip(names, values, strict=True)
    ]
    repeat = draw(st.sampled_from(names))
    position = draw(st.integers(names.index(repeat) + 1, len(names)))
    entries.insert(position, f"{repeat}: again")
    head = ["outer:", "  - inner:"] if nested else []
    indent = "      " if nested else ""
    text = "\n".join(head + [indent + entry for entry in entries]) + "\n"
    return text, len(head) + position + 1, repeat


@SETTINGS
@given(mapping_with_duplicate())
def test_a_duplicate_key_anywhere_is_reported_on_its_line(case):
    text, line, key = case
    _, problems = yamlfile.parse(text)
    duplicates = [p for p in problems if p.check == "duplicate-key"]
    assert [p.line for p in duplicates] == [line], text
    assert repr(key) in duplicates[0].message


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_data_or_a_located_problem(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("bytes") / "x.yml"
    path.write_bytes(raw)
    try:
        yamlfile.read(path)
    except yamlfile.YamlError as error:
        assert error.problem.line >= 1
        assert "\n" not in error.problem.message


# Plain scalars that look like numbers, booleans or dates, in every form YAML 1.1 knows and some it does not.
numberlike = st.one_of(
    st.from_regex(r"[-+]?[0-9_.:eExXoObB]{1,12}[0-9a-fA-F]{0,3}", fullmatch=True),
    st.sampled_from(["yes", "No", "ON", "off", "y", "n", "true", "False", ".inf", "-.Inf", ".nan", "~", "null"]),
    st.from_regex(r"[0-9\u0660-\u0669\u0966-\u096f\uff10-\uff19]{1,6}", fullmatch=True),
)
JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


class _PyyamlWithoutTimestamps(yaml.CSafeLoader):
    """What pyyaml (YAML 1.1) reads, dates kept as text as factcheck keeps them."""


_PyyamlWithoutTimestamps.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


@settings(max_examples=400, deadline=None)
@given(numberlike)
def test_a_value_is_a_number_only_when_written_as_one_and_never_silently_converted(text):
    document = f"x: 1\na: {text}\n"
    try:
        data, problems = yamlfile.parse(document)
    except yamlfile.YamlError:
        return  # not YAML at all (`a: :`): refused with its line elsewhere
    value = data["a"]
    if isinstance(value, bool):
        assert text.lower() in ("true", "false") and problems == []
    elif isinstance(value, int | float):
        if math.isfinite(value):  # a plain number: exactly what JSON reads, with no problem
            assert JSON_NUMBER.fullmatch(text), text
            assert value == json.loads(text) and problems == []
        else:  # .inf and .nan, as written; the schema refuses them in every figure
            assert text.lstrip("+-").lower() in (".inf", ".nan")
    elif value is not None:
        assert value == text  # kept as written ...
        try:
            reading = yaml.load(document, Loader=_PyyamlWithoutTimestamps)["a"]
        except (yaml.YAMLError, ValueError):
            reading = None
        if reading is not None and not isinstance(reading, str):
            # ... and what YAML 1.1 would have converted is a problem on its line, never a silent change
            assert [(p.check, p.line) for p in problems] == [("schema", 2)], (text, reading)
        else:
            assert problems == []


# --- dates ------------------------------------------------------------------------------------------------


@st.composite
def partial_dates(draw, first_year: int = 1, last_year: int = 9999) -> tuple[str, dt.date, dt.date]:
    """A date at a random precision, with the first and last day it covers."""
    day = draw(st.dates(min_value=dt.date(first_year, 1, 1), max_value=dt.date(last_year, 12, 31)))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return f"{day.year:04d}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return f"{day.year:04d}-{day.month:02d}", day.replace(day=1), day.replace(day=last)
    return day.isoformat(), day, day


@SETTINGS
@given(partial_dates())
def test_a_partial_date_covers_exactly_its_days(case):
    text, first, last = case
    span = parse_span(text)
    assert (span.start, span.end, span.text) == (first, last, text)


@SETTINGS
@given(partial_dates(), partial_dates())
def test_an_interval_runs_from_the_first_start_to_the_second_end_or_is_refused(a, b):
    text = f"{a[0]}/{b[0]}"
    if b[2] < a[1]:
        with pytest.raises(DateError, match="ends before it starts"):
            parse_span(text)
    else:
        span = parse_span(text)
        assert (span.start, span.end) == (a[1], b[2])


@SETTINGS
@given(st.integers(1, 9999), st.integers(1, 12), st.integers(29, 31))
def test_a_day_past_the_end_of_its_month_is_refused(year, month, day):
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if day <= calendar.monthrange(year, month)[1]:
        assert parse_span(text).start == dt.date(year, month, day)
    else:
        with pytest.raises(DateError, match=r"has \d+ days"):
            parse_span(text)


# --- figures ----------------------------------------------------------------------------------------------

values = st.one_of(st.integers(0, 10**10).map(float), st.floats(0, 1e10, allow_nan=False))


@SETTINGS
@given(values, st.sampled_from(typing.get_args(Qualifier)), st.one_of(st.none(), st.floats(0.001, 0.5)))
def test_bounds_contain_the_value_and_are_ordered(value, qualifier, relative):
    lower, upper = bounds(value, qualifier, relative=relative)
    assert 0 <= lower <= value <= upper
    if qualifier == "exact":
        assert lower == upper == value
    if qualifier in ("at_least", "more_than"):
        assert upper == math.inf
    if qualifier in ("at_most", "less_than"):
        assert lower == 0


@SETTINGS
@given(values, st.floats(0, 1e10), st.floats(0, 1e10))
def test_explicit_low_and_high_win(value, low, high):
    low, high = min(low, high), max(low, high)
    assert bounds(value, "about", low=low, high=high) == (low, high)


# --- the cumulative check against a brute-force oracle ---------------------------------------------------


@st.composite
def series(draw):
    """Claims in a few series, with partial dates and qualifiers, as the arrays find_falls takes."""
    n = draw(st.integers(0, 25))
    groups, starts, ends, lowers, uppers = [], [], [], [], []
    for _ in range(n):
        _, first, last = draw(partial_dates(2020, 2026))
        value = float(draw(st.integers(0, 60)) * 1000)
        lower, upper = bounds(value, draw(st.sampled_from(typing.get_args(Qualifier))))
        groups.append(draw(st.integers(0, 2)))
        starts.append(first.toordinal())
        ends.append(last.toordinal())
        lowers.append(lower)
        uppers.append(upper)
    return (
        np.array(groups, dtype=np.int64),
        np.array(starts, dtype=np.int64),
        np.array(ends, dtype=np.int64),
        np.array(lowers, dtype=float),
        np.array(uppers, dtype=float),
    )


@pytest.mark.slow  # generated series against a quadratic oracle
@settings(max_examples=150, deadline=None)
@given(series())
def test_find_falls_flags_exactly_what_the_quadratic_oracle_flags(arrays):
    from factcheck.rules.cumulative_non_decreasing import find_falls

    groups, starts, ends, lowers, uppers = arrays
    n = len(groups)

    def falls_below(b: int, a: int) -> bool:
        return groups[a] == groups[b] and ends[a] < starts[b] and lowers[a] > uppers[b]

    oracle = {b for b in range(n) if any(falls_below(b, a) for a in range(n))}
    later, earlier = find_falls(groups, starts, ends, lowers, uppers)
    assert sorted(later.tolist()) == sorted(oracle)
    assert len(set(later.tolist())) == len(later)
    for b, a in zip(later.tolist(), earlier.tolist(), strict=True):
        assert falls_below(b, a)
        # the named claim is the highest earlier one: the fall is reported at its largest
        assert lowers[a] == max(lowers[x] for x in range(n) if groups[x] == groups[b] and ends[x] < starts[b])
