"""Write the site's final Markdown to a folder, for another builder.

`export` (run as `python -m ssesite.cli.export --out DIR`) copies docs/ and adds every generated
page, with every Markdown transform the MkDocs hooks apply (`pages.page_markdown`),
so that any Markdown site builder (or the benchmark's bare Material build)
sees the very same pages. MkDocs 1.6 is unmaintained; this is the way out.
Two things stay with the hooks: what a page's front matter gains in the build
(a translation's language, its alternates, its original's citation style),
and the address of a docs page's translation, which the build serves under
its original's (`about.id.md` at about/id/) and another builder serves where
the file is (about.id/).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..content.settings import ConfigDumper, read_config
from ..core import render
from ..core.urls import COUNTRIES_INDEX
from . import pages, views
from .project import load_project

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Plugins that are part of this project's features, not of bare Material.
NOT_BARE_PLUGINS = {"bibtex"}


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def export(root: Path, out: Path, site_url: str = "") -> int:
    """Export the project at `root` into `out` (replaced); return the page count."""
    project = load_project(root)
    problems = project.problems.sorted()
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    env = render.environment(project.layout.templates_dir)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(project.layout.docs_dir, out)
    context = pages.Context(project, env)
    site_name = read_config(root).get("site_name", "")
    generated_files = (
        pages.study_files(project, site_name, site_url)
        + pages.programme_files(project, site_url)
        + pages.glossary_files(project)
        + pages.citation_files(project)
    )
    for generated in generated_files:
        target = out / generated.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if not generated.recipe:
            shutil.copy2(generated.source, target)
            continue
        content = generated.make(context)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    generated_uris = {generated.uri for generated in generated_files}
    count = 0
    for page in sorted(out.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        uri = page.relative_to(out).as_posix()
        generated_by = "ssesite" if uri in generated_uris else None
        # What the build's front matter gains (a translation's language) stays out
        final, _ = pages.page_markdown(text, uri, generated_by, project, env)
        if final != text:
            page.write_text(final, encoding="utf-8")
        count += 1
    return count


def bare_config(root: Path, docs_dir: Path, site_dir: Path) -> str:
    """The project's mkdocs.yml without hooks or citation plugin, over `docs_dir`.

    Used to build exported Markdown with plain Material (the benchmark's
    baseline, and a check that the export is complete). The study pages are
    in its navigation where the build lists them (`hooks/pipeline.py`,
    `on_nav`): after the countries index, in its order, while they are few.
    """
    config = read_config(root)
    if "nav" in config:
        studies = views.listed_study_uris(load_project(root))
        config["nav"] = _with_studies(config["nav"], studies)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["plugins"] = [
        p for p in config.get("plugins", []) if _plugin_name(p) not in NOT_BARE_PLUGINS
    ]
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    # Templates stay: the theme overrides are part of "the same pages".
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(root / theme["custom_dir"])
    return yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _with_studies(nav: list, studies: list[str]) -> list:
    """`nav` (mkdocs.yml's) with `studies` after the countries index, in its section."""
    items = []
    for item in nav:
        if isinstance(item, dict):
            item = {
                title: _with_studies(v, studies) if isinstance(v, list) else v
                for title, v in item.items()
            }
        items.append(item)
        if item == COUNTRIES_INDEX or (isinstance(item, dict) and COUNTRIES_INDEX in item.values()):
            items += studies
    return items
