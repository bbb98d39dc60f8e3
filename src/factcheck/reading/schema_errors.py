"""Pydantic's validation errors, written for people and located on the lines of the file that caused them.

Used by every reader of a YAML file (datasets, the catalog, gates, suites, import mappings). It works on
any located tree whose mappings and lists carry `line` and `line_of` (`factcheck.reading.yamlfile` builds them),
and imports nothing of ours but the `Problem` it returns.
"""

from __future__ import annotations

import contextlib
import difflib
import math

from pydantic import BaseModel, ValidationError

from factcheck.floor.errors import Problem
from factcheck.floor.text import clip
from factcheck.reading.wording import without_union_tags, worded
from factcheck.rules import schema

MAX_MESSAGE = 300


def clip_message(text: str) -> str:
    """One line of at most `MAX_MESSAGE` characters: a message quotes what is wrong, never a whole value."""
    return clip(" ".join(text.split()), MAX_MESSAGE)


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
        found = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        )
        if not found:
            break
        line = node.line_of(part) if hasattr(node, "line_of") else line  # plain data has no lines
        node = node[part]
    return line


def describe_input(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def number_hint(text: str) -> str:
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
            message = f"`{where}` should be {_TYPE_WORDS[kind]}, not {describe_input(item['input'])}"
            if kind in ("float_type", "int_type") and isinstance(item["input"], str):
                hint = number_hint(item["input"])
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
            message, hint = worded(kind, where, item, describe_input(item.get("input")))
        problems.append(Problem(schema.ID, _line(node, loc, default_line), message, hint))
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
