"""A page's sections as Material's search plugin reads them, read beside the build.

Material's search plugin (`material/plugins/search/plugin.py`, `Parser`)
splits every page at its headings into sections of title and text, with
`html.parser`, in the build process: about a sixth of a build's time, and
the same bytes that a worker has already split into tokens for the glossary
links (`core.htmltokens`). This module follows the plugin's rules on those
tokens, so that the worker hands the build each page's sections and the
plugin only writes them into its index (`hooks/pipeline.py`).

The rules are the plugin's, one for one (its `Parser`, version pinned in
pyproject.toml): sections start at a heading with an id; `p`, `code`,
`pre`, lists and sub/superscripts keep their tags (without attributes) and
an empty one is dropped; text is escaped, its line breaks and runs of white
space made single spaces outside `pre`; an element marked
`data-search-exclude` (or a `linenodiv`) and what it holds are left out,
and so is a heading's permalink. Like the plugin, it compares open elements
by tag name only.

Where the tokens may not be what `html.parser` reads (a `<` that starts no
tag, a comment `html.parser` may close elsewhere, a declaration, a script or
style, a NUL or an unusual space after a tag name), and where the plugin's
parser fails, `read` returns None and the plugin reads the page itself.
`tests/test_search_sections.py` compares the two on every page of the real
site, on edge cases, on random HTML and page by page in a build.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..core.htmltokens import EMPTY, END, RAW_TEXT, START, TEXT, Token, attributes, tokenize

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

KEEP = frozenset("p code pre li ol ul sub sup".split())
"""Elements whose tags stay in the indexed text (the plugin's `keep`)."""
ALWAYS_SKIPPED = frozenset(("object", "script", "style"))
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
"""The plugin's list of elements without content (its `void`)."""
EXCLUDE = "data-search-exclude"

# What html.parser may read otherwise than `core.htmltokens`: a NUL, or a
# space other than ASCII's right after a tag's name (html.parser reads it
# as part of the name).
UNUSUAL = re.compile(r"\x00|<[a-zA-Z][^\s/>]*[^\S\t\n\r\f ]")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class Section:
    """One section of a page: what the plugin's `create_entry_for_section` reads."""

    id: str | None
    """The heading's id (None for the page's first section)."""
    title: list[str]
    """The title's HTML, in one piece ([] when the section has no heading)."""
    text: list[str]
    """The text's HTML, in one piece."""


class _Open:
    """A section while it is read (the plugin's `Section`)."""

    __slots__ = ("depth", "excluded", "id", "tag", "text", "title")

    def __init__(self, tag: str, depth: int | float = 0, excluded: bool = False):
        self.tag = tag
        self.depth = depth
        self.id: str | None = None
        self.title: list[str] = []
        self.text: list[str] = []
        self.excluded = excluded


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def read(source: str, tokens: list[Token] | None = None) -> list[Section] | None:
    """The sections of the page `source` for the search index, None when
    only the plugin's own parser can tell (see the module's text).

    `tokens` are `core.htmltokens.tokenize(source)`, when already made.
    """
    if UNUSUAL.search(source):
        return None
    try:
        sections = _read(source, tokenize(source) if tokens is None else tokens)
    except ValueError:
        # A kept element ends where the plugin never saw it start (a
        # self-closing tag inside an excluded element of its name): the
        # plugin's parser fails there, and its error is the one to show.
        return None
    if sections is None:
        return None
    return [
        Section(s.id, ["".join(s.title)] if s.title else [], ["".join(s.text)])
        for s in sections
        if not s.excluded
    ]


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _read(source: str, tokens: list[Token]) -> list[_Open] | None:
    """The plugin's `handle_data`, `handle_starttag` and `handle_endtag`, in
    one loop over the tokens (a page has hundreds: no call per token)."""
    open_: list[str] = []  # tags of the open elements
    permalinks: list[bool] = []  # whether each is a heading's permalink
    in_permalink = 0
    skip = set(ALWAYS_SKIPPED)  # tags whose elements are left out
    sections: list[_Open] = []
    section: _Open | None = None
    escape = html.escape
    for kind, start, end, tag, raw in tokens:
        if kind == TEXT:  # handle_data
            text = source[start:end]
            if "<" in text:
                return None
            if not skip.isdisjoint(open_):
                continue
            if "&" in text:
                text = html.unescape(text)
            blank = text.isspace()
            if "pre" not in open_:
                text = " " if blank else text.replace("\n", " ")
            if section is None:
                section = _Open("hx")
                sections.append(section)
            if section.tag in open_:
                if not in_permalink:
                    section.title.append(escape(text, quote=False))
            elif not blank:
                section.text.append(escape(text, quote=False))
            elif not section.text or not section.text[-1].isspace() or "pre" in open_:
                section.text.append(text)
            continue
        if kind == START or kind == EMPTY:  # handle_starttag
            if tag in RAW_TEXT:
                return None
            if tag in VOID:
                continue  # (and a void element's end changes nothing)
            needed = raw and (tag in HEADINGS or _may_matter(raw))
            attrs = dict(attributes(raw)) if needed else {}
            open_.append(tag)
            permalink = tag == "a" and attrs.get("class") == "headerlink"
            permalinks.append(permalink)
            in_permalink += permalink
            if tag in HEADINGS and "id" in attrs:
                depth = len(open_)
                if tag != "h1" and not sections:
                    sections.append(_Open("hx", depth))
                heading = _Open(tag, depth, EXCLUDE in attrs)
                if sections:
                    heading.id = attrs["id"]
                section = heading
                sections.append(section)
            if section is None:
                section = _Open("hx")
                sections.append(section)
            if EXCLUDE in attrs or attrs.get("class") == "linenodiv":
                skip.add(tag)
            elif tag in KEEP and skip.isdisjoint(open_):
                (section.title if section.tag in open_ else section.text).append(f"<{tag}>")
            if kind == START:
                continue
            # html.parser: a self-closing tag is a start and an end
        elif kind != END:
            if not _plain_comment(source, start, end):
                return None
            continue
        # handle_endtag
        if not open_ or open_[-1] != tag:
            continue
        if section.depth > len(open_):
            # A heading nested in an element that ends here: its section
            # ends too, and text goes on in the enclosing one.
            for enclosing in reversed(sections):
                if enclosing.depth <= len(open_):
                    section.depth = float("inf")
                    section = enclosing
                    break
        open_.pop()
        in_permalink -= permalinks.pop()
        if tag in skip:
            if tag not in ALWAYS_SKIPPED:
                skip.remove(tag)
            continue
        if tag in KEEP and skip.isdisjoint(open_):
            pieces = section.title if section.tag in open_ else section.text
            index = pieces.index(f"<{tag}>")  # the first one, as the plugin looks
            if any(not piece.isspace() for piece in pieces[index + 1 :]):
                pieces.append(f"</{tag}>")
            else:
                del pieces[index:]
    return sections


def _may_matter(raw: str) -> bool:
    """Whether a tag's raw attributes may hold one the plugin reads: an element
    left out, a permalink, or a character reference that could spell either."""
    return "&" in raw or "linenodiv" in raw or "headerlink" in raw or EXCLUDE in raw.lower()


def _plain_comment(source: str, start: int, end: int) -> bool:
    """A comment that every version of html.parser ends where `core.htmltokens` does."""
    if not (source.startswith("<!--", start) and source.endswith("-->", start, end)):
        return False
    body = source[start + 4 : end - 3]
    return "--" not in body and not body.startswith((">", "->")) and not body.endswith("-")
