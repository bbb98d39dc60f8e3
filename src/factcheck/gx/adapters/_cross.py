"""What the Great Expectations adapters of the cross-claim checks share: a table metric runs a check's pure
function (`factcheck.rules`) on the (row-conditioned) batch, and a `CrossClaimExpectation` reads its hits.

Not an expectation itself (it is not in `factcheck.gx.adapters`' list).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pandas as pd
from great_expectations.core.metric_domain_types import MetricDomainTypes
from great_expectations.expectations.expectation import BatchExpectation
from great_expectations.expectations.model_field_types import ConditionParser
from great_expectations.expectations.row_conditions import RowConditionType

from factcheck.rules._claims import Hits


def table(execution_engine, metric_domain_kwargs: dict, find: Callable[[pd.DataFrame], Hits]) -> Hits:
    """Run `find` on the batch as GX hands it to a table metric (after the row condition)."""
    frame, _, _ = execution_engine.get_compute_domain(
        domain_kwargs=metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE
    )
    return find(frame.reset_index(drop=True)) if not frame.empty else []


class CrossClaimExpectation(BatchExpectation):
    """A batch expectation whose single metric is a list of hits; it fails when any hit is not a corroboration."""

    row_condition: RowConditionType = None
    condition_parser: ConditionParser | None = None

    metric_dependencies: ClassVar[tuple[str, ...]] = ()
    domain_keys: ClassVar[tuple[str, ...]] = ("batch_id", "row_condition", "condition_parser")
    success_keys: ClassVar[tuple[str, ...]] = ()
    library_metadata: ClassVar[dict] = {"tags": ["factcheck"], "contributors": ["factcheck"]}

    @classmethod
    def is_abstract(cls) -> bool:
        return not cls.metric_dependencies

    def select(self, hits: Hits) -> Hits:
        """The hits this configuration reports (all of them, unless a subclass filters by a kwarg)."""
        return hits

    def _validate(self, metrics, runtime_configuration=None, execution_engine=None):
        hits = self.select(metrics[self.metric_dependencies[0]])
        failed = sum(hit.get("status", "failed") == "failed" for hit in hits)
        return {
            "success": failed == 0,
            "result": {"observed_value": failed, "unexpected_count": failed, "details": {"hits": hits}},
        }
