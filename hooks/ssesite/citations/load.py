"""Citations: the `[@key]` syntax, the bibliographies pages may cite, checks.

Authors write `[@key]`, `[@a; @b]` or `[see @key, p. 33]` in a study or a
docs page. A study may cite keys of its own `studies/<slug>/references.bib`
and of the shared `data/references.bib`; every other page the shared one.

The grammar is strict so that no other text is ever taken for a citation:

* a citation is a bracket group `[...]` that is not a link (not followed by
  `(` or `[`), not an image (`![...]`) and not escaped (`\\[...]`);
* each `;`-separated part is `prefix @key, locator`, where the `@` starts the
  text or follows a space, and the prefix and locator hold no `@`;
* a group that contains such an `@` but does not parse is reported, never
  guessed at; a group whose `@`s are all inside words (an e-mail address) is
  ordinary text.

`scan` finds citations in Markdown source, in prose only (`core.prose`:
not in code, comments or raw HTML), with their lines: `load_citations` uses it to
check every study and docs page (the build and `make check` both fail on an
unknown key). The build itself renders citations with the Markdown extension
in `extension`, which uses the same grammar (`parse_group`) and leaves
code to Python-Markdown.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core import prose
from ..core.problems import Problems
from .bibliography import KEY, BibEntry, BibFile, load_bib_file, merge
from .references import Reference, format_reference, labels

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SHARED_BIB = "data/references.bib"
STUDY_BIB = "references.bib"

# A bracket group with an '@' inside, not an image, not escaped, not a link.
# (The '[' comes first and the look-behind after it, so that `re` can skip
# ahead to the next '[': this is searched in every run of text of every page.)
GROUP = re.compile(r"\[(?<![\\!]\[)(?P<body>[^\[\]]*@[^\[\]]*)\](?![\[(])")
PART = re.compile(
    rf"^\s*(?:(?P<prefix>[^@;]*?)\s+)?@(?P<key>{KEY})(?:\s*,(?P<locator>[^@;]*))?\s*$",
    re.DOTALL,
)
# An '@' that starts a citation attempt: at the start or after a space or ';'.
ATTEMPT = re.compile(r"(?:^|[\s;])-?@[A-Za-z0-9_]")

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

MALFORMED = (
    "a citation like [@key], [@a; @b] or [see @key, p. 33] "
    "(write \\[ to show a bracket that is not a citation)"
)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    """One cited work inside a citation group."""

    key: str
    prefix: str = ""
    locator: str = ""


@dataclass(frozen=True)
class Found:
    """A citation group found in Markdown source."""

    raw: str
    """The group as written, brackets included."""
    line: int
    cites: tuple[Cite, ...]
    """Empty when the group is malformed."""
    in_link: bool = False
    """Written as a link's text, `[[@key]](url)`: a link inside a link."""


@dataclass(frozen=True)
class Scope:
    """What a page may cite: the shared bibliography, plus a study's own."""

    name: str
    """'' for the shared scope, else the study's slug."""
    files: tuple[str, ...]
    keys: frozenset[str]
    complete: bool
    """False when one of its files could not be read (unknown keys are then not reported)."""


@dataclass
class PageCitations:
    """The citations found in one source page."""

    file: str
    scope: str
    found: list[Found] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        """Cited keys, in first-citation order."""
        return list(dict.fromkeys(c.key for f in self.found for c in f.cites))


@dataclass
class Citations:
    """Every bibliography entry, the scopes, and the citations of source pages."""

    entries: dict[str, BibEntry]
    scopes: dict[str, Scope]
    pages: list[PageCitations] = field(default_factory=list)
    _labels: dict[str, str] | None = field(default=None, repr=False)
    _anchors: dict[str, str] | None = field(default=None, repr=False)
    _formatted: dict[str, Reference] = field(default_factory=dict, repr=False)

    # Labels ('ILO 2022a') and anchors are only needed to render, not to check:
    # worked out on first use, so `make check` does not pay for them.
    @property
    def labels(self) -> dict[str, str]:
        if self._labels is None:
            self._labels = labels({k: e.entry for k, e in self.entries.items()})
        return self._labels

    @property
    def anchors(self) -> dict[str, str]:
        if self._anchors is None:
            self._anchors = _anchors(self.entries)
        return self._anchors

    def prepare_to_render(self) -> None:
        """Work out the labels and anchors now (so that they are cached with the content)."""
        _ = self.labels, self.anchors

    def scope(self, name: str) -> Scope:
        """The scope of study `name`, or the shared scope ('' or a study without bib)."""
        return self.scopes.get(name) or self.scopes[""]

    def reference(self, key: str) -> Reference:
        """The formatted entry of `key`, formatted once per build."""
        reference = self._formatted.get(key)
        if reference is None:
            entry = self.entries[key].entry
            reference = format_reference(key, entry, self.labels[key], self.anchors[key])
            self._formatted[key] = reference
        return reference

    def unknown_key(self, key: str, scope_name: str) -> str:
        """The message for a key the page's scope does not define."""
        scope = self.scope(scope_name)
        message = f"expected a key defined in {' or '.join(scope.files)}, found '{key}'"
        elsewhere = self.entries.get(key)
        if elsewhere is not None:
            return (
                f"{message}, which is defined in {elsewhere.file} (only that study may cite it; "
                f"move the entry to {SHARED_BIB} to share it)"
            )
        close = _close_matches(key, scope.keys)
        if close:
            message += ". Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        return message


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def parse_group(body: str) -> tuple[Cite, ...] | None:
    """The cites of a bracket group's inside; () when it is not a citation.

    Returns None when the group looks like a citation but does not parse.
    """
    if not ATTEMPT.search(body):
        return ()
    cites: list[Cite] = []
    for part in body.split(";"):
        match = PART.match(part)
        if match is None:
            return None
        cites.append(
            Cite(
                match["key"],
                " ".join((match["prefix"] or "").split()),
                " ".join((match["locator"] or "").split()),
            )
        )
    return tuple(cites)


