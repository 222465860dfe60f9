"""Reading typed fields out of parsed YAML, reporting every problem.

A `Record` wraps one mapping of a YAML document. Each accessor checks one
field, records a problem when it is wrong and returns None, so a loader can
read a whole record and report everything that is wrong with it at once.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .problems import Problems, did_you_mean, one_of
from .reading import MARKDOWN_LIMIT, read_text
from .yamlsource import Located, Path, format_path, load_yaml, split_front_matter

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class FrontMatter(NamedTuple):
    """A Markdown file's front matter, read as a `Record`, and its body."""

    meta: Record
    body: str
    body_line: int
    """The line of the file on which `body` starts."""


class Record:
    """One YAML mapping at `path` inside a located document."""

    def __init__(
        self,
        located: Located,
        file: str,
        problems: Problems,
        path: Path = (),
        data: object = ...,
    ):
        self.located = located
        self.file = file
        self.problems = problems
        self.path = path
        self.data = located.data if data is ... else data

    # -------------------------------------------------------------------------

    def is_mapping(self, what: str = "a mapping of fields (key: value lines)") -> bool:
        """Check that this record is a mapping; report it when it is not."""
        if isinstance(self.data, dict):
            return True
        self.problems.expected(self.file, self.line(), self.field(), what, self.data)
        return False

    def line(self, key: str | int | None = None) -> int:
        return self.located.line(self.path if key is None else (*self.path, key))

    def field(self, key: str | int | None = None) -> str:
        return format_path(self.path if key is None else (*self.path, key))

    def expected(self, key: str | int | None, expected: str, found: object, hint="") -> None:
        path = self.path if key is None else (*self.path, key)
        written = self.located.written.get(path)
        self.problems.expected(
            self.file, self.line(key), self.field(key), expected, found, hint, written
        )

    def child(self, key: str | int, data: object) -> Record:
        return Record(self.located, self.file, self.problems, (*self.path, key), data)

    # -------------------------------------------------------------------------

    def check_keys(self, allowed: Iterable[str]) -> None:
        """Report keys this record does not know (typos, mostly)."""
        if not isinstance(self.data, dict):
            return
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed)
                self.problems.add(
                    self.file,
                    self.line(key),
                    self.field(str(key)),
                    f"unknown field; expected {one_of(allowed)}" + (f". {hint}" if hint else ""),
                )

    def raw(self, key: str) -> object:
        return self.data.get(key) if isinstance(self.data, dict) else None

    def missing(self, key: str, expected: str) -> None:
        # A field missing from front matter: on its opening '---', not on
        # whatever comment or field happens to come first
        if isinstance(self.data, dict) and key in self.data:
            line = self.line(key)  # given, but empty
        else:
            opening = self.located.opening_line if not self.path else None
            line = opening or self.line()
        self.problems.add(
            self.file,
            line,
            self.field(key),
            f"required field is missing; expected {expected}",
        )

    # -------------------------------------------------------------------------

    def text(self, key: str, *, required: bool = True, expected="a text") -> str | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.missing(key, expected)
            return None
        if isinstance(value, str) and not value.strip():
            if required:
                self.expected(key, expected, "")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.expected(key, expected, value)
            return None
        written = self.located.written.get((*self.path, key))
        if written is not None and written != str(value):
            # YAML changed what was written (12:30 -> 750, 1.10 -> 1.1, 0x1F -> 31)
            self.expected(key, expected, value)
            return None
        return str(value).strip()

    def flag(self, key: str, default: bool = False) -> bool:
        """A yes/no field written true or false; `default` when left out."""
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.expected(key, "true or false", value)
            return default
        return value

    def integer(
        self, key: str, *, required: bool = True, low=None, high=None, expected="a whole number"
    ):
        value = self.raw(key)
        if value is None:
            if required:
                self.missing(key, expected)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.expected(key, expected, value)
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.expected(key, expected, value)
            return None
        return value

    def choice(self, key: str, choices: Iterable[str], *, required: bool = True) -> str | None:
        choices = list(choices)
        value = self.raw(key)
        if value is None:
            if required:
                self.missing(key, one_of(choices))
            return None
        if value not in choices:
            self.expected(key, one_of(choices), value, did_you_mean(value, choices))
            return None
        return value

    def date(self, key: str, *, required: bool = True) -> dt.date | None:
        expected = "a date written YYYY-MM-DD"
        value = self.raw(key)
        if value is None:
            if required:
                self.missing(key, expected)
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and ISO_DATE.match(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                self.expected(key, "a real calendar date written YYYY-MM-DD", value)
                return None
        self.expected(key, expected, value)
        return None

    def items(self, key: str, *, required: bool = False, expected="a list") -> Iterator[Record]:
        """Yield a Record per list item (reports a non-list once)."""
        value = self.raw(key)
        if value is None:
            if required:
                self.missing(key, expected)
            return
        if not isinstance(value, list):
            self.expected(key, expected, value)
            return
        for index, item in enumerate(value):
            yield Record(self.located, self.file, self.problems, (*self.path, key, index), item)

    def text_list(self, key: str, *, required: bool = False, expected="a list of texts"):
        values: list[str] = []
        for item in self.items(key, required=required, expected=expected):
            if isinstance(item.data, str) and item.data.strip():
                values.append(item.data.strip())
            else:
                item.expected(None, "a text", item.data)
        return values


def read_markdown(
    path: pathlib.Path, file: str, problems: Problems, fields: str, root: pathlib.Path
) -> FrontMatter | None:
    """Read Markdown file `path` (repository file `file`, within content's limits) and its
    front matter (`read_front_matter`); None, with the problems recorded, if either fails."""
    text = read_text(path, file, problems, MARKDOWN_LIMIT, root=root)
    return None if text is None else read_front_matter(text, file, problems, fields)


def read_front_matter(text: str, file: str, problems: Problems, fields: str) -> FrontMatter | None:
    """The front matter of Markdown `text` (of repository file `file`) as a `Record`.

    None, with the problem recorded, when there is none, its YAML is broken,
    or it is not a mapping; `fields` says which fields it should have.
    """
    front, body, body_line = split_front_matter(text)
    if front is None:
        problems.add(
            file,
            1,
            "",
            f"expected front matter ({fields}) at the top of the file, found none",
        )
        return None
    located = load_yaml(front, file, problems, line_offset=1)
    if located is None:
        return None
    meta = Record(located, file, problems)
    if not meta.is_mapping("front matter made of 'field: value' lines"):
        return None
    return FrontMatter(meta, body, body_line)
