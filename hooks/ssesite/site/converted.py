"""A converted page's HTML, worked on beside the build: the last guard, search text, term links.

Once Python-Markdown has made a page's HTML, the build hands it to a worker
(`core.background`) once, for four things:

- the HTML policy's last guard (`core.htmlpolicy.check_output`) on a page
  made from content: whatever the source checks missed never reaches a
  reader;
- the search text (`searchtext`): table cells, list items and lines kept
  apart for the search index;
- that text's sections as the search plugin indexes them (`searchsections`);
- the first use of each glossary term linked (`glossary.mark`), in that text.

The search text is split into tokens once, for its sections and its links.

The build takes the results once every page is converted and before any
page is written (`site.pipeline.Build.collect_converted`): the guard's
problems stop it then, every one listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.htmltokens import Token, tokenize
from ..glossary import mark as glossarymark
from . import links, searchsections, searchtext


@dataclass(frozen=True)
class Marking:
    """How a page is marked with glossary links."""

    glossary_url: str
    page_url: str
    auto: bool
    """False: only the author's `term:` links become glossary links."""
    country: str
    """The country the page is about ('' for none): its terms' tooltips use that
    country's variant of a definition, when the glossary has one."""


@dataclass
class Converted:
    """What the worker made of one page."""

    search_text: str
    """The page for the search index: cells, items and lines apart."""
    sections: list[searchsections.Section] | None
    """The search text's sections for the index (None: the search plugin reads them)."""
    marked: glossarymark.Marked | None
    """The search text with its glossary links (None: the page is not marked)."""
    problem: str
    """Why the page may not be published ('' when it may)."""


def work_on(context, html: str, src_uri: str, generated: bool, marking: Marking | None):
    """Guard, search text, its sections and glossary links of one converted page
    (a `background` task).

    `context` is the build's `pages.Context`.
    """
    problem = links.output_problem(context.project, src_uri, generated, html)
    text = searchtext.separate_words(html)
    tokens = tokenize(text)
    sections = searchsections.read(text, tokens)
    marked = None if marking is None else mark(context, text, marking, tokens)
    return Converted(text, sections, marked, problem)


def mark(
    context, html: str, marking: Marking, tokens: list[Token] | None = None
) -> glossarymark.Marked:
    """The page's glossary links."""
    return glossarymark.mark_page(
        context,
        marking.glossary_url,
        html,
        marking.page_url,
        marking.auto,
        marking.country,
        tokens,
    )
