"""Stage 0: every schema problem is a finding with file:line, all reported in one run."""

from __future__ import annotations

import pytest

from conftest import claim, failed, run_project


def test_yaml_syntax_error_has_its_line(project):
    project.write("datasets/test.yml", "dataset: t\ntitle: T\nclaims:\n  - id: [unclosed\n")
    (finding,) = failed(run_project(project))
    assert (finding.check, finding.file, finding.line) == ("yaml-syntax", "datasets/test.yml", 5)


def test_tab_indentation_gets_a_hint(project):
    project.write("datasets/test.yml", "dataset: t\ntitle: T\nclaims:\n\t- id: a\n")
    (finding,) = failed(run_project(project))
    assert finding.check == "yaml-syntax" and finding.line == 4
    assert "tab" in finding.hint


def test_duplicate_keys_are_found_where_pyyaml_would_keep_the_last(project):
    project.write(
        "datasets/test.yml",
        """
        dataset: t
        title: T
        claims:
          - id: a
            metric: military_killed
            subject: ukraine
            claimant: zelensky
            value: 55000
            value: 65000
            as_of: 2026-02
            source: {outlet: France 2, published: 2026-02, quote: "55,000"}
        """,
    )
    (finding,) = failed(run_project(project))
    assert (finding.check, finding.line) == ("duplicate-key", 9)
    assert "first on line 8" in finding.message


def test_unknown_field_wrong_type_and_bad_date_all_reported_with_lines(project):
    project.write(
        "datasets/test.yml",
        """
        dataset: t
        title: T
        claims:
          - id: a
            metric: military_killed
            subject: ukraine
            claimant: zelensky
            value: "55,000"
            as_of: 2025-02-30
            source: {outlet: France 2, published: 2026-02, quote: "55,000"}
            sauce: 1
        """,
    )
    found = {(f.check, f.line): f for f in failed(run_project(project))}
    assert set(found) == {("schema", 8), ("schema", 9), ("schema", 11)}
    assert "should be a number" in found["schema", 8].message
    assert "February 2025 has 28 days" in found["schema", 9].message
    assert "unknown field `sauce`" in found["schema", 11].message
    assert found["schema", 11].hint == "did you mean `source`?"


def test_unknown_catalog_keys_get_did_you_mean_from_names_and_aliases(project):
    project.dataset(
        [
            claim("a", claimant="Zelenskiy"),
            claim("b", metric="military_kiled"),
            claim("c", claimant="Shirsky"),
            claim("d", subject="atlantis"),
        ]
    )
    found = {f.claim: f for f in failed(run_project(project), "unknown-reference")}
    assert found["a"].hint == "'Zelenskiy' is another spelling of `zelensky`: write `claimant: zelensky`"
    assert found["b"].hint == "did you mean `military_killed`?"
    assert found["c"].hint == "'Shirsky' is another spelling of `syrskyi`: write `claimant: syrskyi`"
    assert "add `atlantis` to the subjects" in found["d"].hint


def test_duplicate_ids_across_files_point_at_the_first(project):
    project.dataset([claim("same")], name="one.yml")
    project.dataset([claim("same")], name="two.yml")
    (finding,) = failed(run_project(project))
    assert finding.check == "duplicate-id" and finding.file == "datasets/two.yml"
    assert "datasets/one.yml:" in finding.message


def test_a_broken_claim_does_not_stop_the_others(project):
    project.dataset([claim("ok1"), claim("broken", value=True), claim("ok2", value=45000, as_of="2026-05",
                     source={"outlet": "X", "published": "2026-05", "quote": "45,000"})])  # fmt: skip
    report = run_project(project)
    assert {f.check for f in failed(report)} == {"schema", "cumulative-non-decreasing"}
    assert set(report.claims) == {"ok1", "ok2"}


def test_exactly_one_of_as_of_and_period(project):
    project.dataset([claim("both", period="2025"), claim("neither", as_of=None)])
    found = failed(run_project(project), "schema")
    assert [f.claim for f in found] == ["both", "neither"]
    assert all("exactly one of `as_of`" in f.message for f in found)


