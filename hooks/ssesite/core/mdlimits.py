"""Limits on Markdown that Python-Markdown would convert slowly, or not at all.

Python-Markdown's inline patterns rescan the rest of a paragraph for every
'[', '<', '](' or run of backticks that nothing closes, so such text converts
in quadratic time (5,000 unclosed '[' take 3 s, 20,000 take a minute), and
lists nested a few hundred deep exhaust its recursion. `check_limits` finds
these in time linear in the text, before anything else reads it, and
reports them with the line; fenced code is not converted inline, so it is
left out.
"""

from __future__ import annotations

import bisect
import re

from .problems import Problems

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

MAX_PARAGRAPH = 50_000
"""Characters in one paragraph (a block between blank lines, outside code)."""

MAX_UNCLOSED = 50
"""Openers that nothing closes in one paragraph, of each kind."""

MAX_NESTING = 16
"""Levels of nested lists, and of nested brackets."""

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[*+-]|\d+[.)])[ \t]")
BACKTICKS = re.compile(r"`+")
BRACKET = re.compile(r"\\.|[\[\]]")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_limits(text: str, file: str, problems: Problems, first_line: int = 1) -> None:
    """Report what would make Python-Markdown slow or crash, in time linear in `text`."""
    block: list[tuple[int, str]] = []
    fence: tuple[str, int] | None = None
    deep_list = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        stripped = line.strip()
        if fence is not None:
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= fence[1]:
                fence = None
            continue
        opener = FENCE.match(line)
        if opener:
            _check_block(block, file, problems)
            block = []
            fence = (opener["fence"][0], len(opener["fence"]))
            continue
        if not stripped:
            _check_block(block, file, problems)
            block = []
            continue
        item = LIST_ITEM.match(line)
        if item and not deep_list:
            depth = len(item["indent"].expandtabs(4)) // 4 + 1
            if depth > MAX_NESTING:
                deep_list = True
                problems.add(
                    file,
                    number,
                    "text",
                    f"expected lists nested at most {MAX_NESTING} levels deep, "
                    "found deeper nesting",
                )
        block.append((number, line))
    _check_block(block, file, problems)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _check_block(block: list[tuple[int, str]], file: str, problems: Problems) -> None:
    if not block:
        return
    text = "\n".join(line for _, line in block)
    first = block[0][0]

    def line_of(offset: int) -> int:
        starts = [0]  # worked out only for a paragraph with a problem
        for _, line in block[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return first + bisect.bisect_right(starts, offset) - 1

    if len(text) > MAX_PARAGRAPH:
        problems.add(
            file,
            first,
            "text",
            f"expected paragraphs of at most {MAX_PARAGRAPH:,} characters, found one of "
            f"{len(text):,} (split it with a blank line)",
        )
        return
    unclosed, deep = _brackets(text)
    found = [(unclosed, "'['", "; write \\[ for a bracket that opens nothing")]
    for opener, closer, name, hint in (
        ("<", ">", "'<'", "; write &lt; for a '<' that starts no tag"),
        ("](", ")", "'](' (a link's address)", ""),
    ):
        after = text.rfind(closer) + 1
        offsets = [after + m.start() for m in re.finditer(re.escape(opener), text[after:])]
        found.append((offsets, name, hint))
    found.append((_unclosed_backtick_runs(text), "runs of backticks", ""))
    for offsets, name, hint in found:
        if len(offsets) > MAX_UNCLOSED:
            problems.add(
                file,
                line_of(offsets[0]),
                "text",
                f"expected at most {MAX_UNCLOSED} {name} that nothing closes in one paragraph, "
                f"found {len(offsets)} (each makes the build slower{hint})",
            )
    if deep is not None and len(unclosed) <= MAX_UNCLOSED:
        problems.add(
            file,
            line_of(deep),
            "text",
            f"expected brackets nested at most {MAX_NESTING} deep, found deeper nesting",
        )


def _brackets(text: str) -> tuple[list[int], int | None]:
    """Offsets of the '[' no ']' closes, and where brackets first nest too deep."""
    stack: list[int] = []
    deep = None
    if "[" not in text:
        return stack, deep
    for match in BRACKET.finditer(text):
        char = match.group(0)
        if char == "[":
            stack.append(match.start())
            if len(stack) > MAX_NESTING and deep is None:
                deep = match.start()
        elif char == "]" and stack:
            stack.pop()
    return stack, deep


def _unclosed_backtick_runs(text: str) -> list[int]:
    """Offsets of the runs of backticks that no later run of the same length closes."""
    if "`" not in text:
        return []
    runs = [(m.start(), len(m.group(0))) for m in BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1]
        following[index] = last.get(length)
        last[length] = index
    unclosed: list[int] = []
    index = 0
    while index < len(runs):
        close = following[index]
        if close is None:
            unclosed.append(runs[index][0])
            index += 1
        else:
            index = close + 1
    return unclosed
