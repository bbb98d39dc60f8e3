"""A figure the article repeats without the floor it first stated (prose.check): "At least 96 people were killed
... The 96 dead included" names the backed figure again; a bare figure that states a claim's floor the article
never stated, or another value, still stands out."""

from __future__ import annotations

import pytest

from desk_helpers import claim, desk  # noqa: F401

CATALOG = {
    "metrics": {"deaths": {"unit": "people", "description": "people killed", "terms": ["killed", "dead", "toll"]}},
    "subjects": {"valmor": {"name": "Valmor", "aliases": ["Valmor"]}},
    "claimants": {"clinic": {"name": "St Roch clinic", "aliases": ["the clinic"]}},
}
CLAIMS = [claim("deaths-clinic", "deaths", "valmor", "clinic", 96, qualifier="at_least")]


@pytest.mark.parametrize(
    "later",
    [
        "By evening the clinic had put the toll at 96.",
        "The clinic said 96 people were killed, most of them in the market.",
    ],
)
def test_a_repeated_figure_without_its_floor_is_backed(curated, later):
    body = f"At least 96 people were killed in Valmor, the clinic said.\n\n{later}"
    found = curated.findings(body)
    assert [(f.check, f.line) for f in found] == [("article-backed", 5), ("article-backed", 7)]
    assert "the figure the article stated before" in found[1].message


def test_a_bare_floor_the_article_never_stated_with_its_qualifier_still_warns(curated):
    (found,) = curated.findings("The clinic said 96 people were killed in Valmor.")
    assert (found.check, found.severity) == ("article-ambiguous", "warning")


def test_a_changed_repeat_still_blocks(curated):
    body = "At least 96 people were killed in Valmor, the clinic said.\n\nThe clinic said 69 people were killed."
    found = curated.findings(body)
    assert [(f.check, f.severity) for f in found][1] == ("article-contradicts", "critical")
