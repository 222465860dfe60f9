"""Where Markdown is prose: one scanner for every marker written in Markdown.

Citations (`[@key]`), term links (`[words](term:id)`) and any later marker
are looked for only in prose, the text Python-Markdown renders as Markdown.
`mask` blanks out everything else, keeping every other character and every
newline in place (so offsets and line numbers stay those of the source):

- fenced code, as pymdownx.superfences reads it: ``` or ~~~ (three or more),
  at any indentation, with an optional language and `{attributes}`; closed
  by the same fence at the same indentation; a fence that is never closed,
  or whose content is less indented, is not code;
- indented code blocks (four spaces after a blank line, eight inside a list
  item, an admonition, a definition or a footnote);
- code spans, also over several lines of one paragraph;
- HTML comments, and raw HTML blocks: a block-level tag at the start of a
  line (up to three spaces), to its closing tag; with md_in_html's `markdown`
  attribute only the tags are raw, the content is Markdown.

It does not follow the nesting of lists: a list item written right under
a code block of a list item is nested by Python-Markdown, and code inside
it needs more indentation than the scanner asks for.

`prose` gives the unmasked runs with the line each starts on; `title_end`
where the page's title (its first `# ` heading in prose) ends.
`tests/test_prose.py` checks the scanner against what Python-Markdown
renders, with the site's extensions, on generated snippets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TAB = 4
# A superfences opening fence (after the line's indentation): the fence, an
# optional language and optional {attributes}. Other text after the fence
# makes it no fence (superfences' `relaxed_headers` is off).
FENCE = re.compile(
    r"(?P<fence>~{3,}|`{3,})(?:[ \t]*\.?[\w#.+-]+(?=[ \t]|$))?(?:[ \t]*\{[^\n]*\})?[ \t]*$"
)
# Lines that open a block whose indented continuation is not code: a list
# item (only at the start of a block), or anywhere in a block an admonition,
# a details block, a definition or a footnote.
LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[*+-]|\d+\.)[ \t]")
CONTAINER = re.compile(r"^[ \t]{0,3}(?:!!!|\?\?\?|:[ \t]|\[\^[^\]]+\]:)")
# A block-level tag opening a raw HTML block, or a comment doing so.
HTML_START = re.compile(r"^ {0,3}<(?:(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)|(?P<comment>!--))")
MARKDOWN_ATTRIBUTE = re.compile(r"""\smarkdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?(?=[\s/>])""")
VOID = {"hr", "br", "img", "input", "meta", "link", "col", "area", "base", "embed", "source"}
BLOCK_TAGS = {t for t in BLOCK_LEVEL_ELEMENTS if isinstance(t, str)}
# A paragraph: where a code span or an inline comment may run.
PARAGRAPH = re.compile(r"(?:(?!\n[ \t\x02]*\n).)+", re.DOTALL)
# Inside `_masked`: what blanks fenced code (and code spans, comments),
# what blanks other blocks, and a newline that breaks no paragraph.
_PROSE, _FENCE, _BLOCK, _JOIN = "", "\x00", "\x02", "\x01"
# What `prose` blanks with, to tell blanked from written spaces.
_OUT = "\x00"
_RUN = re.compile(r"[^\x00\n][^\x00]*")  # from its first character on a line
# An ATX heading of level 1 (`# Title`), a whole line.
TITLE = re.compile(r"^ {0,3}#(?:[ \t][^\n]*)?$", re.MULTILINE)
# An HTML comment inside a paragraph (it cannot cross a blank line).
INLINE_COMMENT = re.compile(r"<!--(?:(?!\n[ \t\x02]*\n).)*?-->", re.DOTALL)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Prose:
    """A run of prose: `text[start:end]`, starting on line `line`."""

    start: int
    end: int
    line: int


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def mask(text: str, *, keep_html: bool = False) -> str:
    """`text` with everything but prose blanked (same length, newlines kept).

    With `keep_html`, raw HTML blocks are left as they are (code and comments
    are still blanked): for markers written as HTML (`href="term:id"`).
    """
    return _masked(text, keep_html, " ")


def prose(text: str, first_line: int = 1) -> Iterator[Prose]:
    """The runs of prose of Markdown `text`, which starts on line `first_line`."""
    masked = _masked(text, False, _OUT)
    line, counted = first_line, 0
    for match in _RUN.finditer(masked):
        line += masked.count("\n", counted, match.start())
        counted = match.start()
        yield Prose(match.start(), match.end(), line)


def title_end(text: str) -> int:
    """The offset just after the line of the first `# Title` heading in prose (0 if none)."""
    match = TITLE.search(mask(text))
    if match is None:
        return 0
    return min(match.end() + 1, len(text))


def line_of(text: str, offset: int, first_line: int = 1) -> int:
    """The line of `offset` in `text`, which starts on line `first_line`."""
    return first_line + text.count("\n", 0, offset)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _masked(text: str, keep_html: bool, fill: str) -> str:
    lines = text.split("\n")
    kinds = [_PROSE] * len(lines)
    _mark_blocks(lines, kinds, keep_html)
    # Fenced code stays one block with the text around it (superfences leaves
    # a placeholder line in its place: a code span may run over it, and its
    # blank lines break no paragraph); other code and raw HTML are blocks of
    # their own, which no code span or comment crosses.
    parts = []
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if index:
            parts.append(_JOIN if kind == _FENCE and not line else "\n")
        parts.append(line if kind == _PROSE else kind * len(line))
    masked = "".join(parts)
    pieces, copied = [], 0
    for start, end in list(_code_spans(masked)):
        pieces += [masked[copied:start], _blank(masked[start:end])]
        copied = end
    masked = "".join(pieces) + masked[copied:] if pieces else masked
    masked = INLINE_COMMENT.sub(lambda m: _blank(m.group(0)), masked)
    return masked.translate({ord(_JOIN): "\n", ord(_FENCE): fill, ord(_BLOCK): fill})


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each code span, found as Python-Markdown 3.11 finds them.

    From each unescaped run of N backticks: the next run of N closes the span;
    failing that, the longest shorter run closes it (and the span opens with
    that many of the N); failing that, the run is text.
    """
    if "`" not in text:
        return  # most texts have none: no need to find their paragraphs
    for paragraph in PARAGRAPH.finditer(text):
        base, data = paragraph.start(), paragraph.group()
        index = data.find("`")
        while index != -1:
            escapes = 0
            while index - escapes > 0 and data[index - escapes - 1] == "\\":
                escapes += 1
            if escapes % 2:
                index = data.find("`", index + 1)
                continue
            start, end = _find_code_span(index, data)
            if end is None:
                index = data.find("`", start)
                continue
            yield base + index, base + end + (start - index)
            index = data.find("`", end + (start - index))


