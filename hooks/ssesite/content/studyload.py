"""Reading the country studies: `studies/<slug>/index.md` -> `studies.Study`.

`load_studies` reads every study's front matter by the fields its classes
declare (`studies`), checks it against the countries and the framework, and
reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.fields import ORCID, SLUG, Record, read_markdown
from ..core.languages import is_valid_tag
from ..core.problems import Problems, one_of
from ..core.reading import refused
from ..core.schema import complete, read
from ..core.yamlsource import Located
from .countries import Countries, Country, Subregion
from .framework import STUDY_VOCABULARIES, Framework
from .studies import (
    FRAMEWORK_BLOCKS,
    NOT_STUDIES,
    RENAMED,
    Author,
    EcosystemItem,
    Entity,
    Institution,
    Instrument,
    Study,
    StudyFramework,
)
from .studychecks import (
    check_front_matter,
    check_orcid_digit,
    check_unique_countries,
    reserved_slug,
)
from .studytext import check_study_text, downloads
from .translations import Original, load_translations

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
        if refused(entry, root, problems):
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
        if reserved_slug(entry.name, rel, problems):
            continue
        index = entry / "index.md"
        if not index.is_file():
            problems.add(rel, None, "", "expected an index.md in the study folder, found none")
            continue
        study = load_study(root, index, framework, countries, problems)
        if study is not None:
            studies.append(study)
    check_unique_countries(studies, problems)
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
    front = read_markdown(index, file, problems, "a YAML block between two '---' lines", root)
    if front is None:
        return None
    meta, body, body_line = front
    before = len(problems)
    vocabularies = {name: framework.ids(name) for name in STUDY_VOCABULARIES}
    # A broken data file is reported once, not again in every study
    unchecked = Record(meta.located, file, Problems())
    by_countries = meta if not countries.broken else unchecked
    by_framework = meta if not framework.broken else unchecked
    folder = index.parent
    readers = {
        "country": lambda meta, key, values: _country(by_countries, countries),
        "subregion": lambda meta, key, values: _subregion(
            by_countries, countries, values["country"]
        ),
        "authors": lambda meta, key, values: _authors(meta),
        "languages": lambda meta, key, values: _languages(meta),
        "downloads": lambda meta, key, values: downloads(meta, folder),
        "framework": lambda meta, key, values: _framework_block(
            by_framework, vocabularies, _revised_bound(values)
        ),
    }
    vocabularies["subregions"] = countries.subregion_ids
    _renamed_keys(meta, meta.located)
    values = read(meta, Study, readers, vocabularies)
    written, revised = values["written"], values["revised"]
    check_front_matter(meta, values)
    studied = check_study_text(
        body, body_line, file, folder, root, values["status"] == "final", problems
    )
    if written and revised and revised < written:
        meta.expected(
            "revised",
            f"a date on or after written ({written.isoformat()})",
            revised.isoformat(),
        )

    if len(problems) > before or countries.broken or framework.broken:
        return None  # (a broken data file is the problem to report, not every study)
    original = Original(
        source=file,
        languages=tuple(values["languages"]),
        revised=revised,
        revised_field="revised",
        framework=values["framework"],
        framework_of=lambda meta: _framework_block(meta, vocabularies, revised),
    )
    translations = load_translations(root, folder, original, problems)
    return Study(
        slug=folder.name,
        source=file,
        folder=folder,
        body=body,
        body_line=body_line,
        assets=sorted(
            {*studied.assets, *values["downloads"], *(a for t in translations for a in t.assets)}
        ),
        translations=translations,
        country_line=meta.line("country"),
        anchors=studied.scan.anchors,
        addresses=studied.scan.addresses,
        **values,
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
        values = read(item, Author, {"orcid": _orcid})
        if complete(Author, values):
            authors.append(Author(**values))
    return authors


def _orcid(item: Record, key: str, values: dict) -> str:
    orcid = item.text(key, required=False) or ""
    if orcid and not ORCID.match(orcid):
        item.expected(key, "an ORCID iD like 0000-0002-1825-0097", orcid)
    elif orcid:
        check_orcid_digit(item, key, orcid)
    return orcid


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


def _renamed_keys(meta: Record, located: Located) -> None:
    """One problem per renamed key, then read its value under the new name.

    So a study written before the rename gets "write 'written'" once,
    rather than an unknown field and a missing one.
    """
    for old, (new, what) in RENAMED.items():
        if old not in meta.data:
            continue
        meta.expected(old, f"'{new}' ({what}; the field was renamed)", old)
        data = {k: v for k, v in meta.data.items() if k != old}
        if new not in data:
            data[new] = meta.data[old]
            located.lines[(new,)] = meta.line(old)
        meta.data = data


def _revised_bound(values: dict) -> dt.date | None:
    """The study's revised date, when it is valid (statuses are checked by then)."""
    written, revised = values["written"], values["revised"]
    if revised is None or (written and revised < written):
        return None  # its own problem is the one to report
    return revised


