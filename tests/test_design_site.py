"""The built site says what the data says, where a reader looks for it.

Real builds, parsed: the study pages in the navigation, the front door's
counts, map and news, the comparison's heat map, one date format, labels
instead of field names, addresses decoded, years and values said once,
sources as notes on the home page, and what a seventh study changes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from conftest import ROOT, build_site, copy_project
from lxml import html
from ssesite.citations.notes import display_url
from ssesite.cli import scaffold
from ssesite.core.wording import count
from ssesite.site import views
from ssesite.site.project import load_project

MONTH_FIRST = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}\b"
)
DAY_FIRST = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")


def page(site: Path, path: str):
    return html.parse(str(site / path)).getroot()


def text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def study_paths(project) -> list[str]:
    return [uri.removesuffix("index.md") + "index.html" for uri in views.study_uris(project)]


def test_study_pages_are_in_the_countries_section_in_order(built_site, project):
    paths = study_paths(project)
    names = [
        views.study_label(s, views.ordered_studies(project)) for s in views.ordered_studies(project)
    ]
    for path, name in zip(paths, names, strict=True):
        doc = page(built_site, path)
        # The Countries tab is highlighted, the study is the active item
        assert text(doc.cssselect(".md-tabs__item--active")[0]) == "Countries"
        active = doc.cssselect("nav.md-nav--primary a.md-nav__link--active")
        assert [text(a) for a in active] == [name]
        assert [text(a) for a in doc.cssselect("nav.md-path a")] == ["Home", "Countries"]
    # Previous / next lead through the studies, from the index to the comparison
    footer = [page(built_site, p).cssselect("nav.md-footer__inner a") for p in paths]
    assert footer[0][0].get("href") == "../"  # the countries index
    assert footer[-1][-1].get("href") == "../compare/"
    for links, following in zip(footer, paths[1:], strict=False):
        assert links[-1].get("href") == "../" + following.split("/")[1] + "/"


def test_home_ways_in_map_and_news_come_from_the_data(built_site, project):
    doc = page(built_site, "index.html")
    studies = views.ordered_studies(project)
    ways = {text(li.cssselect("a")[0]): li for li in doc.cssselect(".sse-entry-points li")}
    assert list(ways) == [
        "Country summaries",
        "Comparison",
        "Research conference",
        "Glossary",
        "News",
    ]
    assert text(ways["Country summaries"]).endswith(
        count(len(studies), "country", "countries").capitalize() + " mapped with one framework"
    )
    terms = len(project.glossary.terms)
    assert (
        f"{terms} terms" in text(ways["Glossary"])
        or count(terms, "term") in text(ways["Glossary"]).lower()
    )
    # The map links every study, and only studies
    linked = {a.get("href") for a in doc.cssselect(".sse-map a")}
    assert linked == {f"countries/{s.slug}/" for s in studies}
    # The latest news: the newest three posts, with their dates written out
    posts = []
    for file in (ROOT / "docs/news/posts").glob("*.md"):
        meta = yaml.safe_load(file.read_text(encoding="utf-8").split("---")[1])
        posts.append((meta["date"], meta["title"]))
    newest = sorted(posts, reverse=True)[:3]
    items = doc.cssselect(".sse-news-list li")
    assert [text(li.cssselect("a")[0]) for li in items] == [title for _, title in newest]
    for li, (date, _) in zip(items, newest, strict=True):
        (time,) = li.cssselect("time")
        assert time.get("datetime") == date.isoformat()
        assert DAY_FIRST.match(text(time))


def test_heat_map_shows_the_strongest_recognition_of_each_study(built_site, project):
    doc = page(built_site, "countries/compare/index.html")
    (table,) = doc.cssselect("#heatmap-recognition")
    studies = views.ordered_studies(project)
    levels = project.framework.ids("recognition_levels")
    labels = {t.label: t.id for t in project.framework.entity_types}
    rows = table.cssselect("tbody tr")
    assert rows, "the heat map has rows"
    for row in rows:
        type_id = labels[text(row.cssselect("th")[0])]
        for cell, study in zip(row.cssselect("td"), studies, strict=True):
            forms = [e.recognition for e in study.entities if e.type == type_id]
            expected = min(forms, key=levels.index) if forms else "empty"
            assert f"sse-heat--{expected}" in cell.get("class"), (study.slug, type_id)
    # Rows no study records are named under the map, not drawn empty
    recorded = {e.type for s in studies for e in s.entities}
    assert len(rows) == len(recorded)


def test_one_date_format_across_the_site(built_site):
    for file in built_site.rglob("*.html"):
        body = page(built_site, str(file.relative_to(built_site))).cssselect("body")
        found = MONTH_FIRST.findall(text(body[0])) if body else []
        assert not found, file
    doc = page(built_site, "news/index.html")
    dates = [text(t) for t in doc.cssselect(".md-post time")]
    assert dates and all(DAY_FIRST.match(d) for d in dates)


def test_framework_page_speaks_in_labels_not_field_names(built_site, project):
    doc = page(built_site, "framework/index.html")
    article = doc.cssselect("article")[0]
    assert not article.cssselect("code")
    assert "framework." not in text(article)
    labels = {
        term.label
        for vocabulary in (
            "entity_types",
            "recognition_levels",
            "instrument_kinds",
            "instrument_statuses",
            "institution_roles",
            "ecosystem_elements",
        )
        for term in getattr(project.framework, vocabulary)
    }
    shown = [text(li) for li in article.cssselect(".sse-vocabulary-inline li")]
    shown += [text(dt) for dt in article.cssselect(".sse-vocabulary dt")]
    assert shown and set(shown) <= labels
    for dd in article.cssselect(".sse-vocabulary dd"):
        assert text(dd).split()[0] not in {t.id for t in project.framework.entity_types}


def test_reference_addresses_are_shown_decoded(built_site):
    # Every address is shown as display_url makes it (its decoding of
    # percent-encoded UTF-8 is unit-tested in test_design_units.py): the real
    # sources may or may not have such addresses at any time.
    doc = page(built_site, "bibliography/index.html")
    links = doc.cssselect("a.sse-url")
    assert links
    for a in links:
        assert text(a) == display_url(a.get("href"))
        assert text(a) in (unquote(a.get("href")), a.get("href"))


def test_years_and_types_are_said_once_in_study_tables(built_site, project):
    for path, study in zip(study_paths(project), views.ordered_studies(project), strict=True):
        doc = page(built_site, path)
        (entities,) = doc.cssselect("table.sse-entities")
        groups = [text(th) for th in entities.cssselect('th[scope="rowgroup"]')]
        assert len(groups) == len(set(groups)) == len({e.type for e in study.entities})
        for cell in entities.cssselect('td[data-label="Legal basis"]'):
            years = re.findall(r"\b(?:19|20)\d\d\b", text(cell))
            assert len(years) == len(set(years)), (path, text(cell))


def test_home_and_about_cite_sources_as_folded_notes(built_site):
    # The about page's translation cites as its original does
    for path in ("index.html", "about/index.html", "about/id/index.html"):
        doc = page(built_site, path)
        assert not doc.cssselect("article .sse-cite:not(.sse-cite--note)"), path
        notes = doc.cssselect("article sup.sse-cite--note a")
        assert notes, path
        (folded,) = doc.cssselect("details.sse-sources")
        anchors = {li.get("id") for li in folded.cssselect("ol > li")}
        assert {a.get("href").lstrip("#") for a in notes} <= anchors
        # Each note follows its word with no space: a number never starts a line
        for sup in doc.cssselect("article sup.sse-cite--note"):
            previous = sup.getprevious()
            before = (previous.tail if previous is not None else sup.getparent().text) or ""
            assert not before[-1:].isspace(), (path, before[-40:])
        # Named for screen readers in the page's language
        named = "Sumber" if path.startswith("about/id/") else "Source"
        assert all(a.get("aria-label").startswith(f"{named} {text(a)}: ") for a in notes), path
        # Numbered in the order they are first cited
        numbers = [int(text(a)) for a in notes]
        assert numbers[0] == 1 and max(numbers) == len(anchors)


def test_news_and_change_links_say_where_they_lead(built_site):
    doc = page(built_site, "news/index.html")
    for post in doc.cssselect(".md-post"):
        title = text(post.cssselect("h2")[0])
        (more,) = post.cssselect(".md-post__action a")
        assert text(more) == f"Continue reading: {title}"
    doc = page(built_site, "programme/changes/index.html")
    names = [text(a) for a in doc.cssselect(".sse-history a")]
    assert names and all(name.startswith("Source: ") for name in names)
    assert len(names) == len(set(names))


def test_a_seventh_study_changes_every_count_and_list(tmp_path):
    root = copy_project(tmp_path / "project")
    assert (
        scaffold.main(["TH", "--root", str(root), "--today", dt.date(2021, 3, 15).isoformat()]) == 0
    )
    site = build_site(root, tmp_path / "site")
    home = page(site, "index.html")
    assert "Seven countries mapped with one framework" in text(
        home.cssselect(".sse-entry-points")[0]
    )
    assert "Thailand" in text(home.get_element_by_id("countries-studied").getnext())
    assert "countries/thailand/" in {a.get("href") for a in home.cssselect(".sse-map a")}
    index = page(site, "countries/index.html")
    assert text(index.cssselect("article .sse-lead")[0]).startswith("Seven country summaries")
    compare = page(site, "countries/compare/index.html")
    assert text(compare.cssselect("article .sse-lead")[0]).startswith(
        "Seven countries side by side"
    )
    assert "All seven summaries are drafts" in text(compare.cssselect("article .sse-lead")[0])
