"""Hook: country case studies -> country pages, countries index, comparison.

Wires MkDocs events to the `ssesite` domain modules; all logic lives there
and all HTML in overrides/content/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import _runtime
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Load and check all content before anything is built, so a broken study
# stops the build with every problem listed and nothing half-built.
def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    build = _runtime.current(config)
    problems = build.project.problems.sorted()
    if problems:
        raise PluginError(str(build.domain.core.problems.ContentError(problems)))
    return config


# Start making the generated pages as soon as the content is final (after
# every on_config), and add them to the build's files. Nothing is written to
# docs/ or studies/.
def on_pre_build(*, config: MkDocsConfig) -> None:
    build = _runtime.current(config)
    generated = build.domain.site.pages.study_files(
        build.project, config.site_name, config.site_url or ""
    )
    _runtime.start_generated(config, "studies", generated)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _runtime.add_generated(files, config, "studies")
    return files


# A generated page's content is made beside the build (ssesite.core.background);
# it must be there before MkDocs reads the page.
@event_priority(100)
def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> None:
    _runtime.fill(_runtime.current(config), page.file.src_uri)


# ... and the other generated files before MkDocs copies them to the site.
@event_priority(100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    _runtime.fill(_runtime.current(config))
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    _runtime.finish()


def on_build_error(*, error: Exception, **kwargs) -> None:
    _runtime.finish()


# Expand the framework vocabulary into the page that describes it.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str | None:
    build = _runtime.current(config)
    return build.domain.site.pages.expand_framework_marker(markdown, build.project, build.env)
