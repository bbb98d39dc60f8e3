"""The metrics of one step of Great Expectations' metric graph, computed in one Spark job.

GX resolves its metric graph step by step, each step the metrics whose inputs are ready. On Spark it then
runs a job for each domain's aggregates (the counts every expectation reads: one domain per row condition
and column), and a job or two for each map expectation's failing rows, their values and its domain's size
(`isEmpty`, then `collect`, then `count`): on this machine each job costs far more than the claims it reads.
Here each of those metrics is one part of a single query, the union of every part as rows of (part,
claim id, the part's values as JSON), collected once; each metric's value is then what GX's own function
gives (the functions are named in `_AS_GX`), read from its part's rows. Any other metric is GX's own.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from great_expectations.core.id_dict import IDDict
from great_expectations.expectations.metrics.map_metric_provider.map_condition_auxilliary_methods import (
    MAX_RESULT_RECORDS,
)
from great_expectations.util import convert_to_json_serializable
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

Part = tuple[DataFrame, Callable[[list], object]]  # a query of the part's rows, and its value from them


def _failing(engine, computation, with_accessor: bool = True) -> DataFrame:
    """The failing rows of a map metric's domain, as GX's functions filter them."""
    condition, compute, accessor = computation.metric_provider_kwargs["metrics"]["unexpected_condition"]
    rows = engine.get_domain_records(domain_kwargs={**compute, **accessor} if with_accessor else compute)
    return rows.withColumn("__unexpected", condition).filter(F.col("__unexpected") == True)  # noqa: E712


def _limit(computation) -> int:
    result_format = computation.metric_configuration.metric_value_kwargs["result_format"]
    if result_format["result_format"] == "COMPLETE":
        return MAX_RESULT_RECORDS
    return min(result_format["partial_unexpected_count"], MAX_RESULT_RECORDS)


def _values(names: list[str]) -> Column:
    return F.to_json(F.struct(*(F.col(name).alias(f"v{n}") for n, name in enumerate(names))))


def _read(text: str | None, width: int) -> list:
    found = json.loads(text) if text else {}
    return [found.get(f"v{n}") for n in range(width)]  # to_json leaves a null out


def _index_list(engine, computation) -> Part | None:
    """`_spark_map_condition_index`, for the result format factcheck asks for: the failing claim ids only."""
    result_format = computation.metric_configuration.metric_value_kwargs.get("result_format")
    if not (
        isinstance(result_format, dict)
        and result_format.get("result_format") == "COMPLETE"
        and result_format.get("unexpected_index_column_names") == ["claim_id"]
        and result_format.get("exclude_unexpected_values") is True
    ):
        return None
    rows = _failing(engine, computation).select(F.col("claim_id"), F.lit(None).cast("string"))
    return rows, lambda found: [{"claim_id": [claim_id for claim_id, _ in found]}] if found else []


def _column_values(engine, computation) -> Part:
    """`_spark_column_map_condition_values`: the failing values of the column (its domain without the
    accessor's filters, as GX's function has it)."""
    column = computation.metric_provider_kwargs["metrics"]["unexpected_condition"][2]["column"]
    rows = _failing(engine, computation, with_accessor=False).limit(_limit(computation))
    return rows.select(F.lit(None).cast("string"), _values([column])), lambda found: [
        _read(text, 1)[0] for _, text in found
    ]


def _pair_values(engine, computation) -> Part:
    """`_spark_column_pair_map_condition_values`: the failing pairs."""
    accessor = computation.metric_provider_kwargs["metrics"]["unexpected_condition"][2]
    names = [accessor["column_A"], accessor["column_B"]]
    rows = _failing(engine, computation).limit(_limit(computation))
    return rows.select(F.lit(None).cast("string"), _values(names)), lambda found: [
        tuple(_read(text, 2)) for _, text in found
    ]


def _multicolumn_values(engine, computation) -> Part:
    """`_spark_multicolumn_map_condition_values`: the failing rows' values, by column."""
    names = list(computation.metric_provider_kwargs["metrics"]["unexpected_condition"][2]["column_list"])
    rows = _failing(engine, computation).limit(_limit(computation))
    return rows.select(F.lit(None).cast("string"), _values(names)), lambda found: [
        dict(zip(names, _read(text, len(names)), strict=True)) for _, text in found
    ]


