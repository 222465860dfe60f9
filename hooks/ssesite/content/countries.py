"""Countries: ISO 3166-1 alpha-2 codes, display names and sub-regions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pycountry

from ..core.fields import Record
from ..core.problems import Problems
from ..core.reading import read_text
from ..core.yamlsource import load_yaml

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Subregion:
    id: str
    label: str


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    """Display name, e.g. 'Republic of Korea'."""
    name_in_sentence: str
    """The name inside a sentence, e.g. 'the Philippines'."""
    subregion: str | None
    """Expected sub-region id, when the project knows it."""


class Countries:
    """The ISO list, with the project's display names and sub-regions."""

    def __init__(self, subregions: list[Subregion], known: dict[str, Country]):
        self.subregions = subregions
        self.subregion_ids = [s.id for s in subregions]
        self._known = known
        self.broken = False
        """True when data/countries.yml has problems (studies are then not checked against it)."""

    def get(self, code: str) -> Country | None:
        """The country with ISO alpha-2 `code` (upper case), or None."""
        if code in self._known:
            return self._known[code]
        iso = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        if iso is None:
            return None
        name = getattr(iso, "common_name", None) or iso.name
        return Country(code, name, name, None)

    def known(self) -> list[Country]:
        """The countries of data/countries.yml, in file order."""
        return list(self._known.values())

    def subregion(self, id: str) -> Subregion | None:
        return next((s for s in self.subregions if s.id == id), None)

    def suggest(self, value: str) -> str:
        """A hint for an unknown code: the alpha-2 code of a name or alpha-3 code."""
        try:
            iso = pycountry.countries.lookup(value)
        except LookupError:
            return ""
        return f"Did you mean '{iso.alpha_2}' ({self.get(iso.alpha_2).name})?"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_countries(path: Path, file: str, problems: Problems) -> Countries:
    """Read data/countries.yml; problems go to `problems`."""
    before = len(problems)
    countries = _read_countries(path, file, problems)
    countries.broken = len(problems) > before
    return countries


def _read_countries(path: Path, file: str, problems: Problems) -> Countries:
    subregions: list[Subregion] = []
    known: dict[str, Country] = {}
    text = read_text(path, file, problems)
    located = load_yaml(text, file, problems) if text is not None else None
    if located is None:
        return Countries(subregions, known)
    root = Record(located, file, problems)
    if not root.is_mapping():
        return Countries(subregions, known)
    root.check_keys(["subregions", "countries"])
    for item in root.items("subregions", required=True):
        if item.is_mapping():
            item.check_keys(["id", "label"])
            id, label = item.text("id"), item.text("label")
            if id and label:
                subregions.append(Subregion(id, label))
    ids = [s.id for s in subregions]
    table = root.raw("countries")
    if not isinstance(table, dict):
        root.expected("countries", "a mapping of ISO codes to names", table)
        return Countries(subregions, known)
    for code, data in table.items():
        entry = root.child("countries", table).child(code, data)
        if not isinstance(code, str) or pycountry.countries.get(alpha_2=code) is None:
            entry.expected(None, "an ISO 3166-1 alpha-2 country code", code)
            continue
        if not entry.is_mapping():
            continue
        entry.check_keys(["name", "subregion", "name_in_sentence"])
        name = entry.text("name")
        subregion = entry.choice("subregion", ids)
        sentence = entry.text("name_in_sentence", required=False) or name
        if name:
            known[code] = Country(code, name, sentence, subregion)
    return Countries(subregions, known)
