"""The pages generated from the content, independent of any site builder.

MkDocs hooks wrap each one in a `File.generated`; `python -m ssesite.export`
writes them to a folder so that another builder (or the benchmark's bare
Material build) can use the very same Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import render, urls, views
from .project import Project

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedFile:
    """A page (Markdown `content`) or a copied file (`source`) at `uri`."""

    uri: str
    content: str | None = None
    source: Path | None = None


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
