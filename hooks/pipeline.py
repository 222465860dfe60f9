"""The build, in order: MkDocs' events, and in each the features' steps.

This is the only MkDocs hook (mkdocs.yml, `hooks:`). Its handlers appear in
the order MkDocs calls them; inside each, the steps of the features run in
the order written. The steps are methods of `ssesite.site.pipeline.Build`,
which holds the state of one build in named fields; this file only adapts
MkDocs' objects (files, pages, the table of contents, errors) to them.

`mkdocs serve` never re-executes a hook file and Python caches modules, so
every build imports the `ssesite` package afresh (`_fresh_domain`): an edit
to it shows at the next rebuild, and no module state leaks between builds.
Only this file needs a restart when edited. Kept from one build to the next:
the compiled Jinja templates (`_compiled`, each a `CompiledTemplates` of
`ssesite.core.render`; the generated pages' are dropped when the package
changes), so that `mkdocs serve` compiles only templates that changed; a new
process starts from those stored in the user's cache
(`ssesite.site.templatecache`).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from material.plugins.search.plugin import SearchIndex
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

PACKAGE = "ssesite"
HOOKS_DIR = str(Path(__file__).resolve().parent)

_domain: ModuleType | None = None
_build = None
"""The `Build` of the running build (one per `on_config`)."""
_compiled: dict = {}
"""Compiled templates of MkDocs' theme ("theme") and of the generated pages ("pages")."""
_domain_files: tuple = ()
"""Name, size and modification time of the domain package's files at the last import."""
_unlisted: set[str] = set()
"""Source URIs of the study pages the sidebar does not list (beyond `views.NAV_STUDIES_MAX`)."""
_countries: tuple = ()
"""The navigation and its countries index, after which an unlisted study page shows itself."""
_shown: list = []
"""The unlisted study page the sidebar shows while it is rendered (`_show_in_sidebar`)."""


def _stops_build(handler):
    """Turn a step's `BuildError` into the error MkDocs reports."""

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except Exception as error:
            if _domain is not None and isinstance(error, _domain.site.pipeline.BuildError):
                raise PluginError(str(error)) from None
            raise

    return wrapper


# -----------------------------------------------------------------------------
# Before MkDocs reads any file
# -----------------------------------------------------------------------------


@_stops_build
def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    global _domain, _build
    if _build is not None:
        _build.close()
    _domain = _fresh_domain()
    # 1. content: load everything, then stop on any problem, listing them all
    _build = _domain.site.pipeline.Build.load(Path(config.config_file_path).resolve().parent)
    _build.check()
    _build.use_compiled(_compiled)  # templates compiled by earlier builds
    # 2. drafts: drop them or mark them noindex, before anything is generated from studies
    _build.apply_drafts()
    # 3. citations: render `[@key]` in every page's Markdown
    config.markdown_extensions.append(_build.citation_extension())
    return config


# 4. Start making the generated files (studies, programme, glossary, citations)
# beside the build as soon as the content is final, before MkDocs lists files;
# give the search plugin an index that takes sections read beside it (step 8).
def on_pre_build(*, config: MkDocsConfig) -> None:
    _build.start_generated(config.site_name, config.site_url or "")
    for plugin in config.plugins.values():
        if type(getattr(plugin, "search_index", None)) is SearchIndex:
            plugin.search_index = _SectionsReadBeside(**plugin.search_index.config)


# 5. Add them. Nothing is written to docs/ or studies/.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for item in _build.take_generated():
        # A file of that name in docs/ would be silently shadowed; `make check`
        # reports it too, this is the build's own guard.
        existing = files.get_file_from_path(item.uri)
        if existing is not None and not existing.generated_by:
            raise PluginError(
                f"docs/{item.uri}: this page is generated from studies/ and data/; "
                "expected no file of that name in docs/, found one"
            )
        if item.recipe:  # empty until its content is made: on_pre_page or on_env
            files.append(File.generated(config, item.uri, content=""))
        else:
            files.append(File.generated(config, item.uri, abs_src_path=str(item.source)))
    # A docs page's translation (about.id.md) is served under its original (about/id/)
    for uri, dest in _build.translated_page_files().items():
        file = files.get_file_from_path(uri)
        if file is not None:
            files.remove(file)
            files.append(
                File(uri, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=dest)
            )
    glossary = files.get_file_from_path(_domain.glossary.page.GLOSSARY)
    _build.glossary_url = glossary.url if glossary is not None else None
    return files


