"""Each record's fields, declared once, on the dataclass that models it.

A field of a data file is declared where the model class names it:

    title: str = declare(Text(), "The study's title.")
    phase: int = declare(Integer(low=1, high=99), "The project phase.",
                         required=False, default=1)

The declaration says the YAML key, its kind (what a value must look like and
how it is read), whether it is required, the allowed values and a help text.
From it follow the keys a loader accepts (`keys`), the reading and checking
of each field (`read`), the comments of the scaffold (`cli.scaffold`) and the
field tables of data/README.md (`cli.fieldsdoc`). Attributes declared
without `declare` (a source path, a line) are not fields of the file.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass

from .fields import SLUG, Record
from .problems import one_of
from .sources import expected_source, non_source

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SPEC = "ssesite.schema"
URL = re.compile(r"^https?://\S+$")

# A loader's reader for one field: (record, key, values read so far) -> value or None
Reader = Callable[[Record, str, dict], object]

# -----------------------------------------------------------------------------
# Kinds: what a value must look like, and how it is read
# -----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Kind:
    expected: str = ""
    """What a wrong value is told it should be."""
    empty: object = None
    """The value of an optional field left out, unless the class gives a default."""

    def read(self, record: Record, field: Field, vocabularies: Mapping) -> object:
        raise TypeError(f"the field {field.key!r} ({type(self).__name__}) needs a reader")

    def values(self, vocabularies: Mapping) -> list[str]:
        """The allowed values, when the kind has a closed list."""
        return []


@dataclass(frozen=True, kw_only=True)
class Text(Kind):
    expected: str = "a text"
    empty: object = ""

    def read(self, record, field, vocabularies):
        return record.text(field.key, required=field.required, expected=self.expected)


@dataclass(frozen=True, kw_only=True)
class Id(Kind):
    """A text of lower-case letters, digits and single hyphens."""

    expected: str = "an id of lower-case letters, digits and single hyphens"

    def read(self, record, field, vocabularies):
        value = record.text(field.key, required=field.required, expected=self.expected)
        if value is not None and not SLUG.match(value):
            record.expected(field.key, self.expected, value)
            return None
        return value


@dataclass(frozen=True, kw_only=True)
class Integer(Kind):
    low: int | None = None
    high: int | None = None
    expected: str = "a whole number"

    def read(self, record, field, vocabularies):
        return record.integer(
            field.key,
            required=field.required,
            low=self.low,
            high=self.high,
            expected=self.expected,
        )


@dataclass(frozen=True, kw_only=True)
class Choice(Kind):
    """One of `choices`, or of the ids of the framework vocabulary `vocabulary`."""

    choices: tuple[str, ...] = ()
    vocabulary: str = ""
    listed_in: str = ""
    """The data file that lists the vocabulary (for the docs)."""
    empty: object = ""

    def values(self, vocabularies):
        return list(vocabularies[self.vocabulary]) if self.vocabulary else list(self.choices)

    def read(self, record, field, vocabularies):
        return record.choice(field.key, self.values(vocabularies), required=field.required)


@dataclass(frozen=True, kw_only=True)
class Date(Kind):
    expected: str = "a date written YYYY-MM-DD"

    def read(self, record, field, vocabularies):
        return record.date(field.key, required=field.required)


@dataclass(frozen=True, kw_only=True)
class Texts(Kind):
    expected: str = "a list of texts"
    empty: object = ()

    def read(self, record, field, vocabularies):
        return record.text_list(field.key, required=field.required, expected=self.expected)


@dataclass(frozen=True, kw_only=True)
class Url(Kind):
    expected: str = "a web address starting https://"
    empty: object = ""
    source: bool = False
    """The address of a source: refused on hosts that are never one (`core.sources`)."""

    def read(self, record, field, vocabularies):
        value = record.text(field.key, required=field.required, expected=self.expected)
        if value and not URL.match(value):
            record.expected(field.key, self.expected, value)
            return ""
        if value and self.source and (kind := non_source(value)):
            record.expected(field.key, expected_source(kind), value)
            return ""
        return value or ""


@dataclass(frozen=True, kw_only=True)
class Urls(Kind):
    expected: str = "a list of web addresses starting https://"
    empty: object = ()
    source: bool = False
    """Addresses of sources: refused on hosts that are never one (`core.sources`)."""

    def read(self, record, field, vocabularies):
        urls = []
        for entry in record.items(field.key, required=field.required, expected=self.expected):
            url = entry.data.strip() if isinstance(entry.data, str) else ""
            if not URL.match(url):
                entry.expected(None, "a web address starting https://", entry.data)
            elif self.source and (kind := non_source(url)):
                entry.expected(None, expected_source(kind), url)
            else:
                urls.append(url)
        return urls


@dataclass(frozen=True, kw_only=True)
class Custom(Kind):
    """Read by the loader's own reader; `expected` is what the docs say it holds."""


