"""The fixture findings every reporter renders: one real run (Great Expectations included) on a small project.

The project has a falling cumulative total (blocking), an open upper bound, a waived fall, a claim whose
quote tries to inject a script, a `javascript:` URL and an https URL, and a schema error with a hint.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import io
import shutil
import tempfile
from pathlib import Path

from conftest import TODAY, Project, claim
from factcheck.pipeline.options import Options
from factcheck.pipeline.run import run
from factcheck.report.findings import Report
from factcheck.reporters import get

INJECTED = "<script>alert(1)</script> 45,000 killed"


def fixture_claims() -> list[dict]:
    return [
        claim(
            "zel-2025-02",
            value=46000,
            qualifier="more_than",
            as_of="2025-02",
            source={"outlet": "NBC", "published": "2025-02", "quote": "more than 46,000",
                    "url": "https://www.nbcnews.com/interview"},
        ),
        claim("zel-2026-02"),
        claim(
            "zel-2026-03",
            value=45000,
            as_of="2026-03",
            source={"outlet": "Le <b>Monde</b>", "published": "2026-03", "quote": INJECTED,
                    "url": "javascript:alert(2)"},
        ),
        claim(
            "syr-2025",
            claimant="syrskyi",
            value=40000,
            as_of="2025-06",
            source={"outlet": "Ukrainska Pravda", "published": "2025-06", "quote": "40,000"},
        ),
        claim(
            "syr-2025-corrected",
            claimant="syrskyi",
            value=39000,
            as_of="2025-09",
            source={"outlet": "Ukrainska Pravda", "published": "2025-09", "quote": "39,000"},
            waivers=[{"check": "cumulative-non-decreasing", "reason": "the count was corrected downward",
                      "until": "2027-01-01"}],
        ),
        claim("typo", claimant="zelenskiy"),
    ]  # fmt: skip


@functools.cache
def fixture_report() -> Report:
    """Run once per test session: Great Expectations costs seconds, and every reporter test reads this."""
    root = Path(tempfile.mkdtemp(prefix="factcheck-reporters-"))
    atexit.register(shutil.rmtree, root, True)
    Project(root).dataset(fixture_claims(), name="war/casualties.yml")
    return run(Options(root=root, today=dt.date.fromisoformat(TODAY)))


def rendered(report: Report, name: str) -> str:
    stream = io.StringIO()
    get(name).render(report, stream)
    return stream.getvalue()
