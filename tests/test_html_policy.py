"""The HTML policy against a second opinion: Ammonia (nh3), an HTML5 sanitiser.

`core.htmlpolicy` reads start tags as a browser's tokenizer does and refuses
what the allow-list does not have. Whatever it accepts, Ammonia (which
parses with html5ever, the HTML5 parser of Servo) must find nothing to
remove under the same allow-list: if the policy missed an element, an
attribute or an address, the sanitiser's output with the policy's lists
differs from its output with lists that also allow the dangerous things.
"""

from __future__ import annotations

import nh3
from hypothesis import given, settings
from hypothesis import strategies as st
from ssesite.core import htmlpolicy
from ssesite.core.mdscan import scan_markdown
from ssesite.core.problems import Problems

DANGEROUS_TAGS = {"iframe", "object", "embed", "form", "input", "button", "svg", "math", "video"}
DANGEROUS_ATTRIBUTES = {
    "onclick",
    "onerror",
    "onload",
    "onmouseover",
    "style",
    "srcdoc",
    "action",
    "formaction",
    "data-x",
}

# Pieces that make tags as browsers read them, and the tricks that hide them
PIECES = [
    "<",
    ">",
    "/>",
    "</",
    " ",
    "/",
    "\t",
    "\n",
    "=",
    '"',
    "'",
    "`",
    "\\",
    "p",
    "a",
    "img",
    "span",
    "div",
    "iframe",
    "svg",
    "script",
    "scr",
    "ipt",
    "onclick",
    "onerror",
    "style",
    "href",
    "src",
    "title",
    "id",
    "lang",
    "data-x",
    "formaction",
    "javascript:alert(1)",
    "jav&#x09;ascript:x",
    "JAVASCRIPT:x",
    "data:text/html,x",
    "https://example.org/x",
    "#anchor",
    "&#106;avascript:y",
    "<!--",
    "-->",
    "x",
    "[",
    "](",
    ")",
]


def accepted(fragment: str) -> bool:
    """Whether the policy accepts `fragment` as the text of a page (no problem reported)."""
    problems = Problems()
    scan = scan_markdown(fragment, "test.md", problems)
    return scan.ok and not problems


def clean(fragment: str, tags: set[str], attributes: set[str], schemes: set[str]) -> str:
    allowed = {tag: set(htmlpolicy.ATTRIBUTES.get(tag, ())) for tag in tags}
    allowed["*"] = attributes
    return nh3.clean(
        fragment,
        tags=tags,
        attributes=allowed,
        url_schemes=schemes,
        link_rel=None,
        strip_comments=False,
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_what_the_policy_accepts_ammonia_finds_nothing_to_remove(fragment):
    if not accepted(fragment):
        return
    strict = clean(
        fragment,
        set(htmlpolicy.ELEMENTS),
        set(htmlpolicy.GLOBAL_ATTRIBUTES),
        {"http", "https", "mailto"},
    )
    generous = clean(
        fragment,
        set(htmlpolicy.ELEMENTS) | DANGEROUS_TAGS,
        set(htmlpolicy.GLOBAL_ATTRIBUTES) | DANGEROUS_ATTRIBUTES | {"href", "src"},
        {"http", "https", "mailto", "javascript", "data"},
    )
    assert strict == generous, fragment


def test_the_tricks_browsers_accept_are_refused():
    for fragment in (
        "<p/onclick=alert(1)>x</p>",
        # Passed raw by Python-Markdown inside an HTML block; the browser ends
        # the tag at the next '>' (of </div>), so onerror is an attribute
        "<div>\n<img src=x onerror=alert(1)//\n</div>",
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        "<a href='JaVaScRiPt:alert(1)'>x</a>",
        "<IMG SRC=x ONERROR=alert(1)>",
        '<a title=">" onclick=x>y</a>',
        "<svg><script>alert(1)</script></svg>",
        "[x](javascript:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x][r]\n\n[r]: data:text/html,<script>alert(1)</script>",
        "Text {: onclick=alert(1) }",
    ):
        assert not accepted(fragment), fragment
