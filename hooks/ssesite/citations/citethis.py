"""'Cite this study': a formatted citation, a BibTeX entry and scholarly metadata.

Everything is built from the study's front matter (authors, title, dates,
summary, keywords), the site name and the page's public address. A study
whose authors are not public yet is cited under its title, with "authors to
be confirmed"; nobody is named who is not in the front matter. Without a
public address (no `site_url`) the URL is left out rather than guessed.

The view is plain data: the templates make the box, the Highwire
`citation_*` meta tags and the schema.org JSON-LD (through `tojson`).
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
    "draft": "Draft",
    "review": "Version under review",
    "final": "",
}
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

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CiteThis:
    """What the templates need to offer a study for citation."""

    key: str
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
    revised = study.last_revised
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
        segments=reference.segments,
        bibtex=bibtex_entry(
            "misc", key, [("author", " and ".join(_escape_name(n) for n in authors)), *fields]
        ),
        meta=tuple(_highwire(study, site_name, url)),
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
    parts = []
    status = STATUS_NOTES.get(study.status, "")
    day = long_date(study.last_revised)
    parts.append(f"{status}, last revised {day}" if status else f"Last revised {day}")
    if not study.authors:
        parts.append("authors to be confirmed")
    return "; ".join(parts)


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
    return "".join(BIBTEX_ESCAPES.get(c, c) for c in " ".join(text.split()))


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
    meta.append(("citation_publication_date", study.last_revised.strftime("%Y/%m/%d")))
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
        "@type": "ScholarlyArticle",
        "headline": study.title,
        "name": study.title,
        "abstract": study.summary,
        "dateCreated": study.first_draft.isoformat(),
        "dateModified": study.last_revised.isoformat(),
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
    if study.is_final:
        data["datePublished"] = study.last_revised.isoformat()
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    return data
