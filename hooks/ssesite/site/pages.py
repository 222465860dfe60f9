"""The pages generated from the content, independent of any site builder.

MkDocs hooks wrap each one in a `File.generated`; `python -m ssesite.cli.export`
writes them to a folder so that another builder (or the benchmark's bare
Material build) can use the very same Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..citations import citethis
from ..citations import extension as citemarkdown
from ..citations import views as citeviews
from ..core import prose, render, urls
from ..glossary import page as glossarypage
from ..programme import exports
from ..programme import links as programme_links
from ..programme import views as programme_views
from ..programme.exports import ics as programme_ics
from ..programme.exports import jsonld as programme_jsonld
from . import comparison, home, links, views
from .project import Project

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class Context:
    """What generated content is made from, for one build."""

    project: Project
    env: jinja2.Environment
    memo: dict = field(default_factory=dict)
    """What tasks keep for the rest of the build (per process)."""


@dataclass(frozen=True)
class GeneratedFile:
    """A file at `uri`: a page or export made by `recipe`, or a copy of `source`.

    `recipe` is `(function, *args)`; the content is `function(context, *args)`,
    made when it is needed (possibly in a worker process: see `background`).
    """

    uri: str
    recipe: tuple = ()
    source: Path | None = None

    def __post_init__(self):
        # Ids and slugs are validated where they are read; this is the last
        # guard that nothing generated can land outside the output folder.
        parts = self.uri.split("/")
        if self.uri.startswith("/") or "\\" in self.uri or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"unsafe generated path {self.uri!r}")

    def make(self, context: Context) -> str | bytes:
        """The file's content (a made file only)."""
        function, *args = self.recipe
        return function(context, *args)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def study_files(project: Project, site_name: str, site_url: str) -> list[GeneratedFile]:
    """Country pages, the files published beside them, the index and comparison.

    `site_name` and `site_url` go into each study's "Cite this" box.
    """
    files: list[GeneratedFile] = []
    for study in project.studies:
        uri = urls.study_uri(study.slug)
        files.append(GeneratedFile(uri, recipe=(study_page, uri, site_name, site_url)))
        for translation in study.translations:
            uri = urls.translation_uri(study.slug, translation.lang)
            files.append(GeneratedFile(uri, recipe=(translation_page, uri)))
        for asset in study.assets:
            relative = asset.relative_to(study.folder).as_posix()
            files.append(GeneratedFile(urls.study_asset_uri(study.slug, relative), source=asset))
    files.append(GeneratedFile(urls.COUNTRIES_INDEX, recipe=(countries_page,)))
    files.append(GeneratedFile(urls.COMPARISON, recipe=(comparison_page,)))
    return files


def citation_files(project: Project) -> list[GeneratedFile]:
    """The bibliography page (its list is filled in once every page is converted)."""
    return [GeneratedFile(citeviews.BIBLIOGRAPHY, recipe=(bibliography_page,))]


def glossary_files(project: Project) -> list[GeneratedFile]:
    """The glossary page ("used in" lists are filled in once every page is marked)."""
    return [GeneratedFile(glossarypage.GLOSSARY, recipe=(glossary_page,))]


def programme_files(project: Project, site_url: str) -> list[GeneratedFile]:
    """Programme, session, speakers and changes pages, and the calendar/schedule exports."""
    programme, links = project.programme, programme_links
    files = [
        GeneratedFile(links.PROGRAMME, recipe=(programme_page, "programme")),
        GeneratedFile(links.SPEAKERS, recipe=(programme_page, "speakers")),
        GeneratedFile(links.CHANGES, recipe=(programme_page, "changes")),
    ]
    files += [
        GeneratedFile(links.session_uri(s.id), recipe=(session_page, s.id))
        for s in programme.sessions
    ]
    files += [
        GeneratedFile(export.uri, recipe=(programme_export, name, site_url))
        for name, export in exports.FORMATS.items()
    ]
    files += [
        GeneratedFile(links.session_ics_uri(programme, s.id), recipe=(session_ics, s.id, site_url))
        for s in programme.sessions
    ]
    return files


# Recipes: each makes one generated file from the build's context.


