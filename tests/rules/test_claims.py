"""What the cross-claim checks share (`factcheck.rules._claims`): `codes` numbers the groups of rows exactly
as pandas' own grouping does, which the checks' order of hits depends on."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules._claims import codes

texts = st.sampled_from(["", "a", "b", "B", "é", "a b", None])
numbers = st.sampled_from([0.0, -0.0, 1.0, 2.5, -3.0, math.nan, 1e15])
rows = st.lists(st.tuples(texts, texts, numbers, texts), min_size=1, max_size=40)


def grouped(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    return frame.groupby(columns, dropna=False, sort=True).ngroup().to_numpy(dtype=np.int64)


@settings(max_examples=200, deadline=None)
@given(rows, st.permutations(["t1", "t2", "n", "t3"]), st.integers(1, 4))
def test_codes_number_the_groups_as_pandas_groups_them(data, order, width):
    frame = pd.DataFrame(data, columns=["t1", "t2", "n", "t3"])
    columns = list(order[:width])
    assert codes(frame, columns).tolist() == grouped(frame, columns).tolist()


def test_codes_renumber_when_the_digits_would_overflow():
    # 64 columns of 3 values each: their product is far past 2**62, so codes renumber as they combine.
    generator = np.random.default_rng(1)
    frame = pd.DataFrame({f"c{i}": generator.choice(["x", "y", "z"], size=500) for i in range(64)})
    assert codes(frame, list(frame.columns)).tolist() == grouped(frame, list(frame.columns)).tolist()


def test_codes_of_no_rows_are_empty():
    assert codes(pd.DataFrame({"a": []}), ["a"]).tolist() == []
