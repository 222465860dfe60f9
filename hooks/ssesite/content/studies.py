"""Country case studies: `studies/<slug>/index.md` with YAML front matter.

`Study` and its parts; each declares the fields of the front matter it
holds (`core.schema`). `studyload` reads the study folders into them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..core.schema import (
    Choice,
    Custom,
    Date,
    Integer,
    Nested,
    Records,
    Text,
    Texts,
    declare,
    keys,
)
from .countries import Country, Subregion
from .translations import Translation

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

STATUSES = ("draft", "review", "final")
FRAMEWORK = "data/framework.yml"
SOURCE_KEY = "the bibliography key of the source that records the status, such as 'kr:sepa-2007'"

# What a text is, by its noun (Study.noun): a summary has no named authors.
KIND_NOTES = {
    "summary": "A country summary written for this site from public sources; "
    "not the project's country study.",
    "study": "A country study by the authors named here.",
}

# Files at the top of studies/ that are not studies.
NOT_STUDIES = {"README.md"}

# Folder names whose page address is taken by a generated page.
RESERVED_SLUGS = {"compare": "comparison page (countries/compare/)"}

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    name: str = declare(Text(), "the author's full name")
    affiliation: str = declare(Text(), "the university or organisation")
    orcid: str = declare(
        Custom(expected="an ORCID iD like 0000-0002-1825-0097"),
        "an ORCID iD like 0000-0002-1825-0097",
        required=False,
        default="",
    )


@dataclass(frozen=True, kw_only=True)
class Entity:
    """A national form of an SSE entity and how it is recognised."""

    type: str = declare(
        Choice(vocabulary="entity_types", listed_in=FRAMEWORK), "the type of SSE entity"
    )
    form: str = declare(Text(), "the national form in English")
    local_name: str = declare(
        Text(), "its name in the national language (with local_lang)", required=False, default=""
    )
    local_lang: str = declare(
        Custom(expected="a BCP 47 language tag such as 'ko'"),
        "the BCP 47 language tag of the local name, such as ko",
        required=False,
        default="",
    )
    recognition: str = declare(
        Choice(vocabulary="recognition_levels", listed_in=FRAMEWORK), "how the form is recognised"
    )
    basis: str = declare(
        Custom(expected="the id of an instrument listed under framework.instruments"),
        "the id of the instrument (under instruments) that recognises it",
        required=False,
        default="",
    )
    """Id of the instrument (in the same study) that recognises it."""
    note: str = declare(Text(), "one or two sentences", required=False, default="")


@dataclass(frozen=True, kw_only=True)
class Instrument:
    """A law, regulation, policy, bill or court decision."""

    id: str = declare(
        Custom(expected="a short id such as 'sepa-2007'"),
        "a short name used once in this study, lower-case letters, digits and hyphens "
        "(entities refer to it under basis)",
    )
    title: str = declare(Text(), "the title in English")
    local_title: str = declare(
        Text(), "the title in the national language (with local_lang)", required=False, default=""
    )
    local_lang: str = declare(
        Custom(expected="a BCP 47 language tag such as 'ko'"),
        "the BCP 47 language tag of the local name, such as ko",
        required=False,
        default="",
    )
    year: int | None = declare(
        Integer(low=1800, high=2100, expected="a year such as 2007"),
        "the year of adoption (or of the bill); left out while to be confirmed",
        required=False,
    )
    """Year of adoption (or of the bill); None while to be confirmed."""
    kind: str = declare(
        Choice(vocabulary="instrument_kinds", listed_in=FRAMEWORK), "the kind of instrument"
    )
    status: str = declare(
        Choice(vocabulary="instrument_statuses", listed_in=FRAMEWORK), "whether it is in force"
    )
    checked: dt.date = declare(
        Date(),
        "the date the status was last checked against its source, YYYY-MM-DD, on or before "
        'revised; pages show "status as of" this date',
    )
    """When the status was last checked against its source."""
    source: str = declare(
        Text(expected=SOURCE_KEY),
        "the key, in a bibliography, of the source that records the status: an official "
        'text or database first (data/README.md, "Which sources")',
    )
    """Bibliography key of the source that records the status."""
    note: str = declare(Text(), "one or two sentences", required=False, default="")

    # Not a field of the front matter
    source_at: tuple[int, str] = field(default=(0, ""), compare=False)
    """(line, field) where `source` is written: the key is checked once the
    bibliographies are read (`citations.load.check_status_sources`)."""


@dataclass(frozen=True, kw_only=True)
class Institution:
    name: str = declare(Text(), "the body's name in English")
    role: str = declare(
        Choice(vocabulary="institution_roles", listed_in=FRAMEWORK), "what the body does"
    )
    note: str = declare(Text(), "what it does for SSE entities", required=False, default="")


@dataclass(frozen=True, kw_only=True)
class EcosystemItem:
    element: str = declare(
        Choice(vocabulary="ecosystem_elements", listed_in=FRAMEWORK), "the element of the ecosystem"
    )
    note: str = declare(Text(), "what the study records about it")


_EXAMPLE_INSTRUMENTS = """\
instruments:
  - id: cooperative-act
    title: Title of the law in English
    year: 2000
    kind: law
    status: in-force
    checked: 2020-08-21
    source: cooperative-act-2000"""

_EXAMPLE_ENTITIES = """\
entities:
  - type: cooperative
    form: Cooperative
    recognition: entity-law
    basis: cooperative-act"""


@dataclass(kw_only=True)
class StudyFramework:
    """A study's `framework:` block: its data along the analytical framework."""

    entities: list[Entity] = declare(
        Records(of=Entity),
        "The national forms of SSE entities and how each is recognised.",
        required=False,
        example=_EXAMPLE_ENTITIES,
        start="[]",
        default_factory=list,
    )
    instruments: list[Instrument] = declare(
        Records(of=Instrument),
        "Laws, regulations, policies, bills and court decisions.",
        required=False,
        example=_EXAMPLE_INSTRUMENTS,
        start="[]",
        default_factory=list,
    )
    institutions: list[Institution] = declare(
        Records(of=Institution),
        "Lead ministries and public agencies.",
        required=False,
        example="institutions:\n  - name: Ministry of ...\n    role: lead-ministry",
        start="[]",
        default_factory=list,
    )
    ecosystem: list[EcosystemItem] = declare(
        Records(of=EcosystemItem),
        "Elements of a supportive ecosystem that exist in the country.",
        required=False,
        example="ecosystem:\n  - element: finance\n    note: What exists, in one sentence.",
        start="[]",
        default_factory=list,
    )


