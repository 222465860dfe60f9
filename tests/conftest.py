"""Shared fixtures: copies of the project and real MkDocs builds into tmp_path."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What a copy of the project needs to build (no venv, no site, no caches;
# pyproject.toml names the libraries the content cache's key covers).
PROJECT_PARTS = ("mkdocs.yml", "pyproject.toml", "docs", "studies", "data", "hooks", "overrides")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The content caches of the test builds go to a folder of this test run, not
# the user's cache folder (ssesite.site.contentcache).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="sse-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)


def copy_project(dest: Path) -> Path:
    """Copy the buildable parts of the project to `dest` and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def build_site(project: Path, site_dir: Path | None = None, **overrides) -> Path:
    """Build `project` strictly with MkDocs, in this process; return the site dir.

    Raises what MkDocs raises (Abort, PluginError) when the build fails.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _fresh_plugins()
    site_dir = site_dir or project / "site"
    config = load_config(
        str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True, **overrides
    )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def _fresh_plugins() -> None:
    # MkDocs keeps one instance of each plugin that has on_startup/on_shutdown
    # for the whole process (made for `mkdocs serve`). The blog plugin deletes
    # its temporary folder on shutdown, so a reused instance breaks the next
    # build: every build gets new plugin instances, as a CLI build does.
    from mkdocs.config import config_options
    from mkdocs.config.defaults import MkDocsConfig

    for _, option in MkDocsConfig._schema:
        if isinstance(option, config_options.Plugins):
            option.plugin_cache.clear()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the real project, safe to edit."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once per test session (read-only for tests)."""
    copy = copy_project(tmp_path_factory.mktemp("real") / "project")
    return build_site(copy)


@pytest.fixture(autouse=True)
def _forget_domain_modules():
    """Each test starts with no cached copy of the domain package's hooks.

    MkDocs caches hook modules per path; tests build copies at different paths,
    and hooks/pipeline.py re-imports the domain package for every build.
    """
    yield
    for name in [n for n in sys.modules if n.startswith("hooks/")]:
        del sys.modules[name]


def pytest_collection_modifyitems(config, items):
    # Browser tests last: their session fixtures (the web server's thread,
    # Playwright) stay alive to the end of the run, and a build in a process
    # that runs other threads forks no workers (ssesite.core.background), so the
    # build tests would no longer cover the workers.
    items.sort(key=lambda item: "tests/browser/" in item.nodeid.replace("\\", "/"))
