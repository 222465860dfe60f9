"""The search index's sections, read beside the build (ssesite.site.searchsections).

Material's search plugin reads each page with its own parser; the build
reads the same sections from its tokens in a worker and hands them over.
These tests hold the two readings equal: on the article of every page of
the real site, on edge cases and on random HTML, and in a real build, page
by page; and they check that where the tokens may not be what the plugin's
parser reads, the plugin reads the page itself.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from conftest import build_site
from material.plugins.search import plugin as search
from ssesite.site.searchsections import read

ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)


def plugin_reading(html: str) -> list[tuple]:
    """(id, title, text) of each section, as Material's search plugin reads them."""
    parser = search.Parser()
    parser.feed(html)
    parser.close()
    return [_entry(s.id, s.title, s.text) for s in parser.data if not s.is_excluded()]


def our_reading(html: str) -> list[tuple] | None:
    sections = read(html)
    return None if sections is None else [_entry(s.id, s.title, s.text) for s in sections]


def _entry(section_id, title: list[str], text: list[str]) -> tuple:
    # What the plugin's create_entry_for_section takes of a section
    return section_id, "".join(title).strip() if title else None, "".join(text).strip()


def test_every_page_of_the_real_site_reads_as_the_plugin_reads_it(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        article = ARTICLE.search(page.read_text(encoding="utf-8"))
        assert article is not None, page
        ours = our_reading(article.group(1))
        assert ours is not None, page  # the site's pages never need the plugin's parser
        assert ours == plugin_reading(article.group(1)), page


EDGE_CASES = {
    "preface and sections": '<p>Intro</p><h2 id="a">A <code>x</code></h2><p>Text</p>',
    "h1 first": '<h1 id="t">Title</h1><p>one</p><h2 id="b">B</h2><p>two</p>',
    "heading without id": "<h2>Plain</h2><p>text</p>",
    "first heading not h1": '<h3 id="c">C</h3><p>x</p>',
    "permalink": '<h2 id="p">Head<a class="headerlink" href="#p">¶</a></h2><p>y</p>',
    "excluded heading": '<h2 id="e" data-search-exclude>Gone</h2><p>gone too</p><h2 id="f">F</h2>',
    "excluded element": "<p>kept <sup data-search-exclude>1</sup> kept</p>",
    "excluded, same tag nested": "<div data-search-exclude><div>in</div>still</div><p>out</p>",
    "line numbers": '<div class="linenodiv"><pre>1\n2</pre></div><pre><code>a\n  b</code></pre>',
    "empty kept elements": "<p> </p><ul><li></li><li>x</li></ul><p><code></code></p>",
    "white space": "<p>a\n b</p>\n\n<p>  </p>\n<div>\n</div><pre>\n\n x\n</pre>",
    "references": "<p>&amp; &lt;tag&gt; &#39;q&#39; &nbsp;x &copy &unknown;</p>",
    "attributes with references": '<h2 id="a&amp;b">A</h2><a class="head&#108;erlink">z</a>',
    "void and self-closing": "<p>a<br>b<br/>c<img src=x><span/>d<p/>e</p>",
    "upper case": '<P>A</P><H2 ID="u">U</H2><CODE>c</CODE><SPAN DATA-SEARCH-EXCLUDE>x</SPAN>',
    "nested heading ends": '<div><h2 id="n">N</h2><p>in</p></div><p>after</p>',
    "stray end tags": "<p>a</div></span>b</p></p><li>c",
    "unclosed": "<div><p>a<ul><li>b",
    "object": "<object><p>hidden</p></object><p>seen</p>",
    "plain comment": "<p>a<!-- note -->b</p>",
    "duplicate attributes": '<h2 id="one" id="two">D</h2><p>x</p>',
    "valueless id": "<h2 id>V</h2><p>x</p>",
    "title and text tags": '<h2 id="m"><sub>2</sub> <sup>3</sup></h2><ol><li><p>x</p></li></ol>',
}


@pytest.mark.parametrize("html", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_edge_cases_read_as_the_plugin_reads_them(html: str):
    ours = our_reading(html)
    assert ours is not None
    assert ours == plugin_reading(html)


LEFT_TO_THE_PLUGIN = {
    "a lone <": "<p>a < b</p>",
    "a tag html.parser reads otherwise": '<p class="a"title="b">x</p>',
    "script": "<p>a</p><script>var x = '<p>';</script>",
    "style": "<style>p{}</style><p>a</p>",
    "comment with --": "<!-- a -- b --><p>x</p>",
    "comment ending ->": "<!-- a ---><p>x</p>",
    "declaration": "<!DOCTYPE html><p>x</p>",
    "CDATA": "<![CDATA[x]]><p>x</p>",
    "processing instruction": "<?xml version='1.0'?><p>x</p>",
    "NUL": "<p\x00>x</p>",
    "no-break space after a name": "<p\xa0class=x>y</p>",
    # The plugin's parser fails on it (ValueError): the build shows its error
    "an excluded element closed early": "<span data-search-exclude><code><span/></code>",
}


@pytest.mark.parametrize("html", LEFT_TO_THE_PLUGIN.values(), ids=LEFT_TO_THE_PLUGIN.keys())
def test_what_the_tokens_may_not_read_as_the_plugin_does_is_left_to_it(html: str):
    assert read(html) is None


def random_html(rng: random.Random, size: int) -> str:
    pieces = [
        "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<code>", "</code>",
        "<pre>", "</pre>", "<ul>", "<li>", "</li>", "</ul>", "<sup>", "</sup>",
        "<em>", "</em>", "<br>", "<br/>", "<img alt=x>", "<span/>",
        '<h1 id="t">', "</h1>", '<h2 id="a">', "<h2>", "</h2>", '<h3 id="b">', "</h3>",
        '<a class="headerlink" href="#a">', "<a>", "</a>",
        "<span data-search-exclude>", '<div class="linenodiv">', "<!-- c -->",
        "text", "two words", " ", "\n", "\n\n  ", "&amp;", "&lt;b&gt;", "x\ny", "ü",
    ]  # fmt: skip
    return "".join(rng.choice(pieces) for _ in range(size))


def test_random_html_reads_as_the_plugin_reads_it():
    rng = random.Random(20201116)
    compared = 0
    for _ in range(3000):
        html = random_html(rng, rng.randint(1, 40))
        ours = our_reading(html)
        if ours is None:
            continue
        assert ours == plugin_reading(html), repr(html)
        compared += 1
    assert compared > 2500


def test_a_build_indexes_every_page_as_the_plugin_would(project: Path, monkeypatch):
    """Page by page, the index gets what Material's parser reads of the same
    content, and that parser never runs."""
    indexed: list[tuple[str, list, list]] = []
    parses = []
    checking = []
    original_feed = search.Parser.feed
    original_context = search.SearchPlugin.on_page_context

    def feed(self, data):
        if not checking:
            parses.append(data)
        return original_feed(self, data)

    def on_page_context(self, context, *, page, config, nav):
        expected = search.SearchIndex(**self.search_index.config)
        checking.append(True)
        expected.add_entry_from_context(page)  # the plugin's own reading
        checking.pop()
        before = len(self.search_index.entries)
        result = original_context(self, context, page=page, config=config, nav=nav)
        indexed.append((page.url, expected.entries, self.search_index.entries[before:]))
        return result

    monkeypatch.setattr(search.Parser, "feed", feed)
    monkeypatch.setattr(search.SearchPlugin, "on_page_context", on_page_context)
    build_site(project)
    assert len(indexed) > 30
    assert not parses, f"the plugin's parser read {len(parses)} pages"
    for url, expected, entries in indexed:
        assert entries == expected, url
