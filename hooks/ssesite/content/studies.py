"""Country case studies: `studies/<slug>/index.md` with YAML front matter.

`Study` and its parts, and the fields a study's front matter may have;
`studyload` reads the study folders into them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .countries import Country, Subregion

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

STATUSES = ("draft", "review", "final")

FIELDS = (
    "title",
    "country",
    "subregion",
    "authors",
    "status",
    "first_draft",
    "last_revised",
    "summary",
    "languages",
    "keywords",
    "phase",
    "framework",
)
FRAMEWORK_BLOCKS = ("entities", "instruments", "institutions", "ecosystem")

# Files at the top of studies/ that are not studies.
NOT_STUDIES = {"README.md"}

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    name: str
    affiliation: str
    orcid: str = ""


@dataclass(frozen=True)
class Entity:
    """A national form of an SSE entity and how it is recognised."""

    type: str
    form: str
    recognition: str
    local_name: str = ""
    local_lang: str = ""
    basis: str = ""
    """Id of the instrument (in the same study) that recognises it."""
    note: str = ""


@dataclass(frozen=True)
class Instrument:
    """A law, regulation, policy, bill or court decision."""

    id: str
    title: str
    year: int | None
    """Year of adoption (or of the bill); None while to be confirmed."""
    kind: str
    status: str
    local_title: str = ""
    local_lang: str = ""
    note: str = ""


@dataclass(frozen=True)
class Institution:
    name: str
    role: str
    note: str = ""


@dataclass(frozen=True)
class EcosystemItem:
    element: str
    note: str


@dataclass
class Study:
    slug: str
    source: str
    """Path of index.md relative to the project root."""
    folder: Path
    title: str
    country: Country
    subregion: Subregion
    authors: list[Author]
    status: str
    first_draft: dt.date
    last_revised: dt.date
    summary: str
    languages: list[str]
    keywords: list[str]
    phase: int = 1
    """Project phase: 1 for the 2019-2021 studies; one study per country and phase."""
    entities: list[Entity] = field(default_factory=list)
    instruments: list[Instrument] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    ecosystem: list[EcosystemItem] = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    """Line of the source file on which the body starts."""
    assets: list[Path] = field(default_factory=list)
    """Other files in the study folder (images, data) published beside the page."""

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    def instrument(self, id: str) -> Instrument | None:
        return next((i for i in self.instruments if i.id == id), None)
