"""The analytical framework's vocabulary, read from data/framework.yml.

The same object renders the framework page and validates studies, so the
two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.fields import SLUG, Record
from ..core.problems import Problems
from ..core.yamlsource import load_yaml

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: a stable id, a label, maybe a description."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Dimension:
    id: str
    title: str
    question: str
    data: str
    """Name of the study front-matter block holding this dimension's data, or ''."""


@dataclass
class Framework:
    title: str = ""
    label: str = ""
    basis: str = ""
    dimensions: list[Dimension] = field(default_factory=list)
    entity_types: list[Term] = field(default_factory=list)
    recognition_levels: list[Term] = field(default_factory=list)
    instrument_kinds: list[Term] = field(default_factory=list)
    instrument_statuses: list[Term] = field(default_factory=list)
    institution_roles: list[Term] = field(default_factory=list)
    ecosystem_elements: list[Term] = field(default_factory=list)
    principles: list[Term] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    study_parts: list[Term] = field(default_factory=list)

    def ids(self, vocabulary: str) -> list[str]:
        return [term.id for term in getattr(self, vocabulary)]

    def label_of(self, vocabulary: str, id: str) -> str:
        return next((t.label for t in getattr(self, vocabulary) if t.id == id), id)


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
    framework = Framework()
    located = load_yaml(path.read_text(encoding="utf-8"), file, problems)
    if located is None:
        return framework
    root = Record(located, file, problems)
    if not root.is_mapping():
        return framework
    root.check_keys(["title", "label", "basis", "dimensions", "values", *VOCABULARIES])
    framework.title = root.text("title") or ""
    framework.label = root.text("label") or ""
    framework.basis = root.text("basis") or ""
    for item in root.items("dimensions", required=True):
        if item.is_mapping():
            item.check_keys(["id", "title", "question", "data"])
            values = (item.text("id"), item.text("title"), item.text("question"))
            data = item.choice("data", ["", "entities", "instruments", "institutions", "ecosystem"])
            if all(values) and data is not None:
                framework.dimensions.append(Dimension(*values, data))
    for vocabulary in VOCABULARIES:
        setattr(framework, vocabulary, _terms(root, vocabulary))
    framework.values = root.text_list("values", required=True)
    return framework


def _terms(root: Record, key: str) -> list[Term]:
    terms: list[Term] = []
    seen: set[str] = set()
    for item in root.items(key, required=True):
        if not item.is_mapping():
            continue
        item.check_keys(["id", "label", "description"])
        id, label = item.text("id"), item.text("label")
        description = item.text("description", required=False) or ""
        if id and not SLUG.match(id):
            item.expected("id", "an id of lower-case letters, digits and hyphens", id)
        elif id in seen:
            item.expected("id", "an id used once in this list", id)
        elif id and label:
            seen.add(id)
            terms.append(Term(id, label, description))
    return terms
