"""Regular expressions matched in linear time: RE2, for every pattern that a file of the project supplies.

Python's `re` backtracks, so a pattern like `(a+)+$`, or a harmless one on a crafted text, can run for hours.
RE2 (google-re2, a maintained binding of Google's engine) matches in time linear in the text for every
pattern it accepts, and refuses the few constructs that need backtracking (backreferences, lookarounds).
"""

from __future__ import annotations


def compile_regex(pattern: str):
    """`pattern` compiled by RE2, quietly (RE2 logs its errors to stderr); `ValueError` when RE2 refuses it."""
    import re2

    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        reason = error.args[0] if error.args else "not a regex"
        raise ValueError(reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)) from None
