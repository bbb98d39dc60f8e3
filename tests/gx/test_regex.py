"""factcheck's RE2 implementation of GX's regex metrics (`factcheck.gx.adapters.regex`): matching each
distinct text once gives what matching every row gives, in the rows' order and index."""

from __future__ import annotations

import numpy as np
import pandas as pd

from factcheck.gx.adapters.regex import matches


def one_by_one(column: pd.Series, regex: str) -> list[bool]:
    import re

    return [re.search(regex, str(value)) is not None for value in column]


def test_each_text_matched_once_gives_every_row_its_own_answer():
    urls = ["https://a.example/x", "http://b", "javascript:alert(1)", "https://a.example/x", None, ""]
    column = pd.Series(urls * 50, index=np.arange(300)[::-1])
    assert pd.api.types.is_string_dtype(column.dtype)
    found = matches(column, r"^https?://[^/]+\.")
    assert found.index.equals(column.index)
    assert found.tolist() == one_by_one(column, r"^https?://[^/]+\.")


def test_numbers_are_matched_as_they_read():
    column = pd.Series([0.0, -0.0, 1.5, 0.0])
    assert matches(column, r"^-").tolist() == [False, True, False, False]
