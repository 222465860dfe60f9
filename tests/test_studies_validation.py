"""Loading and validating studies: every problem, with its exact message."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from ssesite.site.project import load_project

ROOT = Path(__file__).resolve().parent.parent

VALID = """\
---
title: The SSE in Testland
country: JP
subregion: east-asia
authors:
  - name: Example Author
    affiliation: Example University
status: draft
written: 2020-05-08
revised: 2020-08-21
summary: A summary.
languages: [en]
keywords: [cooperatives]
framework:
  instruments:
    - id: coop-act
      title: Example Cooperative Act
      year: 1999
      kind: law
      status: in-force
      checked: 2020-08-21
      source: ilo:R193
  entities:
    - type: cooperative
      form: Cooperative
      recognition: entity-law
      basis: coop-act
---

## Scope

Body text.
"""


def make_root(tmp_path: Path, studies: dict[str, str]) -> Path:
    """A project root with the real data/ and the given studies only."""
    root = tmp_path / "root"
    shutil.copytree(ROOT / "data", root / "data")
    for slug, text in studies.items():
        folder = root / "studies" / slug
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "studies").mkdir(exist_ok=True)
    return root


def messages(root: Path) -> list[str]:
    return [str(p) for p in load_project(root).problems.sorted()]


def test_valid_study_loads_into_model(tmp_path):
    project = load_project(make_root(tmp_path, {"testland": VALID}))
    assert project.problems.sorted() == []
    (study,) = project.studies
    assert study.slug == "testland"
    assert study.country.name == "Japan"
    assert study.subregion.label == "East Asia"
    assert study.authors[0].affiliation == "Example University"
    assert study.entities[0].basis == "coop-act"
    assert study.instruments[0].year == 1999
    assert study.body.strip() == "## Scope\n\nBody text."
    assert study.body_line == 29


def test_real_studies_are_valid():
    project = load_project(ROOT)
    assert [str(p) for p in project.problems.sorted()] == []
    assert sorted(s.country.code for s in project.studies) == ["CN", "ID", "JP", "KR", "MY", "PH"]
    assert {s.status for s in project.studies} == {"draft"}


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    broken = VALID.replace("status: draft", "status: [draft")
    assert messages(make_root(tmp_path, {"testland": broken})) == [
        "studies/testland/index.md:9: the YAML cannot be read: while parsing a flow "
        "sequence, expected ',' or ']', but got ':'"
    ]


def test_unknown_keys_suggest_the_right_one(tmp_path):
    typo = VALID.replace("summary:", "sumary:").replace("      form: Co", "      from: Co")
    assert messages(make_root(tmp_path, {"testland": typo})) == [
        "studies/testland/index.md:1: summary: required field is missing; expected a text",
        "studies/testland/index.md:11: sumary: unknown field; expected one of 'title', "
        "'country', 'subregion', 'authors', 'status', 'written', 'revised', "
        "'summary', 'languages', 'keywords', 'phase', 'downloads', 'framework'. "
        "Did you mean 'summary'?",
        "studies/testland/index.md:24: framework.entities[0].form: required field is missing; "
        "expected a text",
        "studies/testland/index.md:25: framework.entities[0].from: unknown field; expected one "
        "of 'type', 'form', 'local_name', 'local_lang', 'recognition', 'basis', 'note'. "
        "Did you mean 'form'?",
    ]


def test_every_problem_of_a_broken_study_at_once(tmp_path):
    broken = """\
    ---
    title: 42
    country: KOR
    subregion: south-east-asia
    authors:
      - name: Someone
    status: drafted
    written: 2020-13-01
    revised: yesterday
    summary: ""
    languages: [english]
    keywords: cooperatives
    framework:
      entities:
        - type: coop
          form: Cooperative
          recognition: law
          basis: missing-law
      instruments:
        - id: Bad Id
          title: Something
          year: 20
          kind: act
          status: in-force
    ---
    """
    assert messages(make_root(tmp_path, {"testland": broken})) == [
        "studies/testland/index.md:3: country: expected an ISO 3166-1 alpha-2 country code such "
        "as 'KR', found 'KOR'. Did you mean 'KR' (Republic of Korea)?",
        "studies/testland/index.md:6: authors[0].affiliation: required field is missing; "
        "expected a text",
        "studies/testland/index.md:7: status: expected one of 'draft', 'review', 'final', "
        "found 'drafted'. Did you mean 'draft'?",
        "studies/testland/index.md:8: written: expected a real calendar date written "
        "YYYY-MM-DD, found '2020-13-01'",
        "studies/testland/index.md:9: revised: expected a date written YYYY-MM-DD, "
        "found 'yesterday'",
        "studies/testland/index.md:10: summary: expected a text, found an empty text",
        "studies/testland/index.md:11: languages[0]: expected a BCP 47 language tag such as "
        "'en', 'ko' or 'zh-Hans', found 'english'",
        "studies/testland/index.md:12: keywords: expected a list of texts, found 'cooperatives'",
        "studies/testland/index.md:15: framework.entities[0].type: expected one of "
        "'cooperative', 'association', 'mutual-society', 'foundation', 'social-enterprise', "
        "'self-help-group', 'other', found 'coop'. Did you mean 'cooperative'?",
        "studies/testland/index.md:17: framework.entities[0].recognition: expected one of "
        "'sse-law', 'entity-law', 'policy', 'bill', 'none', found 'law'. Did you mean 'sse-law'?",
        "studies/testland/index.md:18: framework.entities[0].basis: expected the id of an "
        "instrument listed under framework.instruments, found 'missing-law'",
        "studies/testland/index.md:20: framework.instruments[0].checked: required field is "
        "missing; expected a date written YYYY-MM-DD",
        "studies/testland/index.md:20: framework.instruments[0].id: expected an id of "
        "lower-case letters, digits and hyphens, found 'Bad Id'",
        "studies/testland/index.md:20: framework.instruments[0].source: required field is "
        "missing; expected the bibliography key of the source that records the status, such "
        "as 'kr:sepa-2007'",
        "studies/testland/index.md:22: framework.instruments[0].year: expected a year such as "
        "2007, found the number 20",
        "studies/testland/index.md:23: framework.instruments[0].kind: expected one of "
        "'constitution', 'law', 'regulation', 'policy', 'guideline', 'bill', "
        "'court-decision', found 'act'",
        "studies/testland/index.md:26: text: expected the study's text after the front matter, "
        "found none",
    ]


def test_duplicate_country_names_both_files(tmp_path):
    root = make_root(tmp_path, {"japan-a": VALID, "japan-b": VALID})
    assert messages(root) == [
        "studies/japan-a/index.md:3: country: expected one study per country and phase, found "
        "'JP' (Japan) in phase 1, also used by studies/japan-b/index.md:3",
        "studies/japan-b/index.md:3: country: expected one study per country and phase, found "
        "'JP' (Japan) in phase 1, also used by studies/japan-a/index.md:3",
    ]


def test_a_country_may_have_one_study_per_phase(tmp_path):
    later = VALID.replace("keywords:", "phase: 2\nkeywords:")
    project = load_project(make_root(tmp_path, {"japan-a": VALID, "japan-b": later}))
    assert project.problems.sorted() == []
    assert [s.phase for s in project.studies] == [1, 2]


def test_unsafe_slugs_and_stray_files(tmp_path):
    root = make_root(tmp_path, {"Bad Slug": VALID, "ok": VALID.replace("JP", "CN")})
    (root / "studies" / "notes.txt").write_text("stray", encoding="utf-8")
    (root / "studies" / "empty").mkdir()
    assert messages(root) == [
        "studies/Bad Slug: expected a folder name (the study's slug) of lower-case letters, "
        "digits and single hyphens, found 'Bad Slug'",
        "studies/empty: expected an index.md in the study folder, found none",
        "studies/notes.txt: expected a study folder studies/<slug>/ holding an index.md, "
        "found a file",
    ]


def test_front_matter_missing_or_not_a_mapping(tmp_path):
    root = make_root(tmp_path, {"plain": "# Just text\n", "listy": "---\n- a\n- b\n---\n"})
    assert messages(root) == [
        "studies/listy/index.md:2: expected front matter made of 'field: value' lines, "
        "found a list",
        "studies/plain/index.md:1: expected front matter (a YAML block between two '---' "
        "lines) at the top of the file, found none",
    ]


def test_duplicate_keys_tabs_and_dates_out_of_order(tmp_path):
    twice = VALID.replace("status: draft\n", "status: draft\nstatus: final\n")
    order = VALID.replace("revised: 2020-08-21", "revised: 2019-01-01")
    tabs = VALID.replace("authors:\n  - name", "authors:\n\t- name")
    root = make_root(
        tmp_path,
        {"twice": twice, "order": order.replace("JP", "CN"), "tabs": tabs.replace("JP", "KR")},
    )
    assert messages(root) == [
        "studies/order/index.md:10: revised: expected a date on or after written "
        "(2020-05-08), found '2019-01-01'",
        "studies/tabs/index.md:6: the YAML cannot be read: while scanning for the next token, "
        "found character '\\t' that cannot start any token (use spaces, not tabs, to indent YAML)",
        "studies/twice/index.md:9: status: the field is given twice (first on line 8); "
        "expected each field once",
    ]


def test_subregion_must_match_the_country(tmp_path):
    wrong = VALID.replace("subregion: east-asia", "subregion: south-asia")
    assert messages(make_root(tmp_path, {"testland": wrong})) == [
        "studies/testland/index.md:4: subregion: expected 'east-asia' for Japan "
        "(data/countries.yml), found 'south-asia'",
    ]


def test_local_names_need_a_language_tag(tmp_path):
    local = VALID.replace(
        "      form: Cooperative\n", "      form: Cooperative\n      local_name: 協同組合\n"
    )
    assert messages(make_root(tmp_path, {"testland": local})) == [
        "studies/testland/index.md:24: framework.entities[0].local_lang: required field is "
        "missing; expected the BCP 47 language tag of local_name, e.g. 'ko'",
    ]
