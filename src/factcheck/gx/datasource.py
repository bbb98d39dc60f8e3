"""The Great Expectations data source that the claims frame is validated through: GX's pandas data source and
execution engine, less the batch's fingerprint.

GX hashes every value of an in-memory frame when it makes a batch of it (`pandas_data_fingerprint`, a
batch marker that names the batch in stored results): at a million claims, a fifth of the time of the
suites (docs/performance.md). A run validates one frame once and stores no result, so nothing reads the
fingerprint; every expectation still runs in GX's own `PandasExecutionEngine`. Runs that keep their results
for Data Docs use GX's data source as it is. GX's data sources are its extension point for this
(`execution_engine_override`); defining the class registers its type with GX.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

import pandas as pd
from great_expectations.core.batch import BatchMarkers
from great_expectations.core.batch_spec import RuntimeDataBatchSpec
from great_expectations.datasource.fluent.pandas_datasource import PandasDatasource
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.execution_engine.pandas_batch_data import PandasBatchData


class UnfingerprintedPandasEngine(PandasExecutionEngine):
    """GX's pandas engine, making a batch of an in-memory frame without hashing it."""

    def get_batch_data_and_markers(self, batch_spec):
        if not (isinstance(batch_spec, RuntimeDataBatchSpec) and isinstance(batch_spec.batch_data, pd.DataFrame)):
            return super().get_batch_data_and_markers(batch_spec)
        frame = batch_spec.batch_data
        batch_spec.batch_data = "PandasDataFrame"  # as GX's own engine leaves it
        loaded = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
        return PandasBatchData(execution_engine=self, dataframe=frame), BatchMarkers({"ge_load_time": loaded})


class FactcheckPandasDatasource(PandasDatasource):
    """GX's pandas data source on `UnfingerprintedPandasEngine` (`context.data_sources.add_factcheck_pandas`)."""

    type: Literal["factcheck_pandas"] = "factcheck_pandas"
    execution_engine_override: ClassVar[type[PandasExecutionEngine] | None] = UnfingerprintedPandasEngine