def test_waiver_needs_a_reason_and_a_real_expiry(project):
    project.dataset(
        [
            claim("a", waivers=[{"check": "source-outlet"}]),
            claim("b", waivers=[{"check": "source-outlet", "reason": "x", "until": "next year"}]),
        ]
    )
    messages = {f.claim: f.message for f in failed(run_project(project), "schema")}
    assert "`waivers[0].reason` is required" in messages["a"]
    assert "is not a date" in messages["b"]


def test_broken_catalog_is_data_with_a_line(project):
    project.write(
        "datasets/catalog.yml",
        """
        metrics:
          killed: {unit: people, description: killed, cumulative: maybe}
        subjects: {ukraine: {name: Ukraine}}
        claimants: {zelensky: {name: Z, affiliation: ukraine}}
        """,
    )
    project.dataset([claim()])
    report = run_project(project)
    (finding,) = failed(report)
    assert (finding.file, finding.line, finding.check) == ("datasets/catalog.yml", 2, "schema")
    assert report.blocked


def test_stray_file_in_datasets_is_a_finding(project):
    project.dataset([claim()])
    project.write("datasets/notes.txt", "hello")
    (finding,) = failed(run_project(project))
    assert (finding.check, finding.file) == ("stray-file", "datasets/notes.txt")


def test_empty_and_scalar_files_are_explained(project):
    project.write("datasets/empty.yml", "")
    project.write("datasets/list.yml", "- 1\n- 2\n")
    messages = {f.file: f.message for f in failed(run_project(project))}
    assert "this file is empty" in messages["datasets/empty.yml"]
    assert "this file is a list" in messages["datasets/list.yml"]


# --- values YAML 1.1 would have converted, and what one file may cost ------------------------------------------

SERIES = (
    "dataset: t\ntitle: T\norigin: 2022-02-24\nseries:\n  - id: s\n    metric: military_killed\n    subject: ukraine\n"
    '    claimant: zelensky\n    source: {outlet: France 2, url: "https://example.org/s"}\n    points:\n'
)


def _load(project, rel: str = "datasets/test.yml", limits=None):
    from factcheck.pipeline import load
    from factcheck.reading.yamltree import LIMITS

    return load.load(project.root, [project.root / rel], limits=limits or LIMITS)


def test_a_figure_not_written_in_plain_digits_is_one_finding_on_its_line_and_its_claim_is_not_checked(project):
    project.dataset([claim("ok"), claim("octal", value="VALUE", as_of="2026-03")])
    path = project.root / "datasets/test.yml"
    path.write_text(path.read_text().replace("value: VALUE", "value: 017"))
    report = run_project(project)
    (finding,) = failed(report)
    assert (finding.check, finding.line, finding.claim) == ("schema", 19, None)
    assert finding.message == "'017' is not a plain decimal number: YAML 1.1 reads it as 15"
    assert finding.hint == "write 17, or put it in quotes ('017') if it is text"
    assert set(report.claims) == {"ok"}


def test_a_text_field_written_as_a_yaml_1_1_number_is_a_finding_and_its_claim_is_not_checked(project):
    project.dataset([claim("ok"), claim("ID", as_of="2026-03")])
    path = project.root / "datasets/test.yml"
    path.write_text(path.read_text().replace("id: ID", "id: 0x1F"))
    loaded = _load(project)
    assert [(f.check, f.line) for f in loaded.findings] == [("schema", 15)]
    assert [c.id for c in loaded.claims] == ["ok"]


def test_a_catalog_value_yaml_1_1_would_read_as_false_is_one_finding(project):
    path = project.root / "datasets/catalog.yml"
    text = path.read_text()
    line = text.splitlines().index("    unit: people") + 2
    path.write_text(text.replace("    unit: people\n", "    unit: people\n    cumulative: no\n", 1))
    project.dataset([claim()])
    findings = [f for f in _load(project).findings if f.file == "datasets/catalog.yml"]
    assert [(f.check, f.line) for f in findings] == [("schema", line)]
    assert "YAML 1.1 reads it as false" in findings[0].message


