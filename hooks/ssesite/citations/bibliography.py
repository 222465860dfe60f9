"""Bibliography files: parse and check `.bib` files with pybtex.

The shared bibliography (`data/references.bib`) and each study's
`studies/<slug>/references.bib` are parsed once per build. Every problem is
reported with its file and line: a syntax error, a key that cannot be cited,
a key defined twice in one file, a key defined in two files with different
content, an entry without a title, a malformed year, URL or DOI, a URL on a
host that is never a source (`core.sources`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyDataError, Entry
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError

from ..core.problems import Problems
from ..core.reading import read_text
from ..core.sources import expected_source, non_source
from .bibmacros import check_macros

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_:./-]*[A-Za-z0-9_])?"
"""A citation key: letters, digits and `_ : . - /`, starting and ending with a
letter, digit or underscore (so `[@key.]` and `[@key:]` end at the key)."""

KEY_RE = re.compile(rf"^{KEY}$")

# The head of an entry, `@type{key,`: pybtex reports neither the line of an
# entry nor of a duplicate, so heads are located here.
ENTRY_HEAD = re.compile(
    r"@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(]\s*(?P<key>[^,\s{}()=\"#%]*)\s*(?P<next>[^\n]?)"
)
NOT_ENTRIES = {"comment", "string", "preamble"}

YEAR = re.compile(r"^\d{4}$")
DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https?://\S+$")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BibEntry:
    """One entry of a bibliography file, with where it was defined."""

    key: str
    entry: Entry
    file: str
    line: int

    @property
    def signature(self) -> tuple:
        """What makes two definitions of a key the same entry."""
        fields = tuple(
            sorted(
                (name.lower(), " ".join(value.split())) for name, value in self.entry.fields.items()
            )
        )
        persons = tuple(
            sorted(
                (role.lower(), tuple(str(p) for p in people))
                for role, people in self.entry.persons.items()
            )
        )
        return (self.entry.type.lower(), fields, persons)


@dataclass
class BibFile:
    """The entries of one `.bib` file; `ok` is False when it could not be read."""

    file: str
    entries: dict[str, BibEntry] = field(default_factory=dict)
    ok: bool = True


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_bib_file(path: Path, file: str, problems: Problems) -> BibFile:
    """Parse and check one `.bib` file; `file` is its project-relative name."""
    result = BibFile(file)
    text = read_text(path, file, problems)
    if text is None:
        result.ok = False
        return result

    if not check_macros(text, file, problems):
        result.ok = False
        return result
    heads = _heads(text, file, problems)
    if heads is None:
        result.ok = False
        return result
    try:
        data = Parser().parse_string(text)
    except PybtexSyntaxError as error:
        problems.add(
            file,
            error.lineno,
            "",
            f"expected well-formed BibTeX, found a syntax error ({str(error).split(': ', 1)[-1]}); "
            "check this entry and the one before it for a missing '}', ',' or '='",
        )
        result.ok = False
        return result
    except BibliographyDataError as error:  # pragma: no cover - duplicates are caught in _heads
        problems.add(file, None, "", f"expected well-formed BibTeX, found: {error}")
        result.ok = False
        return result

    for key, entry in data.entries.items():
        line = heads.get(key, 1)
        before = len(problems)
        _check_entry(key, entry, file, line, problems)
        if len(problems) == before:
            result.entries[key] = BibEntry(key, entry, file, line)
        else:
            result.ok = False
    return result


def merge(files: list[BibFile], problems: Problems) -> dict[str, BibEntry]:
    """All entries by key; a key defined in two files must be the same entry."""
    merged: dict[str, BibEntry] = {}
    for bib in files:
        for key, entry in bib.entries.items():
            first = merged.get(key)
            if first is None:
                merged[key] = entry
            elif first.signature != entry.signature:
                problems.add(
                    entry.file,
                    entry.line,
                    key,
                    f"expected one definition per key, found '{key}' defined with different "
                    f"content in {first.file}:{first.line} and {entry.file}:{entry.line}; "
                    "rename one of them or make them identical",
                )
    return merged


def year_of(entry: Entry) -> str:
    """The entry's year ('' when it has none)."""
    year = entry.fields.get("year", "").strip()
    if year:
        return year
    match = DATE.match(entry.fields.get("date", "").strip())
    return match["year"] if match else ""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _heads(text: str, file: str, problems: Problems) -> dict[str, int] | None:
    """Line of every entry head by key; None when a head is unusable."""
    lines: dict[str, int] = {}
    folded: dict[str, tuple[str, int]] = {}
    ok = True
    line, counted = 1, 0
    for match in ENTRY_HEAD.finditer(text):
        if match["type"].lower() in NOT_ENTRIES:
            continue
        line += text.count("\n", counted, match.start())
        counted = match.start()
        key = match["key"]
        if match["next"] != "," or not key:
            found = text[match.start() :].split("\n", 1)[0].strip()
            problems.add(
                file,
                line,
                "",
                f"expected an entry head like '@{match['type']}{{key,', found '{found[:50]}'",
            )
            ok = False
            continue
        if not KEY_RE.match(key):
            problems.add(
                file,
                line,
                key,
                "expected a key of letters, digits and '_ : . - /' that starts and ends with "
                f"a letter, digit or '_', found '{key}'",
            )
            ok = False
            continue
        # pybtex treats keys case-insensitively, so 'ILO2022' and 'ilo2022' clash.
        first = folded.get(key.casefold())
        if first is not None:
            problems.add(
                file,
                line,
                key,
                f"expected each key once per file, found '{key}' also on line {first[1]}"
                + (f" (as '{first[0]}')" if first[0] != key else ""),
            )
            ok = False
            continue
        folded[key.casefold()] = (key, line)
        lines[key] = line
    return lines if ok else None


def _check_entry(key: str, entry: Entry, file: str, line: int, problems: Problems) -> None:
    fields = entry.fields
    if not fields.get("title", "").strip():
        problems.add(file, line, f"{key}.title", "expected a title, found none")
    year = fields.get("year", "").strip()
    if year and not YEAR.match(year):
        problems.expected(file, line, f"{key}.year", "a four-digit year such as 2022", year)
    date = fields.get("date", "").strip()
    if date and not DATE.match(date):
        problems.expected(
            file, line, f"{key}.date", "an ISO date such as 2023-04-18 or 2023-04", date
        )
    url = fields.get("url", "").strip()
    if url and not URL.match(url):
        problems.expected(
            file, line, f"{key}.url", "an address starting with https:// or http://", url
        )
    elif url and (kind := non_source(url)):
        problems.expected(file, line, f"{key}.url", expected_source(kind), url)
    doi = fields.get("doi", "").strip()
    if doi and not DOI.match(doi):
        problems.expected(
            file, line, f"{key}.doi", "a DOI such as 10.1000/xyz123 (without https://doi.org/)", doi
        )
