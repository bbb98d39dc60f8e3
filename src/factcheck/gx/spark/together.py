"""The metrics of one step of Great Expectations' metric graph, computed in one Spark job.

GX resolves its metric graph step by step, each step the metrics whose inputs are ready. On Spark it then
runs a job for each domain's aggregates (the counts every expectation reads: one domain per row condition
and column), and a job or two for each map expectation's failing rows, their values and its domain's size
(`isEmpty`, then `collect`, then `count`): on this machine each job costs far more than the claims it reads.
Here each of those metrics is one part of a single query, the union of every part as rows of (part, the
row's place, claim id, the part's values as JSON), collected once; each metric's value is then what GX's own
function gives (the functions are named in `_AS_GX`), read from its part's rows. Any other metric is GX's own.

A Spark stage costs far more than the rows of a gate, so the query adds as few exchanges as it can: the
failing values GX limits are limited in each partition (the driver keeps the first of them, in the
partitions' order), and the rows every count counts are counted together, in one `groupBy` of the parts.
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
Row = tuple[int | None, str | None, str | None]  # a part's row: its place (limited rows), claim id, values
# `monotonically_increasing_id` holds the partition in its upper bits and the row's place in it in the lower 33.
_PLACE_BITS = (1 << 33) - 1


class Counted:
    """A part that is the number of its rows: counted with the other counts of the step (`collect`)."""

    def __init__(self, rows: DataFrame) -> None:
        self.rows = rows


def _no_place() -> Column:
    """The place of a row that is not limited (a Column needs a running Spark session: built with its query)."""
    return F.lit(None).cast("long")


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


def _first(rows: DataFrame, limit: int) -> DataFrame:
    """At most `limit` rows of each partition, as (place, no claim id, values) once `_values` is selected, without
    the exchange to one partition that `limit` needs; `_kept` keeps the first `limit` of them."""
    place = F.monotonically_increasing_id()
    return rows.withColumn("__place", place).filter(F.col("__place").bitwiseAND(_PLACE_BITS) < limit)


def _kept(found: list[Row], limit: int) -> list[str | None]:
    return [values for _, _, values in sorted(found, key=lambda row: row[0])[:limit]]


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
    rows = _failing(engine, computation).select(_no_place(), F.col("claim_id"), F.lit(None).cast("string"))
    return rows, lambda found: [{"claim_id": [claim_id for _, claim_id, _ in found]}] if found else []


def _column_values(engine, computation) -> Part:
    """`_spark_column_map_condition_values`: the failing values of the column (its domain without the
    accessor's filters, as GX's function has it)."""
    column, limit = (
        computation.metric_provider_kwargs["metrics"]["unexpected_condition"][2]["column"],
        _limit(computation),
    )
    rows = _first(_failing(engine, computation, with_accessor=False), limit)
    return _limited(rows, [column]), lambda found: [_read(text, 1)[0] for text in _kept(found, limit)]


def _pair_values(engine, computation) -> Part:
    """`_spark_column_pair_map_condition_values`: the failing pairs."""
    accessor = computation.metric_provider_kwargs["metrics"]["unexpected_condition"][2]
    names, limit = [accessor["column_A"], accessor["column_B"]], _limit(computation)
    rows = _first(_failing(engine, computation), limit)
    return _limited(rows, names), lambda found: [tuple(_read(text, 2)) for text in _kept(found, limit)]


def _multicolumn_values(engine, computation) -> Part:
    """`_spark_multicolumn_map_condition_values`: the failing rows' values, by column."""
    names = list(computation.metric_provider_kwargs["metrics"]["unexpected_condition"][2]["column_list"])
    limit = _limit(computation)
    rows = _first(_failing(engine, computation), limit)
    return _limited(rows, names), lambda found: [
        dict(zip(names, _read(text, len(names)), strict=True)) for text in _kept(found, limit)
    ]


def _limited(rows: DataFrame, names: list[str]) -> DataFrame:
    return rows.select(F.col("__place"), F.lit(None).cast("string"), _values(names))


def _count(found: list[Row]) -> int:
    return int(found[0][2]) if found else 0  # a part without rows has no group in `collect`'s count


def _unexpected_count(engine, computation) -> tuple[Counted, Callable]:
    """`_spark_map_condition_unexpected_count_value`: how many rows fail."""
    return Counted(_failing(engine, computation)), _count


def _filtered_row_count(engine, computation) -> tuple[Counted, Callable]:
    """`_spark_column_pair_map_condition_filtered_row_count` and its multicolumn twin: the domain's rows."""
    _, compute, accessor = computation.metric_provider_kwargs["metrics"]["unexpected_condition"]
    return Counted(engine.get_domain_records(domain_kwargs={**compute, **accessor})), _count


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
        query = rows.select(_no_place(), F.lit(None).cast("string"), F.to_json(F.struct(*rows.columns)))

        def value(found: list[Row], ids: list = ids) -> dict:
            return {
                metric_id: convert_to_json_serializable(data=each)
                for metric_id, each in zip(ids, _read(found[0][2], len(ids)), strict=True)
            }

        parts[("aggregates", domain_id)] = (query, value)
    return parts


def collect(parts: dict) -> dict:
    """Every part's value, from one Spark job: the counted parts' rows counted in one `groupBy` of the parts,
    and the union read in as many tasks as the batch has partitions, not one a part and partition."""
    if not parts:
        return {}
    keys = list(parts)
    columns = ("place", "claim_id", "values")
    listed = [query.toDF(*columns).select(F.lit(n).alias("part"), *columns)
              for n, (query, _) in enumerate(parts.values()) if not isinstance(query, Counted)]  # fmt: skip
    counted = [query.rows.select(F.lit(n).alias("part"))
               for n, (query, _) in enumerate(parts.values()) if isinstance(query, Counted)]  # fmt: skip
    first = (listed or counted)[0]
    tasks = max(first.sparkSession.sparkContext.defaultParallelism, 1)
    if counted:
        counts = _union(counted).coalesce(tasks).groupBy("part").count()
        listed.append(counts.select("part", _no_place().alias("place"), F.lit(None).cast("string").alias("claim_id"),
                                    F.col("count").cast("string").alias("values")))  # fmt: skip
    found: list[list[Row]] = [[] for _ in keys]
    for row in _union(listed).coalesce(tasks).collect():
        found[row["part"]].append((row["place"], row["claim_id"], row["values"]))
    return {key: parts[key][1](rows) for key, rows in zip(keys, found, strict=True)}


def _union(queries: list[DataFrame]) -> DataFrame:
    return functools.reduce(DataFrame.unionAll, queries)