def study_page(context: Context, uri: str, site_name: str, site_url: str) -> str:
    """A country page: the study, then how to cite it."""
    study = context.project.study_at(uri)
    view = views.study_view(study, context.project, _study_labels(context)[study.slug])
    page = render.render(context.env, "content/study.md", view=view)
    citation = _citation_of(context, study, site_name, site_url)
    return page + "\n\n" + render.render(context.env, "content/cite-this.md", view=citation)


def translation_page(context: Context, uri: str) -> str:
    """A study's translation: its title and summary, and its text when translated."""
    study, translation = context.project.translation_at(uri)
    view = views.translation_view(study, translation, context.project)
    return render.render(context.env, "content/study-translation.md", view=view)


def countries_page(context: Context) -> str:
    view = views.countries_view(context.project)
    return render.render(context.env, "content/countries.md", view=view)


def comparison_page(context: Context) -> str:
    view = comparison.comparison_view(context.project)
    return render.render(context.env, "content/comparison.md", view=view)


def bibliography_page(context: Context) -> str:
    return render.render(context.env, "content/bibliography.md")


def glossary_page(context: Context) -> str:
    project = context.project
    view = glossarypage.page_view(project.glossary, project.citations, project.countries)
    return render.render(context.env, "content/glossary.md", view=view)


PROGRAMME_PAGES = {
    "programme": ("content/programme.md", programme_views.programme_view),
    "speakers": ("content/programme-speakers.md", programme_views.speakers_view),
    "changes": ("content/programme-changes.md", programme_views.changes_view),
}


def programme_page(context: Context, name: str) -> str:
    template, make_view = PROGRAMME_PAGES[name]
    return render.render(context.env, template, view=make_view(context.project))


def session_page(context: Context, session_id: str) -> str:
    project = context.project
    view = programme_views.session_view(project, project.programme.session(session_id))
    return render.render(context.env, "content/programme-session.md", view=view)


def programme_export(context: Context, name: str, site_url: str) -> bytes:
    return exports.FORMATS[name].make(context.project.programme, site_url)


def session_ics(context: Context, session_id: str, site_url: str) -> str | bytes:
    programme = context.project.programme
    return programme_ics.session_ics(programme, programme.session(session_id), site_url)


def references_section(context: Context, page: citeviews.CitingPage, lang: str = "en") -> str:
    """The HTML of the References section of `page` in its language (a `background` task)."""
    view = citeviews.references_view(
        context.project.citations, page, with_bibliography=True, html=_reference_html(context)
    )
    return render.render(context.env, "content/references.html", view=view, lang=lang)


def bibliography_listing(context: Context, citing_pages: list[citeviews.CitingPage]) -> str:
    """The HTML of the bibliography's list (a `background` task)."""
    citations = context.project.citations
    view = citeviews.bibliography_view(citations, citing_pages, html=_reference_html(context))
    return render.render(context.env, "content/bibliography-list.html", view=view)


def _reference_html(context: Context):
    """`key -> the reference as HTML`, each rendered once per process (References, bibliography)."""
    renderer = context.memo.get("citation-renderer")
    if renderer is None:
        renderer = context.memo["citation-renderer"] = citemarkdown.CitationRenderer(
            context.project.citations, context.env
        )
    return renderer.reference_html


def expand_status_marker(markdown: str, uri: str, project: Project, env: jinja2.Environment) -> str:
    """Replace the conference-status marker with the banner driven by the programme data."""
    if STATUS_MARKER not in markdown:
        return markdown
    view = programme_views.banner_view(project.programme, uri)
    return markdown.replace(
        STATUS_MARKER, render.render(env, "content/programme-banner.md", view=view)
    )


def study_citations(context: Context, site_name: str, site_url: str) -> dict:
    """How to cite each study, by its page's source URI (a `background` task)."""
    return {
        urls.study_uri(study.slug): _citation_of(context, study, site_name, site_url)
        for study in context.project.studies
    }


def _study_labels(context: Context) -> dict[str, str]:
    """Every study's label (`views.study_labels`), once per process: a study page shows its own."""
    labels = context.memo.get("study-labels")
    if labels is None:
        labels = context.memo["study-labels"] = views.study_labels(context.project.studies)
    return labels


