"""Reach: no third-party requests, no serious accessibility problems, no JS needed."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from .conftest import axe_violations

PAGE_TYPES = {
    "home": "",
    "countries index": "countries/",
    "country page": "countries/korea/",
    "comparison": "countries/compare/",
    "framework": "framework/",
    "about": "about/",
    "news": "news/",
    "news post": "news/2020/09/22/research-conference-in-seoul-with-overseas-participants-online/",
    "glossary": "glossary/",
    "bibliography": "bibliography/",
    "programme": "programme/",
    "session": "programme/sessions/opening/",
    "speakers": "programme/speakers/",
    "what changed": "programme/changes/",
}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_request_leaves_the_site(page, site_url, name):
    origins = set()
    # blob: is memory, not the network: the search index, once fetched, is
    # handed to Material from a blob: address (lazy-search.js)
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith("blob:") else origins.add(urlparse(request.url).netloc)
        ),
    )
    page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
    # Open the search too: it loads its own worker and index (results show
    # once both are loaded)
    page.keyboard.press("/")
    page.keyboard.type("cooperative")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_load_state("networkidle")
    assert origins == {urlparse(site_url).netloc}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(chromium, site_url, scheme, width):
    """axe-core, WCAG 2.2 AA and best practices: no violation of any impact, on
    every page type, in both schemes, on a laptop and on a phone."""
    context = chromium.new_context(
        color_scheme=scheme, viewport={"width": width, "height": 844 if width < 800 else 800}
    )
    page = context.new_page()
    found = {}
    for name, path in {**PAGE_TYPES, "not found": "404.html"}.items():
        page.goto(site_url + path, wait_until="load")
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    context.close()
    assert found == {}


@pytest.mark.parametrize(
    "name", ["country page", "comparison", "home", "programme", "session", "glossary"]
)
def test_pages_are_complete_without_javascript(chromium, site_url, name):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    assert page.locator("article h1").count() == 1
    if name == "country page":
        assert page.locator(".sse-factbox").is_visible()
        assert page.locator("table.sse-table").count() == 4
    if name == "comparison":
        assert page.locator("table.sse-matrix").count() == 4
    if name == "programme":
        assert page.locator("table.sse-programme tbody tr").count() == 4
        # No time is documented: no time columns, one sentence for the day
        assert page.locator("table.sse-programme thead th").all_inner_texts() == ["Session"]
        assert page.locator(".sse-day-gaps").is_visible()
    if name == "session":
        assert page.get_by_role("link", name="Add to calendar (.ics)").is_visible()
    if name == "glossary":
        assert page.locator("#social-enterprise").is_visible()
        assert page.locator('[lang="ko"]').count() > 0
    context.close()


def test_search_index_loads_only_when_the_reader_searches(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # Material asks for the index when it starts its search worker: once the
    # worker is loaded and the network is quiet, the index would have been asked for
    with page.expect_request(lambda request: "/workers/search." in request.url):
        page.goto(site_url + "countries/korea/", wait_until="networkidle")
    assert not [url for url in requested if "search_index.json" in url]
    page.keyboard.press("/")
    page.keyboard.type("Panggungharjo")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert [url for url in requested if "search_index.json" in url]
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any("Indonesia" in title or "Kick-off" in title for title in titles)


def test_first_visit_to_a_country_page_weighs_under_250_kb(page, site_url):
    """Compressed (gzip -9) size of everything the first visit transfers."""
    import gzip

    sizes = {}

    def record(response):
        body = response.body() if response.status == 200 else b""
        sizes[response.url] = len(gzip.compress(body, 9))

    page.on("response", record)
    page.goto(site_url + "countries/korea/", wait_until="networkidle")
    # Every resource the page loaded was recorded (responses arrive in order,
    # before the page's network goes idle)
    loaded = page.evaluate(
        "performance.getEntriesByType('navigation').concat("
        "performance.getEntriesByType('resource')).map(entry => entry.name)"
    )
    assert set(loaded) <= set(sizes), set(loaded) - set(sizes)
    total = sum(sizes.values())
    assert total <= 250 * 1024, sorted(sizes.items(), key=lambda item: -item[1])
