"""Markdown sources read once, in linear time, for everything the check needs.

`scan_markdown` first measures what would make Python-Markdown slow (its
inline patterns rescan a paragraph for every bracket, `<` or run of
backticks that nothing closes, so such text converts in quadratic time, and
deeply nested lists exhaust its recursion) and refuses it with the line.
Text within the limits is then read outside code: raw HTML against the
policy (`htmlpolicy`), the addresses of links and images, attribute lists,
headings and their anchors, footnote references and definitions. The
project checks the addresses against the repository (`site.links`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from pymdownx.slugs import slugify

from . import htmlpolicy, prose
from .mdlimits import LIST_ITEM, check_limits
from .problems import Problems

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(?P<rule>=+|-+)[ \t]*$")
HEADING_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*(?P<inside>[^}\n]*)\}[ \t]*$")
REFERENCE = re.compile(r"^ {0,3}\[(?!\^)(?P<label>[^\]\n]+)\]:[ \t]*(?P<dest><[^>\n]*>|\S+)", re.M)
FOOTNOTE_DEF = re.compile(r"^[ \t]*\[\^(?P<label>[^\]\n]+)\]:", re.M)
FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
# An attribute list: at the end of a line, or right after an inline element.
ATTRIBUTE_LIST = re.compile(
    r"(?<=[)\]*_`>])\{:?[ \t]*(?P<inline>[^}\n]*)\}|\{:?[ \t]*(?P<block>[^}\n]*)\}[ \t]*$", re.M
)
INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]*>|\{[^}]*\}\s*$")

ANCHOR = slugify(case="lower")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    """A link or image address written in the source."""

    kind: str
    """'link' or 'image'."""
    url: str
    line: int
    start: int
    """Offset of the address in the scanned text (for rewriting it)."""


@dataclass
class MarkdownScan:
    ok: bool = True
    """False when the text passes a limit: nothing else was read."""
    addresses: list[Address] = field(default_factory=list)
    headings: list[tuple[int, str, int]] = field(default_factory=list)
    """(level, text, line) of every heading."""
    anchors: set[str] = field(default_factory=set)
    """The ids the page's headings and explicit ids give (for #anchor links)."""
    footnote_refs: list[tuple[str, int]] = field(default_factory=list)
    footnote_defs: set[str] = field(default_factory=set)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def scan_markdown(text: str, file: str, problems: Problems, first_line: int = 1) -> MarkdownScan:
    """Read Markdown `text` (from `first_line` of `file`); report what it may not hold."""
    before = len(problems)
    check_limits(text, file, problems, first_line)
    if len(problems) > before:
        return MarkdownScan(ok=False)
    if "--!>" in text:
        # Python-Markdown ends a comment at '-->', a browser already at '--!>':
        # what lies between would be HTML to readers and a comment to the check
        line = first_line + text.count("\n", 0, text.index("--!>"))
        problems.add(file, line, "HTML", "expected a comment closed by '-->', found '--!>'")
        return MarkdownScan(ok=False)
    # Code blanked out (it is shown as text); raw HTML blocks kept: they are published
    masked = prose.mask(text, keep_html=True)
    lines = _LineIndex(masked, first_line)
    scan = MarkdownScan()
    destinations = _links(masked, file, problems, lines, scan)
    _html(masked, file, problems, lines, scan, destinations)
    _attribute_lists(masked, file, problems, lines)
    _headings(text, masked, first_line, scan)
    for match in FOOTNOTE_DEF.finditer(masked):
        scan.footnote_defs.add(match["label"])
    for match in FOOTNOTE_REF.finditer(masked):
        scan.footnote_refs.append((match["label"], lines.line(match.start())))
    for label, line in scan.footnote_refs:
        if label not in scan.footnote_defs:
            problems.add(
                file,
                line,
                "footnote",
                f"expected a definition '[^{label}]: ...' in the same file, found none",
            )
    return scan


def anchor_of(heading: str) -> str:
    """The anchor MkDocs gives a heading (mkdocs.yml: toc slugify, Unicode kept)."""
    return ANCHOR(INLINE_MARKUP.sub(lambda m: m.group(1) or "", heading), "-")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _LineIndex:
    """Line numbers of offsets, found by bisecting the offsets of line starts."""

    def __init__(self, text: str, first_line: int):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1 + self.first_line


