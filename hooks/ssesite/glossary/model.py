"""The glossary of SSE terms as the site sees it: `Glossary`, `Term` and their parts.

`load` reads `data/glossary.yml` into these classes; `links` checks the
explicit term links of Markdown against a `Glossary`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..core.schema import Choice, Custom, Nested, Records, Text, Texts, declare
from .matcher import Matcher, plural_of

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FILE = "data/glossary.yml"


SCHEME = "term:"
COUNTRY = "an ISO 3166-1 alpha-2 country code such as 'KR'"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    id: str = declare(Text(), "Used by the terms' `category`; unique.")
    label: str = declare(Text(), "Shown on the glossary page.")


@dataclass(frozen=True)
class LocalName:
    """A term's name in a local language, with its BCP 47 tag."""

    lang: str = declare(
        Custom(expected="a BCP 47 language tag such as 'ko', 'ja' or 'zh-Hans'"),
        "A BCP 47 language tag (`ko`, `ja`, `zh-Hans`, `id`, `ms`, `th`, `vi`, `fil`, `mn`; "
        "not country codes such as `jp` or `cn`).",
    )
    text: str = declare(Text(expected="the name in that language"), "The name.")


@dataclass(frozen=True)
class Source:
    """Where the definition comes from: a web address or a bibliography key."""

    url: str = declare(
        Text(), "A web address, `https://…` (or give `bib`).", required=False, default=""
    )
    bib: str = declare(
        Text(),
        "A key of the project bibliography, checked against it once the site has one.",
        required=False,
        default="",
    )
    label: str = declare(
        Text(), "The link text; the web site's name otherwise.", required=False, default=""
    )


@dataclass(frozen=True, kw_only=True)
class Variant:
    """What a term means in one country, where that country's law or policy differs."""

    country: str = declare(
        Custom(expected=COUNTRY),
        "The country, as its ISO 3166-1 alpha-2 code (`KR`), as in the studies' `country`. "
        "One variant per country.",
    )
    definition: str = declare(
        Custom(expected="a short definition in your own words"),
        "What the term means in that country, at most 300 characters: the tooltip on that "
        "country's pages (its summary and translations) and a line of the glossary entry.",
    )
    source: Source = declare(
        Nested(of=Source, expected="a mapping with 'url' or 'bib'"),
        "Where that meaning comes from: the country's law or policy first, as `url` or `bib`.",
    )


@dataclass(frozen=True, kw_only=True)
class Term:
    id: str = declare(
        Custom(expected="an id of lower-case letters, digits and hyphens"),
        "Stable identifier: lower-case letters, digits and hyphens (`social-enterprise`). It "
        "is the entry's anchor on the glossary page and what authors write in term links. "
        "Never change it once published. Unique in the file.",
    )
    term: str = declare(
        Text(expected="the term as it is written"),
        "The term as it is written in a heading (`Social enterprise`, `SEMPS`).",
    )
    aliases: tuple[str, ...] = declare(
        Custom(expected="a list of names"),
        "Other names of the same thing, also found in the text: acronyms (`SSE`), spellings "
        "(`co-operative`), names used in a country (`BUM Desa`).",
        required=False,
        default=(),
    )
    plurals: tuple[str, ...] | None = declare(
        Custom(expected="a list of names"),
        "Plural and variant forms to find in the text. When the field is **absent**, the "
        "regular English plural of the term and of each alias is derived; give the list for "
        "irregular plurals, and `[]` for words without a plural.",
        required=False,
        default=None,
    )
    """Explicit plural and variant forms; None means "derive the regular plural"."""
    autolink: bool = declare(
        Custom(expected="true or false"),
        "`true` (default) or `false`. With `false`, the term is only linked where an author "
        "links it explicitly; use it for common words (`association`).",
        required=False,
        default=True,
    )
    category: str = declare(
        Choice(vocabulary="categories", listed_in="categories"), "The term's category."
    )
    definition: str = declare(
        Custom(expected="a short definition in your own words"),
        "One or two sentences, at most 300 characters: the tooltip text and the first "
        "paragraph of the entry. Plain text.",
    )
    note: str = declare(
        Text(),
        "A longer explanation, shown on the glossary page only.",
        required=False,
        default="",
    )
    source: Source = declare(
        Nested(of=Source, expected="a mapping with 'url' or 'bib'"),
        "Where the definition comes from: `url` **or** `bib`, plus an optional `label`.",
    )
    local_names: tuple[LocalName, ...] = declare(
        Records(of=LocalName),
        "Names in local languages, only those confirmed in a source or standard in law.",
        required=False,
        default=(),
    )
    variants: tuple[Variant, ...] = declare(
        Records(of=Variant),
        "Country-specific definitions, where a country's law or policy gives the term its "
        "own meaning (a certification, a legal form). The `definition` above stays the "
        "general one.",
        required=False,
        default=(),
    )
    related: tuple[str, ...] = declare(
        Texts(expected="a list of term ids"),
        "Ids of related terms, linked from the entry.",
        required=False,
        default=(),
    )
    line: int = 0

    def names(self) -> list[str]:
        """The term, its aliases and its explicit plurals, in that order."""
        return [self.term, *self.aliases, *(self.plurals or ())]

    def definition_for(self, country: str = "") -> str:
        """The definition on a page about `country` (an ISO code; '' for other pages)."""
        variant = next((v for v in self.variants if v.country == country), None)
        return variant.definition if variant else self.definition


@dataclass
class Glossary:
    categories: list[Category] = declare(
        Records(of=Category),
        "The categories terms are grouped in.",
        default_factory=list,
    )
    terms: list[Term] = declare(Records(of=Term), "One entry per term.", default_factory=list)
    """In file order; only the terms that could be read."""

    def __post_init__(self) -> None:
        self.by_id = {t.id: t for t in self.terms}

    def get(self, id: str) -> Term | None:
        return self.by_id.get(id)

    def category_label(self, id: str) -> str:
        return next((c.label for c in self.categories if c.id == id), id)

    @cached_property
    def matcher(self) -> Matcher:
        """One matcher for every form of every auto-linked term (built once)."""
        return Matcher(matcher_forms(self.terms))


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def matcher_forms(terms: Iterable[Term]) -> list[tuple[str, str]]:
    """(form, term id) for every form the matcher looks for, derived plurals included.

    A derived plural that is also a form given explicitly (by any term) is
    left out: what the file says wins over what is derived.
    """
    terms = [t for t in terms if t.autolink]
    explicit = {name_key(name) for t in terms for name in t.names()}
    forms: list[tuple[str, str]] = []
    for term in terms:
        seen: set[str] = set()
        for name in term.names():
            if name_key(name) not in seen:
                seen.add(name_key(name))
                forms.append((name, term.id))
        if term.plurals is None:
            for name in (term.term, *term.aliases):
                plural = plural_of(name)
                if name_key(plural) not in explicit and name_key(plural) not in seen:
                    seen.add(name_key(plural))
                    forms.append((plural, term.id))
    return forms


def letter_of(term: str) -> str:
    """The A–Z group of a term: its first letter, upper case ('#' if none)."""
    for char in term:
        if char.isalpha():
            return char.upper()
    return "#"


def name_key(name: str) -> str:
    """How names are compared for duplicates: ignoring case and spacing."""
    return " ".join(name.casefold().split())
