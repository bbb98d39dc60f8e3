"""The source-attribution suite: outlet, date, URL or quote, publication after the date, quote states figure."""

from __future__ import annotations

import pytest

from conftest import claim, failed, run_project


def checks_failed(project, **fields) -> set[str]:
    project.dataset([claim("c", **fields)])
    return {f.check for f in failed(run_project(project))}


def test_a_well_attributed_claim_passes(project):
    assert (
        checks_failed(project, source={"outlet": "NBC", "published": "2026-02", "url": "https://www.nbc.com/x"})
        == set()
    )


@pytest.mark.parametrize(
    ("source", "check"),
    [
        ({"published": "2026-02", "quote": "55,000"}, "source-outlet"),
        ({"outlet": "NBC", "quote": "55,000"}, "source-published"),
        ({"outlet": "NBC", "published": "2026-02"}, "source-url-or-quote"),
        ({"outlet": "NBC", "published": "2026-02", "url": "javascript:alert(1)"}, "source-url-wellformed"),
        ({"outlet": "NBC", "published": "2026-02", "url": "data:text/html,hi"}, "source-url-wellformed"),
        ({"outlet": "NBC", "published": "2026-02", "url": "file:///etc/passwd"}, "source-url-wellformed"),
        ({"outlet": "NBC", "published": "2026-02", "url": "ftp://example.org/x"}, "source-url-wellformed"),
        ({"outlet": "NBC", "published": "2026-01", "quote": "55,000"}, "source-published-after-date"),
        ({"outlet": "NBC", "published": "2026-02", "quote": "is 65,000"}, "quote-states-figure"),
    ],
)
def test_each_attribution_failure(project, source, check):
    assert checks_failed(project, source=source) == {check}


def test_partial_publication_dates_are_judged_generously(project):
    # Published "2026" may be after February 2026: not certainly before.
    assert checks_failed(project, source={"outlet": "NBC", "published": "2026", "quote": "55,000"}) == set()


def test_quote_message_shows_the_quote(project):
    project.dataset([claim("c", source={"outlet": "NBC", "published": "2026-02", "quote": "is 65,000"})])
    (finding,) = failed(run_project(project))
    assert finding.message == 'the quote does not state 55,000: "is 65,000"'
