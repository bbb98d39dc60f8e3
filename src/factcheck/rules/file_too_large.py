"""file-too-large: a file within what one run reads of one file.

A file is read whole, so its size bounds what one read may allocate: files above 20 MiB (or the size set
in FACTCHECK_MAX_FILE_BYTES, at most 1 GiB) are refused before they are parsed. Its number of values
(keys, values and list items, at most 500,000) bounds the time and memory of parsing whatever the bytes,
and its number of claims and series points bounds the checks. A refused file is reported once, on its
first line (or on the claim past the limit), and none of its claims is checked.
"""

from __future__ import annotations

ID = "file-too-large"
SEVERITY = "critical"
TITLE = "File size limit"
EXPLAIN = (
    "Files above the size limit (FACTCHECK_MAX_FILE_BYTES), or holding more values or claims than one file "
    "may, are refused before they are checked."
)
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
# a dataset of a few megabytes: a daily series of several years fits many times over
"""
FAILS = """\
# a dataset of 25 MiB, with FACTCHECK_MAX_FILE_BYTES unset: split it into several files
"""
