"""Work a build does once, not twice: what the pipeline's steps hand to the workers is used."""

from __future__ import annotations

import importlib
from pathlib import Path

NO_WORKERS = {"SSESITE_WORKERS": "0"}


def pipeline():
    # The module as a build imports it now (hooks/pipeline.py imports the
    # domain package afresh for every build)
    return importlib.import_module("ssesite.site.pipeline")


def test_a_page_is_marked_with_glossary_links_once(project: Path, monkeypatch):
    steps = pipeline()
    build = steps.Build.load(project, environ=NO_WORKERS)
    try:
        build.glossary_url = "glossary/"
        page = steps.Page(uri="about.md", url="about/", title="About", generated_by=None)
        # Cells with no space between them: the search text (step 10) puts a
        # line break between them after the page was sent to be marked (step 8)
        html = "<table><tr><td>A cooperative</td><td>A social enterprise</td></tr></table>"
        build.mark_glossary(page, html, {})
        again, separated = [], []
        monkeypatch.setattr(steps.glossarymark, "mark_page", lambda *args: again.append(args))
        separate = steps.searchtext.separate_words
        monkeypatch.setattr(
            steps.searchtext,
            "separate_words",
            lambda text: separated.append(text) or separate(text),
        )
        content = build.search_text(page, html)
        build.collect_glossary_marks()
        marked = build.put_glossary_marks(page, content)
    finally:
        build.close()
    assert again == []  # the page was not marked a second time, in the build process
    assert separated == []  # nor was its search text made again
    assert marked.count('class="sse-term"') == 2
    assert "</td>\n<td>" in marked  # and it has its search text
