"""The comparison's overview: how each kind of entity is recognised, by country.

One row per entity type that any study records, one column per study; a
cell gives the strongest recognition among the national forms the study
maps to that type. Strength follows the order of `recognition_levels` in
data/framework.yml (strongest first). A cell says its level in words for
screen readers and shows it as colour *and* as a row of filled dots, so
colour is never the only cue; the legend explains both.
"""

from __future__ import annotations

from ..content.framework import Framework
from ..content.studies import Study
from ..core.wording import in_sentence, join_names

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FILLED, EMPTY = "●", "○"

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def heatmap_view(framework: Framework, studies: list[Study], columns: list[dict]) -> dict:
    """Rows of cells (entity type x study), the legend, and the types no study records."""
    levels = framework.ids("recognition_levels")
    legend = [
        {
            "id": level.id,
            "label": level.label,
            "description": level.description,
            **_dots(levels, level.id),
        }
        for level in framework.recognition_levels
    ]
    rows, unrecorded = [], []
    for term in framework.entity_types:
        cells = [_cell(framework, levels, study, term.id) for study in studies]
        if any(cell["level"] for cell in cells):
            rows.append({"id": term.id, "label": term.label, "cells": cells})
        else:
            unrecorded.append(in_sentence(term.label))
    return {
        "columns": columns,
        "rows": rows,
        "legend": legend,
        "unrecorded": join_names(unrecorded),
    }


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _cell(framework: Framework, levels: list[str], study: Study, type_id: str) -> dict:
    forms = [e for e in study.entities if e.type == type_id]
    if not forms:
        return {"level": "", "label": "Nothing recorded", "filled": "", "empty": "", "forms": 0}
    strongest = min(forms, key=lambda e: _rank(levels, e.recognition))
    label = framework.label_of("recognition_levels", strongest.recognition)
    return {
        "level": strongest.recognition,
        "label": label,
        **_dots(levels, strongest.recognition),
        "forms": len(forms),
    }


def _rank(levels: list[str], level: str) -> int:
    return levels.index(level) if level in levels else len(levels)


def _dots(levels: list[str], level: str) -> dict:
    """'●●●' and '○' for the second of five levels: the weakest has no filled dot."""
    steps = len(levels) - 1
    filled = max(steps - _rank(levels, level), 0)
    return {"filled": FILLED * filled, "empty": EMPTY * (steps - filled)}
