"""Marking glossary terms in a page's HTML, and recording where terms are used.

Marking happens on the HTML of the page body (after Markdown), walking its
text with a real parser (`core.htmltokens`): only text between tags is looked
at, so attributes, comments and scripts are never touched, and the output
is the input byte for byte apart from the inserted links.

On each page, the first use of each term (the term, an alias or a plural)
becomes a link to its glossary entry, with the short definition as the
tooltip. Text is never marked inside headings, links, code, preformatted
text, abbreviations, scripts, styles, buttons or form controls, nor inside
an element with the class `sse-noterms` (or a study's fact box).

An author points at a term explicitly with the link scheme `term:`:
`[co-ops](term:cooperative)`. Such a link always becomes a glossary link
and counts as the term's first use on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

from ..core.htmltokens import END, START, TEXT, VOID, Token, attribute, attributes, tokenize
from ..core.urls import link
from .model import SCHEME, Glossary

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Elements whose text is never marked.
SKIP = frozenset(
    """a abbr button code dfn h1 h2 h3 h4 h5 h6 kbd label math noscript option
    pre samp script select style svg template textarea title""".split()
)
# Classes that stop marking: the author's opt-out, and fact boxes (data, not prose).
OPT_OUT_CLASSES = frozenset({"sse-noterms", "sse-factbox"})
TEMPLATE = "content/glossary-components.html"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class Marked:
    """The result of marking one page."""

    html: str
    terms: list[str] = field(default_factory=list)
    """Ids of the terms linked on the page, in order of first use."""
    unknown: list[str] = field(default_factory=list)
    """Ids in `term:` links that the glossary does not have."""


@dataclass
class Usage:
    """Which pages link which terms, collected while pages are marked."""

    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    """term id -> {page url: page title}."""

    def record(self, term_ids: list[str], url: str, title: str) -> None:
        for term_id in term_ids:
            self.pages.setdefault(term_id, {})[url] = title

    def of(self, term_id: str) -> list[tuple[str, str]]:
        """(title, url) of the pages using `term_id`, by title then address."""
        pages = self.pages.get(term_id, {})
        return sorted(((t, u) for u, t in pages.items()), key=lambda p: (p[0].casefold(), p[1]))


class Marker:
    """Marks pages with the terms of one glossary (matcher compiled once)."""

    def __init__(self, glossary: Glossary, env: jinja2.Environment, glossary_url: str):
        self.glossary = glossary
        self.glossary_url = glossary_url
        self.matcher = glossary.matcher
        self.macros = env.get_template(TEMPLATE).module

    def mark(
        self,
        source: str,
        page_url: str,
        *,
        auto: bool = True,
        country: str = "",
        tokens: list[Token] | None = None,
    ) -> Marked:
        """Link the first use of each term in the HTML `source` of the page at `page_url`.

        With `auto` false, only the author's `term:` links are turned into
        glossary links (for pages that opt out of marking). On a page about
        `country` (an ISO code), a term's tooltip is that country's variant
        of its definition when it has one. `tokens` are `tokenize(source)`,
        when already made.
        """
        href = link(self.glossary_url, page_url) + "#"
        result = Marked(source)
        seen: set[str] = set()
        pieces: list[str] = []
        copied = 0  # source[:copied] is already in pieces
        stack: list[tuple[str, bool]] = []  # open elements: (tag, stops marking?)
        skipping = 0
        find = self.matcher.find
        for kind, start, end, tag, raw in tokenize(source) if tokens is None else tokens:
            if kind == TEXT:
                if skipping or not auto:
                    continue
                text = source[start:end]
                if text.isspace():
                    continue
                for found in find(text):
                    if not _first_use(found.term_id, seen, result):
                        continue
                    term = self.glossary.by_id[found.term_id]
                    raw_text = Markup(text[found.start : found.end])
                    pieces.append(source[copied : start + found.start])
                    definition = term.definition_for(country)
                    pieces.append(self.macros.term_link(term, href + term.id, raw_text, definition))
                    copied = start + found.end
            elif kind == START:
                # Most tags have no attribute worth reading, as their raw text
                # tells (a character reference could hide any name or value)
                coded = "&" in raw
                stop = tag in SKIP or ((coded or _may_opt_out(raw)) and _opts_out(raw))
                if tag != "a":
                    pass
                elif (coded or SCHEME in raw) and (attribute(raw, "href") or "").startswith(SCHEME):
                    pieces.append(source[copied:start])
                    pieces.append(self._explicit(raw, href, seen, result, country))
                    copied = end
                elif attribute(raw, "data-term") in self.glossary.by_id:
                    # Already a term link (HTML marked before): never wrap twice.
                    _first_use(attribute(raw, "data-term"), seen, result)
                if tag not in VOID:
                    stack.append((tag, stop))
                    skipping += stop
            elif kind == END:
                # Close the innermost open element of that name and whatever
                # was left open inside it; a stray end tag changes nothing.
                if stack and stack[-1][0] == tag:
                    skipping -= stack.pop()[1]
                    continue
                depth = _depth_of(stack, tag)
                while depth is not None and len(stack) > depth:
                    skipping -= stack.pop()[1]
        if copied:
            pieces.append(source[copied:])
            result.html = "".join(pieces)
        return result

    def _explicit(self, raw: str, href: str, seen: set[str], result: Marked, country: str) -> str:
        term_id = attribute(raw, "href")[len(SCHEME) :]
        term = self.glossary.get(term_id)
        if term is None:
            result.unknown.append(term_id)
            return self.macros.explicit_link(list(attributes(raw)))
        _first_use(term_id, seen, result)
        attrs: dict[str, str | None] = dict(attributes(raw))
        attrs["href"] = href + term.id
        classes = (attrs.get("class") or "").split()
        attrs["class"] = " ".join([*classes, "sse-term"] if "sse-term" not in classes else classes)
        if not attrs.get("title"):
            attrs["title"] = term.definition_for(country)
        attrs["data-term"] = term.id
        return self.macros.explicit_link(list(attrs.items()))


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def mark_page(
    context,
    glossary_url: str,
    html: str,
    page_url: str,
    auto: bool,
    country: str = "",
    tokens: list[Token] | None = None,
) -> Marked:
    """Mark one page with the project's glossary (a `background` task).

    `context` is the build's `pages.Context`; the marker is made once per
    process and glossary address. `tokens` are the HTML's, when already made.
    """
    markers = context.memo.setdefault("glossary-markers", {})
    marker = markers.get(glossary_url)
    if marker is None:
        marker = markers[glossary_url] = Marker(context.project.glossary, context.env, glossary_url)
    return marker.mark(html, page_url, auto=auto, country=country, tokens=tokens)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _first_use(term_id: str, seen: set[str], result: Marked) -> bool:
    """Note a use of `term_id`; True when it is the first on the page."""
    if term_id in seen:
        return False
    seen.add(term_id)
    result.terms.append(term_id)
    return True


def _may_opt_out(raw: str) -> bool:
    """Whether a tag's raw attributes name a class that stops marking (if not coded)."""
    return any(name in raw for name in OPT_OUT_CLASSES)


def _opts_out(raw: str) -> bool:
    """Whether the element has a class that stops marking."""
    return not OPT_OUT_CLASSES.isdisjoint((attribute(raw, "class") or "").split())


def _depth_of(stack: list[tuple[str, bool]], tag: str) -> int | None:
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == tag:
            return index
    return None
