"""The HTML report in a real browser (Debian's chromium, headless, through playwright).

It renders, shows the claim ids and the chart, makes no network request, and runs no injected script.
Without chromium this test fails (it never skips): .ci/run installs it.
"""

from __future__ import annotations

import pytest
from browser import chromium_missing, visit
from report_fixture import INJECTED, fixture_report, rendered


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    missing = chromium_missing()
    if missing:
        pytest.fail(missing, pytrace=False)
    path = tmp_path_factory.mktemp("browser") / "report.html"
    path.write_text(rendered(fixture_report(), "html"), encoding="utf-8")
    return path, visit(path)


def test_renders_the_verdict_claim_ids_and_a_chart(loaded):
    _, page = loaded
    assert page.title == "factcheck: blocked"
    assert "Blocked: not ready to publish" in page.text
    for claim_id in ("zel-2026-03", "typo", "syr-2025-corrected"):
        assert claim_id in page.text
    assert page.svg_charts == 1
    assert page.console_errors == []


def test_makes_no_network_request(loaded):
    path, page = loaded
    others = [url for url in page.requests if url != path.resolve().as_uri() and not url.startswith("data:")]
    assert others == []


def test_an_injected_script_shows_as_text_and_runs_nothing(loaded):
    _, page = loaded
    assert INJECTED in page.text
    assert page.scripts == 0
    assert page.dialogs == []
