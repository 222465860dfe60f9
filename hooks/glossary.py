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


# Add the generated glossary page. Nothing is written to docs/.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = _runtime.current(config)
    _runtime.add_generated(
        files, config, build.domain.pages.glossary_files(build.project, build.env)
    )
    return files


# Link the first use of each term on the page, and remember where terms are used.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    build = _runtime.current(config)
    glossarypage = build.domain.glossarypage
    auto = glossarypage.is_marked(page.file.src_uri, page.meta)
    if not auto and build.domain.glossary.SCHEME not in html:
        return None
    state = _state(build, files)
    marked = state.marker.mark(html, page.url, auto=auto)
    if marked.unknown:
        # Sources in docs/ and studies/ were checked with their lines before
        # the build; this catches term links that other generated pages carry.
        message = build.domain.glossary.unknown_term_message(marked.unknown[0], state.glossary)
        raise PluginError(f"{page.file.src_uri}: term link: {message}")
    if page.file.src_uri != glossarypage.GLOSSARY:
        state.usage.record(marked.terms, page.url, page.title or page.url)
    return marked.html


# Every page is marked before any is rendered into the theme, so the "used in"
# lists are complete here. Runs before the search plugin indexes the page.
@event_priority(50)
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav, **kwargs):
    build = _runtime.current(config)
    if page.file.src_uri != build.domain.glossarypage.GLOSSARY:
        return context
    state = build.state.get("glossary")
    usage = state.usage if state else build.domain.glossarymark.Usage()
    page.content = build.domain.glossarypage.fill_used_in(page.content, usage, page.url, build.env)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _State:
    """What the glossary hooks share during one build."""

    def __init__(self, build, files: Files):
        domain = build.domain
        self.glossary = build.project.glossary
        glossary_file = files.get_file_from_path(domain.glossarypage.GLOSSARY)
        self.marker = domain.glossarymark.Marker(self.glossary, build.env, glossary_file.url)
        self.usage = domain.glossarymark.Usage()


def _state(build, files: Files) -> _State:
    # Kept on the build object, so nothing survives into the next build.
    state = build.state.get("glossary")
    if state is None:
        state = build.state["glossary"] = _State(build, files)
    return state
