"""Reading the glossary of SSE terms: `data/glossary.yml` -> `model.Glossary`.

`load_glossary` reads and checks the data file, reporting every problem at
once (YAML errors, unknown fields, duplicate ids, terms, aliases or plurals
across all terms compared ignoring case, unknown related ids, missing or too
long definitions, invalid language tags, bad sources). Every message names
the term through its id: `cooperative.related[2]: ...`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..content.countries import Countries
from ..core.fields import SLUG, Record
from ..core.languages import is_valid_tag
from ..core.problems import Problems, did_you_mean
from ..core.reading import read_text
from ..core.schema import complete, keys, read
from ..core.sources import expected_source, non_source
from ..core.yamlsource import Located, format_path, load_yaml
from .matcher import tokens_ok
from .model import COUNTRY, Category, Glossary, LocalName, Source, Term, Variant, name_key

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


# The definition is the tooltip: it must stay readable in a small box.
MAX_DEFINITION = 300


# Frequent mistakes in language tags, for the did-you-mean hint.
TAG_HINTS = {
    "jp": "ja",
    "cn": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh_cn": "zh-Hans",
    "vn": "vi",
    "kor": "ko",
    "jpn": "ja",
    "ph": "fil",
    "tl-ph": "fil",
    "my-ms": "ms",
}

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class _TermRecord(Record):
    """A term's record; its fields are named after the term's id, so every
    message says which term it is about ("cooperative.related[2]")."""

    def __init__(self, located: Located, file: str, problems: Problems, path, data, name: str):
        super().__init__(located, file, problems, path, data)
        self.name = name

    def field(self, key: str | int | None = None) -> str:
        rest = self.path[2:] if key is None else (*self.path[2:], key)
        return format_path((self.name, *rest))

    def child(self, key: str | int, data: object) -> _TermRecord:
        return self._wrap((*self.path, key), data)

    def items(self, key: str, *, required: bool = False, expected="a list") -> Iterator[Record]:
        for item in super().items(key, required=required, expected=expected):
            yield self._wrap(item.path, item.data)

    def _wrap(self, path, data) -> _TermRecord:
        return _TermRecord(self.located, self.file, self.problems, path, data, self.name)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_glossary(
    path: Path,
    file: str,
    problems: Problems,
    bib_keys: Iterable[str] | None = None,
    countries: Countries | None = None,
) -> Glossary:
    """Read the glossary; problems go to `problems`. A missing file is an empty glossary.

    `bib_keys`: the keys of the bibliography, when the project has one; a
    `source.bib` key is then checked against them. `countries`: the known
    countries, against which the variants' `country` codes are checked.
    """
    if not path.exists() and not path.is_symlink():
        return Glossary()
    text = read_text(path, file, problems)
    if text is None:
        return Glossary()
    located = load_yaml(text, file, problems)
    if located is None:
        return Glossary()
    root = Record(located, file, problems)
    if not root.is_mapping():
        return Glossary()
    root.check_keys(keys(Glossary))
    categories = _categories(root)
    known_bib = set(bib_keys) if bib_keys is not None else None

    # Names and related ids are checked for every term, even one with other
    # problems, so that a single run reports everything.
    records: list[_TermRecord] = []
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    for index, item in enumerate(root.items("terms", required=True, expected="a list of terms")):
        record = _term_record(item, index)
        if not record.is_mapping("a term (id, term, definition, ...)"):
            continue
        records.append(record)
        term = _read_term(record, categories, seen_ids, known_bib, countries)
        if term is not None:
            terms.append(term)

    _check_names(records, problems, file)
    _check_related(records, set(seen_ids))
    return Glossary(categories, terms)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _categories(root: Record) -> list[Category]:
    categories: list[Category] = []
    seen: dict[str, int] = {}
    for item in root.items("categories", required=True, expected="a list of categories"):
        if not item.is_mapping("a category (id and label)"):
            continue
        item.check_keys(keys(Category))
        id, label = item.text("id"), item.text("label")
        if id and id in seen:
            item.problems.add(
                item.file,
                item.line("id"),
                item.field("id"),
                f"the category {id!r} is already defined on line {seen[id]}; "
                "expected each category once",
            )
            continue
        if id and label:
            seen[id] = item.line("id")
            categories.append(Category(id, label))
    return categories


def _term_record(item: Record, index: int) -> _TermRecord:
    raw = item.raw("id")
    name = raw if isinstance(raw, str) and SLUG.match(raw) else f"terms[{index}]"
    return _TermRecord(item.located, item.file, item.problems, item.path, item.data, name)


def _read_term(
    record: _TermRecord,
    categories: list[Category],
    seen_ids: dict[str, int],
    known_bib: set[str] | None,
    countries: Countries | None = None,
) -> Term | None:
    readers = {
        "id": lambda record, key, values: _read_id(record, seen_ids),
        "term": lambda record, key, values: _name(
            record, key, record.text(key, expected="the term as it is written")
        ),
        "aliases": lambda record, key, values: tuple(_names(record, key)),
        "plurals": lambda record, key, values: (
            tuple(_names(record, key)) if record.raw(key) is not None else None
        ),
        "autolink": lambda record, key, values: record.flag(key, default=True),
        "definition": lambda record, key, values: _definition(record),
        "source": lambda record, key, values: _source(record, known_bib),
        "local_names": lambda record, key, values: tuple(_local_names(record)),
        "variants": lambda record, key, values: tuple(_variants(record, known_bib, countries)),
    }
    vocabularies = {"categories": [c.id for c in categories]}
    values = read(record, Term, readers, vocabularies)
    values["related"] = tuple(values["related"])
    return Term(**values, line=record.line()) if complete(Term, values) else None


def _variants(
    record: _TermRecord, known_bib: set[str] | None, countries: Countries | None
) -> list[Variant]:
    """The term's country variants: a known country once each, a short definition, a source."""
    variants: list[Variant] = []
    seen: dict[str, int] = {}
    for item in record.items("variants", expected="a list of country variants"):
        if not item.is_mapping("a variant: country, definition and source"):
            continue
        readers = {
            "country": lambda item, key, values: _variant_country(item, countries, seen),
            "definition": lambda item, key, values: _definition(item),
            "source": lambda item, key, values: _source(item, known_bib),
        }
        values = read(item, Variant, readers)
        if complete(Variant, values):
            variants.append(Variant(**values))
    return variants


