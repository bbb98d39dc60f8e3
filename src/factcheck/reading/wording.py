"""pydantic's errors in words for people: the file's keys and what a field takes, never pydantic's own
sentences ("List should have at least 1 item after validation") or the names of its types.

`factcheck.reading.schema_errors.explain` words the common errors itself and asks `worded` for the rest;
`without_union_tags` first takes out of each error's location the names pydantic gives the members of a
union, which are names from the code, not keys of the file.
"""

from __future__ import annotations

import re

_BOUNDS = {
    "greater_than": "above",
    "greater_than_equal": "at least",
    "less_than": "below",
    "less_than_equal": "at most",
}
_BOUND_CTX = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le"}


def worded(kind: str, where: str, item: dict, value: str) -> tuple[str, str]:
    """The message and hint of the pydantic errors `explain` does not word itself: never pydantic's own
    sentence ("List should have at least 1 item after validation"), which speaks of its types, not of
    the file a person wrote."""
    ctx = item.get("ctx") or {}
    if kind == "literal_error":
        return f"`{where}` should be one of {ctx.get('expected', '')}, not {value}", ""
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"`{where}` is empty: give at least {count} entr{'y' if count == 1 else 'ies'}", ""
    if kind == "too_long":
        return f"`{where}` has more than {ctx.get('max_length', 0):,} entries", ""
    if kind == "string_too_short":
        return f"`{where}` is empty", "write the text, or leave the field out"
    if kind in _BOUNDS:
        bound = ctx.get(_BOUND_CTX[kind])
        shown = f"{bound:g}" if isinstance(bound, float) else bound
        return f"`{where}` should be {_BOUNDS[kind]} {shown}, not {value}", ""
    if kind in ("float_parsing", "int_parsing", "int_from_float"):
        whole = "a whole number" if kind != "float_parsing" else "a number"
        return f"`{where}` should be {whole}, not {value}", ""
    if kind == "union_member":
        return f"`{where}` should be {ctx.get('expected', 'another kind of value')}, not {value}", ""
    return f"`{where}`: {value} is not allowed here", "`factcheck schema dataset` lists what each field takes"


# pydantic names the member of a union an error is about in its location (`qualifier.literal['exact',...]`,
# `qualifier.QualifierFrom`): a name from the code, not a key of the file.
_TAG = re.compile(r"(?:function-|literal\[|list\[|dict\[|tuple\[|str$|int$|float$|bool$|[A-Z][A-Za-z]*$)")


def without_union_tags(items: list[dict], node: object) -> list[dict]:
    """The errors with union member names taken out of their locations; of the errors a union gives for one
    value, those about the members the value cannot be (a mapping where text is given, text where a mapping
    is) are dropped, and one sentence lists what the value may be instead."""
    out: list[dict] = []
    unions: dict[tuple, list[dict]] = {}
    for item in items:
        loc, tagged, current = [], None, node
        for part in item["loc"]:
            present = isinstance(current, dict) and part in current
            if isinstance(part, str) and not present and _TAG.match(part):
                if not part.startswith("function-"):
                    tagged = tuple(loc)
                continue
            loc.append(part)
            if present or (isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)):
                current = current[part]
            else:
                current = None
        item = {**item, "loc": tuple(loc)}
        if tagged is None:
            out.append(item)
        else:
            unions.setdefault(tagged, []).append(item)
    for at, members in unions.items():
        value = _at(node, at)
        deeper = [m for m in members if len(m["loc"]) > len(at)]
        if isinstance(value, dict) and deeper:
            out += deeper  # the value is a mapping: only what is wrong inside it matters
            continue
        expected = [m["ctx"]["expected"] for m in members if m["type"] == "literal_error" and m.get("ctx")]
        if any(m["type"] in ("model_type", "dict_type") for m in members):
            expected.append("a mapping")
        out.append({"type": "union_member", "loc": at, "input": value, "ctx": {"expected": " or ".join(expected)}})
    return out


def _at(node: object, loc: tuple) -> object:
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node
