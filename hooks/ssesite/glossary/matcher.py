"""Finding glossary terms in text: one matcher for all terms, linear in the text.

The matcher is a trie over words. The text is split into words once (one
compiled regular expression); at each word, the trie is walked for as many
words as the longest term has, so the work per word is bounded by the
length of the longest term, not by the number of terms. With thousands of
terms the cost stays that of one pass over the text.

Matching rules:

- whole words only ("enterprise" never matches inside "enterprises");
- the longest form wins ("social enterprise" over "enterprise"), and the
  leftmost match is taken first; matches never overlap;
- words may be separated by any run of white space (Markdown wraps lines),
  other separators (hyphen, apostrophe, slash, ...) must be as written;
  character references in the text (`&amp;`, `&#39;`) count as the character;
- a form with an upper-case letter after its first character (SSE, WISE,
  BUM Desa) matches with exactly that case; in any other form only the case
  of the first letter is free ("Social enterprise" at the start of a
  sentence), so a name in title case ("Agricultural Cooperative Act") is
  not taken for the term.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# A word, or a character reference (which is never part of a word).
TOKEN = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|(\w+)")
SPACES = re.compile(r"\s+")
WORD = re.compile(r"\w+")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
END = ""
"""Trie key under which a node lists the forms that end there (no real key is empty)."""

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A match: text[start:end] is a form of the term `term_id`."""

    start: int
    end: int
    term_id: str


class Matcher:
    """All forms of all terms, compiled into one word trie."""

    def __init__(self, forms: Iterable[tuple[str, str]]):
        """`forms`: (form as written, term id) pairs."""
        self.root: dict = {}
        self.size = 0
        for form, term_id in forms:
            self._add(form, term_id)

    def _add(self, form: str, term_id: str) -> None:
        words, seps = _split(form)
        if not words:
            return
        node = self.root.setdefault(words[0].lower(), {})
        for sep, word in zip(seps, words[1:], strict=True):
            node = node.setdefault(_sep_key(sep) + "\0" + word.lower(), {})
        node.setdefault(END, []).append((tuple(words), is_exact(form), term_id))
        self.size += 1

    def find(self, text: str) -> Iterator[Found]:
        """Every match in `text`, left to right, longest first, never overlapping."""
        root = self.root
        if not root:
            return
        lower = text.lower()
        # Most runs of text hold no first word of any term: one pass in C
        # over their words tells, before any per-word work in Python.
        if root.keys().isdisjoint(WORD.findall(lower)):
            return
        spans = [(m.start(1), m.end(1)) for m in TOKEN.finditer(text) if m.lastindex]
        if len(lower) != len(text):  # a few characters change length when lowered
            lower = None
        count = len(spans)
        i = 0
        while i < count:
            start, end = spans[i]
            node = root.get(lower[start:end] if lower is not None else text[start:end].lower())
            if node is None:
                i += 1
                continue
            best: tuple[int, str] | None = None
            j = i
            while True:
                ends = node.get(END)
                if ends:
                    term_id = _accept(ends, text, spans, i, j)
                    if term_id is not None:
                        best = (j, term_id)
                j += 1
                if j >= count:
                    break
                next_start, next_end = spans[j]
                word = (
                    lower[next_start:next_end]
                    if lower is not None
                    else text[next_start:next_end].lower()
                )
                node = node.get(_sep_key(text[spans[j - 1][1] : next_start]) + "\0" + word)
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            yield Found(start, spans[best[0]][1], best[1])
            i = best[0] + 1


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def is_exact(form: str) -> bool:
    """True when `form` must match with its exact case (an upper-case letter after the first)."""
    return any(c.isupper() for c in form[1:])


def tokens_ok(form: str) -> bool:
    """True when `form` can be matched: it starts and ends with a word and has no markup."""
    if not form or any(c in form for c in '<>"'):
        return False
    words, _ = _split(form)
    if not words:
        return False
    spans = [m.span(1) for m in TOKEN.finditer(form) if m.lastindex]
    return spans[0][0] == 0 and spans[-1][1] == len(form)


def plural_of(form: str) -> str:
    """The regular English plural of `form` (its last word): 'entity' -> 'entities'."""
    last = form.split()[-1] if form.split() else form
    if last.isupper():  # an acronym: SSE -> SSEs
        return form + "s"
    lower = form.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return form + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _split(text: str) -> tuple[list[str], list[str]]:
    """Words of `text` and the separators between them."""
    words: list[str] = []
    seps: list[str] = []
    previous_end = None
    for match in TOKEN.finditer(text):
        if not match.lastindex:
            continue
        if previous_end is not None:
            seps.append(text[previous_end : match.start(1)])
        words.append(match.group(1))
        previous_end = match.end(1)
    return words, seps


def _sep_key(sep: str) -> str:
    """A separator as the trie compares it: references decoded, spaces collapsed."""
    if sep == " ":
        return sep
    if "&" in sep:
        sep = html.unescape(sep)
    return SPACES.sub(" ", sep).translate(APOSTROPHES)


def _accept(ends: list, text: str, spans: list, i: int, j: int) -> str | None:
    """The term of the form ending here that the words i..j of `text` match, if any."""
    for words, exact, term_id in ends:
        first = i if exact else i + 1  # the first word's case was already ignored
        if all(text[spans[k][0] : spans[k][1]] == words[k - i] for k in range(first, j + 1)):
            return term_id
    return None
