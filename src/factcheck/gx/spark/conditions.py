"""A suite's row conditions built as Spark columns, never as SQL text.

GX 1.24's own Spark engine turns a structured row condition into a SQL string (`unit == 'people'`, the
parameter written by Python's `repr`) and filters with it: SQL built from a suite, which is untrusted input.
`to_column` builds the same condition as a Spark `Column` of literals instead, with pandas' answers where a
cell is missing or of another type than the parameter (GX's pandas engine is the reference: a missing cell is
never equal to anything, so `!=` and `NOT_IN` keep it; text is never equal to a number), so that both engines
keep the same rows; `execution.SparkExecution` filters with it. Conditions written as text (`pass_through`, a
`condition_parser`) are refused there as `factcheck.pipeline.suites` refuses them when the suite is read.
"""

from __future__ import annotations

import functools
import json
import operator as op

from great_expectations.expectations.row_conditions import (
    AndCondition,
    ComparisonCondition,
    Condition,
    NullityCondition,
    Operator,
    OrCondition,
    deserialize_row_condition,
)
from pyspark.sql import Column
from pyspark.sql import functions as F

from factcheck.floor.columns import FLAGS, NUMERIC

_ORDER = {
    Operator.EQUAL: op.eq,
    Operator.LESS_THAN: op.lt,
    Operator.LESS_THAN_OR_EQUAL: op.le,
    Operator.GREATER_THAN: op.gt,
    Operator.GREATER_THAN_OR_EQUAL: op.ge,
}


def _operand(name: str, value: object) -> tuple[Column, object] | None:
    """The column and the literal to compare it with as pandas would (flags and numbers as numbers), or None
    where pandas finds no value of the column equal to `value` (text against a number, or the reverse)."""
    if name in NUMERIC or name in FLAGS:
        if not isinstance(value, int | float):  # bool is an int, as pandas compares it
            return None
        return F.col(name).cast("double"), float(value)
    return (F.col(name), value) if isinstance(value, str) else None


def comparison(condition: ComparisonCondition) -> Column:
    name, operator, parameter = condition.column.name, condition.operator, condition.parameter
    if operator in (Operator.IN, Operator.NOT_IN):
        operands = [each for value in parameter if (each := _operand(name, value)) is not None]
        found = F.coalesce(F.col(name).cast("double" if name in NUMERIC or name in FLAGS else "string").isin(
            [value for _, value in operands]), F.lit(False)) if operands else F.lit(False)  # fmt: skip
        return ~found if operator == Operator.NOT_IN else found
    operand = _operand(name, parameter)
    if operator == Operator.NOT_EQUAL:
        return ~F.coalesce(operand[0] == F.lit(operand[1]), F.lit(False)) if operand else F.lit(True)
    if operand is None:
        return F.lit(False)
    column, value = operand
    return F.coalesce(_ORDER[operator](column, F.lit(value)), F.lit(False))


def nullity(condition: NullityCondition) -> Column:
    name = condition.column.name
    missing = F.col(name).isNull() | (F.isnan(F.col(name)) if name in NUMERIC else F.lit(False))
    return missing if condition.is_null else ~missing


def to_column(condition: Condition) -> Column:
    if isinstance(condition, ComparisonCondition):
        return comparison(condition)
    if isinstance(condition, NullityCondition):
        return nullity(condition)
    if isinstance(condition, AndCondition | OrCondition):
        parts = [to_column(each) for each in condition.conditions]
        return functools.reduce(op.and_ if isinstance(condition, AndCondition) else op.or_, parts)
    raise ValueError(f"a row condition of type {type(condition).__name__} is never run")


def key(condition: object) -> str:
    """One text for a row condition however GX hands it over (a `Condition`, its dict, or none)."""
    if condition is None or condition == "":
        return ""
    if isinstance(condition, dict):
        condition = deserialize_row_condition(condition)
    if not isinstance(condition, Condition):
        raise ValueError("a row condition written as text is never run")
    return json.dumps(condition.dict(), sort_keys=True, default=str)
