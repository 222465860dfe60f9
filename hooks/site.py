"""Hook: the front door and the reader's place in the site.

- Study pages join the navigation under "Countries", in the order of the
  countries index, so the section is highlighted, the breadcrumb and the
  previous / next links lead through the studies. (With navigation.prune the
  list weighs only on the pages of that section.)
- The home page gets its ways in, the countries studied and the latest news
  (`sse_home`, rendered by overrides/home.html), and any page the list of
  countries studied in place of its marker.

The logic lives in `ssesite.site.home` and `ssesite.site.views`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build = _runtime.current(config)
    site = build.domain.site
    index = files.get_file_from_path(build.domain.core.urls.COUNTRIES_INDEX)
    if index is None or index.page is None or index.page not in nav.pages:
        return nav
    studies = [files.get_file_from_path(uri) for uri in site.views.study_uris(build.project)]
    pages = [file.page for file in studies if file is not None and file.page is not None]
    _insert_after(nav, index.page, pages)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    build = _runtime.current(config)
    return build.domain.site.home.expand_markers(markdown, build.project)


# Every page has been read: the news posts' titles, dates and addresses are known.
def on_env(env, *, config: MkDocsConfig, files: Files):
    build = _runtime.current(config)
    home = build.domain.site.home
    news = []
    for file in files.documentation_pages():
        page = file.page
        if page is not None:
            item = home.news_item(file.src_uri, page.title, page.meta.get("date"), page.url)
            if item is not None:
                news.append(item)
    build.state["news"] = news
    return env


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav, **kwargs):
    build = _runtime.current(config)
    home = build.domain.site.home
    if home.is_home(page.file.src_uri):
        context["sse_home"] = home.home_view(build.project, build.state["news"], build.env)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _insert_after(nav: Navigation, index: Page, pages: list[Page]) -> None:
    """Put `pages` after `index` in its section, in the page order and the
    previous / next chain."""
    section = index.parent
    siblings = section.children if section is not None else nav.items
    at = siblings.index(index) + 1
    siblings[at:at] = pages
    position = nav.pages.index(index) + 1
    nav.pages[position:position] = pages
    chain = [index, *pages, index.next_page]
    for before, page, after in zip(chain, chain[1:], chain[2:], strict=False):
        page.previous_page, page.next_page = before, after
    index.next_page = chain[1] if len(chain) > 2 else index.next_page
    if chain[-1] is not None and pages:
        chain[-1].previous_page = pages[-1]
    for page in pages:
        page.parent = section
