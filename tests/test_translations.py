"""Study translations: checked like the original, published with lang, hreflang, a switcher."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, build_site
from lxml import etree, html
from ssesite.content.translations import LANGUAGES
from ssesite.site.project import load_project
from test_studies_validation import VALID, make_root, messages

TRANSLATION = """\
---
title: Judul
summary: Ringkasan.
translation_of: {revised: 2020-08-21}
---

Teks.
"""


def with_translation(tmp_path: Path, name: str, text: str) -> Path:
    root = make_root(tmp_path, {"testland": VALID})
    (root / "studies" / "testland" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_a_translation_loads_beside_its_study_and_is_not_published_as_a_file(tmp_path):
    project = load_project(with_translation(tmp_path, "index.id.md", TRANSLATION))
    assert project.problems.sorted() == []
    (study,) = project.studies
    (translation,) = study.translations
    assert (translation.lang, translation.title, translation.summary) == (
        "id",
        "Judul",
        "Ringkasan.",
    )
    assert translation.of_revision.isoformat() == "2020-08-21"
    assert translation.is_full and not translation.reviewed
    assert translation.body_line == 6
    assert not [a for a in study.assets if a.name == "index.id.md"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "index.xx.md",
            TRANSLATION,
            "studies/testland/index.xx.md: expected a file name index.<language>.md with a "
            "language the site has interface strings for (one of 'fil', 'id', 'ja', 'ko', "
            "'ms', 'zh-Hans'), found 'xx'",
        ),
        (
            "index.en.md",
            TRANSLATION,
            "studies/testland/index.en.md: expected a language the study is not written in "
            "(it is in en), found 'en'",
        ),
        (
            "index.id.md",
            TRANSLATION.replace("translation_of: {revised: 2020-08-21}\n", ""),
            "studies/testland/index.id.md:1: translation_of: required field is missing; "
            "expected the revision of the original it translates, as {revised: YYYY-MM-DD}",
        ),
        (
            "index.id.md",
            TRANSLATION.replace("2020-08-21", "2021-01-01"),
            "studies/testland/index.id.md:4: translation_of.revised: expected a date on or "
            "before the original's revised (2020-08-21), found '2021-01-01'",
        ),
        (
            "index.id.md",
            TRANSLATION.replace("---\n\n", "framework:\n  entities: []\n---\n\n"),
            "studies/testland/index.id.md:5: framework: expected the framework data of the "
            "original, unchanged (or no framework field), found 'different data'",
        ),
        (
            "index.id.md",
            TRANSLATION.replace("title:", "titel:"),
            "studies/testland/index.id.md:2: titel: unknown field; expected one of 'title', "
            "'summary', 'translation_of', 'reviewed', 'framework'. Did you mean 'title'?",
        ),
    ],
)
def test_a_wrong_translation_is_reported_with_file_line_and_field(tmp_path, name, text, expected):
    found = messages(with_translation(tmp_path, name, text))
    assert expected in found, found


def test_the_same_framework_data_is_accepted(tmp_path):
    framework = VALID[VALID.index("framework:") : VALID.index("---\n\n## Scope")]
    text = TRANSLATION.replace("---\n\n", framework + "---\n\n")
    assert messages(with_translation(tmp_path, "index.id.md", text)) == []


def test_every_language_has_every_interface_string():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    strings = env.get_template("partials/sse/strings.html").module.strings
    assert set(strings) == set(LANGUAGES)
    for lang, table in strings.items():
        assert set(table) == set(strings["en"]), lang


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    """The real project built with a public address (as the Pages workflow does)."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("public") / "project")
    return build_site(project, site_url="https://example.org/sse/")


def test_the_indonesian_study_page_and_its_original_point_to_each_other(public_site):
    page = html.parse(str(public_site / "countries/indonesia/id/index.html")).getroot()
    original = html.parse(str(public_site / "countries/indonesia/index.html")).getroot()
    assert page.get("lang") == "id"
    assert original.get("lang") == "en"
    expected = {
        "en": "https://example.org/sse/countries/indonesia/",
        "id": "https://example.org/sse/countries/indonesia/id/",
        "x-default": "https://example.org/sse/countries/indonesia/",
    }
    for doc in (page, original):
        links = {link.get("hreflang"): link.get("href") for link in doc.cssselect("link[hreflang]")}
        assert links == expected
    # Material's interface strings in Bahasa Indonesia, and the site's own
    assert page.cssselect(".md-search__input")[0].get("placeholder") == "Cari"
    notice = page.cssselect(".sse-translation")[0].text_content()
    (study,) = [s for s in load_project(ROOT).studies if s.slug == "indonesia"]
    (translation,) = [t for t in study.translations if t.lang == "id"]
    assert translation.of_revision.isoformat() in notice
    assert "Belum ditinjau oleh penutur asli" in notice
    assert not page.cssselect(".sse-translation__outdated")
    # The switcher, on both pages
    switch = page.cssselect("nav.sse-languages")[0]
    assert switch.cssselect("[aria-current=page]")[0].get("lang") == "id"
    assert switch.cssselect("a[hreflang=en]")[0].get("href") == "../"
    back = original.cssselect("nav.sse-languages a[hreflang=id]")[0]
    assert back.get("href") == "id/"
    # The whole text is translated, with its citations resolved
    headings = [h.text_content().rstrip("¶") for h in page.cssselect("article h2")]
    assert headings[:2] == ["Cakupan ringkasan ini", "Lanskap organisasi"]
    assert page.cssselect("article a[href*='#ref-']")


def test_every_study_has_its_title_and_summary_in_its_national_language(public_site):
    national = {"china": "zh-Hans", "indonesia": "id", "japan": "ja", "korea": "ko"}
    national |= {"malaysia": "ms", "philippines": "fil"}
    sitemap = etree.parse(str(public_site / "sitemap.xml"))
    locations = {loc.text for loc in sitemap.iter("{*}loc")}
    for slug, lang in national.items():
        page = html.parse(str(public_site / f"countries/{slug}/{lang}/index.html")).getroot()
        assert page.get("lang") == lang
        source = (ROOT / "studies" / slug / f"index.{lang}.md").read_text(encoding="utf-8")
        title = page.cssselect("article h1")[0].text_content().rstrip("¶")
        assert f"title: {title}" in source
        assert f"https://example.org/sse/countries/{slug}/{lang}/" in locations


def test_a_translation_of_an_older_revision_says_the_original_is_newer(project: Path):
    index = project / "studies" / "korea" / "index.md"
    text = index.read_text(encoding="utf-8")
    # Revised today: later than the translation, and not in the future (which the check refuses)
    today = dt.date.today().isoformat()
    index.write_text(re.sub(r"(?m)^revised: .*$", f"revised: {today}", text, count=1))
    site = build_site(project)
    page = html.parse(str(site / "countries/korea/ko/index.html")).getroot()
    outdated = page.cssselect(".sse-translation__outdated")[0].text_content()
    assert today in outdated and "영어 원문이 그 후 개정되었습니다" in outdated
