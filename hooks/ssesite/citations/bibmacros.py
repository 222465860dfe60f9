"""Bounded `@string` macros: a `.bib` file cannot expand into gigabytes.

BibTeX joins values with `#` and names macros with `@string{name = ...}`;
pybtex expands them while it parses. Thirty macros that each join the one
before twice make a 36-line file expand to 2 GiB. `check_macros` reads the
file first, computes how long every macro and every field would be (lengths
only, nothing is expanded) and refuses one over the limit, with its line.
A file it cannot follow is left to pybtex, which reports the syntax error.
"""

from __future__ import annotations

import re

from ..core.problems import Problems

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

LIMIT = 64 * 1024
"""Characters one macro or one field may expand to."""

# pybtex's predefined macros: the months
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTHS = {name[:3].lower(): len(name) for name in MONTH_NAMES}

AT = re.compile(r"@[ \t]*(?P<type>[A-Za-z]+)[ \t\r\n]*(?P<open>[{(])")
NAME = re.compile(r"[^\s\"#%'(),={}]+")
SPACE = re.compile(r"\s*")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_macros(text: str, file: str, problems: Problems) -> bool:
    """False (with the problem reported) when a macro or field expands beyond LIMIT."""
    if "#" not in text and "@string" not in text.lower():
        return True
    sizes = dict(MONTHS)
    for match in AT.finditer(text):
        kind = match["type"].lower()
        if kind in ("comment", "preamble"):
            continue
        position = match.end()
        try:
            if kind == "string":
                name, size, at = _assignment(text, position, sizes)
                sizes[name.lower()] = size
                if size > LIMIT:
                    problems.add(
                        file,
                        _line(text, at),
                        "",
                        f"expected @string macros that expand to at most {_kib(LIMIT)}, "
                        f"found {name!r} expanding to {_kib(size)}",
                    )
                    return False
            else:
                for name, size, at in _fields(text, position, sizes):
                    if size > LIMIT:
                        problems.add(
                            file,
                            _line(text, at),
                            "",
                            f"expected fields that expand to at most {_kib(LIMIT)}, "
                            f"found {name!r} expanding to {_kib(size)}",
                        )
                        return False
        except ValueError:
            continue  # not BibTeX this reader follows: pybtex reports it
    return True


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _assignment(text: str, position: int, sizes: dict[str, int]) -> tuple[str, int, int]:
    """`name = value` at `position`: (name, expanded length, offset of the name)."""
    position = SPACE.match(text, position).end()
    name = NAME.match(text, position)
    if name is None:
        raise ValueError
    position = SPACE.match(text, name.end()).end()
    if not text.startswith("=", position):
        raise ValueError
    size, _ = _value(text, position + 1, sizes)
    return name.group(0), size, name.start()


def _fields(text: str, position: int, sizes: dict[str, int]):
    """(field, expanded length, offset) of every field of the entry at `position`."""
    comma = text.find(",", position)
    closing = min(i for i in (text.find("}", position), text.find(")", position)) if i >= 0)
    if comma < 0 or comma > closing:
        return
    position = comma + 1
    while True:
        position = SPACE.match(text, position).end()
        if position >= len(text) or text[position] in "})":
            return
        name, size, at = _assignment(text, position, sizes)
        yield name, size, at
        _, position = _value(text, SPACE.match(text, text.index("=", at) + 1).end(), sizes)
        position = SPACE.match(text, position).end()
        if text.startswith(",", position):
            position += 1


def _value(text: str, position: int, sizes: dict[str, int]) -> tuple[int, int]:
    """A value `part # part # ...` from `position`: (expanded length, end offset)."""
    total = 0
    while True:
        position = SPACE.match(text, position).end()
        if position >= len(text):
            raise ValueError
        char = text[position]
        if char in '{"':
            end = _balanced(text, position)
            total += end - position - 2
            position = end
        else:
            name = NAME.match(text, position)
            if name is None:
                raise ValueError
            word = name.group(0)
            total += len(word) if word.isdigit() else sizes.get(word.lower(), 0)
            position = name.end()
        position = SPACE.match(text, position).end()
        if not text.startswith("#", position):
            return total, position
        position += 1


def _balanced(text: str, start: int) -> int:
    """The offset after the group opened at `start` ('{...}' or '"..."')."""
    depth = 0
    quote = text[start] == '"'
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0 and not quote:
                return index + 1
            depth -= 1
        elif char == '"' and quote and depth == 0:
            return index + 1
        index += 1
    raise ValueError


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _kib(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB".replace(".0 MiB", " MiB")
    return f"{size // 1024} KiB"