@pytest.mark.parametrize("value", ["9" * 400, "1.0e+400", "-" + "1" * 310])
def test_a_point_too_large_for_a_float_is_a_finding_on_its_line_not_an_internal_error(project, value):
    project.write("datasets/test.yml", SERIES + f"      - [2025-01-01, 100]\n      - [2025-01-02, {value}]\n")
    assert (project.root / "datasets/test.yml").read_text().splitlines()[11].endswith(f"[2025-01-02, {value}]")
    report = run_project(project)
    (finding,) = failed(report)
    assert (finding.check, finding.line) == ("schema", 12)
    assert "is too large to be a number" in finding.message
    assert set(report.claims) == {"s@2025-01-01"}


def test_a_claim_too_large_for_a_float_is_a_finding_on_its_line(project):
    project.dataset([claim(value="VALUE")])
    path = project.root / "datasets/test.yml"
    path.write_text(path.read_text().replace("value: VALUE", "value: " + "9" * 400))
    (finding,) = failed(run_project(project))
    assert (finding.check, finding.line) == ("schema", 9)
    assert "too large to be a number" in finding.message


def test_a_file_of_more_claims_and_points_than_the_limit_is_refused_before_any_is_read(project, monkeypatch):
    from factcheck.pipeline import load

    monkeypatch.setattr(load, "MAX_CLAIMS", 4)
    points = "".join(f"      - [2025-01-0{day}, {day}]\n" for day in range(1, 5))
    project.write("datasets/test.yml", SERIES + points + "claims:\n  - {}\n")
    loaded = _load(project)
    (finding,) = loaded.findings
    assert (finding.check, finding.line) == ("file-too-large", 5)  # claims count first, then the series
    assert finding.message == "the file holds more than 4 claims and series points"
    assert finding.hint == "split it into several files; a series can go on in another file"
    assert list(loaded.claims) == []
    project.write("datasets/test.yml", SERIES + points)
    assert len(_load(project).claims) == 4


def test_a_file_with_too_many_problems_is_not_read_further_and_none_of_its_claims_is_checked(project):
    from factcheck.reading.yamltree import Limits

    project.dataset([claim("ok"), *({"id": f"bad{i}"} for i in range(10))])
    loaded = _load(project, limits=Limits(problems=5))
    assert len(loaded.findings) == 11  # five missing fields in each of the first two broken claims, then the last
    last = loaded.findings[-1]
    assert last.message.startswith("more than 5 problems: the file is not read past this line")
    assert last.line == 16  # the second broken claim
    assert list(loaded.claims) == []


def test_reused_ids_past_the_problem_limit_are_counted_in_one_more_finding(project):
    from factcheck.reading.yamltree import Limits

    project.write("datasets/test.yml", SERIES + "      - [2025-01-01, 1]\n" * 6)
    findings = _load(project, limits=Limits(problems=3)).findings
    assert [(f.check, f.line) for f in findings] == [("duplicate-id", line) for line in (12, 13, 14, 15)]
    assert findings[-1].message == "2 more claim ids used before, from this line on, are not listed"


# fmt: off
URLS = {
    "https://example.org": True, "http://example.org/a?b=c#d": True, "HTTPS://Example.ORG/x": True,
    "https://a.b": True, "https://a..b": True, "https://sub.example.org:8080/path": True, "https://example.org#": True,
    "https://example.org/a b": False, "https://example": False, "https://example./x": False, "https://.org": False,
    "javascript:alert(1)": False, "ftp://example.org": False, "https:///example.org": False, "https://": False,
    "data:text/html,hi": False, "https://exa mple.org": False, "https://example.org\n": False, "": False,
}
# fmt: on


@pytest.mark.parametrize("url", list(URLS))
def test_a_url_is_linked_only_when_it_is_an_http_address_with_a_host(url):
    from factcheck.reporters.markup import url_is_wellformed

    assert url_is_wellformed(url) is URLS[url]


