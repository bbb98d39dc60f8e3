"""The articles stage of a run: each article the plan names (`plan.Draft`) checked against the claims of its
datasets by `factcheck.prose`, which reads the article and judges its figures; this decides nothing else."""

from __future__ import annotations

from factcheck.model.claimset import ClaimSet
from factcheck.model.format import Catalog
from factcheck.pipeline.plan import Plan
from factcheck.prose.check import check_article
from factcheck.prose.guesses import GuessBudget
from factcheck.prose.match import ClaimIndex
from factcheck.prose.vocabulary import Vocabulary
from factcheck.report.findings import CheckedArticle, Finding


def check(planned: Plan, claims: ClaimSet, catalog: Catalog) -> tuple[list[CheckedArticle], list[tuple[str, Finding]]]:
    """The plan's articles, each once by its name, and every finding with the `fail_on` of the draft (the gate)
    that found it."""
    if not planned.drafts:
        return [], []
    vocabulary = Vocabulary(catalog)
    by_file = claims.by_file()
    budget = GuessBudget()
    # Drafts against the same datasets share one index, and an article two gates name against the same claims
    # is checked once for both: 200 gates naming the same folders cost what one does.
    indexes: dict[tuple[str, ...], ClaimIndex] = {}
    checked: dict[tuple, list[Finding]] = {}
    shown: dict[str, CheckedArticle] = {}
    found: list[tuple[str, Finding]] = []
    for draft in planned.drafts:
        if draft.datasets not in indexes:
            parts = (part for rel in draft.datasets if rel in by_file for part in by_file[rel].parts)
            indexes[draft.datasets] = ClaimIndex(ClaimSet(parts))
        key = (draft.rel, draft.datasets, draft.unbacked)
        if key not in checked:
            article, checked[key] = check_article(
                draft.path, draft.rel, indexes[draft.datasets], vocabulary, catalog, draft.unbacked, budget
            )
            shown.setdefault(draft.rel, article)
        found += [(draft.fail_on, finding) for finding in checked[key]]
    return [shown[rel] for rel in sorted(shown)], found
