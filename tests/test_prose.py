"""The Markdown scanner (`ssesite.core.prose`) agrees with Python-Markdown.

Snippets are generated from the block forms authors write (paragraphs with
code spans and comments, fenced code as superfences reads it, indented code,
list items, raw HTML blocks, md_in_html blocks, comment blocks), each with
markers `*Mn*`. Python-Markdown, with the extensions of the site's
mkdocs.yml, renders a marker as `<em>Mn</em>` exactly where it is prose; the
scanner must say the same of every marker.
"""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ssesite.core import prose


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml has !ENV and Material's !!python tags; only the extensions are read.
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_extensions() -> tuple[list[str], dict]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name, settings_ = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if settings_:
            options[name] = settings_
    return names, options


EXTENSIONS, OPTIONS = site_extensions()


def rendered_as_prose(text: str) -> set[str]:
    html = markdown.markdown(text, extensions=EXTENSIONS, extension_configs=OPTIONS)
    return set(re.findall(r"<em>(M\d+)</em>", html))


def scanned_as_prose(text: str) -> set[str]:
    masked = prose.mask(text)
    return {m[1] for m in re.finditer(r"\*(M\d+)\*", text) if masked[m.start() : m.end()] == m[0]}


# -----------------------------------------------------------------------------
# Generated snippets
# -----------------------------------------------------------------------------

WORDS = st.sampled_from(["alpha", "beta", "gamma", "delta"])


@st.composite
def snippet(draw) -> str:
    counter = iter(range(1, 10_000))

    def marker() -> str:
        return f"*M{next(counter)}*"

    def words() -> str:
        return " ".join(draw(st.lists(WORDS, min_size=1, max_size=3)))

    def paragraph() -> str:
        parts = [words(), marker()]
        kind = draw(st.sampled_from(["plain", "span", "long span", "comment", "long comment"]))
        if kind == "span":
            parts.append(f"`{marker()}`")
        elif kind == "long span":
            parts.append(f"``{words()}\n{marker()} {words()}``")
        elif kind == "comment":
            parts.append(f"<!-- {marker()} -->")
        elif kind == "long comment":
            parts.append(f"<!-- {words()}\n{marker()} -->")
        parts += [words(), marker()]
        return " ".join(parts)

    def fenced() -> str:
        char = draw(st.sampled_from("`~"))
        size = draw(st.integers(3, 4))
        indent = " " * draw(st.sampled_from([0, 2, 4]))
        info = draw(st.sampled_from(["", "python", "text {.x}", "python extra"]))
        body = [f"{indent}{marker()}" for _ in range(draw(st.integers(1, 2)))]
        if draw(st.booleans()):
            body.append(marker())  # less indented than the fence (if it is indented)
        close = draw(st.sampled_from([size, size, size + 1, 0]))
        lines = [f"{indent}{char * size}{info}", *body]
        if close:
            lines.append(f"{indent}{char * close}")
        return "\n".join(lines)

    def indented() -> str:
        return "\n".join(f"    {marker()} {words()}" for _ in range(draw(st.integers(1, 2))))

    def list_item() -> str:
        continuation = draw(st.sampled_from([4, 8]))
        return f"- {words()} {marker()}\n\n{' ' * continuation}{marker()} {words()}"

    def html_block() -> str:
        tag = draw(st.sampled_from(["div", "section", "p", "span"]))
        attribute = draw(st.sampled_from(["", ' class="x"', " markdown", ' markdown="1"']))
        inner = f"{marker()} {words()}"
        if tag != "p" and draw(st.booleans()):  # (a <p> inside a <p> is no HTML)
            inner = f"<{tag}>\n{inner}\n</{tag}>"
        blank = "\n" if "markdown" in attribute else ""
        return f"<{tag}{attribute}>\n{blank}{inner}\n{blank}</{tag}>"

    def comment_block() -> str:
        return f"<!--\n{marker()} {words()}\n\n{marker()}\n-->"

    forms = [paragraph, fenced, indented, list_item, html_block, comment_block]
    chosen = [draw(st.sampled_from(forms)) for _ in range(draw(st.integers(1, 4)))]
    text = ""
    for form in chosen:
        text += form()
        # A list item right under a list item's code block is nested in it
        # by Python-Markdown; the scanner does not follow list nesting
        # (core/prose.py says so), so a list item is always followed by a blank line.
        text += "\n\n" if form is list_item else draw(st.sampled_from(["\n\n", "\n\n", "\n"]))
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snippet())
@example("para\n    ```\n    *M1*\n    ```\n")
@example("```python foo\n*M1*\n```\n")
@example("```\n*M1*\n````\n\n*M2*\n")
def test_the_scanner_sees_prose_where_python_markdown_renders_it(text: str):
    assert scanned_as_prose(text) == rendered_as_prose(text), text


# -----------------------------------------------------------------------------
# Examples
# -----------------------------------------------------------------------------


def test_mask_keeps_length_and_lines():
    text = "a `b`\n\n```\ncode\n```\n<!-- c -->\nd\n"
    masked = prose.mask(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert masked.split("\n")[0] == "a    " and masked.split("\n")[-2] == "d"


def test_prose_runs_carry_their_lines():
    text = "first\n\n    code\n\nsecond `x` third\n"
    runs = [(text[r.start : r.end].strip(), r.line) for r in prose.prose(text, first_line=10)]
    assert [(t, line) for t, line in runs if t] == [
        ("first", 10),
        ("second", 14),
        ("third", 14),
    ]


def test_raw_html_is_kept_on_request():
    text = '<div>\n<a href="term:x">x</a>\n</div>\n<!-- <a href="term:y"> -->\n'
    kept = prose.mask(text, keep_html=True)
    assert 'href="term:x"' in kept and "term:y" not in kept
    assert "term:x" not in prose.mask(text)


# -----------------------------------------------------------------------------
# Citations and term links use the scanner: the same places are skipped
# -----------------------------------------------------------------------------

PLACES = {
    "indented code": "Text.\n\n    {marker}\n",
    "fenced code": "```\n{marker}\n```\n",
    "tilde fence in a list": "- item\n\n    ~~~\n    {marker}\n    ~~~\n",
    "code span over two lines": "Text `start\n{marker}` end.\n",
    "HTML comment": "<!--\n{marker}\n-->\n",
    "inline comment": "Text <!-- {marker} --> text.\n",
    "raw HTML block": "<div>\n{marker}\n</div>\n",
}


@pytest.mark.parametrize("place", PLACES)
def test_citations_and_term_links_skip_the_same_places(place):
    from ssesite.citations.load import scan
    from ssesite.glossary.links import term_links

    template = "Intro.\n\n" + PLACES[place] + "\nAfter {marker} on line {line}.\n"
    for marker, find in (
        ("[@key]", lambda text: [found.line for found in scan(text)]),
        ("[words](term:some-id)", lambda text: [line for _, line in term_links(text)]),
    ):
        text = template.format(marker=marker, line="{line}")
        last = text.count("\n", 0, text.rindex(marker)) + 1
        assert find(text) == [last], (place, marker)


def test_term_links_in_raw_html_are_found_and_in_prose_too():
    from ssesite.glossary.links import term_links

    text = '<div>\n<a href="term:one">x</a>\n</div>\n\nSee [x](term:two) and `[y](term:three)`.\n'
    assert list(term_links(text, first_line=3)) == [("one", 4), ("two", 7)]