def scan(text: str, first_line: int = 1) -> list[Found]:
    """Citation groups in Markdown `text` (outside code and comments).

    `first_line` is the line of the source file on which `text` starts.
    """
    if "@" not in text:
        return []
    masked = prose.mask(text)
    found: list[Found] = []
    line, counted = first_line, 0
    for match in GROUP.finditer(masked):
        # A group cannot span paragraphs; Markdown never sees it as one.
        cites = () if PARAGRAPH_BREAK.search(match["body"]) else parse_group(match["body"])
        if cites == ():
            continue
        line += masked.count("\n", counted, match.start())
        counted = match.start()
        in_link = masked[match.start() - 1 : match.start()] == "[" and masked.startswith(
            "](", match.end()
        )
        found.append(Found(text[match.start() : match.end()], line, cites or (), in_link))
    return found


def load_citations(root: Path, studies: list, docs_pages: list, problems: Problems) -> Citations:
    """Parse the bibliographies and check the citations of every source page."""
    files: list[BibFile] = []
    shared_path = root / SHARED_BIB
    shared = (
        load_bib_file(shared_path, SHARED_BIB, problems)
        if shared_path.is_file()
        else BibFile(SHARED_BIB)
    )
    files.append(shared)
    own: dict[str, BibFile] = {}
    for study in studies:
        path = study.folder / STUDY_BIB
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            own[study.slug] = load_bib_file(path, rel, problems)
            files.append(own[study.slug])
    entries = merge(files, problems)

    scopes = {"": Scope("", (SHARED_BIB,), frozenset(shared.entries), shared.ok)}
    for slug, bib in own.items():
        scopes[slug] = Scope(
            slug,
            (bib.file, SHARED_BIB),
            frozenset(shared.entries) | frozenset(bib.entries),
            shared.ok and bib.ok,
        )
    citations = Citations(entries, scopes)

    for study in studies:
        page = PageCitations(study.source, study.slug, scan(study.body, study.body_line))
        citations.pages.append(page)
        # A translation cites from its study's bibliography too
        for translation in study.translations:
            scanned = scan(translation.body, translation.body_line)
            citations.pages.append(PageCitations(translation.source, study.slug, scanned))
    for doc in docs_pages:
        citations.pages.append(PageCitations(doc.file, "", scan(doc.body, doc.body_line)))
    for page in citations.pages:
        check_page(citations, page, problems)
    check_status_sources(citations, studies, problems)
    return citations


def line_in(text: str, first_line: int, raw: str) -> int | None:
    """Line of the first occurrence of `raw` in `text`, which starts on `first_line`."""
    index = text.find(raw)
    return None if index < 0 else first_line + text.count("\n", 0, index)


def check_page(citations: Citations, page: PageCitations, problems: Problems) -> None:
    """Report malformed citations and keys the page's scope does not define."""
    scope = citations.scope(page.scope)
    for found in page.found:
        if found.in_link:
            problems.add(
                page.file,
                found.line,
                "citation",
                "expected a citation outside a link's text (a citation is a link, and a link "
                f"cannot hold another), found {found.raw!r} as the text of a link; write the "
                "citation after the link",
            )
            continue
        if not found.cites:
            problems.expected(page.file, found.line, "citation", MALFORMED, found.raw)
            continue
        for cite in found.cites:
            if cite.key not in scope.keys and scope.complete:
                problems.add(
                    page.file, found.line, "citation", citations.unknown_key(cite.key, page.scope)
                )


def check_status_sources(citations: Citations, studies: list, problems: Problems) -> None:
    """Report instrument statuses whose `source` the study may not cite."""
    for study in studies:
        scope = citations.scope(study.slug)
        if not scope.complete:
            continue
        for instrument in study.instruments:
            if instrument.source not in scope.keys:
                line, field = instrument.source_at
                problems.add(
                    study.source,
                    line or None,
                    field,
                    citations.unknown_key(instrument.source, study.slug),
                )


def anchor_id(key: str) -> str:
    """A fragment id for `key`: characters other than letters, digits, '_' and '-' become '-'."""
    return "ref-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _anchors(entries: dict[str, BibEntry]) -> dict[str, str]:
    """Unique fragment ids for all keys ('a.b' and 'a-b' must not clash)."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(entries):
        anchor = base = anchor_id(key)
        number = 2
        while anchor in taken:
            anchor = f"{base}-{number}"
            number += 1
        taken.add(anchor)
        result[key] = anchor
    return result


def _close_matches(key: str, keys: frozenset[str]) -> list[str]:
    folded = {k.casefold(): k for k in keys}
    close = difflib.get_close_matches(key.casefold(), list(folded), n=3, cutoff=0.6)
    return [folded[c] for c in close]