def _variant_country(item: Record, countries: Countries | None, seen: dict[str, int]):
    code = item.text("country", expected=COUNTRY)
    if code and countries is not None and countries.get(code) is None:
        item.expected("country", COUNTRY, code, countries.suggest(code))
    elif code in seen:
        once = f"one variant per country ('{code}' is also on line {seen[code]})"
        item.expected("country", once, code)
    elif code:
        seen[code] = item.line("country")
        return code
    return None


def _read_id(record: _TermRecord, seen_ids: dict[str, int]) -> str | None:
    expected = "an id of lower-case letters, digits and hyphens, such as 'social-enterprise'"
    id = record.text("id", expected=expected)
    if id is None:
        return None
    if not SLUG.match(id):
        record.expected("id", expected, id)
        return None
    if id in seen_ids:
        record.problems.add(
            record.file,
            record.line("id"),
            record.field("id"),
            f"the id is already used by the term on line {seen_ids[id]}; expected a unique id",
        )
        return None
    seen_ids[id] = record.line()
    return id


def _name(record: Record, key: str | int, value: str | None) -> str | None:
    """Check one name (term, alias or plural) can be matched in text."""
    if value is None:
        return None
    value = " ".join(value.split())
    if not tokens_ok(value):
        record.expected(
            key,
            'a name that starts and ends with a letter or digit and contains no <, > or "',
            value,
        )
        return None
    return value


def _names(record: _TermRecord, key: str) -> list[str]:
    names: list[str] = []
    for item in record.items(key, expected="a list of names"):
        data = item.data
        if (
            isinstance(data, bool)
            or not isinstance(data, str | int | float)
            or not str(data).strip()
        ):
            item.expected(None, "a name", data)
            continue
        name = _name(item, None, str(data))
        if name:
            names.append(name)
    return names


