"""The pages generated from the content, independent of any site builder.

MkDocs hooks wrap each one in a `File.generated`; `python -m ssesite.export`
writes them to a folder so that another builder (or the benchmark's bare
Material build) can use the very same Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import (
    citethis,
    citeviews,
    glossarypage,
    programme_ics,
    programme_links,
    programme_schedule,
    programme_views,
    render,
    urls,
    views,
)
from .project import Project

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedFile:
    """A page (Markdown `content`) or a copied file (`source`) at `uri`."""

    uri: str
    content: str | bytes | None = None
    source: Path | None = None

    def __post_init__(self):
        # Ids and slugs are validated where they are read; this is the last
        # guard that nothing generated can land outside the output folder.
        parts = self.uri.split("/")
        if self.uri.startswith("/") or "\\" in self.uri or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"unsafe generated path {self.uri!r}")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def study_files(project: Project, env: jinja2.Environment) -> list[GeneratedFile]:
    """Country pages, the files published beside them, the index and comparison."""
    files: list[GeneratedFile] = []
    for study in project.studies:
        content = render.render(env, "content/study.md", view=views.study_view(study, project))
        files.append(GeneratedFile(urls.study_uri(study.slug), content=content))
        for asset in study.assets:
            relative = asset.relative_to(study.folder).as_posix()
            files.append(GeneratedFile(urls.study_asset_uri(study.slug, relative), source=asset))
    files.append(
        GeneratedFile(
            urls.COUNTRIES_INDEX,
            content=render.render(env, "content/countries.md", view=views.countries_view(project)),
        )
    )
    files.append(
        GeneratedFile(
            urls.COMPARISON,
            content=render.render(
                env, "content/comparison.md", view=views.comparison_view(project)
            ),
        )
    )
    return files


def citation_files(project: Project, env: jinja2.Environment) -> list[GeneratedFile]:
    """The bibliography page (its list is filled in once every page is converted)."""
    content = render.render(env, "content/bibliography.md")
    return [GeneratedFile(citeviews.BIBLIOGRAPHY, content=content)]


def glossary_files(project: Project, env: jinja2.Environment) -> list[GeneratedFile]:
    """The glossary page ("used in" lists are filled in once every page is marked)."""
    view = glossarypage.page_view(project.glossary, project.citations)
    content = render.render(env, "content/glossary.md", view=view)
    return [GeneratedFile(glossarypage.GLOSSARY, content=content)]


def programme_files(
    project: Project, env: jinja2.Environment, site_url: str
) -> list[GeneratedFile]:
    """Programme, session, speakers and changes pages, and the calendar/schedule exports."""
    programme, links = project.programme, programme_links
    pages = {
        links.PROGRAMME: ("content/programme.md", programme_views.programme_view(project)),
        links.SPEAKERS: ("content/programme-speakers.md", programme_views.speakers_view(project)),
        links.CHANGES: ("content/programme-changes.md", programme_views.changes_view(project)),
    }
    for session in programme.sessions:
        view = programme_views.session_view(project, session)
        pages[links.session_uri(session.id)] = ("content/programme-session.md", view)
    files = [
        GeneratedFile(uri, content=render.render(env, template, view=view))
        for uri, (template, view) in pages.items()
    ]
    exports = {
        links.PROGRAMME_ICS: programme_ics.programme_ics(programme, site_url),
        links.SCHEDULE_XML: programme_schedule.schedule_xml(programme, site_url),
        links.SCHEDULE_JSON: programme_schedule.schedule_json(programme, site_url).encode("utf-8"),
    }
    for session in programme.sessions:
        uri = links.session_ics_uri(programme, session.id)
        exports[uri] = programme_ics.session_ics(programme, session, site_url)
    files += [GeneratedFile(uri, content=content) for uri, content in exports.items()]
    return files


def expand_status_marker(markdown: str, uri: str, project: Project, env: jinja2.Environment) -> str:
    """Replace the conference-status marker with the banner driven by the programme data."""
    if STATUS_MARKER not in markdown:
        return markdown
    view = programme_views.banner_view(project.programme, uri)
    return markdown.replace(
        STATUS_MARKER, render.render(env, "content/programme-banner.md", view=view)
    )


def study_citation(study, site_name: str, site_url: str) -> citethis.CiteThis:
    """How to cite `study`: its page's address on the site, when the site has one."""
    page = urls.page_url(urls.study_uri(study.slug))
    url = (site_url.rstrip("/") + "/" + page) if site_url else ""
    return citethis.cite_this(study, site_name, url)


def cite_this_markdown(citation: citethis.CiteThis, env: jinja2.Environment) -> str:
    """The "Cite this study" section appended to a study's page."""
    return "\n\n" + render.render(env, "content/cite-this.md", view=citation)


def expand_framework_marker(markdown: str, project: Project, env: jinja2.Environment) -> str:
    """Replace the framework-vocabulary marker of a page with the rendered vocabulary."""
    if FRAMEWORK_MARKER not in markdown:
        return markdown
    text = render.render(env, "content/framework.md", view=views.framework_view(project))
    return markdown.replace(FRAMEWORK_MARKER, text)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FRAMEWORK_MARKER = "<!-- ssesite:framework-vocabulary -->"
STATUS_MARKER = "<!-- ssesite:conference-status -->"
