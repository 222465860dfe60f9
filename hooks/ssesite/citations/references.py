"""Formatting references in a social-science author-date style.

In-text labels read "(Kim 2020)", "(ILO 2022a; Kim and Lee 2019, p. 3)";
reference-list entries follow the Chicago author-date pattern:

    Author, First, and First Author. Year. Title. Container. Publisher. Date. Note. URL.

A work without author or editor is listed under its title (laws, for example).
Entries come out as *segments* (text, optional emphasis, optional link) that
the templates turn into HTML, so nothing here builds markup. Every entry is
formatted once per build and cached: pages only look formatted entries up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import Entry, Person
from pybtex.richtext import Text

from . import notes
from .bibliography import DATE, year_of

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Works whose title is set in italics; the others (parts of something larger,
# web pages) get quotation marks.
STANDALONE = {
    "book",
    "booklet",
    "manual",
    "misc",
    "report",
    "techreport",
    "thesis",
    "phdthesis",
    "mastersthesis",
    "proceedings",
    "legislation",
    "legal",
    "unpublished",
}
NO_YEAR = "n.d."
LATEX_ESCAPES = {
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\{": "{",
    r"\}": "}",
    r"\&": "&",
    r"\%": "%",
    r"\$": "$",
    r"\#": "#",
    r"\_": "_",
}
# One backend for all: `render_as("text")` looks the plugin up on every call,
# which costs milliseconds each time.
PLAIN_TEXT = PlainTextBackend()
LATEX_ESCAPE = re.compile("(" + "|".join(re.escape(e) for e in LATEX_ESCAPES) + ")")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of reference text: emphasised or not, a link or not."""

    text: str
    em: bool = False
    url: str = ""


@dataclass(frozen=True)
class Reference:
    """A formatted bibliography entry."""

    key: str
    anchor: str
    """Id of the entry in a reference list: 'ref-' + a safe form of the key."""
    label: str
    """In-text label without parentheses: 'ILO 2022a'."""
    segments: tuple[Segment, ...]
    sort_key: tuple


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def plain(latex: str) -> str:
    """BibTeX field text as plain text: braces and LaTeX escapes removed."""
    return _plain(" ".join(latex.split()))


def creators(entry: Entry) -> tuple[list[Person], str]:
    """The people the work is listed under and their role ('', 'ed.' or 'eds.')."""
    if entry.persons.get("author"):
        return list(entry.persons["author"]), ""
    editors = list(entry.persons.get("editor", []))
    if editors:
        return editors, "ed." if len(editors) == 1 else "eds."
    return [], ""


def surname(person: Person) -> str:
    """'von Last, Jr' -> 'von Last'; a corporate name in braces stays whole."""
    return plain(" ".join(person.prelast_names + person.last_names))


