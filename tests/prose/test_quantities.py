"""What a figure measures (articles.quantities): a unit after it, a currency sign, a magnitude, an age; and a
quantity whose unit no metric has is set aside, not judged, while a changed count still stands out."""

from __future__ import annotations

import pytest

from article_helpers import articles, seed_text  # noqa: F401
from factcheck.prose.quantities import canonical, part_of_set, quantity, set_size


def _quantity(text: str, figure: str):
    start = text.index(figure)
    return quantity(text, start, start, start + len(figure))


@pytest.mark.parametrize(
    "text, figure, unit",
    [
        ("The convoy drove 450 km to the border.", "450", "km"),
        ("Water rose 14 feet in the valley.", "14", "feet"),
        ("The town lies 35 miles north of the dam.", "35", "miles"),
        ("The siege lasted 11 days.", "11", "days"),
        ("Soot particles under 10 microns across reach the lungs.", "10", "microns"),
        ("The ward admits an average of 30 patients a night.", "30", "average"),
        ("Morgues took in 90 bodies, against a usual average of about five or six.", "six", "average"),
        ("Clinics usually average 12 to 15 cases.", "15", "average"),
        ("Crews worked for 36 hours without rest.", "36", "hours"),
        ("Gusts reached 190 km/h on the coast.", "190", "km/h"),
        ("Winds of up to 175 kmph lashed the coast.", "175", "km/h"),  # as South Asian newsrooms write it
        ("The fire burned 2,400 acres.", "2,400", "acres"),
        ("The council asked for $250 million.", "250", "usd"),
        ("A magnitude 6.4 tremor hit the port.", "6.4", "magnitude"),
        ("The 6.4 magnitude tremor hit the port.", "6.4", "magnitude"),
        ("The driver, Tom Reyes, 54, was arrested.", "54", "age"),
        ("Among them was a boy aged 13 from the village.", "13", "age"),
        ("She was 81 years old.", "81", "age"),
        ("Four crews of 12 firefighters each reached the ridge.", "12", "each"),
        ("Two barges carrying 40 tonnes of grain and 30 people each.", "30", "each"),
        ("The town, home to 80,000 people, lost power.", "80,000", "population"),
        ("The atoll, home to only 11,000 people, was cut off.", "11,000", "population"),
        ("Pupils under the age of 12 stayed home.", "12", "age"),
        ("The province has a population of about 2.3 million.", "2.3", "population"),
        ("It struck a city of 45,000 in the south.", "45,000", "population"),
        ("Highs near 104 degrees Fahrenheit (40 Celsius) are forecast.", "40", "celsius"),
        ("Highs near 104 degrees Fahrenheit (40 Celsius) are forecast.", "104", "fahrenheit"),
        ("Nights stayed above 86 F (30 C) in the capital.", "86", "fahrenheit"),
        ("Nights stayed above 86 F (30 C) in the capital.", "30", "celsius"),
        ("The mercury reached 41 degrees C on Monday.", "41", "celsius"),
        ("It was 30 degrees in the shade.", "30", "degrees"),  # no scale given
        ("The tremor, which measured 6.1 on the Richter scale, toppled walls.", "6.1", "magnitude"),
        ("Investigators said the 320 cargo jet was overloaded.", "320", "model"),
        ("A 380 airliner was grounded.", "380", "model"),
    ],
)
def test_a_unit_or_an_age_makes_a_quantity(text, figure, unit):
    assert _quantity(text, figure).unit == unit


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Officials said 140 people had died.", "140"),
        ("The storm destroyed 2,300 homes, 45 of them schools.", "45"),
        ("Rescuers reached 25, officials said.", "25"),  # a count between commas, after no name
        ("In Lagos, 230, the agency said.", "230"),  # over a plausible age
        ("The 210 passengers of the jet were evacuated.", "210"),  # a plural: a count, not a model
        ("The ferry carried 210 people.", "210"),
        ("The toll passed 5,200 two weeks after the storm.", "5,200"),  # a count, then a time: no list
        ("The blast killed 300 three days before the vote.", "300"),
    ],
)
def test_a_count_has_no_unit(text, figure):
    assert _quantity(text, figure) is None


def test_catalog_units_are_read_as_the_table_names_them():
    assert canonical("acre") == "acres" and canonical("USD") == "usd" and canonical("percent") == "percent"
    assert canonical("people") is None and canonical("houses") is None


