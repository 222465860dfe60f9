"""One build, step by step: every feature's work, in the order it is done.

The MkDocs hook `hooks/pipeline.py` calls these steps from MkDocs' events
and only adapts MkDocs objects (files, pages, the table of contents); the
order of the features' work is written there, once, and each step below does
one feature's part of it. A step that finds a problem raises `BuildError`
with the whole message; the hook stops the build with it.

Work that can run beside MkDocs (generated pages, References sections,
structured data, and each converted page's last guard, search text, its
sections for the search index and glossary links) is given to the build's pool of workers
(`core.background`) as `function(context, *args)` tasks; a step collects the
result where MkDocs needs it. The pool is used through `submit` (returning
something with `result()`) and `close` only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from ..citations import extension as citemarkdown
from ..citations import views as citeviews
from ..content import drafts
from ..content.translations import ORIGINAL_LANGUAGE
from ..core import background, environment, render, urls
from ..core.problems import ContentError, Problems
from ..glossary import links as glossarylinks
from ..glossary import mark as glossarymark
from ..glossary import page as glossarypage
from ..glossary.model import SCHEME
from . import converted, home, pages, pagesource, searchsections, searchtext, templatecache, views
from .project import Project, load_project

STRINGS = "partials/sse/strings.html"
"""The site's interface strings, by language (one table for templates and steps)."""

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class BuildError(Exception):
    """A problem that stops the build; its text is the whole message."""


class Pending(Protocol):
    def result(self) -> Any: ...


class Pool(Protocol):
    """Runs `function(context, *args)` beside the build (`core.background`)."""

    def submit(self, function: Callable[..., Any], *args: Any) -> Pending: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Page:
    """What the steps need to know of a page MkDocs is building."""

    uri: str
    """Source URI (a study's page is `countries/<slug>.md`: see `core.urls`)."""
    url: str
    title: str | None
    generated_by: str | None
    """The generator's name for a generated page, else None."""
    source: Callable[[], str | None] = lambda: None
    """The page's source text, read only when a problem needs its line."""


@dataclass
class Converting:
    """One converted page being worked on beside the build (`converted`)."""

    page: Page
    html: str
    """The page's HTML as converted."""
    marking: converted.Marking | None
    pending: Pending
    done: converted.Converted | None = None


