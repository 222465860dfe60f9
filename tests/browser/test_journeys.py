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
    page.get_by_role("link", name="Read the country studies").click()
    assert page.url.endswith("/countries/")
    page.locator(".sse-card__title a", has_text="Indonesia").click()
    assert re.search(r"/countries/indonesia/$", page.url)
    assert page.locator(".sse-status-banner").is_visible()
    assert page.locator('.sse-local[lang="id"]').first.is_visible()


def test_home_to_a_country_study_by_keyboard(page, site_url):
    page.goto(site_url)
    focus_by_tab(page, "a.md-button--primary")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/countries/$"))
    focus_by_tab(page, ".sse-card__title a[href='malaysia/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/countries/malaysia/$"))
    assert page.locator("article h1").inner_text().startswith("The social and solidarity")


def test_comparison_matrix_scrolls_by_keyboard(page, site_url):
    page.set_viewport_size({"width": 760, "height": 800})
    page.goto(site_url + "countries/compare/")
    focus_by_tab(page, ".sse-matrix-wrap")
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
