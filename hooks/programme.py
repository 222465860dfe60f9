"""Hook: the conference programme -> pages, calendars, schedules, structured data.

Wires MkDocs events to the `ssesite.programme*` domain modules; all logic
lives there and all HTML in overrides/content/ and overrides/partials/sse/.
Every page and export is a generated file, so nothing is written to docs/
and the output is the same bytes for the same data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# A broken programme stops the build with every problem listed (the same
# list `make check` prints), before anything is built.
def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    build = _runtime.current(config)
    problems = build.project.problems.sorted()
    if problems:
        raise PluginError(str(build.domain.problems.ContentError(problems)))
    return config


# Add the programme pages and the export files.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = _runtime.current(config)
    site_url = config.site_url or ""
    for generated in build.domain.pages.programme_files(build.project, build.env, site_url):
        _add(files, File.generated(config, generated.uri, content=generated.content))
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
        session = next((s for s in programme.sessions if links.session_uri(s.id) == uri), None)
        if session is not None:
            data = jsonld.session_jsonld(programme, session, site_url)
    if data is not None:
        context["programme_jsonld"] = jsonld.script_text(data)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _add(files: Files, file: File) -> None:
    # A file of the same name in docs/ would be silently shadowed; say so.
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None and not existing.generated_by:
        raise PluginError(
            f"docs/{file.src_uri}: this file is generated from data/programme.yml; "
            "expected no file of that name in docs/, found one"
        )
    files.append(file)
