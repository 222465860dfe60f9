"""Golden tests: Markdown -> HTML (the site's extensions) -> marked HTML.

Each `tests/golden/marking/<case>.md` is rendered like a page of the site and
marked with the small glossary beside it; the result must equal
`<case>.html`. Run with UPDATE_GOLDEN=1 to rewrite the expected files after
an intended change, then read the diff.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import markdown
import pytest
from ssesite.core.htmltokens import attribute, tokenize
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
    assert "".join(html[start:end] for _, start, end, _, _ in tokens) == html
    assert [t[1] for t in tokens] == sorted({t[1] for t in tokens})
    kind, _, _, tag, raw_attrs = tokens[1]
    assert (kind, tag, attribute(raw_attrs, "a")) == ("start", "p", "1 > 2")


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


class _CountingNode(dict):
    """A trie node that counts the look-ups made in it (all nodes share the count)."""

    lookups = 0

    def get(self, key, default=None):
        _CountingNode.lookups += 1
        return super().get(key, default)


def _counting(node: dict) -> _CountingNode:
    return _CountingNode({k: _counting(v) if isinstance(v, dict) else v for k, v in node.items()})


def _lookups_and_seconds(matcher: Matcher, text: str) -> tuple[int, int, float]:
    """Trie look-ups and matches for `text`, and the best of five timings."""
    _CountingNode.lookups = 0
    found = len(list(matcher.find(text)))
    lookups = _CountingNode.lookups
    seconds = min(_timed(lambda: list(matcher.find(text))) for _ in range(5))
    return lookups, found, seconds


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def test_matcher_is_linear_in_text_size_with_thousands_of_terms():
    # 6,000 terms, a third of them four words long and sharing their first three
    # words with another (the longest walks a trie can make), in texts of
    # 4,000 to 32,000 words that start a term at almost every word.
    forms = [(f"term{i} word{i % 7}", f"t{i}") for i in range(2000)]
    forms += [(f"single{i}", f"s{i}") for i in range(2000)]
    forms += [(f"long{i} path to here", f"l{i}") for i in range(1000)]
    forms += [(f"long{i} path to there", f"m{i}") for i in range(1000)]
    matcher = Matcher(forms)
    matcher.root = _counting(matcher.root)
    block = " ".join(
        f"term{i} word{i % 7} single{i} long{i} path to nowhere" for i in range(0, 2000, 4)
    )
    words = len(block.split())
    measured = {n: _lookups_and_seconds(matcher, " ".join([block] * n)) for n in (1, 2, 4, 8)}
    longest = 4
    for n, (lookups, found, _) in measured.items():
        assert found == 2 * 500 * n  # term and single; never the unfinished long paths
        # The work per word is bounded by the longest term, whatever the number of terms
        assert lookups <= (longest + 1) * words * n
    # ... and grows as the text does: measured, in look-ups and in time
    base_lookups, _, base_seconds = measured[1]
    for n, (lookups, _, _) in measured.items():
        assert lookups == n * base_lookups
    # Eight times the text: linear takes 8 times as long, quadratic 64 times
    # (3 x 8 leaves room for a busy machine)
    assert measured[8][2] <= 3 * 8 * base_seconds


def test_curly_apostrophes_and_references_match_straight_ones():
    matcher = Matcher([("farmers' cooperative", "ac"), ("AT&T", "att")])
    for text in ("Farmers’ cooperatives? Farmers’ cooperative", "farmers&#39; cooperative"):
        found = list(matcher.find(text))
        assert [f.term_id for f in found] == ["ac"], text
    assert [f.term_id for f in matcher.find("AT&amp;T")] == ["att"]
