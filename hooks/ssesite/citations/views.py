"""View models of the citation feature: a page's References, the bibliography.

The builder hands in what each page cited while it was converted (key ->
ids of its in-text citations); these functions order and link it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.urls import link, page_url
from .load import Citations
from .references import Reference

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

BIBLIOGRAPHY = "bibliography.md"
BIBLIOGRAPHY_MARKER = "<!-- ssesite:bibliography -->"
"""Where the list goes in content/bibliography.md, once every page is converted."""
"""Source URI of the generated bibliography page."""

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CitingPage:
    """A page that cites something: where it is and what it cited."""

    src_uri: str
    url: str
    """Where the page is served, as MkDocs says (a blog post's differs from its source path)."""
    title: str
    occurrences: dict[str, list[str]]
    """Key -> ids of its in-text citations on that page, in order."""
    numbered: bool = False
    """Cited with numbered notes: its References are numbered in citation order."""


@dataclass
class ReferencesView:
    rows: list[dict] = field(default_factory=list)
    """Each row: {"reference": Reference, "backlinks": [id, ...]}."""
    bibliography_url: str = ""
    numbered: bool = False


@dataclass
class BibliographyView:
    rows: list[dict] = field(default_factory=list)
    """Each row: {"reference": Reference, "cited_in": [{"title", "url"}, ...]}."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def anchors(citations: Citations, keys) -> set[str]:
    """The ids of the entries of `keys` in a References list or the bibliography."""
    return {citations.anchors[key] for key in keys}


def references_view(
    citations: Citations, page: CitingPage, with_bibliography: bool, html=None
) -> ReferencesView:
    """The References section of `page`, in author-date order.

    `html(key)`, when given, is the reference already rendered (see `extension`).
    """
    if page.numbered:  # note 1 is the first source cited on the page
        references = [citations.reference(key) for key in page.occurrences]
    else:
        references = _ordered(citations, page.occurrences)
    rows = [
        {
            "reference": r,
            "backlinks": page.occurrences[r.key],
            "html": html(r.key) if html else None,
        }
        for r in references
    ]
    url = link(page_url(BIBLIOGRAPHY), page.url) if with_bibliography else ""
    return ReferencesView(rows, url, page.numbered)


def bibliography_view(citations: Citations, pages: list[CitingPage], html=None) -> BibliographyView:
    """Every reference cited on `pages`, each with links to the pages citing it."""
    cited_in: dict[str, list[dict]] = {}
    for page in sorted(pages, key=lambda p: (p.title.casefold(), p.src_uri)):
        url = link(page.url, page_url(BIBLIOGRAPHY))
        for key, ids in page.occurrences.items():
            cited_in.setdefault(key, []).append({"title": page.title, "url": f"{url}#{ids[0]}"})
    references = _ordered(citations, cited_in)
    return BibliographyView(
        [
            {"reference": r, "cited_in": cited_in[r.key], "html": html(r.key) if html else None}
            for r in references
        ]
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _ordered(citations: Citations, keys) -> list[Reference]:
    return sorted((citations.reference(k) for k in keys), key=lambda r: r.sort_key)
