"""What HTML the site publishes from content: the policy of CONTRIBUTING.md, "HTML in the text".

Content comes from pull requests, so raw HTML in Markdown, link addresses
and SVG drawings are checked against an allow-list and refused with their
file and line, never silently stripped: what an author previews is what
readers get. Start tags are read the way a browser's tokenizer reads them
(HTML5 §13.2.5: `/` separates attributes, an attribute name may start with
any character, values may be unquoted), so that `<p/onclick=…>` is seen as
the browser sees it. A maintained sanitiser (nh3, Ammonia's binding) would
remove what is not allowed without saying where; it is used in the tests as
a second opinion on what this module accepts.

`check_output` is the build's last guard on converted pages: whatever the
source checks missed, no script, event handler or script address reaches a
published page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

POLICY = 'CONTRIBUTING.md ("HTML in the text")'

ELEMENTS = frozenset(
    """a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div
    dl dt em figcaption figure h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt
    ruby s samp small span strong sub summary sup table tbody td tfoot th thead time tr u
    ul var wbr""".split()
)

GLOBAL_ATTRIBUTES = frozenset(
    # data-search-*: what the search plugin reads (and removes) when it indexes a page
    ("id", "class", "lang", "dir", "title", "markdown", "data-search-exclude", "data-search-boost")
)

ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "headers", "scope"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "del": {"datetime", "cite"},
    "ins": {"datetime", "cite"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "details": {"open"},
    "col": {"span"},
    "colgroup": {"span"},
}

# Attributes holding an address, and what the address must lead to.
LINK, IMAGE = "link", "image"
ADDRESS_ATTRIBUTES = {"href": LINK, "cite": LINK, "src": IMAGE}

# Attribute lists ({ #id .class key=value }) may set these keys.
ATTRIBUTE_LIST_KEYS = ("id", "class", "lang", "dir", "title", "width", "height")

LINK_SCHEMES = frozenset(("http", "https", "mailto", "term", "session"))

# The build's last guard on converted pages: what runs code, embeds another
# document or changes how the page loads never appears in a page made from
# content, whatever the source looked like. (The page's templates may add
# inert elements the authors may not write, such as a button or a drawing.)
FORBIDDEN_OUTPUT = frozenset(
    """applet base embed frame frameset iframe link meta noembed noframes object param
    portal script style""".split()
)
OUTPUT_ADDRESSES = frozenset(
    "action background cite data formaction href longdesc poster src xlink:href".split()
)
TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")

# SVG drawings: elements that run code, embed HTML, animate attributes (an
# animation can set href to a script address) or load other documents.
SVG_FORBIDDEN = frozenset(
    """script foreignobject iframe object embed audio video animate animatemotion
    animatetransform set handler listener discard""".split()
)
SVG_ADDRESS = frozenset(("href", "xlink:href", "src"))
CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)([^)'\"]*)|@import", re.I)

SPACE = " \t\n\r\f"
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# What a browser ignores in an address: ASCII tab and newlines anywhere,
# control characters and spaces at either end.
URL_IGNORED = re.compile(r"[\t\n\r]")
URL_TRIM = "".join(chr(c) for c in range(0x21))

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tag:
    """A start tag as a browser reads it."""

    name: str
    attrs: tuple[tuple[str, str | None], ...]
    start: int
    end: int


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def start_tags(text: str) -> Iterator[Tag]:
    """Every start tag in `text` (a `<` followed by a letter), as a browser reads it.

    A `<` escaped with a backslash (Markdown's `\\<`) starts no tag. A tag
    that never closes (no `>` before the end) is not one either.
    """
    position = text.find("<")
    while position >= 0:
        after = position + 1
        if after < len(text) and text[after].isascii() and text[after].isalpha():
            if not _escaped(text, position):
                tag = read_start_tag(text, position)
                if tag is not None:
                    yield tag
        position = text.find("<", after)


def read_start_tag(text: str, start: int) -> Tag | None:
    """The start tag at `text[start] == '<'`, or None when no `>` ends it."""
    length = len(text)
    index = start + 1
    name_end = index
    while name_end < length and text[name_end] not in SPACE and text[name_end] not in "/>":
        name_end += 1
    name = text[index:name_end].lower()
    index = name_end
    attrs: list[tuple[str, str | None]] = []
    while True:
        while index < length and (text[index] in SPACE or text[index] == "/"):
            index += 1
        if index >= length:
            return None
        if text[index] == ">":
            return Tag(name, tuple(attrs), start, index + 1)
        name_start = index
        index += 1  # the first character may be '='
        while index < length and text[index] not in SPACE and text[index] not in "/>=":
            index += 1
        attr = text[name_start:index].lower()
        while index < length and text[index] in SPACE:
            index += 1
        value: str | None = None
        if index < length and text[index] == "=":
            index += 1
            while index < length and text[index] in SPACE:
                index += 1
            if index < length and text[index] in "\"'":
                close = text.find(text[index], index + 1)
                if close < 0:
                    return None
                value = text[index + 1 : close]
                index = close + 1
            else:
                value_start = index
                while index < length and text[index] not in SPACE and text[index] != ">":
                    index += 1
                value = text[value_start:index]
        attrs.append((attr, value))


def tag_problems(tag: Tag) -> Iterator[tuple[str, str, str | None]]:
    """What the policy refuses in one start tag of content.

    Yields (field, message, None) for an element or attribute outside the
    allow-list and (kind, message, address) for a refused address.
    """
    if tag.name not in ELEMENTS:
        yield "HTML", f"expected {_allowed()}, found the element <{tag.name}>", None
        return
    allowed = ATTRIBUTES.get(tag.name, set())
    for name, value in tag.attrs:
        if name not in GLOBAL_ATTRIBUTES and name not in allowed:
            yield (
                "HTML",
                f"expected {_allowed()}, found the attribute {name!r} on <{tag.name}>",
                None,
            )
        elif name in ADDRESS_ATTRIBUTES and value is not None:
            kind = IMAGE if tag.name == "img" and name == "src" else LINK
            message = address_problem(value, kind)
            if message:
                yield kind, message, value


def address_problem(address: str, kind: str) -> str:
    """Why `address` may not be written where a `kind` (link or image) goes, else ''."""
    plain = URL_IGNORED.sub("", html.unescape(address)).strip(URL_TRIM)
    scheme = SCHEME.match(plain)
    shown = repr(address) if len(address) <= 80 else repr(address[:77] + "...")
    if kind == IMAGE:
        if scheme or plain.startswith("//"):
            other_site = plain.startswith("//") or scheme.group(1).lower() in ("http", "https")
            tail = " (pages load nothing from other sites)" if other_site else ""
            return f"expected a file of the repository, found {shown}{tail}"
        return ""
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        return (
            "expected a path in the repository, an anchor (#...) or an https:, http: or "
            f"mailto: address, found {shown}"
        )
    return ""


def attribute_list_problems(inside: str) -> Iterator[str]:
    """The refused keys of an attribute list `{ ... }` (its inside, without braces)."""
    for match in re.finditer(r"""([^\s=#."']+)\s*=\s*(?:"[^"]*"|'[^']*'|\S*)|(\S+)""", inside):
        key = match.group(1)
        if key is None:
            word = match.group(2)
            if word.startswith(("#", ".")) or word == ":":
                continue
            key = word.split("=")[0]
        if key.lower() not in ATTRIBUTE_LIST_KEYS:
            yield (
                "expected only #id, .class, lang, dir, title, width and height, "
                f"found {key.lower()!r}"
            )


def svg_problems(text: str) -> Iterator[tuple[int, str]]:
    """(offset, what) for everything an SVG drawing may not contain."""
    declaration = re.search(r"<!(?:DOCTYPE|ENTITY)", text, re.I)
    if declaration:
        kind = declaration.group(0)[2:].upper()
        yield declaration.start(), f"a <!{kind}> declaration"
    for tag in start_tags(text):
        local = tag.name.split(":")[-1]
        if local in SVG_FORBIDDEN:
            yield tag.start, f"the element <{_svg_name(text, tag)}>"
            continue
        for name, value in tag.attrs:
            if name.startswith("on"):
                yield tag.start, f"the attribute {name!r} on <{_svg_name(text, tag)}>"
            elif name in SVG_ADDRESS and value is not None and not value.strip().startswith("#"):
                yield tag.start, f"{value!r} in {name} on <{_svg_name(text, tag)}>"
            elif value and CSS_URL.search(html.unescape(value)):
                yield tag.start, f"{value!r} in {name} on <{_svg_name(text, tag)}>"
        if local == "style":
            close = text.lower().find("</style", tag.end)
            css = text[tag.end : close if close >= 0 else len(text)]
            if CSS_URL.search(css):
                yield tag.start, "a stylesheet that loads another file (url() or @import)"


def check_output(page_html: str) -> list[str]:
    """What a converted page made from content may never contain (the build's last guard)."""
    found: list[str] = []
    for tag in start_tags(page_html):
        if tag.name in FORBIDDEN_OUTPUT:
            found.append(f"the element <{tag.name}>")
            continue
        for name, value in tag.attrs:
            if name.startswith("on") or name in ("srcdoc", "srcset"):
                found.append(f"the attribute {name!r} on <{tag.name}>")
            elif name == "style" and not TABLE_ALIGN.fullmatch(value or ""):
                found.append(f"the attribute 'style' on <{tag.name}>")
            elif name in OUTPUT_ADDRESSES and value is not None:
                kind = IMAGE if name in ("src", "poster", "background", "data") else LINK
                if address_problem(value, kind) and not _local_anchor(value):
                    found.append(f"the address {value!r} in {name} on <{tag.name}>")
    return found


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _allowed() -> str:
    return f"only the elements and attributes listed in {POLICY}"


def _escaped(text: str, position: int) -> bool:
    backslashes = 0
    while position - backslashes - 1 >= 0 and text[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _svg_name(text: str, tag: Tag) -> str:
    # SVG names are case-sensitive (foreignObject): show them as written
    return text[tag.start + 1 : tag.start + 1 + len(tag.name)]


def _local_anchor(value: str) -> bool:
    return value.startswith("#")
