"""A reader switches languages: a study and a docs page, and their translations
into Bahasa Indonesia, reached through the language switcher."""

from __future__ import annotations

import pytest

PAGES = [
    # (an original, its translation into Bahasa Indonesia)
    ("countries/indonesia/", "countries/indonesia/id/"),
    ("about/", "about/id/"),
]


def hreflang_links(page) -> dict[str, str]:
    """hreflang -> absolute address of each alternate link in the page's head."""
    return page.locator("link[rel=alternate][hreflang]").evaluate_all(
        "els => Object.fromEntries(els.map(l => [l.hreflang, l.href]))"
    )


@pytest.mark.parametrize(("original", "translation"), PAGES)
def test_the_switcher_leads_to_the_translation_and_back(page, site_url, original, translation):
    page.goto(site_url + original)
    assert page.locator("html").get_attribute("lang") == "en"
    pair = {"en": site_url + original, "id": site_url + translation}
    assert hreflang_links(page) == pair | {"x-default": site_url + original}

    switcher = page.locator("article nav.sse-languages")
    switcher.get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_url(site_url + translation)
    assert page.locator("html").get_attribute("lang") == "id"
    assert hreflang_links(page) == pair | {"x-default": site_url + original}
    # Material's interface and the site's own strings are in Bahasa Indonesia
    assert page.locator(".md-search__input").get_attribute("placeholder") == "Cari"
    here = page.locator("article nav.sse-languages [aria-current=page]")
    assert here.inner_text() == "Bahasa Indonesia"
    assert page.locator("article h2#references").inner_text().startswith("Referensi")

    page.locator("article nav.sse-languages").get_by_role("link", name="English").click()
    page.wait_for_url(site_url + original)
    assert page.locator("html").get_attribute("lang") == "en"
