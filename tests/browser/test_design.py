"""Design in a real browser: what a reader sees on a laptop and on a phone.

Every page type at 1280 x 800 and 390 x 844: no table cut off, at most three
"to be confirmed" phrases, the front door's ways in on the first screen;
tooltips that are readable and close with Escape; the declared fonts in use;
focus and link colours at WCAG AA contrast; print without interactive parts.
"""

from __future__ import annotations

import re

import pytest

from .test_reach import PAGE_TYPES

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PLACEHOLDER = re.compile(r"to be (confirmed|completed)", re.I)
ALL_PAGES = {**PAGE_TYPES, "country page (Japan)": "countries/japan/", "not found": "404.html"}

# What a table is measured against: the box it scrolls in, or the article.
TABLES_CUT_OFF = """() => [...document.querySelectorAll('article table')].flatMap(table => {
  const box = table.closest('.sse-table-wrap, .sse-matrix-wrap, .md-typeset__scrollwrap')
    || table.closest('article');
  const wide = table.getBoundingClientRect().width - box.clientWidth;
  return wide > 1 ? [`${table.id || table.className || 'table'}: ${Math.round(wide)} px`] : [];
})"""

CONTRAST = """([fg, bg]) => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = rgb(c).map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def background_of(page, selector: str) -> str:
    """The first opaque background colour at or above the element."""
    return page.evaluate(
        """(selector) => {
          for (let e = document.querySelector(selector); e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c && !c.endsWith(', 0)') && c !== 'transparent') return c;
          }
          return 'rgb(255, 255, 255)';
        }""",
        selector,
    )


@pytest.fixture(params=["laptop", "phone"])
def screen(request, chromium):
    phone = request.param == "phone"
    context = chromium.new_context(
        viewport=PHONE if phone else LAPTOP, is_mobile=phone, has_touch=phone
    )
    yield request.param, context.new_page()
    context.close()


def test_no_table_is_cut_off_and_no_page_scrolls_sideways(screen, site_url):
    name, page = screen
    found = {}
    for label, path in ALL_PAGES.items():
        page.goto(site_url + path, wait_until="load")
        cut = page.evaluate(TABLES_CUT_OFF)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if cut or overflow > 0:
            found[label] = {"tables": cut, "page wider by": overflow}
    assert found == {}, name


def test_at_most_three_placeholder_phrases_per_page(screen, site_url):
    name, page = screen
    counts = {}
    for label, path in ALL_PAGES.items():
        page.goto(site_url + path, wait_until="load")
        text = page.locator("article").first.inner_text()  # what is shown, folded parts not
        counts[label] = len(PLACEHOLDER.findall(text))
    assert {label: n for label, n in counts.items() if n > 3} == {}, name


def test_home_shows_its_ways_in_on_the_first_screen(screen, site_url):
    name, page = screen
    page.goto(site_url, wait_until="networkidle")
    height = page.viewport_size["height"]
    ways_in = page.get_by_role("navigation", name="Main sections").get_by_role("link")
    names = ways_in.all_inner_texts()
    assert names == ["Country summaries", "Comparison", "Research conference", "Glossary", "News"]
    for index in range(ways_in.count()):
        box = ways_in.nth(index).bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, (
            name,
            names[index],
            box,
        )
    if name == "laptop":
        # The sections are also the site's visible navigation
        tabs = page.get_by_role("navigation", name="Tabs").get_by_role("link")
        assert tabs.first.is_visible()
        assert "Research conference" in tabs.all_inner_texts()


def test_tooltip_is_readable_and_escape_closes_it(page, site_url):
    page.goto(site_url + "countries/japan/", wait_until="networkidle")
    term = page.locator("article a.sse-term").first
    page.wait_for_function("document.querySelector('article a.sse-term').dataset.sseTip")
    term.hover()
    tooltip = page.locator("#sse-tooltip")
    tooltip.wait_for(state="visible")
    size = tooltip.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 14
    # It does not cover the line being read: it sits above the term (or below)
    box, tip = term.bounding_box(), tooltip.bounding_box()
    assert tip["y"] + tip["height"] <= box["y"] or tip["y"] >= box["y"] + box["height"]
    # Hoverable: the pointer can move onto it
    page.mouse.move(tip["x"] + 5, tip["y"] + 5)
    assert tooltip.is_visible()
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")
    # Keyboard focus shows it too, and Escape closes it without moving focus
    term.focus()
    tooltip.wait_for(state="visible")
    assert term.get_attribute("aria-describedby") == "sse-tooltip"
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('sse-term')")


def test_a_tap_shows_the_definition_in_place_with_a_link_onwards(chromium, site_url):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "countries/korea/", wait_until="networkidle")
    term = page.locator("article a.sse-term").first
    page.wait_for_function("document.querySelector('article a.sse-term').dataset.sseTip")
    term.scroll_into_view_if_needed()
    term.tap()
    tooltip = page.locator("#sse-tooltip")
    tooltip.wait_for(state="visible")
    assert page.url.endswith("/countries/korea/")  # the tap did not leave the page
    more = tooltip.get_by_role("link")
    assert more.inner_text().startswith("Read the glossary entry")
    more.tap()
    page.wait_for_url(re.compile(r"/glossary/#"))
    context.close()


def test_the_declared_font_stack_is_in_use(page, site_url):
    page.goto(site_url + "countries/korea/", wait_until="networkidle")
    body = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert body.startswith("system-ui")
    for font in ("Noto Sans CJK KR", "Noto Sans Thai", "PingFang SC", "Malgun Gothic"):
        assert font in body
    korean = page.locator('.sse-local[lang="ko"]').first
    assert korean.evaluate("e => getComputedStyle(e).fontFamily").startswith(
        '"Apple SD Gothic Neo"'
    )
    # Korean words are never broken in the middle
    assert korean.evaluate("e => getComputedStyle(e).wordBreak") == "keep-all"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_ring_and_link_colours_meet_wcag_aa(chromium, site_url, scheme):
    context = chromium.new_context(viewport=LAPTOP, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "about/", wait_until="networkidle")
    link = "article p a:not(.sse-term)"
    background = background_of(page, link)
    for state in ("rest", "hover"):
        if state == "hover":
            page.locator(link).first.hover()
        colour = page.locator(link).first.evaluate("e => getComputedStyle(e).color")
        assert page.evaluate(CONTRAST, [colour, background]) >= 4.5, (scheme, state, colour)
    page.mouse.move(0, 0)
    page.locator(link).first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; })()"
    )
    assert ring[0] != "none" and float(ring[1].removesuffix("px")) >= 2
    assert page.evaluate(CONTRAST, [ring[2], background]) >= 3, (scheme, ring)
    context.close()


def test_print_shows_each_address_once_and_no_interactive_parts(page, site_url):
    page.goto(site_url + "countries/korea/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".sse-pub-actions", ".sse-cite-this__bibtex", ".sse-references__back"):
        assert not page.locator(selector).first.is_visible(), selector
    after = "e => getComputedStyle(e, '::after').content"
    # A reference's link text is its address already: nothing is added
    shown = page.locator("a.sse-url").first
    assert shown.evaluate(after) in ("none", "normal")
    # A link whose text is not its address shows the address after it, once
    page.goto(site_url + "glossary/", wait_until="networkidle")
    page.emulate_media(media="print")
    outward = page.locator("article dd a.sse-glossary-source[href^='http']").first
    href = outward.get_attribute("href")
    assert outward.evaluate(after) == f'" <" "{href}" ">"' or href in outward.evaluate(after)
    assert href not in outward.inner_text()


def test_not_found_page_offers_search_and_the_main_sections(page, site_url):
    page.goto(site_url + "404.html", wait_until="networkidle")
    assert page.locator("article h1").inner_text() == "Page not found"
    sections = page.locator("article ul a").all_inner_texts()
    for section in ("Country summaries", "Research conference", "Glossary of SSE terms", "News"):
        assert section in sections
    page.get_by_role("searchbox", name="Search this site").fill("Panggungharjo")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert "Indonesia" in " ".join(page.locator(".md-search-result__item").all_inner_texts())


def test_comparison_fits_a_laptop_and_cues_scrolling_when_it_cannot(chromium, site_url):
    context = chromium.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(site_url + "countries/compare/", wait_until="networkidle")
    assert page.evaluate(TABLES_CUT_OFF) == []
    assert not page.locator(".sse-scroll-hint").first.is_visible()
    # Narrower than the table: the first column stays, and the cue shows
    page.set_viewport_size({"width": 900, "height": 800})
    page.wait_for_function(
        "document.querySelector('#matrix-entity-types').closest('.sse-matrix-wrap')"
        ".classList.contains('sse-is-scrollable')"
    )
    wrap = page.locator(".sse-matrix-wrap", has=page.locator("#matrix-entity-types"))
    first = page.locator("#matrix-entity-types tbody th").first
    left = first.bounding_box()["x"]
    wrap.evaluate("e => e.scrollBy(300, 0)")
    page.wait_for_function(
        "document.querySelector('#matrix-entity-types').closest('.sse-matrix-wrap').scrollLeft > 0"
    )
    assert abs(first.bounding_box()["x"] - left) < 1  # sticky
    hint = wrap.locator("xpath=following-sibling::p[1]")
    assert hint.is_visible() and "Scroll sideways" in hint.inner_text()
    context.close()