def test_a_distance_and_an_age_are_set_aside_while_a_changed_count_still_stands_out(articles):  # noqa: F811
    extra = ("The front moved 120 km east last winter, and the commander, Ivan Petrenko, 52, said the unit "
             "had marched for 14 hours.")  # fmt: skip
    text = seed_text().replace(
        "Russia has also suffered significant losses in the ongoing war.",
        f"Russia has also suffered significant losses in the ongoing war. {extra}",
    )
    report = articles.check(articles.article(text))
    assert [f for f in report.findings if f.check != "article-backed"] == []
    (article,) = report.articles
    reasons = [m.reason for m in article.marks if m.verdict == "ignored"]
    assert any(r.startswith("a distance (km)") for r in reasons) and any(r.startswith("an age") for r in reasons)
    assert any(r.startswith("a duration (hours)") for r in reasons)
    changed = articles.check(articles.article(text.replace("more than 46,000", "more than 64,000")))
    assert [f.check for f in changed.findings if f.check != "article-backed"] == ["article-contradicts"]


@pytest.mark.parametrize(
    "text, figure, noun",
    [
        ("Ministers of the 31 member countries met in Oslo.", "31", "countries"),
        ("Of the province's 212 villages, few had power.", "212", "villages"),
        ("Schools closed in all 50 states on Monday.", "50", "states"),
        ("Aid reached only 40 villages by Friday.", "40", None),  # no definite word: a count reported
        ("The 40 people in the villages were safe.", "40", None),  # not a count of places
        ("The 12 districts' clinics treated 900 patients.", "900", None),
        ("The rains hit the state, whose 14 districts are on alert.", "14", "districts"),
    ],
)
def test_a_definite_count_of_places_is_the_size_of_a_set(text, figure, noun):
    start = text.index(figure)
    assert set_size(text, start, start + len(figure)) == noun


def test_the_size_of_a_set_of_places_is_set_aside_unless_a_metric_word_follows_in_its_clause(articles):  # noqa: F811
    extra = "Envoys from the 32 member countries of the alliance met in Brussels on the same day."
    text = seed_text().replace(
        "Russia has also suffered significant losses in the ongoing war.",
        f"Russia has also suffered significant losses in the ongoing war. {extra}",
    )
    report = articles.check(articles.article(text))
    assert [f for f in report.findings if f.check != "article-backed"] == []
    (article,) = report.articles
    assert any(m.reason.startswith("the size of a set of countries") for m in article.marks if m.verdict == "ignored")


@pytest.mark.parametrize(
    "text, figure, part",
    [
        ("Police named two of the victims on Monday.", "two", "of the"),
        ("Rescuers pulled three more of them from the rubble.", "three", "more of them"),
        ("Around 1,300 of them were children.", "1,300", "of them"),
        ("One victim was found in his car.", "One", "one"),
        ("The storm killed 14 people.", "14", None),
        ("Of the 14 dead, most were fishermen.", "14", None),  # the set itself
        ("Two were killed in the east.", "Two", None),
    ],
)
def test_a_figure_that_counts_part_of_a_set_is_read_so(text, figure, part):
    start = text.index(figure)
    assert part_of_set(text, start, start + len(figure)) == part


def test_a_part_of_a_set_contradicts_no_total_but_a_changed_total_still_does(articles):  # noqa: F811
    def findings(sentence: str):
        name = articles.article(f"---\npublished: 2026-02-04\n---\n{sentence}\n")
        return [f for f in articles.check(name).findings if f.check.startswith("article-")]

    (part,) = findings("Zelensky said on Wednesday that 300 more of the Ukrainian soldiers had been killed.")
    assert part.check == "article-unbacked" and "“more of the” makes it a part" in part.message
    (total,) = findings("Zelensky said on Wednesday that 300 Ukrainian soldiers had been killed.")
    assert total.check == "article-contradicts"


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The 42 workers each received a medal.", "42"),  # "each" of the counted: a count
        ("Each of the 42 workers was paid.", "42"),
        ("The storm killed 80,000 in the city of Homs.", "80,000"),
        ("Crews rescued 12 people.", "12"),
    ],
)
def test_counts_that_only_stand_near_each_or_a_place_stay_counts(text, figure):
    assert _quantity(text, figure) is None