@pytest.mark.parametrize(
    "url",
    [
        "https://" + "a." * 20_000 + " x",
        "https://a" + ".a" * 20_000 + "/" + "b" * 20_000 + " ",
        "https://" + "a" * 50_000,
    ],
)
def test_a_long_url_that_fails_is_refused(url):
    # The earlier pattern tried every split of the host between its parts: this took hours, not a pass.
    from factcheck.reporters.markup import url_is_wellformed

    assert url_is_wellformed(url) is False


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("'55000'", "write the number in plain decimal digits, without quotes: 55000"),
        ("1e5", "write the number in plain decimal digits, without quotes: 100000"),  # text in YAML 1.1
        ("0o17", "write the number in plain decimal digits, without quotes: 15"),  # octal in YAML 1.2 only
        ("'55,000'", "write the number without quotes or separators: 55000, not '55,000'"),
    ],
)
def test_a_number_written_as_text_gets_its_plain_form_as_a_hint(project, written, hint):
    project.dataset([claim(value="VALUE")])
    path = project.root / "datasets/test.yml"
    path.write_text(path.read_text().replace("value: VALUE", f"value: {written}"))
    (finding,) = _load(project).findings
    assert (finding.check, finding.line, finding.hint) == ("schema", 9, hint)


def test_the_did_you_mean_of_a_repeated_misspelling_is_searched_for_once(project, monkeypatch):
    from factcheck.model import vocabulary

    searches = []
    close_matches = vocabulary.difflib.get_close_matches
    monkeypatch.setattr(
        vocabulary.difflib,
        "get_close_matches",
        lambda word, *a, **k: searches.append(word) or close_matches(word, *a, **k),
    )
    project.dataset([claim(f"c{i}", claimant="zelenskky") for i in range(20)])
    findings = _load(project).findings
    assert {f.hint for f in findings} == {"did you mean `zelensky`?"} and len(findings) == 20
    assert searches == ["zelenskky", "zelenskky"]  # once among the keys, once among the folded spellings


def test_did_you_mean_searches_stop_past_a_budget_per_file_whatever_was_read_before(project, monkeypatch):
    from factcheck.model import vocabulary
    from factcheck.pipeline import load

    catalog = load.load_catalog(project.root)[0]
    per_search = len(catalog.claimants) + len(vocabulary.Vocabulary(catalog).aliases["claimant"])
    monkeypatch.setattr(vocabulary, "MAX_GUESS_WORK", 2 * per_search)
    misspelt = ["zelenskky", "zelenskky", "zelenskyyy", "zelenskiyy"]  # the third distinct one is past the budget
    project.dataset([claim(f"a{i}", claimant=name) for i, name in enumerate(misspelt)], name="a.yml")
    project.dataset([claim(f"b{i}", claimant=name) for i, name in enumerate(misspelt)], name="b.yml")
    loaded = load.load(project.root, [project.root / "datasets/a.yml", project.root / "datasets/b.yml"])
    hints = {f.file: [] for f in loaded.findings}
    for finding in loaded.findings:
        hints[finding.file].append(finding.hint)
    assert (
        hints["datasets/a.yml"]
        == hints["datasets/b.yml"]
        == [
            "did you mean `zelensky`?",
            "did you mean `zelensky`?",
            "did you mean `zelensky`?",
            "check its spelling against the claimants in datasets/catalog.yml, or add `zelenskiyy` there",
        ]
    )


def test_a_word_two_claimants_share_names_neither_in_the_hint():
    """'Ministry' is a word of two claimants' names: a hint naming the first would name the wrong one half
    the time. A word one claimant alone uses still points to it."""
    from factcheck.model import vocabulary
    from factcheck.model.format import Catalog

    catalog = Catalog.model_validate(
        {
            "metrics": {},
            "subjects": {"ukraine": {"name": "Ukraine"}},
            "claimants": {
                "mod-ukraine": {"name": "Ministry of Defence", "affiliation": "ukraine"},
                "moh-ukraine": {"name": "Ministry of Health", "affiliation": "ukraine"},
            },
        }
    )
    words = vocabulary.Vocabulary(catalog)
    problem = words.check("claimant", "Ministry")
    assert "another spelling" not in problem.hint
    assert (
        words.check("claimant", "Health").hint
        == "'Health' is another spelling of `moh-ukraine`: write `claimant: moh-ukraine`"
    )