@dataclass(kw_only=True)
class Study:
    slug: str
    source: str
    """Path of index.md relative to the project root."""
    folder: Path

    # The fields of the front matter, in the order the scaffold writes them
    title: str = declare(Text(), "The study's title, shown on its page and in the countries index.")
    country: Country = declare(
        Custom(expected="an ISO 3166-1 alpha-2 country code such as 'KR'"),
        "The country as an ISO 3166-1 alpha-2 code, such as KR. Its display name comes "
        "from data/countries.yml. One study per country and phase.",
    )
    subregion: Subregion = declare(
        Choice(vocabulary="subregions", listed_in="data/countries.yml"),
        "The sub-region, as given for this country in data/countries.yml.",
    )
    authors: list[Author] = declare(
        Records(
            of=Author,
            expected="a list of authors, each with name and affiliation",
        ),
        "The authors, each with a name, an affiliation and an optional ORCID iD. Keep the "
        "empty list [] for a summary written for this site, which names no authors; a text "
        "with authors is called a study, and only a final study with named authors is "
        "described to Google Scholar.",
        example="authors:\n  - name: Full Name\n    affiliation: University or organisation\n"
        "    orcid: 0000-0002-1825-0097",
        start="[]",
    )
    status: str = declare(
        Choice(choices=STATUSES),
        "How far the study is. Studies that are not final carry a banner; README.md "
        '("Drafts") says how the public site treats them.',
        start="draft",
    )
    written: dt.date = declare(
        Date(),
        "The date this text was first written, YYYY-MM-DD. It dates this page, not the "
        "project: the project's events (its workshops, the conference, its publications) "
        "are in data/programme.yml and the news.",
    )
    revised: dt.date = declare(
        Date(),
        "The date this text was last revised, YYYY-MM-DD, on or after written. Change it "
        "whenever you revise the text or check a status again.",
    )
    summary: str = declare(
        Text(),
        "One paragraph on what the study maps, shown under the title, on the study's card "
        'and in search results. ">-" lets the text run over several lines indented by two '
        "spaces.",
    )
    languages: list[str] = declare(
        Custom(expected="a list of BCP 47 language tags"),
        "The languages the study is written in, as BCP 47 tags such as en, ko, zh-Hans "
        "or vi. At least one.",
        start="[en]",
    )
    keywords: list[str] = declare(
        Texts(),
        "A few keywords, such as [cooperatives, social enterprise]; may stay [].",
        required=False,
        start="[]",
        default_factory=list,
    )
    phase: int = declare(
        Integer(low=1, high=99, expected="a phase number such as 1"),
        "The project phase: 1 for the 2019-2021 studies (the default). A country may have one "
        "study per phase; raise it only for a later phase's study of a country already "
        "studied.",
        required=False,
        start="1",
        default=1,
    )
    """Project phase: 1 for the 2019-2021 studies; one study per country and phase."""
    downloads: list[Path] = declare(
        Custom(expected="a list of file names"),
        "Files of the study's folder offered for download on its page (PDF, CSV, XLSX, ODS, "
        "DOCX or ODT, at most 10 MiB each), such as [questionnaire.pdf]. Only these and the "
        "files the text links or shows are published; images the text shows need not be "
        "listed.",
        required=False,
        start="[]",
        default_factory=list,
    )
    framework: StudyFramework = declare(
        Nested(of=StudyFramework, expected="the structured data of the analytical framework"),
        "Structured data following the analytical framework (data/framework.yml, shown on "
        'the site\'s "Analytical framework" page). The comparison page is generated from '
        "it. Each list may stay empty [] while its content is to be confirmed; only the "
        'values listed after "one of" are accepted.',
        default_factory=StudyFramework,
    )

    # Not fields of the front matter
    body: str = ""
    body_line: int = 1
    """Line of the source file on which the body starts."""
    assets: list[Path] = field(default_factory=list)
    """Files of the study folder published beside the page: those its text (or a
    translation's) links or shows, and the declared downloads."""
    country_line: int = 0
    """Line of the `country` field in `source`."""
    anchors: set[str] = field(default_factory=set)
    """Ids of the text's headings and elements, for links to #anchors."""
    addresses: list = field(default_factory=list)
    """Every link and image address of the text (`core.mdscan.Address`)."""
    translations: list[Translation] = field(default_factory=list)
    """Translations beside the original (`index.<lang>.md`), sorted by language tag."""

    def translation(self, lang: str) -> Translation | None:
        return next((t for t in self.translations if t.lang == lang), None)

    @property
    def entities(self) -> list[Entity]:
        return self.framework.entities

    @property
    def instruments(self) -> list[Instrument]:
        return self.framework.instruments

    @property
    def institutions(self) -> list[Institution]:
        return self.framework.institutions

    @property
    def ecosystem(self) -> list[EcosystemItem]:
        return self.framework.ecosystem

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    @property
    def is_scholarly(self) -> bool:
        """Final with named authors: described and cited as a scholarly article.

        Anything else is described as what it is, a summary written for this
        site (or a draft of a study), without scholarly metadata.
        """
        return self.is_final and bool(self.authors)

    @property
    def noun(self) -> str:
        """What the text is called: a study has named authors, a summary none."""
        return "study" if self.authors else "summary"

    @property
    def kind_note(self) -> str:
        """What the text is, in one sentence for readers (the fact box, Cite this)."""
        return KIND_NOTES[self.noun]

    def instrument(self, id: str) -> Instrument | None:
        return next((i for i in self.instruments if i.id == id), None)


# Front-matter keys that were renamed: old -> (new, what the new one holds)
RENAMED = {
    "first_draft": ("written", "the date this text was first written"),
    "last_revised": ("revised", "the date this text was last revised"),
}

# The keys of the front matter and of its framework block (derived)
FIELDS = tuple(keys(Study))
FRAMEWORK_BLOCKS = tuple(keys(StudyFramework))
