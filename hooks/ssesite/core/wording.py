"""Words computed from data: counts, lists of names, plurals.

Pages say "six countries", "China, Japan and the Philippines" or "one of
three" from the data they describe, so a sentence never goes stale when a
study is added or left out of a build.
"""

from __future__ import annotations

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def number_word(n: int) -> str:
    """3 -> 'three' (up to twelve, as house styles write them), 13 -> '13', 0 -> 'no'."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else f"{n:,}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'one country', 'six countries', 'no country', '14 countries'."""
    noun = singular if n in (0, 1) else (plural or singular + "s")
    return f"{number_word(n)} {noun}"


def join_names(names: list[str]) -> str:
    """['A'] -> 'A'; ['A', 'B'] -> 'A and B'; ['A', 'B', 'C'] -> 'A, B and C'."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def capitalised(text: str) -> str:
    """The text with its first letter in capitals ('six countries' -> 'Six countries')."""
    return text[:1].upper() + text[1:]


def in_sentence(title: str) -> str:
    """A title inside a sentence: 'Policy challenges' -> 'policy challenges'.

    Only the first letter, and only when the next one is lower case, so that
    acronyms and names keep their capitals ('SSE policy', 'ILO standards').
    """
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title
