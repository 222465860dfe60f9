"""The glossary in the built site: the page, its anchors, "used in", term links."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from lxml import html
from mkdocs.exceptions import PluginError
from ssesite.core.problems import Problems
from ssesite.glossary.load import load_glossary
from ssesite.site.project import load_project

from tests.conftest import build_site

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_ANCESTORS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "a"}


def parse(path: Path):
    return html.parse(str(path)).getroot()


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "search" not in p.parts)


def url_of(site: Path, page: Path) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


def resolve(from_url: str, href: str) -> tuple[str, str]:
    """(site-relative page url, fragment) of `href` written in the page at `from_url`."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(from_url, path)) if path else from_url.rstrip("/")
    target = "" if target == "." else target.strip("/") + "/"
    return target, fragment


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "data/glossary.yml", "data/glossary.yml", Problems())


@pytest.fixture(scope="module")
def glossary_page(built_site):
    return parse(built_site / "glossary" / "index.html")


# -----------------------------------------------------------------------------
# The glossary page
# -----------------------------------------------------------------------------


def test_glossary_is_in_the_nav(built_site):
    # In its section's navigation, and one of the ways in on the home page
    doc = parse(built_site / "about" / "index.html")
    assert "../glossary/" in [a.get("href") for a in doc.cssselect("nav.md-nav a")]
    home = parse(built_site / "index.html")
    assert "glossary/" in [a.get("href") for a in home.cssselect(".sse-entry-points a")]


def test_every_term_has_a_readable_anchor_in_a_to_z_order(glossary_page, glossary):
    ids = [h.get("id") for h in glossary_page.cssselect("article h3")]
    assert sorted(ids) == sorted(t.id for t in glossary.terms)
    terms = [glossary.get(i).term.casefold() for i in ids]
    assert terms == sorted(terms)
    assert (
        glossary_page.get_element_by_id("social-enterprise")
        .text_content()
        .startswith("Social enterprise")
    )
    letters = [h.get("id") for h in glossary_page.cssselect("article h2")]
    assert letters[:3] == ["letter-a", "letter-b", "letter-c"]
    for link in glossary_page.cssselect("nav.sse-az a"):
        assert glossary_page.get_element_by_id(link.get("href")[1:]) is not None
    empty = [s.text for s in glossary_page.cssselect("nav.sse-az .sse-az-empty")]
    assert "E" in empty and "S" not in empty


def entry(page, term_id: str):
    heading = page.get_element_by_id(term_id)
    return heading.getnext()


def test_entry_has_definition_local_names_source_and_related(glossary_page, glossary):
    box = entry(glossary_page, "social-enterprise")
    term = glossary.get("social-enterprise")
    assert box.cssselect(".sse-glossary-definition")[0].text_content() == term.definition
    local = {(s.get("lang"), s.text_content()) for s in box.cssselect(".sse-local")}
    assert ("ko", "사회적기업") in local and ("vi", "doanh nghiệp xã hội") in local
    assert box.cssselect("a.sse-glossary-source")[0].get("href") == term.source.url
    related = [a.get("href") for a in box.cssselect(".sse-glossary-related a")]
    assert related == [f"#{r}" for r in term.related]
    for href in related:
        assert glossary_page.get_element_by_id(href[1:]) is not None


def test_used_in_lists_exactly_the_pages_that_link_the_term(built_site, glossary_page, glossary):
    linked: dict[str, set[str]] = {}
    for page in pages(built_site):
        url = url_of(built_site, page)
        if url == "glossary/":
            continue
        for link in parse(page).cssselect("article a.sse-term"):
            linked.setdefault(link.get("data-term"), set()).add(url)
    for term in glossary.terms:
        box = entry(glossary_page, term.id)
        listed = [resolve("glossary/", a.get("href"))[0] for a in box.cssselect(".sse-used-in a")]
        assert sorted(listed) == sorted(linked.get(term.id, set())), term.id
        titles = [a.text_content() for a in box.cssselect(".sse-used-in a")]
        assert titles == sorted(titles, key=str.casefold), term.id
        for url in listed:
            assert (built_site / url / "index.html").is_file(), url
    used = entry(glossary_page, "agricultural-cooperative").cssselect(".sse-used-in a")
    assert [a.get("href") for a in used] == ["../countries/china/", "../countries/japan/"]
    assert "Not linked from any page yet." in entry(glossary_page, "association").text_content()


def test_used_in_lists_are_kept_out_of_the_search_index(built_site, glossary_page, glossary):
    # Added after the search plugin has indexed the page: a search for a
    # country should find its page, not every term the page uses.
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {d["location"]: d["text"] for d in docs["docs"]}
    term = glossary.get("agricultural-cooperative")
    entry_text = indexed["glossary/#agricultural-cooperative"]
    assert " ".join(term.definition.split()[:6]) in entry_text
    listed = [a.text_content() for a in entry(glossary_page, term.id).cssselect(".sse-used-in a")]
    assert listed and not [title for title in listed if title in entry_text]
    assert "Not linked from any page yet." not in indexed["glossary/#association"]


# -----------------------------------------------------------------------------
# Term links on the other pages
# -----------------------------------------------------------------------------


def test_term_links_are_first_uses_with_tooltips_outside_headings_and_code(
    built_site, glossary_page, glossary
):
    # A country's pages (its summary and translations) show its variant of a
    # definition (tests/test_glossary_variants.py); other pages the general one.
    countries = {s.slug: s.country.code for s in load_project(ROOT).studies}
    total = 0
    for page in pages(built_site):
        url = url_of(built_site, page)
        parts = url.split("/")
        country = countries.get(parts[1], "") if parts[0] == "countries" else ""
        links = parse(page).cssselect("article a.sse-term")
        terms = [a.get("data-term") for a in links]
        assert len(terms) == len(set(terms)), url
        for link in links:
            total += 1
            term = glossary.get(link.get("data-term"))
            assert link.get("title") == term.definition_for(country)
            assert resolve(url, link.get("href")) == ("glossary/", term.id)
            ancestors = {a.tag for a in link.iterancestors()}
            assert not ancestors & SKIPPED_ANCESTORS, (url, link.text_content())
    assert total > 20


