"""factcheck's own expectation types are made from what the check modules declare (`factcheck.gx.adapters.own`):
a declaration is all a new check needs to run in a suite, its kwargs reach its hits, and every shipped
declaration is a type GX knows and a suite may use."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from great_expectations.expectations.registry import get_expectation_impl

from factcheck.gx import adapters, engine
from factcheck.gx.adapters import own
from factcheck.pipeline.suites import FIXED_KWARGS, OWN_TYPES, Check, Suite
from factcheck.rules import EXPECTATIONS, REGISTRY
from factcheck.rules._expectation import RowExpectation, TableExpectation


def test_every_declared_type_is_registered_with_gx_and_usable_in_a_suite():
    registered = adapters.register()
    assert list(registered) == [declared.type for declared in EXPECTATIONS]
    for declared in EXPECTATIONS:
        assert get_expectation_impl(declared.type) is registered[declared.type]
    assert set(OWN_TYPES) == set(registered)
    assert FIXED_KWARGS == {"expect_quote_to_state_figure": {"column_list": ["quote", "value"]}}


def test_each_declaration_is_made_by_the_module_of_one_shipped_check():
    declaring = [m for m in REGISTRY.values() if hasattr(m, "EXPECTATION")]
    assert len({m.EXPECTATION.type for m in declaring}) == len(declaring) == len(EXPECTATIONS)
    assert len({m.EXPECTATION.metric for m in declaring}) == len(declaring)


def _odd_values(frame: pd.DataFrame) -> list[dict]:
    odd = frame[frame["value"] % 2 == 1]
    return [{"claim_id": c, "related": []} for c in odd["claim_id"]]


def test_a_new_declaration_runs_in_a_suite_with_its_kwargs():
    declared = TableExpectation(
        type="expect_test_values_to_be_even",
        metric="factcheck.test_odd_values",
        find=_odd_values,
        doc="Expect every figure to be even (a check made for this test).",
        shared=("claim_id",),
        kwargs={"skip": (int, 0)},
        hits=lambda hits, skip: hits[skip:],
    )
    made = own.make(declared)
    assert get_expectation_impl("expect_test_values_to_be_even") is made
    frame = pd.DataFrame({"claim_id": ["a", "b", "c", "d"], "value": [2.0, 3.0, 5.0, 8.0]})

    def check(id_: str, kwargs: dict) -> Check:
        return Check(id_, declared.type, kwargs, {"id": id_}, "critical", "Even", "Even.", "odd", 1)

    suite = Suite("test", "expectations/test.yml", "", (check("all-odd", {}), check("past-one", {"skip": 1})))
    hits = engine.Engine().validate_all([suite], frame, dt.date(2026, 1, 1))[suite.path]
    assert [(h.check, h.claim_id) for h in hits] == [("all-odd", "b"), ("all-odd", "c"), ("past-one", "c")]


def test_a_type_gx_would_name_otherwise_is_refused():
    declared = RowExpectation(type="expect_share_to_be_0_100", metric="factcheck.test_share", test=bool, columns=("quote",),
                              doc="A name GX's snake case would not give back.")  # fmt: skip
    with pytest.raises(ValueError, match="snake case"):
        own.make(declared)