def _html(masked, file, problems, lines, scan, destinations: set[int]) -> None:
    if "<" not in masked:
        return
    for tag in htmlpolicy.start_tags(masked):
        if tag.start in destinations:
            continue  # a link's address written in angle brackets: [text](<address>)
        line = lines.line(tag.start)
        if ":" in tag.name or "@" in tag.name:
            # An autolink <https://...> or <name@example.org>: an address, not a tag
            address = masked[tag.start + 1 : tag.end - 1]
            if "@" not in tag.name:
                _address(address, htmlpolicy.LINK, tag.start + 1, file, problems, line, scan)
            continue
        for field_name, message, address in htmlpolicy.tag_problems(tag):
            if address is None:
                problems.add(file, line, field_name, message)
        for name, value in tag.attrs:
            if name == "id" and value:
                scan.anchors.add(value)
            elif name in htmlpolicy.ADDRESS_ATTRIBUTES and value is not None:
                kind = htmlpolicy.IMAGE if tag.name == "img" and name == "src" else "link"
                if tag.name in htmlpolicy.ELEMENTS:
                    offset = masked.find(value, tag.start, tag.end)
                    _address(value, kind, offset, file, problems, line, scan)


def _links(masked: str, file: str, problems: Problems, lines: _LineIndex, scan) -> set[int]:
    """Read the addresses of links and images; the offsets of those written as <address>."""
    angled: set[int] = set()
    if "](" in masked:
        stack: list[int] = []
        for match in re.finditer(r"\\.|[\[\]]", masked):
            char = match.group(0)
            if char == "[":
                stack.append(match.start())
            elif char == "]" and stack:
                opened = stack.pop()
                after = match.end()
                if masked.startswith("(", after):
                    kind = "image" if opened and masked[opened - 1] == "!" else "link"
                    found = _destination(masked, after + 1)
                    if found is not None:
                        url, offset = found
                        if masked[offset - 1] == "<":
                            angled.add(offset - 1)
                        line = lines.line(offset)
                        _address(url, kind, offset, file, problems, line, scan)
    if "]:" in masked:
        for match in REFERENCE.finditer(masked):
            url = match["dest"]
            offset = match.start("dest")
            if url.startswith("<"):
                angled.add(offset)
                url, offset = url[1:-1], offset + 1
            _address(url, "link", offset, file, problems, lines.line(offset), scan)
    return angled


def _destination(text: str, start: int) -> tuple[str, int] | None:
    """A link's address starting at `start` (after '('): (address, its offset)."""
    index = start
    while index < len(text) and text[index] in " \t\n":
        index += 1
    if text.startswith("<", index):
        close = text.find(">", index + 1)
        newline = text.find("\n", index + 1)
        if close < 0 or (0 <= newline < close):
            return None
        return text[index + 1 : close], index + 1
    depth, end = 0, index
    while end < len(text) and text[end] not in " \t\n":
        char = text[end]
        if char == "\\":
            end += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    return text[index:end], index


def _address(url, kind, offset, file, problems, line, scan) -> None:
    message = htmlpolicy.address_problem(url, kind)
    if message:
        problems.add(file, line, kind, message)
        return
    scan.addresses.append(Address(kind, url, line, offset))


def _attribute_lists(masked: str, file: str, problems: Problems, lines: _LineIndex) -> None:
    if "{" not in masked:
        return
    for match in ATTRIBUTE_LIST.finditer(masked):
        inside = (match["inline"] if match["inline"] is not None else match["block"]).strip()
        if not inside:
            continue
        for message in htmlpolicy.attribute_list_problems(inside):
            problems.add(file, lines.line(match.start()), "attribute list", message)


def _headings(text: str, masked: str, first_line: int, scan: MarkdownScan) -> None:
    originals = text.split("\n")
    masked_lines = masked.split("\n")
    seen: dict[str, int] = {}
    previous = ""
    for index, line in enumerate(masked_lines):
        level, title = 0, ""
        atx = ATX.match(line) if line.lstrip().startswith("#") else None
        if atx:
            level, title = len(atx["marks"]), ATX.match(originals[index])["text"] or ""
        elif previous.strip() and SETEXT.match(line) and index > 0:
            prior = masked_lines[index - 1]
            if not (LIST_ITEM.match(prior) or prior.startswith((" " * 4, "\t", ">"))):
                level = 1 if line.strip().startswith("=") else 2
                title = originals[index - 1].strip()
        previous = line
        if not level:
            continue
        explicit = HEADING_ATTRS.search(title)
        anchor = None
        if explicit:
            title = title[: explicit.start()]
            ids = [w[1:] for w in explicit["inside"].split() if w.startswith("#")]
            anchor = ids[0] if ids else None
        scan.headings.append((level, title.strip(), first_line + index - (0 if atx else 1)))
        if anchor is None:
            base = anchor_of(title.strip())
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchor = base if count == 0 else f"{base}_{count}"
        scan.anchors.add(anchor)