@dataclass(frozen=True, kw_only=True)
class Records(Kind):
    """A list of records of the declared class `of` (read by the loader)."""

    of: type | None = None
    empty: object = ()


@dataclass(frozen=True, kw_only=True)
class Nested(Kind):
    """One mapping, a record of the declared class `of` (read by the loader)."""

    of: type | None = None


# -----------------------------------------------------------------------------
# Fields
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    """The attribute of the class."""
    key: str
    """The key in the data file."""
    kind: Kind
    required: bool
    help: str
    example: str = ""
    """YAML the scaffold shows, commented, under the help (optional)."""
    start: str | None = None
    """YAML text the scaffold writes as the field's value (optional fields: none)."""


def declare(
    kind: Kind,
    help: str,
    *,
    required: bool = True,
    key: str | None = None,
    example: str = "",
    start: str | None = None,
    default=MISSING,
    default_factory=MISSING,
):
    """A dataclass field that is a field of the data file (see the module's doc)."""
    spec = dict(kind=kind, required=required, help=help, key=key, example=example, start=start)
    return dataclasses.field(
        default=default, default_factory=default_factory, metadata={SPEC: spec}
    )


@functools.cache
def fields_of(cls: type) -> tuple[Field, ...]:
    """The declared fields of `cls`, in declaration order."""
    found = []
    for attribute in dataclasses.fields(cls):
        spec = attribute.metadata.get(SPEC)
        if spec is not None:
            key = spec["key"] or attribute.name
            found.append(Field(attribute.name, **{**spec, "key": key}))
    return tuple(found)


def keys(cls: type) -> list[str]:
    """The keys a record of `cls` may have, in declaration order."""
    return [field.key for field in fields_of(cls)]


def read(
    record: Record,
    cls: type,
    readers: Mapping[str, Reader] | None = None,
    vocabularies: Mapping[str, list[str]] | None = None,
) -> dict:
    """Check the keys of `record` and read every declared field of `cls`.

    Returns attribute -> value. A required field that is missing or wrong is
    None (its problem is recorded); an optional one left out or wrong takes
    the class's default (or its kind's empty value). `readers` maps a key to
    the loader's own reader, for values checked against other data.
    """
    record.check_keys(keys(cls))
    readers = readers or {}
    values: dict = {}
    for field in fields_of(cls):
        reader = readers.get(field.key)
        if reader is not None:
            value = reader(record, field.key, values)
        else:
            value = field.kind.read(record, field, vocabularies or {})
        if value is None and not field.required:
            value = default_of(cls, field)
        values[field.name] = value
    return values


def complete(cls: type, values: dict) -> bool:
    """True when every required field of `cls` was read."""
    return all(values[f.name] is not None for f in fields_of(cls) if f.required)


def default_of(cls: type, field: Field) -> object:
    attribute = next(a for a in dataclasses.fields(cls) if a.name == field.name)
    if attribute.default is not MISSING:
        return attribute.default
    if attribute.default_factory is not MISSING:
        return attribute.default_factory()
    empty = field.kind.empty
    return list(empty) if isinstance(empty, tuple) else empty


def allowed(field: Field, vocabularies: Mapping) -> str:
    """'one of 'a', 'b'' for a closed list of values, else ''."""
    values = field.kind.values(vocabularies)
    return one_of(values) if values else ""
