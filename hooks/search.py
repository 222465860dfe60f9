"""Hook: what the search plugin indexes of each page (ssesite.site.searchtext)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


# Before the search plugin (priority 0) reads the page: table cells, list
# items and lines are separate words in the index.
@event_priority(10)
def on_page_context(context, *, page: Page, config: MkDocsConfig, **kwargs):
    build = _runtime.current(config)
    page.content = build.domain.site.searchtext.separate_words(page.content)
    return context
