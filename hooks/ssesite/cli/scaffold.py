"""`make new-study COUNTRY=<ISO code>`: start a new country case study.

Writes `studies/<slug>/index.md` (every front-matter field present and
explained by a comment, a body following the framework's study parts) and an
empty `studies/<slug>/references.bib`. The result passes `make check` at once
as a draft. Refuses, with a message and exit status 1, an unknown code, a
country without a sub-region in data/countries.yml, and a country or folder
that already has a study.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..content.countries import Country, load_countries
from ..content.framework import STUDY_VOCABULARIES, load_framework
from ..content.studies import NOT_STUDIES, Study
from ..core.problems import Problems, describe
from ..core.render import text_environment, yaml_scalar
from ..core.yamlsource import split_front_matter
from .templatefields import template_fields

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TEMPLATES_DIR = Path(__file__).resolve().parent / "scaffold_templates"
CODE_EXPECTED = "an ISO 3166-1 alpha-2 country code such as 'KR' or 'TH'"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class Refused(Exception):
    """The study cannot be created; the message says why and what to do."""


@dataclass(frozen=True)
class Created:
    slug: str
    files: list[Path]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def slugify(name: str) -> str:
    """'Republic of Korea' -> 'republic-of-korea'; "Côte d'Ivoire" -> 'cote-divoire'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’]", "", ascii_name.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def new_study(root: Path, code: str, today: dt.date) -> Created:
    """Create the study of country `code` under `root`; raise Refused when it cannot."""
    problems = Problems()
    countries = load_countries(root / "data" / "countries.yml", "data/countries.yml", problems)
    framework = load_framework(root / "data" / "framework.yml", "data/framework.yml", problems)
    if problems:
        # The vocabulary in the comments and the sub-region come from these files.
        listed = "\n".join(f"  {p}" for p in problems.sorted())
        raise Refused(f"Fix the data files first (run `make check`):\n{listed}")

    country = _country(countries, code)
    studies_dir = root / "studies"
    existing = existing_studies(studies_dir).get(country.code)
    if existing is not None:
        raise Refused(
            f"COUNTRY: a study of {country.name} ({country.code}) already exists: "
            f"{existing.relative_to(root).as_posix()}. Edit that study instead."
        )
    slug = slugify(country.name)
    folder = studies_dir / slug
    if folder.exists():
        raise Refused(
            f"COUNTRY: the folder studies/{slug}/ for {country.name} already exists; "
            "expected no folder of that name. Rename or remove it first."
        )

    vocabularies = {name: framework.ids(name) for name in STUDY_VOCABULARIES}
    vocabularies["subregions"] = countries.subregion_ids
    summary = (
        "To be written: what this study of the social and solidarity economy in\n"
        f"{country.name_in_sentence} maps and what it finds."
    )
    values = {
        "title": yaml_scalar(f"The social and solidarity economy in {country.name_in_sentence}"),
        "country": country.code,
        "subregion": country.subregion,
        "written": today.isoformat(),
        "revised": today.isoformat(),
        "summary": ">-\n" + textwrap.indent(summary, "  "),
    }
    context = {
        "country": country,
        "fields": template_fields(Study, values, vocabularies),
        "parts": [part.label for part in framework.study_parts],
    }
    env = text_environment(TEMPLATES_DIR)
    folder.mkdir(parents=True)
    files = []
    for name in ("index.md", "references.bib"):
        path = folder / name
        path.write_text(env.get_template(f"{name}.jinja").render(**context), encoding="utf-8")
        files.append(path)
    return Created(slug, files)


def existing_studies(studies_dir: Path) -> dict[str, Path]:
    """Country code -> index.md of every study that names one (broken ones too)."""
    found: dict[str, Path] = {}
    if not studies_dir.is_dir():
        return found
    for index in sorted(studies_dir.glob("*/index.md")):
        if index.parent.name in NOT_STUDIES:
            continue
        front, _, _ = split_front_matter(index.read_text(encoding="utf-8"))
        try:
            data = yaml.safe_load(front or "")
        except yaml.YAMLError:
            continue
        code = data.get("country") if isinstance(data, dict) else None
        if isinstance(code, str):
            found.setdefault(code.strip().upper(), index)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make new-study COUNTRY=<code>",
        description="Start a new country case study as a draft.",
    )
    parser.add_argument("country", nargs="?", default="", help="ISO 3166-1 alpha-2 code, e.g. TH")
    parser.add_argument("--root", default=".", type=Path, help="project root (default: .)")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="the date written (and revised) of the new study",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not args.country.strip():
        print(
            "COUNTRY: required; expected an ISO 3166-1 alpha-2 country code, "
            "e.g. make new-study COUNTRY=TH",
            file=sys.stderr,
        )
        return 2
    try:
        created = new_study(root, args.country, args.today or dt.date.today())
    except Refused as refusal:
        print(str(refusal), file=sys.stderr)
        return 1
    names = " and ".join(path.relative_to(root).as_posix() for path in created.files)
    print(f"Created {names} (status: draft).")
    print(
        "Next: fill in the front matter and the text, run `make check`, and preview "
        f"the page at countries/{created.slug}/ with `make serve`."
    )
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _country(countries, code: str) -> Country:
    value = code.strip()
    country = countries.get(value.upper()) if len(value) == 2 else None
    if country is None:
        hint = countries.suggest(value) or _suggest_by_name(countries, value)
        message = f"COUNTRY: expected {CODE_EXPECTED}, found {describe(value)}"
        raise Refused(message + (f". {hint}" if hint else ""))
    if not country.subregion:
        raise Refused(
            f"COUNTRY: {country.name} ({country.code}) is not listed in data/countries.yml, "
            "which gives each country its display name and sub-region; expected it there. "
            "Add it, then run make new-study again."
        )
    return country


def _suggest_by_name(countries, value: str) -> str:
    # 'Korea' or 'vietnam': match the project's display names loosely.
    wanted = re.sub(r"[^a-z]", "", value.casefold())
    if len(wanted) < 3:
        return ""
    for country in countries.known():
        if wanted in re.sub(r"[^a-z]", "", country.name.casefold()):
            return f"Did you mean '{country.code}' ({country.name})?"
    return ""


if __name__ == "__main__":
    sys.exit(main())