def _find_code_span(start: int, text: str) -> tuple[int, int | None]:
    # Python-Markdown's BacktickInlineProcessor.find_code_spans, line for line.
    last = len(text)
    max_ticks = 0
    while start < last and text[start] == "`":
        max_ticks += 1
        start += 1
    longest_span = 0
    end = 0
    i = start
    while i < last:
        span_length = 0
        while i < last and text[i] == "`":
            span_length += 1
            i += 1
        if not span_length:
            i += 1
            continue
        if max_ticks == span_length:
            return start, i - span_length
        if span_length > longest_span:
            longest_span = span_length
            end = i
    if 0 < longest_span < max_ticks:
        return start - (max_ticks - longest_span), end - longest_span
    return start + max_ticks, None


def _indent(line: str) -> tuple[int, int]:
    """(characters, columns) of the line's leading spaces and tabs."""
    count = columns = 0
    for char in line:
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += TAB - columns % TAB
        else:
            break
        count += 1
    return count, columns


def _fences(lines: list[str]) -> dict[int, int]:
    """First line -> last line of each fenced code block, read as superfences does.

    Superfences reads lines once, in order: a fence that is given up (a line
    less indented than the fence) lets reading go on after that line; one
    never closed hides every line after it from being a fence.
    """
    fences: dict[int, int] = {}
    index = 0
    while index < len(lines):
        count, columns = _indent(lines[index])
        opening = FENCE.match(lines[index], count)
        if opening is None:
            index += 1
            continue
        closing = re.compile(re.escape(opening["fence"]) + r"[ \t]*$")
        for later in range(index + 1, len(lines)):
            line = lines[later]
            if not line.strip():
                continue
            if _indent(line)[1] < columns:
                index = later + 1  # less indented than the fence: given up
                break
            if closing.match(_dedent(line, columns)):
                fences[index] = later
                index = later + 1
                break
        else:
            return fences  # never closed
    return fences