# 5a. The study pages join the Countries section in the countries index's
# order (section highlighted, breadcrumb, previous / next through them). The
# sidebar lists them while they are few (`views.NAV_STUDIES_MAX`: every page
# of the section carries the list, navigation.prune keeps it off the others);
# beyond, a study page shows its own entry there while it is rendered (step 12).
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    index = files.get_file_from_path(_domain.core.urls.COUNTRIES_INDEX)
    if index is None or index.page is None or index.page not in nav.pages:
        return nav
    uris, listed = _build.study_nav_uris()
    studies = [files.get_file_from_path(uri) for uri in uris]
    pages = [f.page for f in studies if f is not None and f.page]
    _insert_after(nav, index.page, pages, listed=[p for p in pages if p.file.src_uri in listed])
    global _countries
    _countries = (nav, index.page)
    _unlisted.clear()
    _unlisted.update(p.file.src_uri for p in pages if p.file.src_uri not in listed)
    return nav


# -----------------------------------------------------------------------------
# Per page, while MkDocs converts it
# -----------------------------------------------------------------------------


# 6. A generated page's content must be there before MkDocs reads the page.
def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> None:
    _put_content(page.file, _build.content(page.file.src_uri))


# 7. Markers (framework vocabulary, conference status, countries studied), a
# translated docs page's language switcher and language (in its front matter),
# links from the source file made addresses, a draft's robots meta tag (read
# by the head partial and the sitemap), and the citation renderer told which
# page comes and how it cites (`citations:`).
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    step_page = _page(page)
    markdown, meta = _build.page_markdown(step_page, markdown)
    page.meta.update(meta)
    robots = _build.robots(step_page.uri)
    if robots is not None:
        page.meta["robots"] = robots
    _build.begin_citations(step_page, page.meta.get("citations", ""))
    return markdown


# 8. The page is converted: start its References section (and list it in the
# table of contents), then, beside the build, the HTML policy's last guard on
# what Markdown made of it, its search text, that text's sections for the
# search index and its glossary links.
@_stops_build
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    step_page = _page(page)
    anchors = _build.end_citations(step_page)
    if anchors is not None:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
        _add_toc_entry(page, AnchorLink(_build.references_title(step_page), "references", 2))
    _build.page_converted(step_page, html, page.meta)


# -----------------------------------------------------------------------------
# Once every page is converted
# -----------------------------------------------------------------------------


# 9. The other generated files before MkDocs copies them; every converted
# page's results (stop on what the last guard found; where glossary terms are
# used, for "used in" lists); the news posts (home page); the bibliography.
@_stops_build
def on_env(env, *, config: MkDocsConfig, files: Files):
    env.bytecode_cache = _compiled["theme"]  # compiled by earlier builds of this process
    for uri, content in _build.remaining_content():
        _put_content(files.get_file_from_path(uri), content)
    _build.collect_converted()
    _build.collect_news(
        [
            (file.src_uri, file.page.title, file.page.meta.get("date"), file.page.url)
            for file in files.documentation_pages()
            if file.page is not None
        ]
    )
    bibliography = files.get_file_from_path(_domain.citations.views.BIBLIOGRAPHY)
    if bibliography is not None and bibliography.page is not None:
        page = bibliography.page
        if page.content is not None:
            anchors = _build.start_bibliography()
            page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
    return env


# 10. Before the search plugin (priority 0) indexes the page, priority 10:
# table cells, list items and lines become separate words in its index.
@event_priority(10)
def _before_search(context, *, page: Page, config: MkDocsConfig, **kwargs):
    page.content = _build.search_text(_page(page), page.content)
    return context


# 11. Glossary links and "used in" lists, References and the bibliography's
# list, the head's structured data (partials/sse/head-programme.html,
# head-citation.html) and the home page's panels (overrides/home.html). None
# of it is searchable text, and glossary links have the same words:
# priority -5, after the search plugin has indexed it.
@event_priority(-5)
def _after_search(context, *, page: Page, config: MkDocsConfig, **kwargs):
    step_page = _page(page)
    page.content = _build.put_glossary_marks(step_page, page.content)
    page.content = _build.add_references(step_page, page.content)
    jsonld = _build.programme_jsonld_of(step_page)
    if jsonld is not None:
        context["programme_jsonld"] = jsonld
    citation = _build.citation_of(step_page)
    if citation is not None:
        context["sse_citation"] = citation
    front_door = _build.home_of(step_page)
    if front_door is not None:
        context["sse_home"] = front_door
    return context