@dataclass
class Build:
    """The state of one build, and its steps (in the order the hook calls them)."""

    project: Project
    env: jinja2.Environment
    context: pages.Context
    pool: Pool
    noindex: set[str] = field(default_factory=set)
    """Source URIs of draft pages that get a robots noindex."""
    renderer: citemarkdown.CitationRenderer | None = None
    """Renders `[@key]` while Python-Markdown converts a page."""
    generated: list[pages.GeneratedFile] = field(default_factory=list)
    """Generated files started and not yet added to the build."""
    making: dict[str, Pending] = field(default_factory=dict)
    """Source URI -> content being made, until it is put in its file."""
    programme_jsonld: dict[str, Pending] = field(default_factory=dict)
    """Source URI -> schema.org JSON-LD of the programme and session pages."""
    cite_this: Pending | None = None
    """Source URI -> `CiteThis` of every study page."""
    references: dict[str, Pending] = field(default_factory=dict)
    """Source URI -> the HTML of the page's References section."""
    bibliography: Pending | None = None
    """The HTML of the bibliography's list."""
    glossary_url: str | None = None
    converting: dict[str, Converting] = field(default_factory=dict)
    """Source URI -> the page's guard, search text and marks, in the order pages were converted."""
    usage: glossarymark.Usage = field(default_factory=glossarymark.Usage)
    news: list[home.NewsItem] = field(default_factory=list)
    """The news posts (title, date, address), for the home page."""
    templates: templatecache.TemplateStore | None = None

    # -- before MkDocs reads any file ----------------------------------------

    @classmethod
    def load(cls, root: Path, environ: Mapping[str, str] = os.environ) -> Build:
        """Load all content of the project at `root`, and start the pool of workers."""
        if problem := environment.problem(environ):  # SSESITE_WORKERS, SOURCE_DATE_EPOCH
            raise BuildError(problem)
        project = load_project(root)
        env = render.environment(project.layout.templates_dir)
        context = pages.Context(project, env)
        workers = background.worker_count(environ)
        return cls(project, env, context, background.Background(context, workers))

    def check(self) -> None:
        """Stop on any problem of the content, listing every one."""
        problems = self.project.problems.sorted()
        if problems:
            raise BuildError(str(ContentError(problems)))

    def apply_drafts(self) -> None:
        """Publish drafts as `extra.drafts` says (drop them, or mark them noindex)."""
        mode = self.project.settings.drafts
        self.project.studies = drafts.published(self.project.studies, mode)
        self.noindex = drafts.noindex_pages(self.project.studies, mode)

    def use_compiled(self, compiled: dict[str, render.CompiledTemplates]) -> None:
        """Reuse templates compiled by earlier builds: of this process, or stored.

        The generated pages' templates are loaded here, before the workers
        start: what a worker compiles is lost with it, what is compiled here is
        stored for the next build (`keep_compiled`).
        """
        self.env.bytecode_cache = compiled["pages"]
        self.templates = templatecache.TemplateStore(self.project.layout.root)
        self.templates.fill(compiled)
        for name in self.env.list_templates(filter_func=_page_template):
            self.env.get_template(name)

    def citation_extension(self) -> citemarkdown.CitationExtension:
        """The Python-Markdown extension that renders citations in this build's pages."""
        self.renderer = citemarkdown.CitationRenderer(self.project.citations, self.env)
        return citemarkdown.CitationExtension(self.renderer)

    def start_generated(self, site_name: str, site_url: str) -> None:
        """Start making every generated file and the pages' structured data."""
        project = self.project
        self._start(pages.study_files(project, site_name, site_url))
        self._start(pages.programme_files(project, site_url))
        self.programme_jsonld = {
            uri: self.pool.submit(pages.programme_jsonld_task, session_id, site_url)
            for uri, session_id in pages.programme_jsonld_pages(project).items()
        }
        self._start(pages.glossary_files(project))
        self._start(pages.citation_files(project))
        self.cite_this = self.pool.submit(pages.study_citations, site_name, site_url)

    def translated_page_files(self) -> dict[str, str]:
        """Where each translation of a docs page is served: 'about.id.md' -> 'about/id/index.html'.

        Its file stays beside its original, so its links are resolved as
        the original's are; only its address is under the original's.
        """
        return {
            page.translation_uri(t): urls.translated_page_url(page.uri, t.lang) + "index.html"
            for page in self.project.translated_pages
            for t in page.translations
        }

    def take_generated(self) -> list[pages.GeneratedFile]:
        """The generated files to add to the build (a made one is empty until `content`)."""
        generated, self.generated = self.generated, []
        return generated

    def study_nav_uris(self) -> tuple[list[str], list[str]]:
        """Source URIs of the study pages in the order of the countries index,
        and those of them the navigation lists (`views.NAV_STUDIES_MAX`)."""
        return views.study_uris(self.project), views.listed_study_uris(self.project)

    # -- per page, while MkDocs converts it ----------------------------------

    def content(self, uri: str) -> str | bytes | None:
        """The made content of generated file `uri`, once (None if it is not made here)."""
        pending = self.making.pop(uri, None)
        return None if pending is None else pending.result()

    def page_markdown(self, page: Page, markdown: str) -> tuple[str, dict]:
        """The page's Markdown with its markers, language switcher and links made
        (`pages.page_markdown`), and what its front matter gains."""
        return pages.page_markdown(markdown, page.uri, page.generated_by, self.project, self.env)

    def robots(self, uri: str) -> str | None:
        """The robots meta value of page `uri` (`noindex` for a draft), if any."""
        return drafts.ROBOTS if uri in self.noindex else None

    def begin_citations(self, page: Page, style: str = "") -> None:
        """Announce `page` to the citation renderer before Python-Markdown converts it.

        `style` is the page's `citations:` front matter (`notes`: numbered notes).
        """
        study = self.project.study_at(page.uri)
        source = pagesource.source_file(self.project, page)
        scope = study.slug if study else ""
        self.renderer.begin(source, scope, style, self.language(page.uri))

    def end_citations(self, page: Page) -> set[str] | None:
        """Start the References section of the page just converted.

        Returns the fragment ids it adds (None when the page cites nothing);
        stops on a citation the checks before the build could not see.
        """
        state = self.renderer.end()
        if state is None:
            return None
        if state.problems:
            problems = Problems()
            for raw, message in state.problems:
                problems.add(
                    state.file, pagesource.line_of(self.project, page, raw), "citation", message
                )
            raise BuildError(str(ContentError(problems.sorted())))
        if not state.occurrences:
            return None
        citing = citeviews.CitingPage(
            page.uri, page.url, page.title or page.uri, state.occurrences, state.notes
        )
        self.renderer.citing_pages.append(citing)
        lang = self.language(page.uri)
        self.references[page.uri] = self.pool.submit(pages.references_section, citing, lang)
        return {"references"} | citeviews.anchors(self.project.citations, state.occurrences)

    def references_title(self, page: Page) -> str:
        """The title of a page's References section, in the page's language."""
        strings = self.env.get_template(STRINGS).module
        return str(strings.t("references.title", self.language(page.uri)))

    def language(self, uri: str) -> str:
        """The language of page `uri` (a translation's, else the site's)."""
        translation = self.project.any_translation_at(uri)
        return translation.lang if translation is not None else ORIGINAL_LANGUAGE

    def page_converted(self, page: Page, html: str, meta: dict) -> None:
        """Start the last guard, the search text and the glossary marks of a converted page."""
        auto = glossarypage.is_marked(page.uri, meta)
        marking = None
        if auto or SCHEME in html:
            study = self.project.study_at(page.uri)  # a summary or one of its translations
            country = study.country.code if study is not None else ""
            marking = converted.Marking(self.glossary_url, page.url, auto, country)
        task = (converted.work_on, html, page.uri, bool(page.generated_by), marking)
        self.converting[page.uri] = Converting(page, html, marking, self.pool.submit(*task))

    # -- once every page is converted ----------------------------------------

    def remaining_content(self) -> Iterator[tuple[str, str | bytes]]:
        """(source URI, content) of every generated file not yet given its content."""
        for uri in list(self.making):
            yield uri, self.content(uri)

    def collect_converted(self) -> None:
        """Collect every converted page's results: stop on what the last guard found,
        or on an unknown term; note where each term is used."""
        for converting in self.converting.values():
            converting.done = converting.pending.result()
        problems = [c.done.problem for c in self.converting.values() if c.done.problem]
        if problems:
            raise BuildError("\n".join(problems))
        for uri, converting in self.converting.items():
            marked = converting.done.marked
            if marked is None:
                continue
            if marked.unknown:
                # Sources in docs/ and studies/ were checked with their lines
                # before the build; this catches links other generated pages carry.
                glossary = self.project.glossary
                message = glossarylinks.unknown_term_message(marked.unknown[0], glossary)
                raise BuildError(f"{uri}: term link: {message}")
            if uri != glossarypage.GLOSSARY:
                page = converting.page
                self.usage.record(marked.terms, page.url, page.title or page.url)

    def collect_news(self, pages_read: list[tuple[str, str | None, Any, str]]) -> None:
        """Keep the news posts among the pages read: (source URI, title, date, URL)."""
        items = (
            home.news_item(uri, title or uri, date, url) for uri, title, date, url in pages_read
        )
        self.news = [item for item in items if item is not None]

    def start_bibliography(self) -> set[str]:
        """Start the bibliography's list; returns the fragment ids it adds."""
        citing_pages = self.renderer.citing_pages
        self.bibliography = self.pool.submit(pages.bibliography_listing, citing_pages)
        cited = {key for citing in citing_pages for key in citing.occurrences}
        return citeviews.anchors(self.project.citations, cited)

    # -- per page, before and after the search plugin indexes it -------------

    def search_text(self, page: Page, content: str) -> str:
        """The page with table cells, list items and lines apart, for the search index."""
        converting = self.converting.get(page.uri)
        if converting is not None and content == converting.html:
            return converting.done.search_text  # made beside the build
        return searchtext.separate_words(content)

    def search_sections(self, page: Page, content: str) -> list[searchsections.Section] | None:
        """The sections the search index gets of the page (None: the plugin reads them)."""
        converting = self.converting.get(page.uri)
        if converting is not None and content == converting.done.search_text:
            return converting.done.sections  # read beside the build
        return searchsections.read(content)

    def put_glossary_marks(self, page: Page, content: str) -> str:
        """The page with its glossary links, and the glossary with its "used in" lists."""
        content = self._put_marks(page, content)
        if page.uri == glossarypage.GLOSSARY:
            content = glossarypage.fill_used_in(content, self.usage, page.url, self.env)
        return content

    def add_references(self, page: Page, content: str) -> str:
        """The page with its References section, and the bibliography with its list."""
        section = self.references.pop(page.uri, None)
        if section is not None:
            content += "\n" + section.result()
        if page.uri == citeviews.BIBLIOGRAPHY and self.bibliography is not None:
            listing, self.bibliography = self.bibliography.result(), None
            content = content.replace(citeviews.BIBLIOGRAPHY_MARKER, listing)
        return content

    def programme_jsonld_of(self, page: Page) -> str | None:
        """The schema.org JSON-LD of a programme or session page, else None."""
        pending = self.programme_jsonld.pop(page.uri, None)
        return None if pending is None else pending.result()

    def home_of(self, page: Page) -> dict | None:
        """The front door's ways in, map and latest news, for the home page only."""
        if not home.is_home(page.uri):
            return None
        return home.home_view(self.project, self.news, self.env)

    def citation_of(self, page: Page) -> Any:
        """How to cite the study of a study page (`citations.citethis.CiteThis`), else None."""
        return self.cite_this.result().get(page.uri)

    def keep_compiled(self, compiled: dict[str, render.CompiledTemplates]) -> None:
        """Store the compiled templates for the next build, if it compiled new ones."""
        if self.templates is not None:
            self.templates.keep(compiled)

    def close(self) -> None:
        """Stop the workers (after the build, or when it fails)."""
        self.pool.close()

    # -- helpers --------------------------------------------------------------

    def _start(self, generated: list[pages.GeneratedFile]) -> None:
        self.generated += generated
        for item in generated:
            if item.recipe:
                self.making[item.uri] = self.pool.submit(*item.recipe)

    def _put_marks(self, page: Page, content: str) -> str:
        converting = self.converting.pop(page.uri, None)
        if converting is None or converting.marking is None:
            return content
        if content == converting.done.search_text:
            return converting.done.marked.html
        # Something changed the page after it was sent to be marked (the search
        # plugin strips `data-search-*="..."` attributes): mark it again, here.
        return converted.mark(self.context, content, converting.marking).html


def _page_template(name: str) -> bool:
    """A template of the generated pages (overrides/content/, and the interface strings)."""
    return name.startswith("content/") or name == STRINGS