def _citation_of(context: Context, study, site_name: str, site_url: str) -> citethis.CiteThis:
    """`study_citation`, made once per process for the study page and the page's head."""
    made = context.memo.setdefault("study-citations", {})
    key = (study.slug, site_name, site_url)
    if key not in made:
        made[key] = study_citation(study, site_name, site_url)
    return made[key]


def study_citation(study, site_name: str, site_url: str) -> citethis.CiteThis:
    """How to cite `study`: its page's address on the site, when the site has one."""
    page = urls.page_url(urls.study_uri(study.slug))
    url = (site_url.rstrip("/") + "/" + page) if site_url else ""
    return citethis.cite_this(study, site_name, url)


def programme_jsonld_pages(project: Project) -> dict[str, str | None]:
    """Pages with schema.org JSON-LD: URI -> session id (None for the programme page)."""
    pages: dict[str, str | None] = {programme_links.PROGRAMME: None}
    for session in project.programme.sessions:
        pages[programme_links.session_uri(session.id)] = session.id
    return pages


def programme_jsonld_task(context: Context, session_id: str | None, site_url: str) -> str:
    """The JSON-LD of session `session_id`'s page, or of the programme's (a `background` task)."""
    programme = context.project.programme
    if session_id is None:
        data = programme_jsonld.conference_jsonld(programme, site_url, programme_links.PROGRAMME)
    else:
        data = programme_jsonld.session_jsonld(programme, programme.session(session_id), site_url)
    return programme_jsonld.script_text(data)


def expand_framework_marker(markdown: str, project: Project, env: jinja2.Environment) -> str:
    """Replace the framework-vocabulary marker of a page with the rendered vocabulary."""
    if FRAMEWORK_MARKER not in markdown:
        return markdown
    text = render.render(env, "content/framework.md", view=views.framework_view(project))
    return markdown.replace(FRAMEWORK_MARKER, text)


def page_markdown(
    markdown: str, uri: str, generated_by: str | None, project: Project, env
) -> tuple[str, dict]:
    """What a build does to page `uri`'s Markdown before converting it, in order.

    The markers (framework vocabulary, conference status, countries studied),
    a translated docs page's language switcher, and links written from the
    source file turned into addresses (a generated page's are already). Returns
    the Markdown and what the page's front matter gains (`language_versions`).
    The build (`site.pipeline`) and the export (`site.export`) both use it.
    """
    markdown = expand_framework_marker(markdown, project, env)
    markdown = expand_status_marker(markdown, uri, project, env)
    markdown = home.expand_markers(markdown, project)
    markdown, meta = language_versions(markdown, uri, project, env)
    return links.rewrite_page(project, uri, generated_by, markdown), meta


def language_versions(markdown: str, uri: str, project: Project, env) -> tuple[str, dict]:
    """A docs page that has translations, or a translation of one.

    Returns its Markdown with the language switcher after the title (and,
    on a translation, the note saying what it translates), and what its
    front matter gains: `alternates` (partials/sse/head-i18n.html, the
    sitemap) and, on a translation, `lang` and `interface`
    (partials/language.html) and its original's `citations` setting (a
    translation cites as its original does). Other pages are returned as
    they are.
    """
    page, translation = project.page_translation_at(uri)
    if translation is not None:
        view = views.page_translation_view(page, translation)
        meta = {"lang": view["lang"], "interface": view["interface"]}
        original = next((d for d in project.docs_pages if d.uri == page.uri), None)
        if original is not None and original.citations:
            meta["citations"] = original.citations
    else:
        page = project.translated_page(uri)
        if page is None:
            return markdown, {}
        view, meta = views.translated_page_view(page), {}
    meta["alternates"] = view["versions"]
    cut = prose.title_end(markdown)
    head, rest = markdown[:cut], markdown[cut:]
    return render.render(env, VERSIONS, view=view, head=head, rest=rest), meta


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

VERSIONS = "content/page-versions.md"
FRAMEWORK_MARKER = "<!-- ssesite:framework-vocabulary -->"
STATUS_MARKER = "<!-- ssesite:conference-status -->"
