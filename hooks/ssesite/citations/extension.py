"""The Python-Markdown extension that renders `[@key]` citations.

Citations are rendered while Python-Markdown converts a page, as an inline
pattern: Python-Markdown has by then set aside code blocks (fenced and
indented), code spans, escapes, links and footnote references, so code and
link text can never be rewritten, and text that is not a citation is left
exactly as written. The HTML of a citation comes from the template
`content/citation.html`.

The builder tells the renderer which page is being converted (`begin`) and
collects what the page cited (`end`): the occurrences feed the page's
References section and the bibliography's "cited in" links. Conversions the
builder did not announce (the blog's excerpts, say) get citations without
links, and are not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import jinja2
from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

from .load import GROUP, MALFORMED, Citations, parse_group

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# After links (160), so `[@user](https://...)` stays a link; before images (150).
PRIORITY = 158
PATTERN_NAME = "ssesite-citation"
# Before every other preprocessor (the highest, whitespace, is 30): the text
# as written is the only source of what inline patterns will see.
CHECK_NAME = "ssesite-citation-check"
CHECK_PRIORITY = 40
TEMPLATE = "content/citation.html"
NOTES = "notes"
"""The `citations:` value of a page cited with numbered notes."""
REFERENCE_TEMPLATE = "content/reference-text.html"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class PageState:
    """What one page cited while it was converted."""

    file: str
    scope: str
    notes: bool = False
    """Cite as numbered notes (a page's `citations: notes`) instead of author-date."""
    lang: str = "en"
    """The page's language (a note is named for screen readers in it)."""
    occurrences: dict[str, list[str]] = field(default_factory=dict)
    """Key -> ids of its in-text citations, in order."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(citation as written, message) for citations that could not be rendered."""


class CitationRenderer:
    """Per-build state shared by the Markdown instances of all pages."""

    def __init__(self, citations: Citations, env: jinja2.Environment):
        self.citations = citations
        self.env = env
        self.page: PageState | None = None
        # Looked up once: a lookup per citation would check the file's mtime each time.
        self.template = env.get_template(TEMPLATE)
        self.reference_template = env.get_template(REFERENCE_TEMPLATE)
        self._reference_html: dict[str, Markup] = {}
        self.citing_pages: list = []
        """What every page that cites something cited (`citeviews.CitingPage`), in build order."""

    def begin(self, file: str, scope: str, style: str = "", lang: str = "en") -> None:
        """The next conversion is page `file`, in language `lang`, which may cite scope `scope`.

        `style` is the page's `citations:` setting: `notes` gives numbered
        notes (pages whose running text should not carry author-date labels,
        such as the home page); anything else, author-date.
        """
        self.page = PageState(file, scope, notes=style == NOTES, lang=lang)

    def end(self) -> PageState | None:
        """What the page announced by `begin` cited; no page is current afterwards."""
        page, self.page = self.page, None
        return page

    def reference_html(self, key: str) -> Markup:
        """The formatted reference of `key` as HTML, rendered once per build."""
        html = self._reference_html.get(key)
        if html is None:
            reference = self.citations.reference(key)
            html = Markup(self.reference_template.render(ref=reference).strip())
            self._reference_html[key] = html
        return html

    def html(self, raw: str, body: str) -> str | None:
        """The HTML for the group `raw` (inside: `body`), or None to leave it as text."""
        cites = parse_group(body)
        if cites == ():
            return None
        page = self.page
        if cites is None:
            if page is not None:
                page.problems.append((raw, f"expected {MALFORMED}, found {raw!r}"))
            return None
        scope = self.citations.scope(page.scope if page else "")
        unknown = [c.key for c in cites if c.key not in self.citations.entries]
        if page is not None:
            unknown += [
                c.key for c in cites if c.key in self.citations.entries and c.key not in scope.keys
            ]
        if unknown:
            if page is not None:
                for key in dict.fromkeys(unknown):
                    page.problems.append((raw, self.citations.unknown_key(key, page.scope)))
            return None
        # Only the label and the anchor: the whole reference is formatted
        # where a References section is made (beside the build).
        labels, anchors = self.citations.labels, self.citations.anchors
        items = []
        for cite in cites:
            item = {
                "prefix": cite.prefix,
                "label": labels[cite.key],
                "locator": cite.locator,
                "href": "",
                "id": "",
            }
            if page is not None:
                anchor = anchors[cite.key]
                ids = page.occurrences.setdefault(cite.key, [])
                item["id"] = f"cite-{anchor.removeprefix('ref-')}-{len(ids) + 1}"
                item["href"] = f"#{anchor}"
                item["number"] = list(page.occurrences).index(cite.key) + 1
                ids.append(item["id"])
            items.append(item)
        notes = page is not None and page.notes
        lang = page.lang if page is not None else "en"
        return self.template.render(items=items, notes=notes, lang=lang).strip()


class CitationExtension(Extension):
    """Registers the citation pattern in every Markdown instance MkDocs makes."""

    def __init__(self, renderer: CitationRenderer, **kwargs):
        self.renderer = renderer
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        pattern = _CitationPattern(self.renderer, md)
        md.inlinePatterns.register(pattern, PATTERN_NAME, PRIORITY)
        md.preprocessors.register(_OnlyWhereNeeded(md, pattern), CHECK_NAME, CHECK_PRIORITY)


class _OnlyWhereNeeded(Preprocessor):
    """Leaves the citation pattern out of conversions whose text has no '@'.

    Python-Markdown tries every inline pattern on every run of text; a text
    without '@' cannot hold a citation, and most pages (sessions, the
    glossary's 2,000 entries) have none.
    """

    def __init__(self, md: Markdown, pattern: InlineProcessor):
        super().__init__(md)
        self.pattern = pattern

    def run(self, lines: list[str]) -> list[str]:
        # An instance may convert several texts: decide again for each one.
        needed = any("@" in line for line in lines)
        registered = PATTERN_NAME in self.md.inlinePatterns
        if needed and not registered:
            self.md.inlinePatterns.register(self.pattern, PATTERN_NAME, PRIORITY)
        elif registered and not needed:
            self.md.inlinePatterns.deregister(PATTERN_NAME)
        return lines


class _CitationPattern(InlineProcessor):
    def __init__(self, renderer: CitationRenderer, md: Markdown):
        super().__init__(GROUP.pattern, md)
        self.compiled_re = re.compile(GROUP.pattern)
        self.renderer = renderer

    def handleMatch(self, m: re.Match, data: str):
        html = self.renderer.html(m.group(0), m["body"])
        if html is None:
            return None, None, None
        return self.md.htmlStash.store(html), m.start(0), m.end(0)
