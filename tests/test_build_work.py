"""Work a build does once, not twice: what the pipeline's steps hand to the workers is used."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

NO_WORKERS = {"SSESITE_WORKERS": "0"}


def pipeline():
    # The module as a build imports it now (hooks/pipeline.py imports the
    # domain package afresh for every build)
    return importlib.import_module("ssesite.site.pipeline")


def test_a_page_is_guarded_marked_and_made_searchable_once(project: Path, monkeypatch):
    steps = pipeline()
    calls = {"mark_page": 0, "separate_words": 0, "output_problem": 0}
    for module, name in (
        (steps.converted.glossarymark, "mark_page"),
        (steps.converted.searchtext, "separate_words"),
        (steps.converted.links, "output_problem"),
    ):
        monkeypatch.setattr(module, name, counted(calls, name, getattr(module, name)))
    build = steps.Build.load(project, environ=NO_WORKERS)
    try:
        build.glossary_url = "glossary/"
        page = steps.Page(uri="about.md", url="about/", title="About", generated_by=None)
        # Cells with no space between them: the search text (step 10) puts a
        # line break between them; the marks are made in that text (step 8)
        html = "<table><tr><td>A cooperative</td><td>A social enterprise</td></tr></table>"
        build.page_converted(page, html, {})
        build.collect_converted()
        content = build.search_text(page, html)
        marked = build.put_glossary_marks(page, content)
    finally:
        build.close()
    assert calls == {"mark_page": 1, "separate_words": 1, "output_problem": 1}
    assert marked.count('class="sse-term"') == 2
    assert "</td>\n<td>" in marked  # and it has its search text


def test_the_last_guard_stops_the_build_naming_every_page(project: Path):
    steps = pipeline()
    build = steps.Build.load(project, environ=NO_WORKERS)
    try:
        build.glossary_url = "glossary/"
        # What no source check lets through, as if an extension had made it
        for uri, html in (
            ("about.md", '<p onclick="x">About</p>'),
            ("news/index.md", "<p>News</p>"),
            ("partners.md", '<p><a href="javascript:x">Partners</a></p>'),
        ):
            page = steps.Page(uri=uri, url=uri[:-3] + "/", title=uri, generated_by=None)
            build.page_converted(page, html, {})
        with pytest.raises(steps.BuildError) as stopped:
            build.collect_converted()
    finally:
        build.close()
    assert str(stopped.value).splitlines() == [
        "docs/about.md: expected a page with only the HTML "
        "CONTRIBUTING.md (\"HTML in the text\") allows, found the attribute 'onclick' on <p> "
        "in the page made from this file",
        "docs/partners.md: expected a page with only the HTML "
        "CONTRIBUTING.md (\"HTML in the text\") allows, found the address 'javascript:x' in "
        "href on <a> in the page made from this file",
    ]


def counted(calls: dict, name: str, function):
    def wrapper(*args, **kwargs):
        calls[name] += 1
        return function(*args, **kwargs)

    return wrapper
