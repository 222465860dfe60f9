"""Reading the country studies: `studies/<slug>/index.md` -> `studies.Study`.

`load_studies` reads every study's front matter field by field, checks it
against the countries and the framework, and reports every problem at once.
"""

from __future__ import annotations

from pathlib import Path

from ..core.fields import ORCID, SLUG, Record
from ..core.languages import is_valid_tag
from ..core.problems import Problems, one_of
from ..core.yamlsource import load_yaml, split_front_matter
from .countries import Countries, Country, Subregion
from .framework import Framework
from .studies import (
    FIELDS,
    FRAMEWORK_BLOCKS,
    NOT_STUDIES,
    STATUSES,
    Author,
    EcosystemItem,
    Entity,
    Institution,
    Instrument,
    Study,
)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_studies(
    root: Path,
    studies_dir: Path,
    framework: Framework,
    countries: Countries,
    problems: Problems,
) -> list[Study]:
    """Read every study under `studies_dir`, sorted by slug."""
    studies: list[Study] = []
    if not studies_dir.is_dir():
        return studies
    for entry in sorted(studies_dir.iterdir()):
        rel = entry.relative_to(root).as_posix()
        if entry.name.startswith(".") or entry.name in NOT_STUDIES:
            continue
        if not entry.is_dir():
            problems.add(
                rel,
                None,
                "",
                "expected a study folder studies/<slug>/ holding an index.md, found a file",
            )
            continue
        if not SLUG.match(entry.name):
            problems.add(
                rel,
                None,
                "",
                "expected a folder name (the study's slug) of lower-case letters, digits "
                f"and single hyphens, found {entry.name!r}",
            )
            continue
        index = entry / "index.md"
        if not index.is_file():
            problems.add(rel, None, "", "expected an index.md in the study folder, found none")
            continue
        study = load_study(root, index, framework, countries, problems)
        if study is not None:
            studies.append(study)
    _check_unique_countries(studies, problems)
    return studies


def load_study(
    root: Path,
    index: Path,
    framework: Framework,
    countries: Countries,
    problems: Problems,
) -> Study | None:
    """Read one study; None when its front matter is too broken to model."""
    file = index.relative_to(root).as_posix()
    text = index.read_text(encoding="utf-8")
    front, body, body_line = split_front_matter(text)
    if front is None:
        problems.add(
            file,
            1,
            "",
            "expected front matter (a YAML block between two '---' lines) at the top "
            "of the file, found none",
        )
        return None
    located = load_yaml(front, file, problems, line_offset=1)
    if located is None:
        return None
    meta = Record(located, file, problems)
    if not meta.is_mapping("front matter made of 'field: value' lines"):
        return None
    before = len(problems)
    meta.check_keys(FIELDS)

    title = meta.text("title")
    country = _country(meta, countries)
    subregion = _subregion(meta, countries, country)
    authors = _authors(meta)
    status = meta.choice("status", STATUSES)
    first_draft = meta.date("first_draft")
    last_revised = meta.date("last_revised")
    if first_draft and last_revised and last_revised < first_draft:
        meta.expected(
            "last_revised",
            f"a date on or after first_draft ({first_draft.isoformat()})",
            last_revised.isoformat(),
        )
    summary = meta.text("summary")
    languages = _languages(meta)
    keywords = meta.text_list("keywords")
    phase = meta.integer(
        "phase", required=False, low=1, high=99, expected="a phase number such as 1"
    )
    study_framework = _framework_block(meta, framework)

    if len(problems) > before:
        return None
    folder = index.parent
    return Study(
        slug=folder.name,
        source=file,
        folder=folder,
        title=title,
        country=country,
        subregion=subregion,
        authors=authors,
        status=status,
        first_draft=first_draft,
        last_revised=last_revised,
        summary=summary,
        languages=languages,
        keywords=keywords,
        phase=phase or 1,
        body=body,
        body_line=body_line,
        assets=sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "index.md"),
        **study_framework,
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _country(meta: Record, countries: Countries) -> Country | None:
    expected = "an ISO 3166-1 alpha-2 country code such as 'KR'"
    code = meta.raw("country")
    if code is None:
        meta.missing("country", expected)
        return None
    country = countries.get(code) if isinstance(code, str) else None
    if country is None:
        hint = countries.suggest(code) if isinstance(code, str) else ""
        meta.expected("country", expected, code, hint)
    return country


def _subregion(meta: Record, countries: Countries, country: Country | None) -> Subregion | None:
    id = meta.choice("subregion", countries.subregion_ids)
    if id and country and country.subregion and id != country.subregion:
        meta.expected(
            "subregion",
            f"'{country.subregion}' for {country.name} (data/countries.yml)",
            id,
        )
        return None
    return countries.subregion(id) if id else None


