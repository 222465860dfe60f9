"""Translations of docs pages (docs/<page>.<lang>.md): checked like a study's,
published under the original's address with lang, hreflang, a switcher, the
site's strings in the page's language, and a sitemap entry."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, build_site, copy_project
from lxml import etree, html
from ssesite.site.project import load_project
from test_studies_validation import VALID, make_root, messages

SITE_URL = "https://example.org/sse/"

ORIGINAL = """\
---
title: About
revised: 2021-03-01
---

# About

Text [@ilo:news/2019-11-19].
"""

TRANSLATION = """\
---
title: Tentang
translation_of: {revised: 2021-03-01}
---

# Tentang

Teks [@ilo:news/2019-11-19].
"""


def strings(lang: str) -> dict:
    """The site's interface strings in `lang` (the one table, partials/sse/strings.html)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    return env.get_template("partials/sse/strings.html").module.strings[lang]


def with_docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A project root with the real data/, one valid study and the given docs pages."""
    root = make_root(tmp_path, {"testland": VALID})
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def parse(path: Path):
    return html.parse(str(path)).getroot()


# -----------------------------------------------------------------------------
# Loading and checking
# -----------------------------------------------------------------------------


def test_a_docs_translation_loads_beside_its_original(tmp_path):
    root = with_docs(tmp_path, {"about.md": ORIGINAL, "about.id.md": TRANSLATION})
    project = load_project(root)
    assert project.problems.sorted() == []
    (page,) = project.translated_pages
    (translation,) = page.translations
    assert (page.uri, page.source, page.revised.isoformat()) == (
        "about.md",
        "docs/about.md",
        "2021-03-01",
    )
    assert (translation.lang, translation.title, translation.source) == (
        "id",
        "Tentang",
        "docs/about.id.md",
    )
    assert translation.of_revision == page.revised and not translation.reviewed
    assert translation.body_line == TRANSLATION.splitlines().index("---", 1) + 2
    assert project.page_translation_at("about.id.md") == (page, translation)
    assert project.translated_page("about.md") is page


def test_a_page_with_a_dot_in_its_name_is_no_translation(tmp_path):
    root = with_docs(tmp_path, {"notes.v2.md": "# Notes\n", "notes.md": "# Notes\n"})
    project = load_project(root)
    assert project.problems.sorted() == [] and project.translated_pages == []


def cases():
    no_of = TRANSLATION.replace("translation_of: {revised: 2021-03-01}\n", "")
    later = TRANSLATION.replace("2021-03-01", "2021-04-01")
    typo = TRANSLATION.replace("title:", "titel:")
    bad_cite = TRANSLATION.replace("[@ilo:news/2019-11-19]", "[@ilo:R194]")
    bad_term = TRANSLATION + "\nSebuah [koperasi](term:cooperativ).\n"
    no_revised = ORIGINAL.replace("revised: 2021-03-01\n", "")
    return [
        (
            {"about.id.md": no_of},
            # A missing field is reported on the front matter's opening '---'
            f"docs/about.id.md:{line_of(no_of, '---')}: translation_of: required field is "
            "missing; expected the revision of the original it translates, as "
            "{revised: YYYY-MM-DD}",
        ),
        (
            {"about.id.md": later},
            f"docs/about.id.md:{line_of(later, 'revised')}: translation_of.revised: expected a "
            "date on or before the original's revised (2021-03-01), found '2021-04-01'",
        ),
        (
            {"about.id.md": typo},
            f"docs/about.id.md:{line_of(typo, 'titel')}: titel: unknown field; expected one of "
            "'title', 'description', 'translation_of', 'reviewed'. Did you mean 'title'?",
        ),
        (
            {"about.xx.md": TRANSLATION},
            "docs/about.xx.md: expected a file name about.<language>.md with a language the "
            "site has interface strings for (one of 'fil', 'id', 'ja', 'ko', 'ms', 'zh-Hans'), "
            "found 'xx'",
        ),
        (
            {"about.en.md": TRANSLATION},
            "docs/about.en.md: expected a language the page is not written in (it is in en), "
            "found 'en'",
        ),
        (
            {"about.id.md": TRANSLATION, "missing.ko.md": TRANSLATION},
            "docs/missing.ko.md: expected the page it translates, missing.md, beside it; "
            "found no such file",
        ),
        (
            {"about.id.md": TRANSLATION, "about.md": no_revised},
            f"docs/about.md:{line_of(no_revised, '---')}: revised: required field is missing; "
            "expected the date of the page's last revision, YYYY-MM-DD (its translations "
            "record it)",
        ),
        (
            {"about.id.md": bad_cite},
            f"docs/about.id.md:{line_of(bad_cite, 'ilo:R194')}: citation: expected a key "
            "defined in data/references.bib, found 'ilo:R194'. Did you mean 'ilo:R193' or "
            "'ilo:R204'?",
        ),
        (
            {"about.id.md": bad_term},
            f"docs/about.id.md:{line_of(bad_term, 'term:')}: term link: expected the id of a "
            "term in data/glossary.yml, found 'cooperativ'. Did you mean 'cooperative'?",
        ),
        (
            {"about.id.md": TRANSLATION, "about/id.md": "# A page\n"},
            "docs/about/id.md: this page is generated from studies/ and data/; expected no "
            "file of that name in docs/, found one",
        ),
    ]


@pytest.mark.parametrize(("pages", "expected"), cases())
def test_a_wrong_docs_translation_is_reported_with_file_line_field(tmp_path, pages, expected):
    root = with_docs(tmp_path, {"about.md": ORIGINAL} | pages)
    found = messages(root)
    assert expected in found, found


def test_a_study_translation_has_its_term_links_checked(tmp_path):
    root = make_root(tmp_path, {"testland": VALID})
    text = (
        "---\ntitle: Judul\nsummary: Ringkasan.\ntranslation_of: {revised: 2020-08-21}\n"
        "---\n\nTeks.\n\nSebuah [koperasi](term:cooperativ).\n"
    )
    (root / "studies" / "testland" / "index.id.md").write_text(text, encoding="utf-8")
    expected = (
        f"studies/testland/index.id.md:{line_of(text, 'term:')}: term link: expected the id "
        "of a term in data/glossary.yml, found 'cooperativ'. Did you mean 'cooperative'?"
    )
    assert expected in messages(root)


# -----------------------------------------------------------------------------
# The real site, built with a public address
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("public") / "project")
    return build_site(project, site_url=SITE_URL)


def test_the_about_page_and_its_translation_point_to_each_other(public_site):
    original = parse(public_site / "about/index.html")
    page = parse(public_site / "about/id/index.html")
    assert not (public_site / "about.id").exists()
    assert (original.get("lang"), page.get("lang")) == ("en", "id")
    expected = {
        "en": SITE_URL + "about/",
        "id": SITE_URL + "about/id/",
        "x-default": SITE_URL + "about/",
    }
    for doc in (original, page):
        links = {link.get("hreflang"): link.get("href") for link in doc.cssselect("link[hreflang]")}
        assert links == expected
    # The switcher on both, after the title
    switch = page.cssselect("article h1 + nav.sse-languages")[0]
    assert switch.get("aria-label") == strings("id")["i18n.languages"]
    assert switch.cssselect("[aria-current=page]")[0].get("lang") == "id"
    assert switch.cssselect("a[hreflang=en]")[0].get("href") == "../"
    back = original.cssselect("article h1 + nav.sse-languages a[hreflang=id]")[0]
    assert back.get("href") == "id/" and back.text_content() == strings("id")["name"]
    # Material's interface in Bahasa Indonesia (Material's own string for "Search")
    assert page.cssselect(".md-search__input")[0].get("placeholder") == "Cari"
    # The note: the revision translated, not reviewed, not outdated
    source = (ROOT / "docs" / "about.id.md").read_text(encoding="utf-8")
    revised = re.search(r"translation_of: \{revised: (\S+)\}", source)[1]
    notice = page.cssselect(".sse-translation")[0].text_content()
    assert strings("id")["i18n.translated"].replace("{date}", revised) in notice
    assert strings("id")["i18n.unreviewed"] in notice
    assert not page.cssselect(".sse-translation__outdated")
    # Its links are written as the original's, and reach the same pages
    hrefs = {a.get("href") for a in page.cssselect("article a")}
    assert {"../../framework/", "../../countries/"} <= hrefs


def test_the_translation_has_its_generated_headings_in_its_language(public_site):
    page = parse(public_site / "about/id/index.html")
    title = strings("id")["references.title"]
    headings = [h.text_content().rstrip("¶") for h in page.cssselect("article h2")]
    assert headings[-1] == title != strings("en")["references.title"]
    toc = [a.text_content().strip() for a in page.cssselect(".md-nav--secondary a")]
    assert toc[-1] == title
    back = page.cssselect(".sse-references__back")[0]
    assert back.text_content().startswith(strings("id")["references.cited"])
    assert strings("id")["references.bibliography"] in back.text_content()
    original = parse(public_site / "about/index.html")
    assert original.cssselect("h2#references")[0].text_content().rstrip("¶") == "References"
    # A study's translation too: the status banner and References
    study = parse(public_site / "countries/indonesia/id/index.html")
    banner = study.cssselect(".sse-status-banner")[0].text_content()
    assert strings("id")["status.draft"] in banner and strings("id")["status.draft.note"] in banner
    assert study.cssselect("h2#references")[0].text_content().rstrip("¶") == title


def test_the_sitemap_lists_both_with_their_alternates(public_site):
    sitemap = etree.parse(str(public_site / "sitemap.xml"))
    entries = {
        url.findtext("{*}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter("{*}link")
        }
        for url in sitemap.iter("{*}url")
    }
    pair = {"en": SITE_URL + "about/", "id": SITE_URL + "about/id/"}
    assert entries[SITE_URL + "about/"] == pair
    assert entries[SITE_URL + "about/id/"] == pair


def test_a_translation_of_an_older_revision_says_the_original_is_newer(project):
    about = project / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    old = re.search(r"^revised: (\S+)$", text, re.MULTILINE)[1]
    about.write_text(text.replace(f"revised: {old}", "revised: 2099-01-31"), encoding="utf-8")
    site = build_site(project)
    page = parse(site / "about/id/index.html")
    outdated = page.cssselect(".sse-translation__outdated")[0].text_content()
    assert strings("id")["i18n.outdated"].replace("{date}", "2099-01-31") in outdated
    # What it translates is still said
    notice = page.cssselect(".sse-translation")[0].text_content()
    assert strings("id")["i18n.translated"].replace("{date}", old) in notice
