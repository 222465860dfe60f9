"""Reader journeys in a real browser, by mouse and by keyboard only."""

from __future__ import annotations

import re


def focus_by_tab(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has focus (and a visible outline)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            outline = page.evaluate(
                "(() => { const s = getComputedStyle(document.activeElement);"
                " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
            )
            assert outline[0] != "none" or outline[2] != "none", "focus is not visible"
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_home_to_a_country_study_by_mouse(page, site_url):
    page.goto(site_url)
    page.get_by_role("navigation", name="Main sections").get_by_role(
        "link", name="Country summaries"
    ).click()
    page.wait_for_url(re.compile(r"/countries/$"))
    page.locator(".sse-card__title a", has_text="Indonesia").click()
    page.wait_for_url(re.compile(r"/countries/indonesia/$"))
    # Wait for the new page's content, not just its address
    page.locator(".sse-status-banner").wait_for(state="visible")
    page.locator('.sse-local[lang="id"]').first.wait_for(state="visible")


def test_home_to_a_country_study_by_keyboard(page, site_url):
    page.goto(site_url)
    focus_by_tab(page, ".sse-entry-points a[href='countries/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/countries/$"))
    focus_by_tab(page, ".sse-card__title a[href='malaysia/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/countries/malaysia/$"))
    assert page.locator("article h1").inner_text().startswith("The social and solidarity")


def test_comparison_matrix_scrolls_by_keyboard(page, site_url):
    page.set_viewport_size({"width": 760, "height": 800})
    page.goto(site_url + "countries/compare/")
    focus_by_tab(page, ".sse-matrix-wrap:not(.sse-heatmap-wrap)")
    before = page.evaluate("document.activeElement.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Keyboard scrolling is smooth: wait for it to move
    page.wait_for_function(f"document.activeElement.scrollLeft > {before}", timeout=3000)


def test_print_layout_hides_navigation(page, site_url):
    page.goto(site_url + "countries/korea/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".sse-factbox").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"


def test_study_term_tooltip_glossary_entry_and_used_in(page, site_url):
    page.goto(site_url + "countries/korea/")
    term = page.locator("article a[data-term]").first
    term_id = term.get_attribute("data-term")
    # The script moves the definition out of the title (the browser's own tooltip)
    page.wait_for_function("document.querySelector('article a[data-term]').dataset.sseTip")
    definition = term.get_attribute("data-sse-tip")
    term.hover()
    tooltip = page.locator("#sse-tooltip").filter(has_text=definition[:30])
    tooltip.wait_for(state="visible", timeout=5000)
    term.click()
    page.wait_for_url(re.compile(rf"/glossary/#{term_id}$"))
    entry = page.locator(f"#{term_id}")
    entry.wait_for(state="visible")
    # The entry's "used in" list links back to the study it was reached from
    used_in = page.locator(f"xpath=//h3[@id='{term_id}']/following::dd[@class='sse-used-in'][1]//a")
    hrefs = used_in.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "../countries/korea/" in hrefs
    used_in.nth(hrefs.index("../countries/korea/")).click()
    page.wait_for_url(re.compile(r"/countries/korea/$"))


def test_search_finds_a_study_and_a_glossary_term(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("Panggungharjo")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any("Indonesia" in t for t in titles)
    page.keyboard.press("Control+A")
    page.keyboard.type("gotong royong")
    page.wait_for_function(
        "[...document.querySelectorAll('.md-search-result__item')]"
        ".some(e => /Glossary/.test(e.textContent))",
        timeout=10_000,
    )
