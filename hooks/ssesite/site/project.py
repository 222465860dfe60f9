"""The project's content as a whole: where it lives and loading all of it.

Builders (the MkDocs hooks, `make check`) call `load_project` once and get
every model plus every problem found in all content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..citations import views as citeviews
from ..citations.load import Citations, load_citations
from ..content.countries import Countries, load_countries
from ..content.docpages import DocPage, load_docs_pages
from ..content.framework import Framework, load_framework
from ..content.settings import Settings, load_settings
from ..content.studies import Study
from ..content.studyload import load_studies
from ..content.translations import TranslatedPage, Translation, load_page_translations
from ..core import urls
from ..core.problems import Problems
from ..glossary import page as glossarypage
from ..glossary.links import check_project_term_links
from ..glossary.load import load_glossary
from ..glossary.model import Glossary
from ..programme import links as programme_links
from ..programme.guard import check_programme_history
from ..programme.load import load_programme
from ..programme.model import Programme
from . import contentcache
from .contentfiles import content_files
from .links import LinkTargets, check_links, link_targets

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Where content lives, relative to the project root."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def studies_dir(self) -> Path:
        return self.root / "studies"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "overrides"

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


@dataclass
class Project:
    layout: Layout
    framework: Framework
    countries: Countries
    studies: list[Study]
    problems: Problems = field(default_factory=Problems)
    programme: Programme | None = None
    glossary: Glossary = field(default_factory=Glossary)
    citations: Citations | None = None
    settings: Settings = field(default_factory=Settings)
    translated_pages: list[TranslatedPage] = field(default_factory=list)
    """The pages of docs/ that have translations (`docs/<page>.<lang>.md`)."""
    docs_pages: list[DocPage] = field(default_factory=list)
    links: LinkTargets = field(default_factory=LinkTargets)
    """What links may lead to; the build rewrites links with it (`site.links.rewrite`)."""

    def study_at(self, src_uri: str) -> Study | None:
        """The study whose generated page (or a translation's) is `src_uri`, if any."""
        return self._pages().get(src_uri, (None, None))[0]

    def translation_at(self, src_uri: str) -> tuple[Study | None, Translation | None]:
        """The study and its translation whose page is `src_uri`; (None, None) if none."""
        study, translation = self._pages().get(src_uri, (None, None))
        return (study, translation) if translation is not None else (None, None)

    def page_translation_at(self, src_uri: str) -> tuple[TranslatedPage | None, Translation | None]:
        """The docs page and its translation whose file is `src_uri` ('about.id.md')."""
        for page in self.translated_pages:
            for translation in page.translations:
                if page.translation_uri(translation) == src_uri:
                    return page, translation
        return None, None

    def translated_page(self, src_uri: str) -> TranslatedPage | None:
        """The docs page `src_uri` ('about.md') when it has translations."""
        return next((p for p in self.translated_pages if p.uri == src_uri), None)

    def any_translation_at(self, src_uri: str) -> Translation | None:
        """The translation (of a study or a docs page) whose page is `src_uri`, if any."""
        return self.translation_at(src_uri)[1] or self.page_translation_at(src_uri)[1]

    def _pages(self) -> dict:
        # Indexed once per list of studies (the drafts setting may replace the list)
        cached = self.__dict__.get("_studies_by_uri")
        if cached is None or cached[0] is not self.studies:
            index = {urls.study_uri(s.slug): (s, None) for s in self.studies}
            for s in self.studies:
                for t in s.translations:
                    index[urls.translation_uri(s.slug, t.lang)] = (s, t)
            cached = self.__dict__["_studies_by_uri"] = (self.studies, index)
        return cached[1]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_project(root: Path) -> Project:
    """Load every piece of content under `root`, collecting all problems.

    The loaded content, with its problems, is kept in `contentcache` and read
    back while no source changes (a build after `make check` loads nothing
    again, even when it is to stop on a problem); what rendering needs
    (citation labels and anchors) is worked out before it is stored, so a
    build and `make check` store the same entry. The settings and the
    programme's history come from mkdocs.yml, the environment and git, so
    they are read every time.
    """
    layout = Layout(root.resolve())
    cache = contentcache.ContentCache(layout.root) if contentcache.enabled() else None
    key = cache.key() if cache is not None else ""
    project = cache.get(key) if cache is not None else None
    if project is None:
        project = load_content(layout)
        if not project.problems:
            project.citations.prepare_to_render()
        if cache is not None:
            cache.put(key, project)
    check_programme_history(layout.root, project.problems)
    project.settings = load_settings(layout.root, project.problems)
    check_generated_uris(project, generated_uris(project))
    return project


def load_content(layout: Layout) -> Project:
    """Load and check the framework, countries, studies, programme, citations and glossary."""
    problems = Problems()
    files = content_files(layout.root, problems)
    framework = load_framework(layout.data_dir / "framework.yml", "data/framework.yml", problems)
    countries = load_countries(layout.data_dir / "countries.yml", "data/countries.yml", problems)
    studies = load_studies(layout.root, layout.studies_dir, framework, countries, problems)
    docs_pages = load_docs_pages(layout.root, files.under("docs"), problems)
    slugs = [s.slug for s in studies]
    programme = load_programme(
        layout.data_dir / "programme.yml", "data/programme.yml", slugs, problems
    )
    citations = load_citations(layout.root, studies, docs_pages, problems)
    # Glossary sources may be keys of the shared bibliography (not checked
    # while that file is broken: its own problem is the one to report)
    shared = citations.scope("") if citations.scopes else None
    shared_keys = shared.keys if shared is not None and shared.complete else None
    glossary = load_glossary(
        layout.data_dir / "glossary.yml",
        "data/glossary.yml",
        problems,
        shared_keys,
        countries=countries,
    )
    check_project_term_links(docs_pages, studies, glossary, problems)
    translated_pages = load_page_translations(layout.root, layout.docs_dir, problems)
    project = Project(
        layout,
        framework,
        countries,
        studies,
        problems,
        programme,
        glossary,
        citations,
        translated_pages=translated_pages,
        docs_pages=docs_pages,
    )
    project.links = link_targets(project, files.under("docs"), generated_uris(project))
    for source, addresses in [
        *((s.source, s.addresses) for s in studies),
        *((t.source, t.addresses) for s in studies for t in s.translations),
        *((p.file, p.scan.addresses) for p in docs_pages),
    ]:
        check_links(project.links, source, addresses, problems)
    return project


def generated_uris(project: Project) -> list[str]:
    """Source URIs of every page the build generates."""
    uris = [urls.COUNTRIES_INDEX, urls.COMPARISON]
    uris += [urls.study_uri(study.slug) for study in project.studies]
    uris += [urls.translation_uri(s.slug, t.lang) for s in project.studies for t in s.translations]
    uris += [programme_links.PROGRAMME, programme_links.SPEAKERS, programme_links.CHANGES]
    uris += [glossarypage.GLOSSARY, citeviews.BIBLIOGRAPHY]
    if project.programme is not None:
        uris += [programme_links.session_uri(s.id) for s in project.programme.sessions]
    # A docs page's translation is served at <page>/<lang>/: no page of docs/ may be
    for page in project.translated_pages:
        for t in page.translations:
            served = urls.translated_page_url(page.uri, t.lang)
            uris += [served[:-1] + ".md", served + "index.md"]
    return uris


def check_generated_uris(project: Project, uris: list[str]) -> None:
    """A hand-written page at a generated page's address would be shadowed."""
    for uri in uris:
        if (project.layout.docs_dir / uri).exists():
            project.problems.add(
                f"docs/{uri}",
                None,
                "",
                "this page is generated from studies/ and data/; expected no file of "
                "that name in docs/, found one",
            )