def _definition(record: _TermRecord) -> str | None:
    text = record.text("definition", expected="a short definition in your own words")
    if text is None:
        return None
    text = " ".join(text.split())
    if len(text) > MAX_DEFINITION:
        record.problems.add(
            record.file,
            record.line("definition"),
            record.field("definition"),
            f"expected a short definition of at most {MAX_DEFINITION} characters "
            f"(move the rest to 'note'), found {len(text)} characters",
        )
        return None
    return text


def _source(record: _TermRecord, known_bib: set[str] | None) -> Source | None:
    value = record.raw("source")
    expected = "a mapping with 'url' (a web address) or 'bib' (a bibliography key)"
    if value is None:
        record.missing("source", expected)
        return None
    source = record.child("source", value)
    if not source.is_mapping(expected):
        return None
    source.check_keys(keys(Source))
    url = source.text("url", required=False)
    bib = source.text("bib", required=False)
    label = source.text("label", required=False) or ""
    if url and bib:
        source.problems.add(
            source.file, source.line(), source.field(), "expected 'url' or 'bib', found both"
        )
        return None
    if not url and not bib:
        if "url" not in value and "bib" not in value:
            source.problems.add(
                source.file,
                source.line(),
                source.field(),
                f"expected {expected}, found neither",
            )
        return None
    if url and not re.match(r"^https?://\S+$", url):
        source.expected("url", "a web address starting with https:// or http://", url)
        return None
    if url and (kind := non_source(url)):
        source.expected("url", expected_source(kind), url)
        return None
    if bib and known_bib is not None and bib not in known_bib:
        source.expected("bib", "a key of the bibliography", bib, did_you_mean(bib, known_bib))
        return None
    return Source(url=url or "", bib=bib or "", label=label)


def _local_names(record: _TermRecord) -> list[LocalName]:
    names: list[LocalName] = []
    expected_tag = "a BCP 47 language tag such as 'ko', 'ja' or 'zh-Hans'"
    for item in record.items("local_names", expected="a list of {lang, text} entries"):
        if not item.is_mapping("a local name with 'lang' and 'text'"):
            continue
        item.check_keys(keys(LocalName))
        lang = item.text("lang", expected=expected_tag)
        text = item.text("text", expected="the name in that language")
        if lang is not None and not is_valid_tag(lang):
            hint = TAG_HINTS.get(lang.lower(), "")
            item.expected("lang", expected_tag, lang, f"Did you mean '{hint}'?" if hint else "")
            continue
        if lang and text:
            names.append(LocalName(lang, text))
    return names


def _check_names(records: list[_TermRecord], problems: Problems, file: str) -> None:
    """Every term, alias and plural names one term only (ignoring case)."""
    owners: dict[str, tuple[str, int]] = {}
    for record in records:
        fields: list[tuple[tuple, object]] = [(("term",), record.raw("term"))]
        for key in ("aliases", "plurals"):
            fields += [((key, i), name) for i, name in enumerate(_raw_names(record, key))]
        for path, name in fields:
            if not isinstance(name, str) or not name.strip():
                continue
            key = name_key(name)
            line = record.located.line((*record.path, *path))
            if key in owners:
                owner, owner_line = owners[key]
                whose = "this term" if owner == record.name else f"the term {owner!r}"
                problems.add(
                    file,
                    line,
                    format_path((record.name, *path)),
                    f"{name!r} already names {whose} (line {owner_line}); expected every "
                    "term, alias and plural to name one term only (compared ignoring case)",
                )
            else:
                owners[key] = (record.name, line)


def _raw_names(record: Record, key: str) -> list[object]:
    value = record.raw(key)
    return value if isinstance(value, list) else []


def _check_related(records: list[_TermRecord], ids: set[str]) -> None:
    for record in records:
        listed = record.child("related", record.raw("related"))
        for index, related in enumerate(_raw_names(record, "related")):
            if not isinstance(related, str):
                continue  # reported when the list was read
            related = related.strip()
            if related == record.raw("id"):
                listed.expected(index, "the id of another term", related)
            elif related not in ids:
                hint = did_you_mean(related, sorted(ids))
                listed.expected(index, "the id of a term in this file", related, hint)
