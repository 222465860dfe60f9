"""The glossary of SSE terms as the site sees it: `Glossary`, `Term` and their parts.

`load` reads `data/glossary.yml` into these classes; `links` checks the
explicit term links of Markdown against a `Glossary`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .matcher import Matcher, plural_of

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FILE = "data/glossary.yml"


SCHEME = "term:"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    id: str
    label: str


@dataclass(frozen=True)
class LocalName:
    """A term's name in a local language, with its BCP 47 tag."""

    lang: str
    text: str


@dataclass(frozen=True)
class Source:
    """Where the definition comes from: a web address or a bibliography key."""

    url: str = ""
    bib: str = ""
    label: str = ""


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    category: str
    source: Source
    aliases: tuple[str, ...] = ()
    plurals: tuple[str, ...] | None = None
    """Explicit plural and variant forms; None means "derive the regular plural"."""
    autolink: bool = True
    note: str = ""
    local_names: tuple[LocalName, ...] = ()
    related: tuple[str, ...] = ()
    line: int = 0

    def names(self) -> list[str]:
        """The term, its aliases and its explicit plurals, in that order."""
        return [self.term, *self.aliases, *(self.plurals or ())]


@dataclass
class Glossary:
    categories: list[Category] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
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
