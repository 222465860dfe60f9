"""'Cite this': a formatted citation, a BibTeX entry and machine-readable metadata.

Everything is built from the text's front matter (authors, title, dates,
summary, keywords), the site name and the page's public address. Each page
is described as what it is:

- a country summary written for this site (no named authors) is cited under
  its title as a summary, with the dates it was written and revised, and is
  described to machines as a schema.org `Article` of that genre;
- a study with named authors that is not final is cited as a draft;
- only a final study with named authors gets the Highwire `citation_*` tags
  that Google Scholar reads, and a schema.org `ScholarlyArticle`.

Nobody is named who is not in the front matter. Without a public address
(no `site_url`) the URL is left out rather than guessed. The view is plain
data: the templates make the box, the tags and the JSON-LD (through `tojson`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pybtex.database import Entry, Person

from ..core.render import long_date
from .references import Segment, format_reference, text_of

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

STATUS_NOTES = {
    "draft": "draft",
    "review": "version under review",
    "final": "",
}
# What a summary (Study.noun) is called in its citation, before its dates
SUMMARY_NOTE = "Country summary written for this site from public sources"
# Characters with a meaning in BibTeX values, and how to write them literally.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_TABLE = str.maketrans(BIBTEX_ESCAPES)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CiteThis:
    """What the templates need to offer a study for citation."""

    key: str
    noun: str
    """'summary' or 'study': the box's heading says which."""
    segments: tuple[Segment, ...]
    bibtex: str
    meta: tuple[tuple[str, str], ...]
    """Highwire Press `citation_*` (name, content) pairs, in order."""
    jsonld: dict

    @property
    def text(self) -> str:
        return text_of(self.segments)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def cite_this(study, site_name: str, url: str) -> CiteThis:
    """The citation data of `study`, published on `site_name` at `url` ('' if unknown)."""
    revised = study.revised
    year = str(revised.year)
    key = f"sse-asia:{study.slug}-{year}"
    note = _note(study)

    fields = [
        ("title", study.title),
        ("year", year),
        ("date", revised.isoformat()),
        ("howpublished", site_name),
        ("note", note),
    ]
    if url:
        fields.append(("url", url))
    authors = [a.name for a in study.authors]

    entry = Entry(
        "misc",
        fields=[(name, _escape(value)) for name, value in fields if value and name != "date"],
        persons={"author": [Person(_escape(name)) for name in authors]} if authors else {},
    )
    reference = format_reference(key, entry, _label(study, year), "")
    return CiteThis(
        key=key,
        noun=study.noun,
        segments=reference.segments,
        bibtex=bibtex_entry(
            "misc", key, [("author", " and ".join(_escape_name(n) for n in authors)), *fields]
        ),
        meta=tuple(_highwire(study, site_name, url)) if study.is_scholarly else (),
        jsonld=_jsonld(study, site_name, url),
    )


def bibtex_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """A BibTeX entry; every value is escaped, empty ones are left out."""
    lines = [f"@{kind}{{{key},"]
    width = max((len(name) for name, value in fields if value), default=0)
    for name, value in fields:
        if not value:
            continue
        escaped = value if name == "author" else _escape(value)
        if name == "title":
            escaped = "{" + escaped + "}"  # keep the title's capitals as written
        lines.append(f"  {name.ljust(width)} = {{{escaped}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _note(study) -> str:
    """'Country summary written for this site …; draft, written 28 November 2026, …'."""
    dates = f"written {long_date(study.written)}, last revised {long_date(study.revised)}"
    status = STATUS_NOTES.get(study.status, "")
    parts = [SUMMARY_NOTE] if study.noun == "summary" else []
    parts.append(f"{status}, {dates}" if status else dates)
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def _label(study, year: str) -> str:
    if study.authors:
        names = [a.name.split()[-1] for a in study.authors]
        who = (
            names[0]
            if len(names) == 1
            else (f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al.")
        )
        return f"{who} {year}"
    return f"{study.title} {year}"


def _escape(text: str) -> str:
    return " ".join(text.split()).translate(_BIBTEX_TABLE)


def _escape_name(name: str) -> str:
    # A name containing ' and ' would split into two people; braces keep it whole.
    escaped = _escape(name)
    return "{" + escaped + "}" if re.search(r"\band\b", name) else escaped


def _highwire(study, site_name: str, url: str) -> list[tuple[str, str]]:
    meta = [("citation_title", study.title)]
    for author in study.authors:
        meta.append(("citation_author", author.name))
        if author.affiliation:
            meta.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            meta.append(("citation_author_orcid", f"https://orcid.org/{author.orcid}"))
    meta.append(("citation_publication_date", study.revised.strftime("%Y/%m/%d")))
    meta.append(("citation_publisher", site_name))
    for language in study.languages:
        meta.append(("citation_language", language))
    if study.keywords:
        meta.append(("citation_keywords", "; ".join(study.keywords)))
    if url:
        meta.append(("citation_abstract_html_url", url))
    return meta


def _jsonld(study, site_name: str, url: str) -> dict:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle" if study.is_scholarly else "Article",
        "headline": study.title,
        "name": study.title,
        "genre": f"country {study.noun}",
        "description": study.kind_note,
        "abstract": study.summary,
        "dateCreated": study.written.isoformat(),
        "dateModified": study.revised.isoformat(),
        "creativeWorkStatus": {
            "draft": "Draft",
            "review": "Under review",
            "final": "Published",
        }.get(study.status, study.status),
        "inLanguage": study.languages[0] if len(study.languages) == 1 else list(study.languages),
        "about": {"@type": "Country", "name": study.country.name},
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    if study.keywords:
        data["keywords"] = list(study.keywords)
    if study.authors:
        authors = []
        for author in study.authors:
            person: dict = {"@type": "Person", "name": author.name}
            if author.affiliation:
                person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
            if author.orcid:
                person["identifier"] = f"https://orcid.org/{author.orcid}"
            authors.append(person)
        data["author"] = authors
    if study.is_scholarly:
        data["datePublished"] = study.revised.isoformat()
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    return data
