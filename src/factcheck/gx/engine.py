"""Stage 1: run the suites in Great Expectations and read back which claims broke which expectation.

This is the only module (with `factcheck.gx.adapters`) that imports Great Expectations. It returns plain
`Hit`s; turning them into findings and messages is `factcheck.pipeline.messages`' job.

Nothing GX does may pass silently: a suite entry that GX rejects is a configuration error naming the suite
file and line, and an expectation whose metric raised is an internal error, never a pass.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.expectations.expectation_configuration import ExpectationConfiguration
from great_expectations.validator.v1_validator import Validator

from factcheck.floor.errors import ConfigError, EngineError
from factcheck.gx import adapters, datasource  # noqa: F401  (defining the data source registers its type)
from factcheck.report.findings import Hit
from factcheck.rules import EXPECTATIONS

if TYPE_CHECKING:  # the engine reads suites, never a suite file
    from factcheck.pipeline.suites import Check, Suite

OWN_TYPES = frozenset(own.type for own in EXPECTATIONS)  # factcheck's own types: one that fails inside GX is our bug

# A map expectation names its failing rows by index label, which on the frame's default index is the row's
# position, mapped to claim ids here in one step. Asking GX for the `claim_id` of each failing row instead
# makes it look them up one at a time (docs/performance.md), and the failing values are never read.
# Data Docs show both to people, so only the results kept for them ask for both.
RESULT_FORMAT = {"result_format": "COMPLETE", "exclude_unexpected_values": True}
# Data Docs render failing values as HTML without escaping them, so they show only the claim ids (whose
# characters the dataset format limits), never a value from the data.
DOCS_RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": ["claim_id"],
    "exclude_unexpected_values": True,
}


class Engine:
    """One ephemeral GX context for a run; suites are built once and validated per frame."""

    def __init__(self, keep_results: bool = False) -> None:
        # Storing results (what Data Docs are built from) serialises and deep-copies every failing row:
        # ten times the validation itself with thousands of hits. Only Data Docs need it.
        self.keep_results = keep_results
        # Quiet first: registering factcheck's RE2 regex metrics over GX's own logs a warning.
        logging.getLogger("great_expectations").setLevel(logging.CRITICAL)
        adapters.register()
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        # Without results kept, GX's pandas engine makes the batch without hashing the frame (gx/datasource.py).
        sources = self.context.data_sources
        source = sources.add_pandas("claims") if keep_results else sources.add_factcheck_pandas("claims")
        asset = source.add_dataframe_asset("claims")
        self.batch = asset.add_batch_definition_whole_dataframe("all")
        self._built: dict[str, list] = {}
        self._definitions: dict[str, gx.ValidationDefinition] = {}

    def prepare(self, suite: Suite) -> None:
        """Build the suite in GX now, so that a rejected entry is reported before any validation runs."""
        self._built_for(suite)

    def _built_for(self, suite: Suite) -> list:
        """The suite's checks as GX adapters, one per check, in order (not stored in the context)."""
        if suite.path not in self._built:
            self._built[suite.path] = [_expectation(suite, check) for check in suite.checks]
        return self._built[suite.path]

    def validate_all(self, suites: Sequence[Suite], frame: pd.DataFrame, today: dt.date) -> dict[str, list[Hit]]:
        """The hits of each suite (by path) on `frame`.

        Every check of every suite is validated in one GX validation: one batch (GX hashes the whole frame
        for each batch) and one metric graph, so the metrics the checks share (the table's columns and
        row count) are computed once, and the per-validation set-up is paid once. Each check's hits are what validating its suite alone gives; the first
        check (in suite order) that failed inside GX is the error raised.
        """
        unique = list({suite.path: suite for suite in suites}.values())
        checks = [(suite, check) for suite in unique for check in suite.checks]
        if len({check.id for _, check in checks}) != len(checks):
            raise ValueError("suites validated together need distinct check ids (a gate's suites have them)")
        hits: dict[str, list[Hit]] = {suite.path: [] for suite in unique}
        if frame.empty:
            return hits
        frame = frame.reset_index(drop=True)  # row labels must be positions (see RESULT_FORMAT); no data is copied
        ids = frame["claim_id"].to_numpy()
        parameters = {"today": float(today.toordinal())}
        if self.keep_results:
            found = [each for suite in unique for each in self._run_definition(suite, frame, parameters, ids)]
        else:
            validator = Validator(
                batch_definition=self.batch, batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT
            )
            together = gx.ExpectationSuite(
                name="factcheck", expectations=[e for s in unique for e in self._built_for(s)]
            )
            found = _read(checks, validator.validate_expectation_suite(together, parameters).results, ids)
        for (suite, _), check_hits in zip(checks, found, strict=True):
            hits[suite.path] += check_hits
        return hits

    def _run_definition(self, suite: Suite, frame: pd.DataFrame, parameters: dict, ids) -> list[list[Hit]]:
        """Validate one suite through a stored validation definition, which keeps its results for Data Docs."""
        if suite.path not in self._definitions:
            built = self.context.suites.add(
                gx.ExpectationSuite(
                    name=_gx_name(suite.path), expectations=[_expectation(suite, c) for c in suite.checks]
                )
            )
            self._definitions[suite.path] = self.context.validation_definitions.add(
                gx.ValidationDefinition(name=_gx_name(suite.path), data=self.batch, suite=built)
            )
        result = self._definitions[suite.path].run(
            batch_parameters={"dataframe": frame}, expectation_parameters=parameters, result_format=DOCS_RESULT_FORMAT
        )
        return _read([(suite, check) for check in suite.checks], result.results, ids)

    def build_data_docs(self, directory: Path) -> Path:
        """Write GX's own Data Docs site for the validations this engine ran; returns its index page.

        GX writes into its folder directly, following any symlink it finds there, so the site is built in a
        fresh folder made beside `directory` and then put in its place; a site already there is removed
        without following its links."""
        import shutil
        import tempfile

        directory = directory.absolute()
        try:
            directory.parent.mkdir(parents=True, exist_ok=True)
            fresh = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
        except OSError as error:
            raise _unwritable_docs(directory, error) from None
        try:
            self.context.add_data_docs_site(
                "factcheck",
                {
                    "class_name": "SiteBuilder",
                    "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(fresh)},
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
            self.context.build_data_docs(site_names=["factcheck"])
            old = None
            if directory.is_symlink() or directory.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{directory.name}.old.", dir=directory.parent))
                os.replace(directory, old / "site")
            os.replace(fresh, directory)
            if old is not None:
                shutil.rmtree(old)  # never follows a symlink inside it
        except OSError as error:
            raise _unwritable_docs(directory, error) from None
        finally:
            if fresh.exists():
                shutil.rmtree(fresh)
        return directory / "index.html"


def _unwritable_docs(directory: Path, error: OSError) -> ConfigError:
    return ConfigError(
        f"cannot write the Data Docs to {directory}: {error.strerror or error}", "choose a folder you can write to"
    )


def _gx_name(path: str) -> str:
    """GX names files after suites, and its file stores refuse a `/`: expectations/x.yml -> adapters.x."""
    return path.rsplit(".", 1)[0].replace("/", ".").replace(":", ".")  # factcheck:NAME, a built-in suite


def _expectation(suite: Suite, check: Check):
    entry = {
        "type": check.type,
        "kwargs": check.kwargs,
        "meta": {**check.meta, "id": check.id},
        "severity": check.severity,
    }
    try:
        return ExpectationConfiguration(**entry).to_domain_obj()
    except Exception as error:  # GX raises several unrelated types for a bad entry
        reason = _rejection(error)
        raise ConfigError(
            f"{suite.path}:{check.line}: Great Expectations rejects `{check.type}` ({check.id}): {reason}",
            f"`{check.type}` is factcheck's own: `factcheck explain` of its check shows its kwargs"
            if check.type in OWN_TYPES
            else "check its kwargs against the Great Expectations documentation of the type",
        ) from None


def _rejection(error: Exception) -> str:
    """Why GX refused an entry, in a sentence about the suite: its expectations are pydantic (v1) models,
    whose own first line ("2 validation errors for ExpectColumnValuesToBeBetween") names Python classes."""
    problems = error.errors() if callable(getattr(error, "errors", None)) else None
    if not problems or not isinstance(problems, list) or not isinstance(problems[0], dict):
        text = str(error).strip()
        return text.splitlines()[0] if text else type(error).__name__
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "__root__")
    if first.get("type") == "value_error.extra":
        import difflib

        known = [name for name in getattr(getattr(error, "model", None), "__fields__", {}) if not name.startswith("_")]
        close = difflib.get_close_matches(where, known, n=1)
        return f"unknown kwarg `{where}`" + (f" (did you mean `{close[0]}`?)" if close else "")
    return f"`{where}`: {first.get('msg', '')}" if where else str(first.get("msg", ""))


def _read(checks: list[tuple[Suite, Check]], results: list, ids) -> list[list[Hit]]:
    """The hits of each check, in the order of `checks` (GX lists the validations that failed first); the
    first check that failed inside GX raises. `ids`: the claim id of each row of the validated frame."""
    by_id = {item.expectation_config.meta["id"]: item for item in results}
    found = []
    for suite, check in checks:
        item = by_id.get(check.id)
        if item is None:
            raise EngineError(f"check {check.id} ({suite.path}:{check.line}): Great Expectations returned no result")
        _raise_if_failed_inside(suite, check, item)
        if item.success and "hits" not in ((item.result or {}).get("details") or {}):
            found.append([])
        else:
            found.append(_hits(check, item.result, ids))
    return found


def _raise_if_failed_inside(suite: Suite, check: Check, item) -> None:
    info = item.exception_info or {}
    if "raised_exception" in info:
        info = {"": info}
    for details in info.values():
        if isinstance(details, dict) and details.get("raised_exception"):
            message = (details.get("exception_message") or "").strip().splitlines()
            if check.type not in OWN_TYPES:
                raise ConfigError(
                    f"{suite.path}:{check.line}: Great Expectations cannot run `{check.type}` ({check.id}) on "
                    f"the claims: {message[-1][:200] if message else 'no reason given'}",
                    "check that its kwargs suit the columns they name (a number is not compared with text)",
                )
            raise EngineError(
                f"check {check.id} ({suite.path}:{check.line}) failed inside Great Expectations: "
                f"{message[-1] if message else 'no message'}"
            )


def _hits(check: Check, result: dict, ids) -> list[Hit]:
    details = result.get("details") or {}
    if "hits" in details:
        # factcheck's own expectations: hits may be corroborations (status) and carry message fields.
        return [
            Hit(check.id, h["claim_id"], tuple(h.get("related", ())), h.get("status", "failed"),
                tuple(sorted((h.get("fields") or {}).items())))
            for h in details["hits"]
        ]  # fmt: skip
    rows = result.get("unexpected_index_list")
    if rows is None:
        raise EngineError(
            f"check {check.id}: Great Expectations reported a failure without naming the claims; "
            "only expectations that report rows (column map expectations) or factcheck's own can be used"
        )
    if rows and isinstance(rows[0], dict):  # DOCS_RESULT_FORMAT: without the values, {"claim_id": [ids]}
        return [Hit(check.id, str(claim_id)) for row in rows for claim_id in _listed(row["claim_id"])]
    return [Hit(check.id, str(claim_id)) for claim_id in ids[rows]]


def _listed(value: object) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]
