"""A tile map of the region: one equal square per country, studied ones linked.

An honest schematic, not a map: each country of data/countries.yml is one
square placed roughly where it lies relative to its neighbours (west to
east, north to south), whatever its size. Nothing is drawn from borders or
coordinates and nothing is loaded from elsewhere; the SVG is written by the
template content/tilemap.html. A country studied on this site that has no
place in the grid below is still shown, in a row of its own under the grid,
so a new study never goes missing from the map.
"""

from __future__ import annotations

from ..content.countries import Countries
from ..content.studies import Study
from ..core.urls import relative_url, study_uri
from ..core.wording import count, join_names

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# ISO alpha-2 code -> (column, row). Columns run west to east, rows north to
# south, in the order of the sub-regions of data/countries.yml.
GRID = {
    "KZ": (1, 0), "MN": (4, 0),
    "UZ": (0, 1), "KG": (1, 1), "CN": (4, 1), "KR": (5, 1), "JP": (6, 1),
    "PK": (0, 2), "NP": (1, 2), "BD": (2, 2), "MM": (3, 2), "LA": (4, 2),
    "IN": (1, 3), "TH": (3, 3), "KH": (4, 3), "VN": (5, 3), "PH": (6, 3),
    "LK": (1, 4), "MY": (3, 4), "SG": (4, 4),
    "ID": (4, 5), "TL": (5, 5), "PG": (6, 5),
    "FJ": (7, 6),
}  # fmt: skip
TILE = 40
GAP = 4

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def tilemap_view(countries: Countries, studies: list[Study], here: str) -> dict:
    """The tiles of the map as seen from page `here` (a source URI)."""
    studied = {s.country.code: s for s in studies}
    placed = dict(GRID)
    rows = max((row for _, row in GRID.values()), default=0) + 1
    extra = [code for code in studied if code not in placed]
    for n, code in enumerate(extra):
        placed[code] = (n, rows + 1)
    names = {c.code: c.name for c in countries.known()}
    tiles = []
    for code, (column, row) in sorted(placed.items(), key=lambda item: item[1][::-1]):
        study = studied.get(code)
        name = study.country.name if study else names.get(code, code)
        tiles.append(
            {
                "code": code,
                "name": name,
                "x": column * (TILE + GAP),
                "y": row * (TILE + GAP),
                "studied": study is not None,
                "url": relative_url(study_uri(study.slug), here) if study else "",
            }
        )
    width = (max(c for c, _ in placed.values()) + 1) * (TILE + GAP) - GAP
    height = (max(r for _, r in placed.values()) + 1) * (TILE + GAP) - GAP
    studied_names = [s.country.name_in_sentence for s in studies]
    return {
        "tiles": tiles,
        "size": TILE,
        "width": width,
        "height": height,
        "label": f"Countries studied: {join_names(studied_names)}" if studies else "",
        "caption": (
            f"{count(len(studies), 'country', 'countries').capitalize()} studied, in colour;"
            " other countries of the region in grey. One square per country, placed"
            " roughly as on a map: a schematic, not to scale."
        ),
    }
