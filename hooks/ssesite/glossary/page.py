"""The glossary page: view model for its template, and its "used in" lists.

The page is generated as `glossary.md` from overrides/content/glossary.md.
Which pages use a term is only known once every page has been marked, so
the template leaves a marker per entry and `fill_used_in` replaces it with
the list, just before the page is rendered into the site theme.
"""

from __future__ import annotations

import re
import string
from urllib.parse import urlsplit

import jinja2

from ..citations.references import text_of
from ..core.languages import language_name
from ..core.urls import link
from .mark import TEMPLATE, Usage
from .model import Glossary, Source, Term, letter_of

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

GLOSSARY = "glossary.md"
"""Source URI of the generated page."""

USED_IN = re.compile(r"<!-- ssesite:glossary-used-in ([a-z0-9-]+) -->")

# Pages whose text is not marked: the glossary itself, and index pages made
# of cards and tables of other pages.
NOT_MARKED = frozenset({GLOSSARY, "countries/index.md", "countries/compare.md"})

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def page_view(glossary: Glossary, citations=None, countries=None) -> dict:
    """Everything the glossary page template needs: A–Z groups of entries.

    `countries` (content.countries.Countries) names the countries of the
    terms' variants; without it they are shown by code.
    """
    entries = sorted(glossary.terms, key=lambda t: (t.term.casefold(), t.id))
    groups: list[dict] = []
    for term in entries:
        letter = letter_of(term.term)
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "anchor": _letter_anchor(letter), "entries": []})
        groups[-1]["entries"].append(entry_view(term, glossary, citations, countries))
    present = {g["letter"] for g in groups}
    alphabet = [
        {"letter": c, "anchor": _letter_anchor(c) if c in present else ""}
        for c in string.ascii_uppercase
    ]
    alphabet += [
        {"letter": g["letter"], "anchor": g["anchor"]}
        for g in groups
        if g["letter"] not in string.ascii_uppercase
    ]
    return {"groups": groups, "alphabet": alphabet, "count": len(entries)}


def entry_view(term: Term, glossary: Glossary, citations=None, countries=None) -> dict:
    """One glossary entry; a `bib:` source is shown as its formatted reference."""
    return {
        "id": term.id,
        "term": term.term,
        "aliases": list(term.aliases),
        "category": glossary.category_label(term.category),
        "definition": term.definition,
        "note": term.note,
        "local_names": [
            {"lang": n.lang, "text": n.text, "language": language_name(n.lang)}
            for n in term.local_names
        ],
        "source": _source_view(term.source, citations),
        "variants": [
            {
                "country": _country_name(v.country, countries),
                "code": v.country,
                "definition": v.definition,
                "source": _source_view(v.source, citations),
            }
            for v in term.variants
        ],
        "related": [
            {"id": r, "term": glossary.get(r).term} for r in term.related if glossary.get(r)
        ],
    }


def fill_used_in(content: str, usage: Usage, glossary_url: str, env: jinja2.Environment) -> str:
    """Replace each entry's marker in the rendered page with its "used in" list."""
    macros = env.get_template(TEMPLATE).module

    def replace(match: re.Match) -> str:
        pages = [
            {"title": title, "href": link(url, glossary_url)}
            for title, url in usage.of(match.group(1))
        ]
        return str(macros.used_in(pages))

    return USED_IN.sub(replace, content)


def is_marked(src_uri: str, meta: dict) -> bool:
    """Whether a page gets its terms marked (front matter `glossary: false` opts out).

    Author's `term:` links become glossary links on every page regardless.
    """
    return src_uri not in NOT_MARKED and meta.get("glossary", True) is not False


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _letter_anchor(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter in string.ascii_uppercase else "letter-other"


def _source_view(source: Source, citations=None) -> dict:
    """A source's link and label: a `bib` key's formatted reference, else the address's host."""
    view = {"href": source.url, "label": source.label or _source_label(source), "bib": source.bib}
    if source.bib and citations is not None and source.bib in citations.entries:
        reference = citations.reference(source.bib)
        view["label"] = source.label or text_of(reference.segments)
        view["href"] = next((s.url for s in reference.segments if s.url), "")
    return view


def _source_label(source: Source) -> str:
    if source.url:
        return urlsplit(source.url).hostname or source.url
    return source.bib


def _country_name(code: str, countries=None) -> str:
    country = countries.get(code) if countries is not None else None
    return country.name if country is not None else code
