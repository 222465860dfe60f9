"""Hook: the conference programme -> pages, calendars, schedules, structured data.

Wires MkDocs events to the `ssesite.programme` domain package; all logic
lives there and all HTML in overrides/content/ and overrides/partials/sse/.
Every page and export is a generated file, so nothing is written to docs/
and the output is the same bytes for the same data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Start the programme pages, the export files and the pages' structured data
# beside the build (ssesite.core.background), and add the files. (Content
# problems, the programme's among them, stop the build in hooks/studies.py.)
def on_pre_build(*, config: MkDocsConfig) -> None:
    build = _runtime.current(config)
    pages, site_url = build.domain.site.pages, config.site_url or ""
    _runtime.start_generated(config, "programme", pages.programme_files(build.project, site_url))
    build.state["programme-jsonld"] = {
        uri: build.background.submit(pages.programme_jsonld_task, session_id, site_url)
        for uri, session_id in pages.programme_jsonld_pages(build.project).items()
    }


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _runtime.add_generated(files, config, "programme")
    return files


# The status banner on the home and programme pages, from the programme data.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str | None:
    build = _runtime.current(config)
    pages = build.domain.site.pages
    return pages.expand_status_marker(markdown, page.file.src_uri, build.project, build.env)


# schema.org JSON-LD for overrides/partials/sse/head-programme.html.
def on_page_context(context, *, page: Page, config: MkDocsConfig, **kwargs):
    build = _runtime.current(config)
    pending = build.state["programme-jsonld"].pop(page.file.src_uri, None)
    if pending is not None:
        context["programme_jsonld"] = pending.result()
    return context
