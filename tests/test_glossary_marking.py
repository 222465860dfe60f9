"""Golden tests: Markdown -> HTML (the site's extensions) -> marked HTML.

Each `tests/golden/marking/<case>.md` is rendered like a page of the site and
marked with the small glossary beside it; the result must equal
`<case>.html`. Run with UPDATE_GOLDEN=1 to rewrite the expected files after
an intended change, then read the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest
from ssesite.core.htmltokens import tokenize
from ssesite.core.problems import Problems
from ssesite.core.render import environment
from ssesite.core.urls import link as relative_url
from ssesite.glossary.load import load_glossary
from ssesite.glossary.mark import Marker, Usage
from ssesite.glossary.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "marking"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))

# The Markdown extensions of mkdocs.yml that shape the HTML being marked.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.highlight": {"use_pygments": True}}

AUTO_LINK = re.compile(
    r'<a class="sse-term" href="[^"]*" title="[^"]*" data-term="[^"]*">(.*?)</a>', re.S
)


@pytest.fixture(scope="module")
def marker() -> Marker:
    problems = Problems()
    glossary = load_glossary(GOLDEN / "glossary.yml", "glossary.yml", problems)
    assert not problems
    return Marker(glossary, environment(ROOT / "overrides"), "glossary/")


def render(case: str) -> str:
    source = (GOLDEN / f"{case}.md").read_text(encoding="utf-8")
    return markdown.markdown(source, extensions=EXTENSIONS, extension_configs=CONFIGS)


@pytest.mark.parametrize("case", CASES)
def test_golden(case, marker):
    marked = marker.mark(render(case), "countries/demo/").html
    expected_file = GOLDEN / f"{case}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(marked, encoding="utf-8")
    assert marked == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", [c for c in CASES if c != "explicit"])
def test_output_is_the_input_plus_links(case, marker):
    html = render(case)
    marked = marker.mark(html, "countries/demo/").html
    assert AUTO_LINK.sub(r"\1", marked) == html


@pytest.mark.parametrize("case", CASES)
def test_marking_twice_changes_nothing(case, marker):
    once = marker.mark(render(case), "countries/demo/").html
    assert marker.mark(once, "countries/demo/").html == once


def test_first_use_only_and_order(marker):
    result = marker.mark(render("overlapping"), "")
    assert result.terms == ["social-enterprise", "enterprise", "work-integration-social-enterprise"]
    assert result.html.count('data-term="social-enterprise"') == 1
    assert 'href="glossary/#social-enterprise"' in result.html


def test_explicit_links_to_unknown_terms_are_reported(marker):
    result = marker.mark('<p><a href="term:coop">co-ops</a> and a cooperative</p>', "x/")
    assert result.unknown == ["coop"]
    assert result.terms == ["cooperative"]


def test_without_auto_marking_only_explicit_links_change(marker):
    html = '<p>A cooperative and <a href="term:mutual-society">mutuals</a>.</p>'
    result = marker.mark(html, "", auto=False)
    assert result.terms == ["mutual-society"]
    assert result.html == (
        '<p>A cooperative and <a href="glossary/#mutual-society" class="sse-term" '
        'title="A member-owned insurer." data-term="mutual-society">mutuals</a>.</p>'
    )


def test_a_page_without_terms_is_returned_unchanged(marker):
    html = '<p title="x">Nothing here &amp; <b>nothing</b> there.</p>\n<!-- c -->'
    assert marker.mark(html, "").html is html


def test_tokens_cover_every_byte():
    html = (
        "<!DOCTYPE html><p a=\"1 > 2\" b='x'>Text &amp; &#39;more&#39; < 3"
        "<br/><?pi x?><![CDATA[x]]><!-- c --></p><script>if (a < b) {}</script>&nbsp"
    )
    tokens = tokenize(html)
    assert "".join(html[t.start : t.end] for t in tokens) == html
    assert [t.start for t in tokens] == sorted({t.start for t in tokens})
    assert tokens[1].attr("a") == "1 > 2"


def test_usage_lists_pages_by_title_then_address():
    usage = Usage()
    usage.record(["a", "b"], "countries/korea/", "Korea")
    usage.record(["a"], "about/", "About")
    usage.record(["a"], "news/x/", "about")
    assert usage.of("a") == [
        ("About", "about/"),
        ("about", "news/x/"),
        ("Korea", "countries/korea/"),
    ]
    assert usage.of("c") == []


@pytest.mark.parametrize(
    ("target", "base", "expected"),
    [
        ("glossary/", "countries/korea/", "../../glossary/"),
        ("glossary/", "", "glossary/"),
        ("glossary/", "glossary/", "./"),
        ("", "glossary/", "../"),
        ("countries/korea/", "glossary/", "../countries/korea/"),
        ("glossary.html", "countries/korea.html", "../glossary.html"),
    ],
)
def test_relative_url(target, base, expected):
    assert relative_url(target, base) == expected


def test_matcher_is_linear_in_text_size_with_thousands_of_terms():
    # Not a timing test: the work per word is bounded by the longest term,
    # whatever the number of terms.
    forms = [(f"term{i} word{i % 7}", f"t{i}") for i in range(3000)]
    forms += [(f"single{i}", f"s{i}") for i in range(3000)]
    matcher = Matcher(forms)
    text = " ".join(f"term{i} word{i % 7} single{i}" for i in range(0, 3000, 3))
    found = list(matcher.find(text))
    assert len(found) == 2000
    assert found[0].term_id == "t0" and found[1].term_id == "s0"


def test_curly_apostrophes_and_references_match_straight_ones():
    matcher = Matcher([("farmers' cooperative", "ac"), ("AT&T", "att")])
    for text in ("Farmers’ cooperatives? Farmers’ cooperative", "farmers&#39; cooperative"):
        found = list(matcher.find(text))
        assert [f.term_id for f in found] == ["ac"], text
    assert [f.term_id for f in matcher.find("AT&amp;T")] == ["att"]