def _framework_block(meta: Record, vocabularies: dict, revised: dt.date | None) -> StudyFramework:
    data = meta.raw("framework")
    block = meta.child("framework", data)
    if data is None:
        meta.missing("framework", "the structured data of the analytical framework")
        return StudyFramework()
    if not block.is_mapping(f"a mapping with {one_of(FRAMEWORK_BLOCKS)}"):
        return StudyFramework()

    # Ids are known even when the rest of their instrument is wrong, so that
    # entities citing them are not also reported.
    seen_ids: set[str] = set()

    def instruments(block: Record, key: str, values: dict) -> list[Instrument]:
        found = []
        for item in block.items(key):
            if not item.is_mapping("an instrument: id, title, year, kind, status, checked, source"):
                continue
            readers = {
                "id": _instrument_id(seen_ids),
                "local_lang": _local_lang("local_title"),
                "checked": _checked(revised),
            }
            values = read(item, Instrument, readers, vocabularies)
            if values["id"]:
                seen_ids.add(values["id"])
            if complete(Instrument, values):
                where = (item.line("source"), item.field("source"))
                found.append(Instrument(**values, source_at=where))
        return found

    def entities(block: Record, key: str, values: dict) -> list[Entity]:
        # Read after the instruments (whose ids `basis` names), listed before them
        return _records(
            block,
            key,
            Entity,
            "an entity: type, form and recognition",
            {
                "local_lang": _local_lang("local_name"),
                "basis": lambda item, key, values: _basis(item, seen_ids),
            },
            vocabularies,
        )

    readers = {
        "entities": lambda block, key, values: [],
        "instruments": instruments,
        "institutions": lambda block, key, values: _records(
            block, key, Institution, "an institution: name and role", {}, vocabularies
        ),
        "ecosystem": lambda block, key, values: _records(
            block, key, EcosystemItem, "an ecosystem item: element and note", {}, vocabularies
        ),
    }
    values = read(block, StudyFramework, readers, vocabularies)
    values["entities"] = entities(block, "entities", values)
    return StudyFramework(**values)


def _records(block: Record, key: str, cls: type, what: str, readers: dict, vocabularies: dict):
    found = []
    for item in block.items(key):
        if not item.is_mapping(what):
            continue
        values = read(item, cls, readers, vocabularies)
        if complete(cls, values):
            found.append(cls(**values))
    return found


def _instrument_id(seen_ids: set[str]):
    def reader(item: Record, key: str, values: dict) -> str | None:
        id = item.text(key, expected="a short id such as 'sepa-2007'")
        if id and not SLUG.match(id):
            item.expected(key, "an id of lower-case letters, digits and hyphens", id)
            return None
        if id in seen_ids:
            item.expected(key, "an id used once per study", id)
            return None
        return id

    return reader


def _checked(revised: dt.date | None):
    """The reader of the date a status was checked: not after the study was revised.

    Checking a status is revising the text, so the study's revised date
    moves with it. The source's key is checked against the bibliographies
    later (`citations.load.check_status_sources`).
    """

    def reader(item: Record, key: str, values: dict) -> dt.date | None:
        checked = item.date(key)
        if checked and revised and checked > revised:
            item.expected(
                key,
                f"a date on or before the study's revised date ({revised.isoformat()})",
                checked.isoformat(),
            )
        return checked

    return reader


def _basis(item: Record, seen_ids: set[str]) -> str:
    basis = item.text("basis", required=False) or ""
    if basis and basis not in seen_ids:
        item.expected(
            "basis",
            "the id of an instrument listed under framework.instruments"
            + (f" ({', '.join(sorted(seen_ids))})" if seen_ids else ""),
            basis,
        )
    return basis


def _local_lang(name_key: str):
    """The reader of a local-language name's tag, which goes with `name_key`."""

    def reader(item: Record, key: str, values: dict) -> str:
        lang = item.text(key, required=False) or ""
        if values.get(name_key) and not lang:
            item.missing(key, f"the BCP 47 language tag of {name_key}, e.g. 'ko'")
        if lang and not is_valid_tag(lang):
            item.expected(key, "a BCP 47 language tag such as 'ko' or 'zh-Hans'", lang)
        return lang

    return reader