def short_creator(entry: Entry) -> str:
    """The creator part of an in-text label: 'Kim', 'Kim and Lee', 'Kim et al.'.

    A `shortauthor` field (an organisation's acronym, say) replaces it.
    """
    if entry.fields.get("shortauthor", "").strip():
        return plain(entry.fields["shortauthor"])
    people, _ = creators(entry)
    names = [surname(p) for p in people]
    if not names:
        return plain(entry.fields.get("shorttitle") or entry.fields.get("title", ""))
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def labels(entries: dict[str, Entry]) -> dict[str, str]:
    """In-text labels for all entries; same creator and year get 'a', 'b', ...

    Letters are given over the whole bibliography, in title order, so one
    work has the same label on every page.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for key, entry in entries.items():
        group = (short_creator(entry).casefold(), year_of(entry) or NO_YEAR)
        groups.setdefault(group, []).append(key)
    result: dict[str, str] = {}
    for keys in groups.values():
        keys.sort(key=lambda k: (plain(entries[k].fields.get("title", "")).casefold(), k))
        for index, key in enumerate(keys):
            entry = entries[key]
            year = year_of(entry) or NO_YEAR
            letter = _letter(index) if len(keys) > 1 else ""
            if letter and year == NO_YEAR:
                letter = "-" + letter  # 'n.d.-a', as Chicago writes it
            creator = short_creator(entry)
            titled = not creators(entry)[0] and not entry.fields.get("shortauthor")
            if titled and not letter and year in creator:
                # 'Law No. 25/1992', not 'Law No. 25/1992 1992'
                result[key] = creator
            else:
                result[key] = f"{creator} {year}{letter}"
    return result


def format_reference(key: str, entry: Entry, label: str, anchor: str) -> Reference:
    """The reference-list entry of `entry` (whose in-text label is `label`)."""
    fields = {name.lower(): plain(value) for name, value in entry.fields.items()}
    kind = entry.type.lower()
    people, role = creators(entry)
    year = _year_label(entry, label)
    title = fields.get("title", "")
    note, described = notes.clean_note(fields.get("note", ""))
    # A title written for this site is in square brackets (notes.py)
    titled = [Segment(f"[{title}]")] if described and title else _title(title, kind)
    parts: list[list[Segment]] = []

    if people:
        short = fields.get("shortauthor", "")
        names = _name_list(people) + (f" ({short})" if short else "")
        parts.append([Segment(names + (f", {role}" if role else ""))])
        parts.append([Segment(year)])
        parts.append(titled)
    else:
        parts.append(titled)
        parts.append([Segment(year)])

    container = _container(fields, kind)
    if container:
        parts.append(container)
    numbered = " ".join(v for v in (fields.get("type", ""), fields.get("number", "")) if v)
    if numbered and kind not in ("article",):
        parts.append([Segment(numbered)])
    publisher = ", ".join(
        v
        for v in (
            fields.get("howpublished", ""),
            fields.get("organization", "") if people else "",
            fields.get("institution", ""),
            fields.get("publisher", ""),
            fields.get("school", ""),
            fields.get("address", "") or fields.get("location", ""),
        )
        if v
    )
    if publisher:
        parts.append([Segment(publisher)])
    day = _full_date(entry)
    if day:
        parts.append([Segment(day)])
    if note:
        parts.append([Segment(note)])
    doi = entry.fields.get("doi", "").strip()
    if doi:
        parts.append([Segment(f"https://doi.org/{doi}", url=f"https://doi.org/{doi}")])
    url = entry.fields.get("url", "").strip()
    if url and not doi:
        parts.append([Segment(notes.display_url(url), url=url)])

    segments: list[Segment] = []
    for index, part in enumerate(parts):
        segments.extend(part)
        last = part[-1]
        if last.url:
            segments.append(Segment("."))  # after a link: never glued to the URL
        elif not last.text.endswith((".", "?", "!", ".”", "?”", "!”")):
            segments.append(Segment("."))
        if index < len(parts) - 1:
            segments.append(Segment(" "))
    sort = (_sort_name(people, title), year_of(entry) or "9999", label, key)
    return Reference(key, anchor, label, tuple(_merge(segments)), sort)


def text_of(segments: tuple[Segment, ...] | list[Segment]) -> str:
    """The reference as plain text (for tests, search and plain-text citations)."""
    return "".join(s.text for s in segments)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Anything the LaTeX reader would change: commands, groups, ties, math,
# ligature dashes and quotes, escapes.
LATEX_MARKUP = re.compile(r"[\\{}~$%&#_^]|--|``|''")


@lru_cache(maxsize=65536)
def _plain(latex: str) -> str:
    # Most fields are plain text already; decoding LaTeX is slow, so skip it
    if not LATEX_MARKUP.search(latex):
        return latex
    # pybtex's LaTeX reader does not know the escapes of special characters,
    # so they are taken out first and put back as the characters they stand for.
    parts = LATEX_ESCAPE.split(latex)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(LATEX_ESCAPES[part])
        elif part.strip():
            # The reader trims the text's ends; keep the spaces next to an escape.
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            try:
                text = Text.from_latex(part.strip()).render(PLAIN_TEXT)
            except Exception:  # pragma: no cover - pybtex rejects a few odd inputs
                text = part.strip().replace("{", "").replace("}", "")
            out.append(lead + text + trail)
        else:
            out.append(part)
    return "".join(out)


def _year_label(entry: Entry, label: str) -> str:
    """The year part of `label` ('2020b', 'n.d.-a'), or the bare year when the label has none."""
    last = label.rsplit(" ", 1)[-1]
    year = year_of(entry) or NO_YEAR
    return last if last.startswith(year) else year


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _name(person: Person, inverted: bool) -> str:
    first = plain(" ".join(person.first_names + person.middle_names))
    last = surname(person)
    lineage = plain(" ".join(person.lineage_names))
    if not first:
        return last + (f", {lineage}" if lineage else "")
    if inverted:
        return f"{last}, {first}" + (f", {lineage}" if lineage else "")
    return f"{first} {last}" + (f", {lineage}" if lineage else "")


def _name_list(people: list[Person]) -> str:
    names = [_name(p, inverted=(i == 0)) for i, p in enumerate(people)]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]}, and {names[1]}" if "," in names[0] else f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + f", and {names[-1]}"


def _title(title: str, kind: str) -> list[Segment]:
    if kind in STANDALONE:
        return [Segment(title, em=True)]
    # A quoted title keeps its closing punctuation inside the quotes.
    end = "" if title.endswith((".", "?", "!")) else "."
    return [Segment(f"“{title}{end}”")]


def _container(fields: dict[str, str], kind: str) -> list[Segment]:
    if kind == "article" and fields.get("journal"):
        detail = fields.get("volume", "")
        if fields.get("number"):
            detail += f" ({fields['number']})"
        if fields.get("pages"):
            detail += f": {fields['pages'].replace('--', '–')}"
        segments = [Segment(fields["journal"], em=True)]
        if detail:
            segments.append(Segment(" " + detail.strip()))
        return segments
    if fields.get("booktitle"):
        segments = [Segment("In "), Segment(fields["booktitle"], em=True)]
        if fields.get("pages"):
            segments.append(Segment(", " + fields["pages"].replace("--", "–")))
        return segments
    if kind == "online" and fields.get("journal"):
        return [Segment(fields["journal"], em=True)]
    return []


def _full_date(entry: Entry) -> str:
    """'18 April 2023' when the entry has a month (and day); '' otherwise."""
    match = DATE.match(entry.fields.get("date", "").strip())
    if match and match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            return ""
        name = MONTHS[month - 1]
        if match["day"]:
            return f"{int(match['day'])} {name} {match['year']}"
        return f"{name} {match['year']}"
    return ""


def _sort_name(people: list[Person], title: str) -> str:
    if people:
        return "; ".join(_name(p, inverted=True) for p in people).casefold()
    return title.casefold().removeprefix("the ").removeprefix("a ")


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring plain segments, so templates render few spans."""
    merged: list[Segment] = []
    for segment in segments:
        previous = merged[-1] if merged else None
        if previous and not previous.em and not previous.url and not segment.em and not segment.url:
            merged[-1] = Segment(previous.text + segment.text)
        else:
            merged.append(segment)
    return merged
