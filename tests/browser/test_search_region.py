"""Search for readers of the region: local-language names, exact titles, a dropped connection.

Searches type into the real search box of the built site and read the result
list; the test of every name runs the site's search worker in the page.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from lxml import html

# A name in each script and language the studies show, and its country's page
# (countries/<slug>/<lang>/ is its translation).
LOCAL_TERMS = [
    ("협동조합", "countries/korea/"),
    ("合作社", "countries/china/"),
    ("労働者協同組合", "countries/japan/"),
    ("koperasi", "countries/indonesia/"),
    ("perusahaan sosial", "countries/malaysia/"),
]


def search(page, url: str, query: str) -> list[str]:
    """Type `query` into the search box of `url`; the results' addresses, in order."""
    page.goto(url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill(query)
    # Material reads the query on keyup, as when a reader types it
    page.locator(".md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.locator(".md-search-result__item > .md-search-result__link:first-child")
    return [href.split("?")[0] for href in links.evaluate_all("els => els.map(a => a.href)")]


def relative(site_url: str, addresses: list[str]) -> list[str]:
    return [address.removeprefix(site_url) for address in addresses]


@pytest.mark.parametrize(("term", "country_page"), LOCAL_TERMS)
def test_a_local_language_name_finds_its_country_in_the_first_three(
    page, site_url, term, country_page
):
    results = relative(site_url, search(page, site_url, term))
    # The country's page, or its translation into the country's language
    assert any(result.startswith(country_page) for result in results[:3]), results


def test_an_exact_title_comes_first_and_enter_opens_it(page, site_url):
    results = relative(site_url, search(page, site_url, "cooperative"))
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text().strip() == "Cooperative"
    assert results[0] == "glossary/"
    assert first.locator("a").first.get_attribute("href").endswith("#cooperative")
    page.locator(".md-search__input").press("Enter")
    page.wait_for_url("**/glossary/?h=cooperative#cooperative")


def test_every_local_language_name_finds_the_pages_showing_it(page, site_url, built_site):
    """Every text marked with a language other than English in the site's
    pages, searched with the site's worker: the first three results are pages
    that show it (as many as there are, up to three)."""
    shown = names_shown(built_site)
    assert len(shown) >= 20
    page.goto(site_url)
    results = page.evaluate(
        """async (queries) => {
          const config = JSON.parse(document.getElementById("__config").textContent);
          const worker = new Worker(new URL(config.search, location.href));
          const index = await (await fetch("search/search_index.json")).json();
          const next = () => new Promise(done => {
            worker.addEventListener("message", event => done(event.data), { once: true });
          });
          worker.postMessage({ type: 0, data: { ...index, options: { suggest: false } } });
          await next();
          const found = {};
          for (const query of queries) {
            worker.postMessage({ type: 2, data: query });
            const message = await next();
            found[query] = message.data.items.map(group => group[0].location.split("#")[0]);
          }
          return found;
        }""",
        sorted(shown),
    )
    misses = {}
    for name, pages in shown.items():
        top = results[name][:3]
        if sum(result in pages for result in top) < min(3, len(pages)):
            misses[name] = (sorted(pages), top)
    assert not misses, json.dumps(misses, ensure_ascii=False, indent=1)


def test_a_dropped_connection_is_said_and_search_recovers(chromium, site_url):
    context = chromium.new_context()
    page = context.new_page()
    page.goto(site_url + "countries/korea/", wait_until="networkidle")
    context.set_offline(True)
    page.locator(".md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    offline = meta.get_attribute("data-sse-offline")
    assert "connection" in offline
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() === text",
        arg=offline,
    )
    assert meta.get_attribute("aria-live") == "polite"
    context.set_offline(False)
    page.locator(".md-search__input").fill("koperasi")
    page.locator(".md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    context.close()


def names_shown(site: Path) -> dict[str, set[str]]:
    """Text of every element with a non-English lang in the pages' articles -> the
    pages whose article shows that text (a translated page shows names untagged)."""
    names: set[str] = set()
    texts: dict[str, str] = {}
    for file in sorted(site.rglob("*.html")):
        address = file.relative_to(site).as_posix()
        if address.startswith(("assets/", "search/")) or address == "404.html":
            continue
        article = html.parse(str(file)).getroot().cssselect("article")
        if not article:
            continue
        # Language names in the language switcher are not indexed
        for nav in article[0].cssselect("[data-search-exclude]"):
            nav.drop_tree()
        texts[address.removesuffix("index.html")] = normal(article[0].text_content())
        for element in article[0].cssselect("[lang]"):
            if element.get("lang").split("-")[0] != "en" and normal(element.text_content()):
                names.add(normal(element.text_content()))
    return {name: {page for page, text in texts.items() if name in text} for name in names}


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
