"""The analytical framework's vocabulary, read from data/framework.yml.

The same object renders the framework page and validates studies, so the
two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.fields import SLUG, Record
from ..core.problems import Problems
from ..core.reading import read_text
from ..core.schema import Choice, Records, Text, Texts, complete, declare, read
from ..core.yamlsource import load_yaml

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: a stable id, a label, maybe a description."""

    id: str = declare(Text(), "Lower-case words joined by hyphens; never changed once used.")
    label: str = declare(Text(), "How the value reads on the site.")
    description: str = declare(Text(), "What the value means.", required=False, default="")


@dataclass(frozen=True)
class Dimension:
    id: str = declare(Text(), "The dimension's id.")
    title: str = declare(Text(), "Its title.")
    question: str = declare(Text(), "The question asked of each country.")
    data: str = declare(
        Choice(choices=("", "entities", "instruments", "institutions", "ecosystem")),
        'The study front-matter block holding this dimension\'s data, or "" when it lives '
        "in the study's text.",
    )
    """Name of the study front-matter block holding this dimension's data, or ''."""


@dataclass
class Framework:
    title: str = declare(Text(), "The framework's name.", default="")
    label: str = declare(
        Text(),
        "The label shown on every page that uses it (the site's working framework, not the "
        "SNU original).",
        default="",
    )
    basis: str = declare(Text(), "What the framework is built on.", default="")
    dimensions: list[Dimension] = declare(
        Records(of=Dimension),
        "The dimensions along which countries are compared.",
        default_factory=list,
    )
    values: list[str] = declare(
        Texts(), "The six values, shown on the framework page.", default_factory=list
    )
    entity_types: list[Term] = declare(
        Records(of=Term),
        "The entity types of the ILO 2022 definition, plus other.",
        default_factory=list,
    )
    recognition_levels: list[Term] = declare(
        Records(of=Term), "How a form is recognised.", default_factory=list
    )
    instrument_kinds: list[Term] = declare(
        Records(of=Term), "Kinds of laws and policies.", default_factory=list
    )
    instrument_statuses: list[Term] = declare(
        Records(of=Term), "The status of a law or policy.", default_factory=list
    )
    institution_roles: list[Term] = declare(
        Records(of=Term), "Roles of public bodies.", default_factory=list
    )
    ecosystem_elements: list[Term] = declare(
        Records(of=Term), "Elements of the ecosystem.", default_factory=list
    )
    principles: list[Term] = declare(
        Records(of=Term),
        "The four ILO principles, shown on the framework page.",
        default_factory=list,
    )
    study_parts: list[Term] = declare(
        Records(of=Term),
        "The parts every study covers; the scaffold's headings.",
        default_factory=list,
    )

    broken: bool = False
    """True when data/framework.yml has problems: studies are then not checked against it
    (every study would repeat the framework's own problem)."""

    def ids(self, vocabulary: str) -> list[str]:
        return [term.id for term in getattr(self, vocabulary)]

    def label_of(self, vocabulary: str, id: str) -> str:
        # Asked thousands of times by the generated pages: one dict per vocabulary
        labels = self.__dict__.setdefault("_labels", {})
        if vocabulary not in labels:
            labels[vocabulary] = {t.id: t.label for t in getattr(self, vocabulary)}
        return labels[vocabulary].get(id, id)


# Vocabularies made of {id, label, description?} records.
VOCABULARIES = (
    "entity_types",
    "recognition_levels",
    "instrument_kinds",
    "instrument_statuses",
    "institution_roles",
    "ecosystem_elements",
    "principles",
    "study_parts",
)

# The vocabularies a study's `framework:` block is checked against (the rest
# only describe the framework on its page).
STUDY_VOCABULARIES = (
    "entity_types",
    "recognition_levels",
    "instrument_kinds",
    "instrument_statuses",
    "institution_roles",
    "ecosystem_elements",
)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_framework(path: Path, file: str, problems: Problems) -> Framework:
    """Read and check the framework file; problems go to `problems`."""
    before = len(problems)
    framework = _read_framework(path, file, problems)
    framework.broken = len(problems) > before
    return framework


def _read_framework(path: Path, file: str, problems: Problems) -> Framework:
    framework = Framework()
    text = read_text(path, file, problems)
    located = load_yaml(text, file, problems) if text is not None else None
    if located is None:
        return framework
    root = Record(located, file, problems)
    if not root.is_mapping():
        return framework
    readers: dict = {"dimensions": _dimensions}
    readers.update({vocabulary: _terms for vocabulary in VOCABULARIES})
    values = read(root, Framework, readers)
    return Framework(**{key: "" if value is None else value for key, value in values.items()})


def _dimensions(root: Record, key: str, values: dict) -> list[Dimension]:
    dimensions = []
    for item in root.items(key, required=True):
        if item.is_mapping():
            values = read(item, Dimension)
            if complete(Dimension, values):
                dimensions.append(Dimension(**values))
    return dimensions


def _terms(root: Record, key: str, values: dict) -> list[Term]:
    terms: list[Term] = []
    seen: set[str] = set()
    for item in root.items(key, required=True):
        if not item.is_mapping():
            continue
        values = read(item, Term)
        id, label, description = values["id"], values["label"], values["description"]
        if id and not SLUG.match(id):
            item.expected("id", "an id of lower-case letters, digits and hyphens", id)
        elif id in seen:
            item.expected("id", "an id used once in this list", id)
        elif id and label:
            seen.add(id)
            terms.append(Term(id, label, description))
    return terms