# 12. Beyond the bound, the sidebar of a study page still shows that page,
# after the countries index, while the page is rendered (as MkDocs marks the
# current page active page by page); `on_post_page` takes it out again.
def _show_in_sidebar(context, *, page: Page, config: MkDocsConfig, **kwargs):
    if page.file.src_uri in _unlisted:
        nav, index = _countries
        siblings = _siblings(nav, index)
        siblings.insert(siblings.index(index) + 1, page)
        _shown.append((siblings, page))
    return context


on_page_context = CombinedEvent(_before_search, _after_search, _show_in_sidebar)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _hide_shown()
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    _build.close()
    _build.keep_compiled(_compiled)


def on_build_error(*, error: Exception, **kwargs) -> None:
    _hide_shown()
    if _build is not None:
        _build.close()


# -----------------------------------------------------------------------------
# Adapting MkDocs objects
# -----------------------------------------------------------------------------


class _SectionsReadBeside(SearchIndex):
    """Material's search index, given the sections a worker read of each page
    (step 8): the plugin's parser reads only a page changed since, or left to it."""

    def add_entry_from_context(self, page: Page) -> None:
        sections = _build.search_sections(_page(page), page.content)
        if sections is None or (page.meta.get("search") or {}).get("exclude"):
            super().add_entry_from_context(page)
            return
        for section in sections:
            self.create_entry_for_section(section, page.toc, page.url, page)


def _page(page: Page):
    """The steps' view of a MkDocs page."""
    file = page.file
    has_source = not file.generated_by and file.abs_src_path
    return _domain.site.pipeline.Page(
        uri=file.src_uri,
        url=page.url,
        title=page.title,
        generated_by=file.generated_by,
        source=(lambda: file.content_string) if has_source else (lambda: None),
    )


def _put_content(file: File | None, content: str | bytes | None) -> None:
    if file is None or content is None:
        return
    if isinstance(content, bytes):
        file.content_bytes = content
    else:
        file.content_string = content


def _insert_after(nav: Navigation, index: Page, pages: list[Page], listed: list[Page]) -> None:
    """Put `pages` after `index` in its section, in the page order and in the
    previous / next chain; of them, `listed` in the section's items."""
    section = index.parent
    siblings = _siblings(nav, index)
    at = siblings.index(index) + 1
    siblings[at:at] = listed
    position = nav.pages.index(index) + 1
    nav.pages[position:position] = pages
    chain = [index, *pages, index.next_page]
    for before, page, after in zip(chain, chain[1:], chain[2:], strict=False):
        page.previous_page, page.next_page = before, after
    if pages:
        index.next_page = pages[0]
        if chain[-1] is not None:
            chain[-1].previous_page = pages[-1]
    for page in pages:
        page.parent = section


def _hide_shown() -> None:
    while _shown:
        siblings, shown = _shown.pop()
        siblings.remove(shown)


def _siblings(nav: Navigation, page: Page) -> list:
    """The items of the section holding `page` (of the navigation, at the top)."""
    return page.parent.children if page.parent is not None else nav.items


def _add_toc_entry(page: Page, entry: AnchorLink) -> None:
    items = page.toc.items
    top = next((item for item in reversed(items) if item.level < 2), None)
    (top.children if top is not None else items).append(entry)


def _fresh_domain() -> ModuleType:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]
    # The hooks folder must come first: a test may build several copies of
    # the project in one process, each with its own hooks folder.
    if HOOKS_DIR in sys.path:
        sys.path.remove(HOOKS_DIR)
    sys.path.insert(0, HOOKS_DIR)
    package = importlib.import_module(PACKAGE)
    # Import every module of the package, so that they are reached as
    # attributes (_domain.site.pipeline, _domain.glossary.page, ...).
    for module in pkgutil.walk_packages(package.__path__, PACKAGE + "."):
        importlib.import_module(module.name)
    # Templates compiled for the generated pages stay valid while the package's
    # files are unchanged: other code may give their environment other filters.
    global _domain_files
    files = _files_of(Path(package.__file__).parent)
    if files != _domain_files or "pages" not in _compiled:
        _compiled["pages"] = package.core.render.CompiledTemplates()
        _domain_files = files
    _compiled.setdefault("theme", package.core.render.CompiledTemplates())
    return package


def _files_of(folder: Path) -> tuple:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)
