"""A figure attributed to a speaker the catalog does not know (prose.speakers): named, it is no longer read as
having no claimant; the claims of others that fit it are listed (article-ambiguous), never chosen, and nothing
is critical. Generic attributions ("officials said"), catalog names and the outlets of the claims are no such
speaker."""

from __future__ import annotations

import pytest

from article_helpers import articles  # noqa: F401
from factcheck.prose.speakers import speaker, speakers


def name_in(text: str, known: tuple[str, ...] = ()) -> str | None:
    spans = [(text.index(k), text.index(k) + len(k)) for k in known]
    names = speakers(text, 0, len(text))
    found = speaker(names, [n.start for n in names], 0, len(text), text.index("300"), spans)
    return found.name if found else None


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Rapid Support Forces said 300 were killed.", "Rapid Support Forces"),
        ("According to Médecins Sans Frontières, 300 were killed.", "Médecins Sans Frontières"),
        ("According to the Office for the Coordination of Humanitarian Affairs, 300 died.",
         "Office for the Coordination of Humanitarian Affairs"),
        ('"We buried 300 people," said Amal Haddad, a nurse.', "Amal Haddad"),
        ("The toll reached 300, Health Minister Haitham Ibrahim told reporters.", "Health Minister Haitham Ibrahim"),
        ("At least 300 died, the Red Crescent reported on Monday.", "Red Crescent"),
    ],
)  # fmt: skip
def test_a_named_speaker_is_read(text, name):
    assert name_in(text) == name


@pytest.mark.parametrize(
    "text, known",
    [
        ("Officials said 300 were killed.", ()),
        ("He said 300 were killed.", ()),
        ("Police said 300 were killed.", ()),
        ("300 were killed, the gunman's family said.", ()),  # no proper name
        ("The army, which said 300 were killed, denied it.", ()),
        ("Sudan's army said 300 were killed.", ("Sudan's army",)),  # a name of the catalog
        ("Sudan said 300 were killed.", ("Sudan",)),  # a subject of the catalog
        ("The Sudan said 300 were killed.", ("Sudan",)),
        ("300 died in Khartoum, a city the RSF holds.", ()),  # no verb of saying
        ("In May he told Reuters that 300 had died.", ()),  # "told" names the listener
    ],
)
def test_generic_attributions_and_catalog_names_are_no_unknown_speaker(text, known):
    assert name_in(text, known) is None


def _findings(articles, sentence: str):  # noqa: F811
    name = articles.article(f"---\npublished: 2026-02-04\n---\n{sentence}\n")
    return [f for f in articles.check(name).findings if f.check.startswith("article-")]


def test_a_figure_said_by_an_unknown_speaker_is_ambiguous_naming_them_not_backed(articles):  # noqa: F811
    (found,) = _findings(
        articles, "Amnesty International said on Wednesday that 55,000 Ukrainian soldiers had been killed."
    )
    assert found.check == "article-ambiguous" and found.severity == "warning"
    assert "“Amnesty International”, who is no claimant of the catalog" in found.message
    assert "ua-military-killed-zelensky-2026-02" in found.related
    assert "aliases" in found.hint


def test_a_changed_figure_of_an_unknown_speaker_is_unbacked_not_critical(articles):  # noqa: F811
    (found,) = _findings(
        articles, "Amnesty International said on Wednesday that 57,000 Ukrainian soldiers had been killed."
    )
    assert found.check == "article-unbacked" and "Amnesty International" in found.message


def test_the_catalogs_claimant_and_an_outlet_of_the_claims_are_read_as_before(articles):  # noqa: F811
    (found,) = _findings(articles, "Zelensky said on Wednesday that 55,000 Ukrainian soldiers had been killed.")
    assert found.check == "article-backed"
    (found,) = _findings(articles, "NBC reported on Wednesday that 55,000 Ukrainian soldiers had been killed.")
    assert found.check == "article-backed"  # NBC publishes one of the claims: it relays, the claimant is another


def test_a_name_that_holds_a_subjects_among_words_of_its_own_is_an_unknown_speaker(articles):  # noqa: F811
    (found,) = _findings(
        articles, "The Ukrainian Veterans Fund said on Wednesday that 55,000 soldiers had been killed."
    )
    assert found.check == "article-ambiguous" and "“Ukrainian Veterans Fund”" in found.message
