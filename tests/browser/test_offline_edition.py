"""The offline edition opened from disk (file://): navigation and search, no network."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import offline_edition


@pytest.fixture(scope="module")
def edition(built_site, tmp_path_factory) -> Path:
    """The real site's offline edition, made by the tool and unpacked."""
    work = tmp_path_factory.mktemp("offline")
    archive = work / "edition.zip"
    offline_edition.make(built_site, archive)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "unpacked")
    return work / "unpacked" / offline_edition.FOLDER


@pytest.fixture
def offline_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()


def test_navigates_and_searches_from_disk_without_any_network_request(offline_page, edition):
    page = offline_page
    page.goto((edition / "index.html").as_uri())
    page.get_by_role("navigation", name="Main sections").get_by_role(
        "link", name="Country summaries"
    ).click()
    page.wait_for_url("**/countries/index.html")
    # A link written by the site's templates (the countries table), not by MkDocs
    page.locator("article a", has_text="Indonesia").first.click()
    page.wait_for_url("**/countries/indonesia/index.html")
    assert "Indonesia" in page.locator("article h1").inner_text()

    search = page.locator(".md-search__input")
    assert search.is_visible()
    search.click()
    search.fill("koperasi")
    search.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    first = page.locator(".md-search-result__item > .md-search-result__link:first-child")
    hrefs = first.evaluate_all("links => links.map(a => a.href)")
    assert any("/countries/indonesia/index.html" in href for href in hrefs[:3]), hrefs
    malaysia = next(href for href in hrefs if "/countries/malaysia/" in href)
    path = malaysia.split("?")[0].split("#")[0]
    page.locator(f'.md-search-result__link[href="{malaysia}"]').first.click()
    page.wait_for_url(lambda url: url.split("?")[0].split("#")[0] == path)

    network = [u for u in page.requested if not u.startswith(("file:", "blob:", "data:"))]
    assert network == []
    assert any(u.endswith("/search/search_index.js") for u in page.requested)


def test_the_edition_links_only_to_files_inside_it(edition):
    from urllib.parse import unquote, urldefrag

    from lxml import html

    broken = []
    for file in sorted(edition.rglob("*.html")):
        for element in html.parse(str(file)).getroot().iter("a", "link", "script", "img"):
            target = element.get("href") or element.get("src")
            if not target or target.startswith(("#", "mailto:", "javascript:")) or ":" in target:
                continue
            path = urldefrag(unquote(target)).url.split("?")[0]
            if path and not (file.parent / path).is_file():
                broken.append(f"{file.relative_to(edition)}: {target}")
    assert not broken, "\n".join(broken[:20])
