"""Hook: how studies that are not final are published (extra.drafts).

The modes and their rules live in ssesite.content.drafts; this file only wires them
to MkDocs events. README.md ("Drafts") documents the setting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# In `exclude` mode drop drafts from the shared project before any page,
# index or comparison is generated from it. (The mode was checked with all
# content, in hooks/studies.py: a wrong value never gets here.)
def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    build = _runtime.current(config)
    drafts, mode = build.domain.content.drafts, build.project.settings.drafts
    build.project.studies = drafts.published(build.project.studies, mode)
    build.state["noindex"] = drafts.noindex_pages(build.project.studies, mode)
    return config


# Mark draft pages for the robots meta tag (partials/sse/head-drafts.html)
# and the sitemap (overrides/sitemap.xml). This runs before the sitemap is
# rendered, which a later event would not.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> None:
    build = _runtime.current(config)
    if page.file.src_uri in build.state["noindex"]:
        page.meta["robots"] = build.domain.content.drafts.ROBOTS
