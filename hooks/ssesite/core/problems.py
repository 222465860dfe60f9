"""Problems found in content, collected so that every one is reported at once.

A problem names the file, the line where the source has lines, the field,
what was expected and what was found. Researchers read these messages in a
terminal or on a pull request, so they are plain sentences.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content."""

    file: str
    """Path relative to the project root, always '/'-separated."""

    line: int | None
    """1-based line in `file`, or None when the problem has no line."""

    field: str
    """Dotted path of the field, e.g. ``framework.entities[2].type``; may be empty."""

    message: str
    """What was expected and what was found, as a sentence without a final period."""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {subject}{self.message}"


@dataclass
class Problems:
    """An accumulator of problems, shared by the loaders of one check or build."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int | None, field: str, message: str) -> None:
        self.items.append(Problem(file, line, field, message))

    def expected(
        self,
        file: str,
        line: int | None,
        field: str,
        expected: str,
        found: object,
        hint: str = "",
        written: str | None = None,
    ) -> None:
        """Record the common "expected X, found Y" problem.

        `written`: how the value was written, when YAML read it as something
        else (`12:30` read as the number 750): the message shows both and
        says to quote it.
        """
        if written is not None and _changed(written, found):
            shown = f"{written}, which YAML reads as {_as_yaml_reads(found)}"
            message = f'expected {expected}, found {shown}; put it in quotes: "{written}"'
            self.add(file, line, field, message)
            return
        message = f"expected {expected}, found {describe(found)}"
        if hint:
            message += f". {hint}"
        self.add(file, line, field, message)

    def extend(self, others: Iterable[Problem]) -> None:
        self.items.extend(others)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        """Grouped by file, then by line (problems without a line first)."""
        return sorted(set(self.items), key=lambda p: (p.file, p.line or 0, p.field, p.message))


class ContentError(Exception):
    """Raised by builders when content has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{count} {noun} in the content:\n{lines}")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def describe(value: object) -> str:
    """How a found value is shown in a message: quoted text, or its YAML kind."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if value == "":
        return "an empty text"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return f"a value of the kind {type(value).__name__}"


def _changed(written: str, found: object) -> bool:
    """Whether YAML read `written` as something a reader would not expect."""
    if isinstance(found, str):
        return False
    return isinstance(found, bool | dt.date) or str(found) != written


def _as_yaml_reads(value: object) -> str:
    if isinstance(value, dt.date):
        return "a date"
    return describe(value)


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """A "Did you mean 'x'?" hint when a close match exists, else ''."""
    if not isinstance(value, str):
        return ""
    choices = list(choices)
    folded = {c.casefold(): c for c in choices}
    if value.casefold() in folded:
        return f"Did you mean '{folded[value.casefold()]}'?"
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not close and len(value) >= 3:
        # Abbreviations: 'coop' for 'cooperative'
        close = [c for c in choices if c.casefold().startswith(value.casefold())][:1]
    return f"Did you mean '{close[0]}'?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    """The "one of: a, b, c" phrase used in messages."""
    return "one of " + ", ".join(f"'{c}'" for c in choices)
