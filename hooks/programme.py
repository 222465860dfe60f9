"""Hook: the conference programme -> pages, calendars, schedules, structured data.

Wires MkDocs events to the `ssesite.programme*` domain modules; all logic
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


# Add the programme pages and the export files. (Content problems, the
# programme's among them, stop the build in hooks/studies.py.)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = _runtime.current(config)
    site_url = config.site_url or ""
    generated = build.domain.pages.programme_files(build.project, site_url)
    _runtime.add_generated(files, config, generated)
    return files


# The status banner on the home and programme pages, from the programme data.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str | None:
    build = _runtime.current(config)
    pages = build.domain.pages
    return pages.expand_status_marker(markdown, page.file.src_uri, build.project, build.env)


# schema.org JSON-LD for overrides/partials/sse/head-programme.html.
def on_page_context(context, *, page: Page, config: MkDocsConfig, **kwargs):
    build = _runtime.current(config)
    domain, programme = build.domain, build.project.programme
    links, jsonld = domain.programme_links, domain.programme_jsonld
    site_url = config.site_url or ""
    uri = page.file.src_uri
    data = None
    if uri == links.PROGRAMME:
        data = jsonld.conference_jsonld(programme, site_url, uri)
    else:
        # 'programme/sessions/<id>/index.md' -> the session, by its id
        parts = uri.split("/")
        session = programme.session(parts[2]) if len(parts) == 4 else None
        if session is not None and links.session_uri(session.id) == uri:
            data = jsonld.session_jsonld(programme, session, site_url)
    if data is not None:
        context["programme_jsonld"] = jsonld.script_text(data)
    return context
