"""Hook: glossary of SSE terms -> glossary page, term links with tooltips, "used in".

Wires MkDocs events to the `ssesite` domain modules (glossary, glossarymark,
glossarypage); all logic lives there and all HTML in overrides/content/.
Problems in data/glossary.yml and unknown ids in `[words](term:id)` links
are part of the project's problems, so the studies hook's on_config stops
the build with all of them (and `make check` lists them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Start the generated glossary page, and add it. Nothing is written to docs/.
def on_pre_build(*, config: MkDocsConfig) -> None:
    build = _runtime.current(config)
    pages = build.domain.site.pages
    _runtime.start_generated(config, "glossary", pages.glossary_files(build.project))


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _runtime.add_generated(files, config, "glossary")
    return files


# Link the first use of each term on the page, and remember where terms are
# used. Marking runs beside the build (ssesite.core.background), so this runs
# last: the HTML it marks is the page's final HTML.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    build = _runtime.current(config)
    domain = build.domain
    auto = domain.glossary.page.is_marked(page.file.src_uri, page.meta)
    if not auto and domain.glossary.model.SCHEME not in html:
        return
    state = _state(build)
    if state.glossary_url is None:
        state.glossary_url = files.get_file_from_path(domain.glossary.page.GLOSSARY).url
    task = (domain.glossary.mark.mark_page, state.glossary_url, html, page.url, auto)
    state.marking[page.file.src_uri] = _Marking(page, html, auto, build.background.submit(*task))


# Every page is converted: collect where terms are used, before any page is
# rendered (the glossary's "used in" lists need all of them).
@event_priority(50)
def on_env(env, *, config: MkDocsConfig, files: Files):
    build = _runtime.current(config)
    domain = build.domain
    state = _state(build)
    for src_uri, marking in state.marking.items():
        marking.marked = marking.pending.result()
        if marking.marked.unknown:
            # Sources in docs/ and studies/ were checked with their lines before
            # the build; this catches term links that other generated pages carry.
            unknown = marking.marked.unknown[0]
            message = domain.glossary.links.unknown_term_message(unknown, build.project.glossary)
            raise PluginError(f"{src_uri}: term link: {message}")
        if src_uri != domain.glossary.page.GLOSSARY:
            page = marking.page
            state.usage.record(marking.marked.terms, page.url, page.title or page.url)
    return env


# Put the marked HTML in place once the search plugin (priority 0) has
# indexed the page: the words are the same, and the index is made faster
# without the links. The glossary's "used in" lists come in then too: lists
# of page titles under every term are not what readers search the glossary
# for. Before the citations hook adds the References.
@event_priority(-5)
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav, **kwargs):
    build = _runtime.current(config)
    state = _state(build)
    _put_marks(build, state, page)
    glossarypage = build.domain.glossary.page
    if page.file.src_uri == glossarypage.GLOSSARY:
        page.content = glossarypage.fill_used_in(page.content, state.usage, page.url, build.env)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _Marking:
    """One page being marked."""

    def __init__(self, page: Page, html: str, auto: bool, pending):
        self.page = page
        self.html = html
        """The HTML that was sent to be marked."""
        self.auto = auto
        self.pending = pending
        self.marked = None
        """`glossarymark.Marked`, once collected."""


class _State:
    """What the glossary hooks share during one build."""

    def __init__(self, build):
        self.glossary_url: str | None = None
        self.marking: dict[str, _Marking] = {}
        """src_uri -> the page's marking, in the order pages were converted."""
        self.usage = build.domain.glossary.mark.Usage()


def _state(build) -> _State:
    # Kept on the build object, so nothing survives into the next build.
    state = build.state.get("glossary")
    if state is None:
        state = build.state["glossary"] = _State(build)
    return state


def _put_marks(build, state: _State, page: Page) -> None:
    marking = state.marking.pop(page.file.src_uri, None)
    if marking is None:
        return
    if page.content == marking.html:
        page.content = marking.marked.html
        return
    # Something changed the page after it was sent to be marked (the search
    # plugin strips `data-search-*="..."` attributes): mark it again, here.
    context = build.background.context
    marked = build.domain.glossary.mark.mark_page(
        context, state.glossary_url, page.content, page.url, marking.auto
    )
    page.content = marked.html