def _dedent(line: str, columns: int) -> str:
    """`line` without its first `columns` columns of indentation."""
    taken = 0
    for position, char in enumerate(line):
        if taken >= columns:
            return line[position:]
        taken += TAB - taken % TAB if char == "\t" else 1
    return ""


def _mark_blocks(lines: list[str], kinds: list[str], keep_html: bool) -> None:
    """Mark fenced code, indented code blocks and raw HTML blocks."""
    fences = _fences(lines)
    blank_before = True  # the previous line was blank (or this is the first)
    in_code = False  # inside an indented code block
    code_indent = 4  # ... whose lines are indented this much (8 in a list item)
    # A block (up to a blank line) that starts as indented code keeps its
    # fences as text: superfences puts them back (its greedy-fence revert).
    reverting = False
    container = False  # the last unindented block opened a list, admonition, ...
    closers: set[int] = set()  # closing lines of md_in_html blocks
    reverted_until = -1  # last line of a fence read back as text
    index = 0
    while index < len(lines):
        line = lines[index]
        _, indent = _indent(line)
        starts_code = blank_before and indent >= (8 if container else 4)
        if index in fences and not reverting and not starts_code:
            for number in range(index, fences[index] + 1):
                kinds[number] = _FENCE
            if blank_before and indent < 4:
                container = False  # a block of its own: it ends a list before it
            blank_before = in_code = False
            index = fences[index] + 1
            continue
        if index in fences:  # reverted: read line by line, as the text it is
            reverted_until = fences[index]
        if not line.strip():
            if index <= reverted_until:
                # A blank line of a reverted fence stays inside its block.
                kinds[index] = _FENCE
                index += 1
                continue
            blank_before, reverting = True, False
            index += 1
            continue
        if indent >= 4:
            # Indented after a blank line: code, unless it continues a list item,
            # an admonition, a definition or a footnote (code then needs 8 spaces).
            if (in_code and indent >= code_indent) or starts_code:
                if not in_code:
                    in_code, code_indent = True, 8 if container else 4
                reverting = reverting or blank_before
                kinds[index] = _BLOCK
            else:
                in_code = False
            blank_before = False
            index += 1
            continue
        if in_code:  # the rest of a block that began as code is a block of its own
            blank_before, in_code = True, False
        end = index if index in closers else _html_block_end(lines, index, closers)
        if end is not None:
            if not keep_html:
                for number in range(index, end + 1):
                    kinds[number] = _BLOCK
            # Python-Markdown sets a raw block apart as if blank lines were
            # around it; it ends any list before it.
            blank_before, container = True, False
            index = end + 1
            continue
        opens = bool(CONTAINER.match(line) or (blank_before and LIST_ITEM.match(line)))
        container = opens if blank_before else (container or opens)
        blank_before = False
        index += 1


def _html_block_end(lines: list[str], start: int, closers: set[int]) -> int | None:
    """The last line of the raw HTML block starting at `start`, if one does.

    The closing line of an md_in_html block (whose content is Markdown) is
    added to `closers`.
    """
    opening = HTML_START.match(lines[start])
    if opening is None:
        return None
    if opening["comment"]:
        for index in range(start, len(lines)):
            if "-->" in lines[index][4 if index == start else 0 :]:
                return index
        return len(lines) - 1
    tag = opening["tag"].lower()
    if tag not in BLOCK_TAGS:
        return None
    first = lines[start]
    if tag in VOID:
        return start
    end = _closing_line(lines, start, tag)
    if MARKDOWN_ATTRIBUTE.search(first[: first.find(">") + 1 or None]):
        # md_in_html: the content is Markdown; only the tags' lines are raw.
        closers.add(end)
        return start
    return end


def _closing_line(lines: list[str], start: int, tag: str) -> int:
    """The line that closes the `tag` opened at `start` (the last line if none does)."""
    opens = re.compile(rf"<{tag}(?=[\s/>])", re.I)
    closes = re.compile(rf"</{tag}\s*>", re.I)
    depth = 0
    for index in range(start, len(lines)):
        depth += len(opens.findall(lines[index])) - len(closes.findall(lines[index]))
        if depth <= 0:
            return index
    return len(lines) - 1  # never closed: raw to the end, as Python-Markdown reads it


def _blank(text: str) -> str:
    return re.sub(r"[^\n\x01]", _FENCE, text)
