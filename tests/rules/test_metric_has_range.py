"""metric-has-range: a metric without a `max` (and not a share) is reported once, on its first-written claim."""

from __future__ import annotations

from checkcases import frame, suite_failures

from factcheck.rules import metric_has_range as check


def test_every_shipped_metric_has_a_range_so_nothing_is_reported(project):
    assert suite_failures(project, check.ID, [{"value": 5}, {"id": "t", "metric": "tanks_lost", "value": 5}]) == set()


def test_a_metric_without_max_is_reported_once_on_its_first_claim(project):
    catalog = project.root / "datasets/catalog.yml"
    text = catalog.read_text(encoding="utf-8")
    start = text.index("  military_killed:")
    end = text.index("max:", start)
    catalog.write_text(text[:end] + "# " + text[end:])  # military_killed's max, commented out
    claims = [
        {"id": "b", "value": 9057, "as_of": "2026-03"},
        {"id": "a", "value": 5434, "as_of": "2026-02"},
        {"id": "c", "metric": "tanks_lost", "value": 10, "as_of": "2026-02"},
    ]
    hits = check.find_metrics_without_range(frame(project, claims))
    assert hits == [{"claim_id": "b"}]  # written first; tanks_lost has its max
