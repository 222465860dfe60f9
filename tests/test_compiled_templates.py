"""Compiled Jinja templates are kept across the builds of one process (mkdocs serve).

A rebuild under `make serve` compiles only the templates whose source
changed; an edited template shows in the next build all the same.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import jinja2
import pytest
from conftest import build_site
from ssesite.core.render import CompiledTemplates


class Counting(jinja2.Environment):
    """An environment that counts the templates it compiles."""

    compiled: Counter

    def compile(self, source, name=None, filename=None, *args, **kwargs):
        self.compiled[name] += 1
        return super().compile(source, name, filename, *args, **kwargs)


def environment(cache: jinja2.BytecodeCache, templates: dict[str, str]) -> Counting:
    env = Counting(loader=jinja2.DictLoader(templates), bytecode_cache=cache)
    env.compiled = Counter()
    return env


def test_a_new_environment_reuses_the_compiled_code_of_an_unchanged_template():
    cache = CompiledTemplates()
    first = environment(cache, {"page": "Hello {{ name }}!"})
    assert first.get_template("page").render(name="Seoul") == "Hello Seoul!"
    second = environment(cache, {"page": "Hello {{ name }}!"})
    assert second.get_template("page").render(name="Jakarta") == "Hello Jakarta!"
    assert (first.compiled, second.compiled) == (Counter(page=1), Counter())


def test_a_changed_template_is_compiled_again():
    cache = CompiledTemplates()
    environment(cache, {"page": "Hello {{ name }}!"}).get_template("page")
    edited = environment(cache, {"page": "Goodbye {{ name }}."})
    assert edited.get_template("page").render(name="Manila") == "Goodbye Manila."
    assert edited.compiled == Counter(page=1)


def test_only_the_most_recently_used_templates_are_kept():
    cache = CompiledTemplates(limit=2)
    templates = {"a": "A", "b": "B", "c": "C"}
    # A new environment for each use, as each build makes its own
    for name in ("a", "b", "a", "c"):  # "b" is the least recently used when "c" comes
        environment(cache, templates).get_template(name)
    again = environment(cache, templates)
    for name in ("a", "c", "b"):
        again.get_template(name)
    assert again.compiled == Counter(b=1)


@pytest.fixture
def compiled(monkeypatch) -> Counter:
    """Names of the templates every Jinja environment compiles from now on."""
    names: Counter = Counter()
    original = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, *args, **kwargs):
        names[name] += 1
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return names


def test_a_rebuild_compiles_only_the_edited_template_and_shows_the_edit(
    project: Path, tmp_path: Path, compiled: Counter, monkeypatch
):
    # As under mkdocs serve: no worker processes, every page made here
    monkeypatch.setenv("SSESITE_WORKERS", "0")
    build_site(project, tmp_path / "first")
    template = project / "overrides" / "content" / "study.md"
    text = template.read_text(encoding="utf-8")
    assert "## Framework data" in text
    template.write_text(text.replace("## Framework data", "## Framework data, edited"), "utf-8")
    compiled.clear()

    site = build_site(project, tmp_path / "second")

    page = (site / "countries" / "korea" / "index.html").read_text(encoding="utf-8")
    assert "Framework data, edited" in page
    assert compiled["content/study.md"] >= 1
    # The theme's and the other pages' templates came from the first build
    assert not {"main.html", "base.html", "partials/header.html", "content/glossary.md"} & set(
        compiled
    )