def test_a_study_links_its_terms(built_site):
    doc = parse(built_site / "countries" / "japan" / "index.html")
    linked = {a.get("data-term"): a.text_content() for a in doc.cssselect("a.sse-term")}
    assert linked["worker-cooperative"] == "Worker cooperatives"
    assert linked["non-profit-organisation"].lower() == "specified non-profit corporations"
    assert not doc.cssselect(".sse-factbox a.sse-term")


def test_index_pages_and_the_glossary_are_not_marked(built_site):
    for path in ("countries/index.html", "countries/compare/index.html", "glossary/index.html"):
        assert not parse(built_site / path).cssselect("a.sse-term"), path


# -----------------------------------------------------------------------------
# Explicit term links, in a copy of the project
# -----------------------------------------------------------------------------


def build_error(project: Path) -> str:
    """The message of the PluginError that stops the build of `project`."""
    with pytest.raises(Exception) as raised:  # MkDocs wraps it in Abort
        build_site(project)
    error: BaseException | None = raised.value
    while error is not None and not isinstance(error, PluginError):
        error = error.__cause__ or error.__context__
    assert error is not None, raised.value
    return str(error)


def add_line(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


def build_with_page(project: Path, name: str, markdown: str) -> Path:
    """Build `project` with the page docs/`name`.md added; return the site folder."""
    (project / "docs" / f"{name}.md").write_text(markdown, encoding="utf-8")
    return build_site(project)


def test_explicit_term_link_builds_and_counts_as_use(project):
    add_line(project / "docs" / "about.md", "Most [co-ops](term:cooperative) are small.")
    site = build_site(project)
    doc = parse(site / "about" / "index.html")
    link = [a for a in doc.cssselect("a.sse-term") if a.text_content() == "co-ops"]
    assert link and link[0].get("href") == "../glossary/#cooperative"
    assert link[0].get("data-term") == "cooperative"
    glossary_page = parse(site / "glossary" / "index.html")
    used = [a.get("href") for a in entry(glossary_page, "cooperative").cssselect(".sse-used-in a")]
    assert "../about/" in used


def test_a_page_can_opt_out_of_marking_but_keeps_explicit_links(project):
    site = build_with_page(
        project,
        "plain",
        "---\nglossary: false\n---\n\n# Plain\n\n"
        "A cooperative and [mutuals](term:mutual-society).\n",
    )
    links = parse(site / "plain" / "index.html").cssselect("article a.sse-term")
    assert [(a.get("data-term"), a.text_content()) for a in links] == [
        ("mutual-society", "mutuals")
    ]


def test_unknown_explicit_term_fails_the_build_with_file_and_line(project):
    line = add_line(project / "docs" / "about.md", "Most [co-ops](term:cooperativ) are small.")
    assert build_error(project) == (
        "1 problem in the content:\n"
        f"  docs/about.md:{line}: term link: expected the id of a term in data/glossary.yml, "
        "found 'cooperativ'. Did you mean 'cooperative'?"
    )


def test_a_broken_glossary_fails_the_build(project):
    path = project / "data" / "glossary.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - id: semps", "  - id: cooperative")
    )
    message = build_error(project)
    assert re.search(r"\n  data/glossary.yml:\d+: cooperative.id: the id is already used", message)


def test_the_build_is_deterministic(project, built_site):
    site = build_site(project)
    for path in ("glossary/index.html", "countries/korea/index.html", "framework/index.html"):
        assert (site / path).read_bytes() == (built_site / path).read_bytes(), path


def test_references_are_not_marked(built_site):
    for page in pages(built_site):
        assert not parse(page).cssselect(".sse-references a.sse-term"), page


def test_a_term_in_a_cited_title_is_not_a_use_of_it(project):
    # Marking happens before the References are added. This reference's
    # publisher is the "ILO Cooperatives Unit".
    site = build_with_page(
        project, "cites", "# Cites\n\nAs the project page says [@ilo:project/WCMS_817001].\n"
    )
    doc = parse(site / "cites" / "index.html")
    assert "Cooperatives Unit" in doc.cssselect(".sse-references")[0].text_content()
    assert not doc.cssselect("a.sse-term")
    glossary_page = parse(site / "glossary" / "index.html")
    used = [a.get("href") for a in glossary_page.cssselect(".sse-used-in a")]
    assert "../cites/" not in used


def test_a_page_the_search_plugin_changes_is_still_marked(project):
    # The search plugin strips data-search-* attributes after indexing a page;
    # the marks, made beside the build, must then be made again on what is left.
    site = build_with_page(
        project,
        "boosted",
        '# Boosted\n\n<p data-search-boost="2">Every cooperative here is small.</p>\n\n'
        "A mutual society too.\n",
    )
    page = (site / "boosted" / "index.html").read_text(encoding="utf-8")
    assert "data-search-boost" not in page
    doc = html.fromstring(page)
    terms = [a.get("data-term") for a in doc.cssselect("article a.sse-term")]
    assert terms == ["cooperative", "mutual-society"]
    used = [
        a.get("href")
        for a in entry(parse(site / "glossary/index.html"), "cooperative").cssselect(
            ".sse-used-in a"
        )
    ]
    assert "../boosted/" in used
