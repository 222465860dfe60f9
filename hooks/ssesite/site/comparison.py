"""The comparison page: each framework dimension against the countries studied.

It opens with the heat map (`heatmap`); then one matrix per dimension, whose
rows are the framework's vocabulary and whose columns are the published
studies; rows no study records anything for are named once instead of drawn
as a row of dashes. The timeline lists the dated laws and policies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..content.framework import Framework
from ..core.urls import COMPARISON, COUNTRIES_INDEX, FRAMEWORK, relative_url, study_uri
from ..core.wording import count, in_sentence, join_names
from .heatmap import heatmap_view
from .project import Project
from .views import (
    drafts_sentence,
    instrument_order,
    ordered_studies,
    study_labels,
)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One entry in a matrix cell."""

    text: str
    local: str = ""
    lang: str = ""
    detail: str = ""
    tag: str = ""
    tag_label: str = ""
    as_of: dt.date | None = None
    """The date the status `tag` was checked, when the item has one."""


@dataclass
class Cell:
    """One cell of a comparison matrix: zero or more items."""

    items: list[Item] = field(default_factory=list)


@dataclass
class Matrix:
    """Framework values (rows) × countries (columns)."""

    id: str
    title: str
    question: str
    columns: list[dict]
    rows: list[dict]
    """Each row: {"label": str, "cells": [Cell, ...]} in column order."""
    legend: list[dict] = field(default_factory=list)
    unrecorded: str = ""
    """The rows left out because no study records anything for them, as words."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def comparison_view(project: Project) -> dict:
    """The comparison page: one matrix per framework dimension with data."""
    framework = project.framework
    studies = ordered_studies(project)
    labels = study_labels(studies)
    columns = [
        {
            "name": labels[s.slug],
            "code": s.country.code,
            "url": relative_url(study_uri(s.slug), COMPARISON),
            "status": s.status,
        }
        for s in studies
    ]
    dimensions = {d.id: d for d in framework.dimensions}
    matrices = [
        _entity_matrix(framework, studies, columns, dimensions.get("entity-types")),
        _matrix(
            "instruments",
            dimensions.get("instruments"),
            framework.instrument_kinds,
            studies,
            columns,
            lambda study, kind: [
                Item(
                    text=i.title,
                    detail=str(i.year) if i.year and str(i.year) not in i.title else "",
                    tag=i.status,
                    tag_label=framework.label_of("instrument_statuses", i.status),
                    as_of=i.checked,
                )
                for i in sorted(study.instruments, key=instrument_order)
                if i.kind == kind
            ],
        ),
        _matrix(
            "institutions",
            dimensions.get("institutions"),
            framework.institution_roles,
            studies,
            columns,
            lambda study, role: [Item(i.name) for i in study.institutions if i.role == role],
        ),
        _matrix(
            "ecosystem",
            dimensions.get("ecosystem"),
            framework.ecosystem_elements,
            studies,
            columns,
            lambda study, element: [Item(e.note) for e in study.ecosystem if e.element == element],
        ),
    ]
    timeline = sorted(
        (
            {
                "year": i.year,
                "country": labels[s.slug],
                "url": relative_url(study_uri(s.slug), COMPARISON),
                "title": i.title,
                "kind_label": framework.label_of("instrument_kinds", i.kind),
                "status_label": framework.label_of("instrument_statuses", i.status),
                "checked": i.checked,
            }
            for s in studies
            for i in s.instruments
            if i.year
        ),
        key=lambda row: (row["year"], row["country"], row["title"]),
    )
    return {
        "columns": columns,
        "empty": not studies,
        "count_text": count(len(studies), "country", "countries"),
        "drafts": drafts_sentence(studies, "so the tables will grow and change"),
        "heatmap": heatmap_view(framework, studies, columns),
        "matrices": matrices,
        "timeline": timeline,
        "links": {
            "framework": relative_url(FRAMEWORK, COMPARISON),
            "countries": relative_url(COUNTRIES_INDEX, COMPARISON),
        },
    }


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _entity_matrix(framework: Framework, studies, columns, dimension) -> Matrix:
    matrix = _matrix(
        "entity-types",
        dimension,
        framework.entity_types,
        studies,
        columns,
        lambda study, type: [
            Item(
                text=e.form,
                local=e.local_name,
                lang=e.local_lang,
                tag=e.recognition,
                tag_label=framework.label_of("recognition_levels", e.recognition),
            )
            for e in study.entities
            if e.type == type
        ],
    )
    matrix.title = "Organisational landscape and legal recognition"
    matrix.legend = [
        {"tag": level.id, "label": level.label, "description": level.description}
        for level in framework.recognition_levels
    ]
    return matrix


def _matrix(id, dimension, vocabulary, studies, columns, items_for) -> Matrix:
    # A row no study records anything for is named once under the table
    # instead of being a row of dashes.
    rows, unrecorded = [], []
    for term in vocabulary:
        cells = [Cell(items_for(study, term.id)) for study in studies]
        if any(cell.items for cell in cells):
            rows.append({"label": term.label, "id": term.id, "cells": cells})
        else:
            unrecorded.append(in_sentence(term.label))
    return Matrix(
        id=id,
        title=dimension.title if dimension else id,
        question=dimension.question if dimension else "",
        columns=columns,
        rows=rows,
        unrecorded=join_names(unrecorded),
    )
