"""Hook: `[@key]` citations, References sections, the bibliography, "Cite this study".

Wires MkDocs events to the `ssesite` citation modules; the logic lives in
`ssesite.citations`: `load` (syntax, checks), `bibliography` (.bib files),
`references` (style), `extension` (rendering),
`views` and `citethis`, and the HTML in
overrides/content/ and overrides/partials/sse/head-citation.html.

mkdocs-bibtex is not used to process text; README.md ("Citations") says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Register the citation pattern in the Markdown of every page of this build.
# Content problems (unknown keys, broken .bib files) stop the build in
# hooks/studies.py, which reports every problem of the project at once.
def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    build = _runtime.current(config)
    domain = build.domain
    renderer = domain.citations.extension.CitationRenderer(build.project.citations, build.env)
    config.markdown_extensions.append(domain.citations.extension.CitationExtension(renderer))
    return config


# Start the bibliography page, and each study's scholarly metadata for the head
# of its page (needed only once all pages are converted), beside the build.
def on_pre_build(*, config: MkDocsConfig) -> None:
    build = _runtime.current(config)
    pages = build.domain.site.pages
    _runtime.start_generated(config, "citations", pages.citation_files(build.project))
    task = (pages.study_citations, config.site_name, config.site_url or "")
    build.state["cite-this"] = build.background.submit(*task)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _runtime.add_generated(files, config, "citations")
    return files


# Announce the page to the renderer. (A study page's "Cite this study" box is
# part of the generated page: ssesite.site.pages.study_page.)
@event_priority(-50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> None:
    build = _runtime.current(config)
    study = _study(build, page)
    _extension(config).renderer.begin(_source(build, page, study), study.slug if study else "")


# Start the page's References section, or stop on a citation the checks missed.
# The section is made beside the build (ssesite.core.background) and added after
# the search plugin has indexed the page (on_page_context): a list of
# references is not what readers search for.
@event_priority(50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs) -> None:
    build = _runtime.current(config)
    extension = _extension(config)
    state = extension.renderer.end()
    if state is None:
        return
    if state.problems:
        problems = build.domain.core.problems.Problems()
        study = _study(build, page)
        for raw, message in state.problems:
            problems.add(state.file, _line(build, page, study, raw), "citation", message)
        raise PluginError(str(build.domain.core.problems.ContentError(problems.sorted())))
    if not state.occurrences:
        return

    views = build.domain.citations.views
    citing = views.CitingPage(
        page.file.src_uri, page.url, page.title or page.file.src_uri, state.occurrences
    )
    extension.renderer.citing_pages.append(citing)
    section = build.background.submit(build.domain.site.pages.references_section, citing)
    build.state.setdefault("references", {})[page.file.src_uri] = section
    _add_toc_entry(page, views.anchors(build.project.citations, state.occurrences))


# All pages are converted: start the bibliography's list. Like a References
# section, it is put in place after the search plugin has indexed the page.
def on_env(env, *, config: MkDocsConfig, files: Files):
    build = _runtime.current(config)
    views = build.domain.citations.views
    file = files.get_file_from_path(views.BIBLIOGRAPHY)
    if file is None or file.page is None or file.page.content is None:
        return env
    citing_pages = _extension(config).renderer.citing_pages
    listing = build.background.submit(build.domain.site.pages.bibliography_listing, citing_pages)
    build.state["bibliography"] = listing
    cited = {key for citing in citing_pages for key in citing.occurrences}
    anchors = views.anchors(build.project.citations, cited)
    file.page.present_anchor_ids = (file.page.present_anchor_ids or set()) | anchors
    return env


# Scholarly metadata for the head of study pages (partials/sse/head-citation.html),
# and the References section, once the search plugin (priority 0) is done.
@event_priority(-10)
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav, **kwargs):
    build = _runtime.current(config)
    citation = build.state["cite-this"].result().get(page.file.src_uri)
    if citation is not None:
        context["sse_citation"] = citation
    section = build.state.get("references", {}).pop(page.file.src_uri, None)
    if section is not None:
        page.content += "\n" + section.result()
    views = build.domain.citations.views
    if page.file.src_uri == views.BIBLIOGRAPHY and "bibliography" in build.state:
        listing = build.state.pop("bibliography").result()
        page.content = page.content.replace(views.BIBLIOGRAPHY_MARKER, listing)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _extension(config: MkDocsConfig):
    # The extension added in on_config carries this build's citation state.
    citemarkdown = _runtime.current(config).domain.citations.extension
    for extension in config.markdown_extensions:
        if isinstance(extension, citemarkdown.CitationExtension):
            return extension
    raise PluginError("hooks/citations.py: the citation extension was not registered in on_config")


def _study(build, page: Page):
    return build.project.study_at(page.file.src_uri)


def _source(build, page: Page, study) -> str:
    """The file a reader of a problem should open for `page`."""
    translation = build.project.translation_at(page.file.src_uri)[1]
    if translation is not None:
        return translation.source
    if study is not None:
        return study.source
    if page.file.generated_by:
        return f"{page.file.src_uri} (generated by {page.file.generated_by})"
    return build.project.layout.rel(build.project.layout.docs_dir / page.file.src_uri)


def _line(build, page: Page, study, raw: str) -> int | None:
    """Line of the first occurrence of `raw` in the page's source, if it has one."""
    translation = build.project.translation_at(page.file.src_uri)[1]
    if translation is not None:
        return build.domain.citations.load.line_in(translation.body, translation.body_line, raw)
    if study is not None:
        return build.domain.citations.load.line_in(study.body, study.body_line, raw)
    if not page.file.generated_by and page.file.abs_src_path:
        return build.domain.citations.load.line_in(page.file.content_string, 1, raw)
    return None


def _add_toc_entry(page: Page, anchors: set[str]) -> None:
    ids = {"references"} | anchors
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
    entry = AnchorLink("References", "references", 2)
    items = page.toc.items
    top = next((item for item in reversed(items) if item.level < 2), None)
    (top.children if top is not None else items).append(entry)
