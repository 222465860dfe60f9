"""Compiled templates are kept from one build to the next (`ssesite.site.templatecache`).

Each build here runs in a new process, as `make site` and CI do, and
reports the templates Jinja compiled: a second build compiles none, an
edited template is compiled again and shows, and an entry not written with
the user's key is never read (compiled code is code).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

# `mkdocs build` in this process, reporting every template Jinja compiles
BUILD = """
import json, sys, jinja2, runpy
compiled = []
original = jinja2.Environment.compile
def compile(self, source, name=None, *args, **kwargs):
    compiled.append(name)
    return original(self, source, name, *args, **kwargs)
jinja2.Environment.compile = compile
sys.argv = ["mkdocs", "build", "--strict", "-q", "-d", sys.argv[1]]
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as exit:
    if exit.code:
        raise
print(json.dumps(compiled))
"""


def ours(compiled: list[str]) -> list[str]:
    """Leave out what Material's search plugin compiles in an environment of its own
    (for its translations, before any hook runs): no hook can give it a cache."""
    return [name for name in compiled if not name.startswith("partials/language")]


def build(project: Path, site: Path, cache: Path) -> list[str]:
    """Build `project` in a new process; the names of the templates it compiled."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(project / "hooks")}
    env.pop("SSESITE_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture
def stored(tmp_path: Path):
    """The store's entries of `project` under the cache folder `cache`."""

    def entries(cache: Path) -> list[Path]:
        return sorted(cache.glob("sse-asia-site/*/templates-*.pickle"))

    return entries


def test_a_new_build_compiles_no_template_the_last_one_stored(
    project: Path, tmp_path: Path, stored
):
    cache = tmp_path / "cache"
    first = build(project, tmp_path / "first", cache)
    assert {"main.html", "partials/header.html", "content/study.md"} <= set(first)
    assert len(stored(cache)) == 1
    assert ours(build(project, tmp_path / "second", cache)) == []
    # The same pages, byte for byte
    page = "countries/korea/index.html"
    assert (tmp_path / "first" / page).read_bytes() == (tmp_path / "second" / page).read_bytes()


def test_an_edited_template_is_compiled_again_and_shows(project: Path, tmp_path: Path, stored):
    cache = tmp_path / "cache"
    build(project, tmp_path / "first", cache)
    template = project / "overrides" / "content" / "study.md"
    text = template.read_text(encoding="utf-8")
    assert "## Framework data" in text
    template.write_text(text.replace("## Framework data", "## Framework data, edited"), "utf-8")

    compiled = build(project, tmp_path / "second", cache)

    assert ours(compiled) == ["content/study.md"]
    page = (tmp_path / "second" / "countries" / "korea" / "index.html").read_text("utf-8")
    assert "Framework data, edited" in page
    # and the next build finds the edited template's code stored
    assert ours(build(project, tmp_path / "third", cache)) == []


def test_an_entry_not_written_with_the_users_key_is_never_read(
    project: Path, tmp_path: Path, stored
):
    cache = tmp_path / "cache"
    first = build(project, tmp_path / "first", cache)
    (entry,) = stored(cache)
    data = bytearray(entry.read_bytes())
    data[0] ^= 0xFF  # the HMAC no longer matches
    entry.write_bytes(bytes(data))
    assert sorted(build(project, tmp_path / "second", cache)) == sorted(first)


def test_nothing_is_stored_with_the_cache_off(project: Path, tmp_path: Path, stored, monkeypatch):
    monkeypatch.setenv("SSESITE_CACHE", "0")
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(project / "hooks")}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        check=True,
        timeout=300,
    )
    assert stored(cache) == []
    assert ROOT.is_dir()