def _authors(meta: Record) -> list[Author]:
    authors: list[Author] = []
    if meta.raw("authors") is None and "authors" not in (meta.data or {}):
        meta.missing("authors", "a list of authors (an empty list [] while a draft has none)")
        return authors
    for item in meta.items("authors", expected="a list of authors, each with name and affiliation"):
        if not item.is_mapping("an author: name, affiliation and optional orcid"):
            continue
        item.check_keys(["name", "affiliation", "orcid"])
        name = item.text("name")
        affiliation = item.text("affiliation")
        orcid = item.text("orcid", required=False) or ""
        if orcid and not ORCID.match(orcid):
            item.expected("orcid", "an ORCID iD like 0000-0002-1825-0097", orcid)
        if name and affiliation:
            authors.append(Author(name, affiliation, orcid))
    return authors


def _languages(meta: Record) -> list[str]:
    tags = meta.text_list("languages", required=True, expected="a list of BCP 47 language tags")
    for index, tag in enumerate(tags):
        if not is_valid_tag(tag):
            meta.child("languages", tags).expected(
                index, "a BCP 47 language tag such as 'en', 'ko' or 'zh-Hans'", tag
            )
    if "languages" in (meta.data or {}) and not tags and isinstance(meta.raw("languages"), list):
        meta.expected("languages", "at least one language tag", "an empty list")
    return tags


def _framework_block(meta: Record, framework: Framework) -> dict:
    data = meta.raw("framework")
    block = meta.child("framework", data)
    result: dict = {name: [] for name in FRAMEWORK_BLOCKS}
    if data is None:
        meta.missing("framework", "the structured data of the analytical framework")
        return result
    if not block.is_mapping(f"a mapping with {one_of(FRAMEWORK_BLOCKS)}"):
        return result
    block.check_keys(FRAMEWORK_BLOCKS)

    instruments = result["instruments"]
    seen_ids: set[str] = set()
    for item in block.items("instruments"):
        if not item.is_mapping("an instrument: id, title, year, kind, status"):
            continue
        item.check_keys(
            ["id", "title", "local_title", "local_lang", "year", "kind", "status", "note"]
        )
        id = item.text("id", expected="a short id such as 'sepa-2007'")
        if id and not SLUG.match(id):
            item.expected("id", "an id of lower-case letters, digits and hyphens", id)
            id = None
        elif id in seen_ids:
            item.expected("id", "an id used once per study", id)
            id = None
        values = dict(
            title=item.text("title"),
            year=item.integer(
                "year", required=False, low=1800, high=2100, expected="a year such as 2007"
            ),
            kind=item.choice("kind", framework.ids("instrument_kinds")),
            status=item.choice("status", framework.ids("instrument_statuses")),
            **_local(item, "local_title"),
            note=item.text("note", required=False) or "",
        )
        if id:
            # Known even when the rest is wrong, so entities citing it are not also reported
            seen_ids.add(id)
        if id and None not in [values[k] for k in ("title", "kind", "status")]:
            instruments.append(Instrument(id=id, **values))

    for item in block.items("entities"):
        if not item.is_mapping("an entity: type, form and recognition"):
            continue
        item.check_keys(
            ["type", "form", "local_name", "local_lang", "recognition", "basis", "note"]
        )
        basis = item.text("basis", required=False) or ""
        if basis and basis not in seen_ids:
            item.expected(
                "basis",
                "the id of an instrument listed under framework.instruments"
                + (f" ({', '.join(sorted(seen_ids))})" if seen_ids else ""),
                basis,
            )
        values = dict(
            type=item.choice("type", framework.ids("entity_types")),
            form=item.text("form"),
            recognition=item.choice("recognition", framework.ids("recognition_levels")),
            **_local(item, "local_name"),
            basis=basis,
            note=item.text("note", required=False) or "",
        )
        if None not in values.values():
            result["entities"].append(Entity(**values))

    for item in block.items("institutions"):
        if not item.is_mapping("an institution: name and role"):
            continue
        item.check_keys(["name", "role", "note"])
        values = dict(
            name=item.text("name"),
            role=item.choice("role", framework.ids("institution_roles")),
            note=item.text("note", required=False) or "",
        )
        if None not in values.values():
            result["institutions"].append(Institution(**values))

    for item in block.items("ecosystem"):
        if not item.is_mapping("an ecosystem item: element and note"):
            continue
        item.check_keys(["element", "note"])
        values = dict(
            element=item.choice("element", framework.ids("ecosystem_elements")),
            note=item.text("note"),
        )
        if None not in values.values():
            result["ecosystem"].append(EcosystemItem(**values))
    return result


def _local(item: Record, key: str) -> dict:
    """A local-language name and its language tag, which go together."""
    text = item.text(key, required=False) or ""
    lang = item.text("local_lang", required=False) or ""
    if text and not lang:
        item.missing("local_lang", f"the BCP 47 language tag of {key}, e.g. 'ko'")
    if lang and not is_valid_tag(lang):
        item.expected("local_lang", "a BCP 47 language tag such as 'ko' or 'zh-Hans'", lang)
    return {key: text, "local_lang": lang}


def _check_unique_countries(studies: list[Study], problems: Problems) -> None:
    first: dict[tuple[str, int], Study] = {}
    for study in studies:
        other = first.setdefault((study.country.code, study.phase), study)
        if other is not study:
            problems.add(
                study.source,
                None,
                "country",
                f"expected one study per country and phase, found '{study.country.code}' "
                f"({study.country.name}) in phase {study.phase} also used by {other.source}",
            )
