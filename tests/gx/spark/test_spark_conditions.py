"""factcheck.gx.spark.conditions: a suite's row conditions keep on Spark exactly the rows GX's pandas engine
keeps, missing cells and values of another type included, without any SQL text."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.row_conditions import deserialize_row_condition

pytestmark = pytest.mark.spark

ROWS = pd.DataFrame(
    {
        "claim_id": ["a", "b", "c", "d", "e"],
        "unit": ["people", "percent", None, 'it\'s "x"', "people"],
        "value": [1.0, 2.5, math.nan, 0.0, 1e300],
        "waived": [True, False, False, True, False],
    }
)


def _comparison(column: str, operator: str, parameter) -> dict:
    return {"type": "comparison", "column": {"name": column}, "operator": operator, "parameter": parameter}


CONDITIONS = [
    _comparison("unit", "==", "people"),
    _comparison("unit", "!=", "people"),  # a missing unit is not equal: kept
    _comparison("unit", "==", "it's \"x\""),  # quotes of both kinds: a literal, never SQL text
    _comparison("unit", "==", "x' OR 1=1 --"),
    _comparison("unit", "==", 5),  # text is never equal to a number
    _comparison("unit", "!=", 5),
    _comparison("value", "==", "1"),  # nor a number to text
    _comparison("value", ">", 1),
    _comparison("value", "<=", 2.5),
    _comparison("value", "==", True),  # pandas compares a flag as the number 1
    _comparison("waived", "==", True),
    _comparison("waived", "==", 1),
    _comparison("waived", "!=", False),
    _comparison("unit", "IN", ["people", "percent"]),
    _comparison("unit", "IN", [3, 4]),  # GX refuses a list of mixed types
    _comparison("unit", "NOT_IN", ["people"]),  # a missing unit is not in the list: kept
    _comparison("value", "IN", [2.5, 0]),
    _comparison("value", "IN", ["1", "0"]),
    _comparison("value", "NOT_IN", [1]),
    {"type": "nullity", "column": {"name": "unit"}, "is_null": True},
    {"type": "nullity", "column": {"name": "value"}, "is_null": True},
    {"type": "nullity", "column": {"name": "value"}, "is_null": False},
    {"type": "and", "conditions": [_comparison("unit", "==", "people"), _comparison("value", "<", 10)]},
    {"type": "or", "conditions": [_comparison("unit", "==", "percent"), {"type": "nullity", "column": {"name": "unit"}, "is_null": True}]},
]  # fmt: skip


@pytest.fixture(scope="module")
def spark_rows(spark):
    from factcheck.gx.spark.engine import SCHEMA

    fields = [SCHEMA[name] for name in ROWS.columns]
    from pyspark.sql import types as T

    return spark.createDataFrame(ROWS.astype({"claim_id": object, "unit": object}), schema=T.StructType(fields))


@pytest.mark.parametrize("condition", CONDITIONS, ids=str)
def test_spark_keeps_the_rows_pandas_keeps(spark_rows, condition):
    from factcheck.gx.spark.conditions import to_column

    parsed = deserialize_row_condition(condition)
    kept_by_pandas = PandasExecutionEngine()._apply_row_condition_filter(ROWS, parsed, {})["claim_id"].tolist()
    kept_by_spark = [row["claim_id"] for row in spark_rows.filter(to_column(parsed)).collect()]
    assert sorted(kept_by_spark) == sorted(kept_by_pandas)


def test_a_condition_written_as_text_is_never_run(spark_rows):
    from great_expectations.expectations.row_conditions import PassThroughCondition

    from factcheck.gx.spark.conditions import SparkEngine

    with pytest.raises(ValueError, match="never run"):
        SparkEngine._apply_row_condition_filter(None, spark_rows, PassThroughCondition(pass_through_filter="1=1"), {})
    with pytest.raises(ValueError, match="never run"):
        SparkEngine._apply_row_condition_filter(None, spark_rows, "unit == 'people'", {"condition_parser": "spark"})