def _count(rows: DataFrame) -> DataFrame:
    return rows.groupBy().count().select(F.lit(None).cast("string"), _values(["count"]))


def _unexpected_count(engine, computation) -> Part:
    """`_spark_map_condition_unexpected_count_value`: how many rows fail."""
    return _count(_failing(engine, computation)), lambda found: _read(found[0][1], 1)[0]


def _filtered_row_count(engine, computation) -> Part:
    """`_spark_column_pair_map_condition_filtered_row_count` and its multicolumn twin: the domain's rows."""
    _, compute, accessor = computation.metric_provider_kwargs["metrics"]["unexpected_condition"]
    return _count(engine.get_domain_records(domain_kwargs={**compute, **accessor})), lambda found: _read(
        found[0][1], 1
    )[0]


_AS_GX: dict[str, Callable] = {
    "_spark_map_condition_index": _index_list,
    "_spark_column_map_condition_values": _column_values,
    "_spark_column_pair_map_condition_values": _pair_values,
    "_spark_multicolumn_map_condition_values": _multicolumn_values,
    "_spark_map_condition_unexpected_count_value": _unexpected_count,
    "_spark_column_pair_map_condition_filtered_row_count": _filtered_row_count,
    "_spark_multicolumn_map_condition_filtered_row_count": _filtered_row_count,
}


def direct_part(engine, computation) -> Part | None:
    """The part of a metric GX computes on its own, or None where GX's own function should run."""
    make = _AS_GX.get(getattr(computation.metric_fn, "__name__", ""))
    if make is None or "unexpected_condition" not in computation.metric_provider_kwargs["metrics"]:
        return None
    return make(engine, computation)


def aggregate_parts(engine, bundled: list) -> dict[tuple, Part]:
    """GX's `resolve_metric_bundle`: the aggregates of each domain, one part a domain; a part's value is the
    aggregates' values by metric id."""
    domains: dict = {}
    for computation in bundled:
        kwargs = IDDict(computation.compute_domain_kwargs or {})
        domain = domains.setdefault(kwargs.to_id(), (kwargs, [], []))
        domain[1].append(computation.metric_fn)
        domain[2].append(computation.metric_configuration.id)
    parts = {}
    for domain_id, (kwargs, aggregates, ids) in domains.items():
        rows = engine.get_domain_records(domain_kwargs=kwargs).agg(
            *(aggregate.alias(f"v{n}") for n, aggregate in enumerate(aggregates))
        )
        query = rows.select(F.lit(None).cast("string"), F.to_json(F.struct(*rows.columns)))

        def value(found: list, ids: list = ids) -> dict:
            return {
                metric_id: convert_to_json_serializable(data=each)
                for metric_id, each in zip(ids, _read(found[0][1], len(ids)), strict=True)
            }

        parts[("aggregates", domain_id)] = (query, value)
    return parts


def collect(parts: dict) -> dict:
    """Every part's value, from one Spark job."""
    if not parts:
        return {}
    keys = list(parts)
    queries = [parts[key][0].toDF("claim_id", "values").select(F.lit(n).alias("part"), "claim_id", "values")
               for n, key in enumerate(keys)]  # fmt: skip
    found: list[list] = [[] for _ in keys]
    for row in functools.reduce(DataFrame.unionAll, queries).collect():
        found[row["part"]].append((row["claim_id"], row["values"]))
    return {key: parts[key][1](rows) for key, rows in zip(keys, found, strict=True)}
