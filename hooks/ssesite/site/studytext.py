"""The text of a study as its page shows it: sections not yet written left out.

A study follows the framework's parts (organisational landscape, policy
challenges, preliminary pathways). While a part is not written, authors put
a one-line placeholder under its heading ("To be completed in the final
version of the study."). A heading over a placeholder is an empty section
to a reader: the page leaves such sections out and its status line says,
once, which parts are still to come.

A section is left out when its own text, up to the next heading of the
same or a higher level, is one paragraph that starts with one of
`PLACEHOLDER_STARTS` (CONTRIBUTING.md documents the rule). Anything else in
it (a list, a second paragraph, a sub-heading) keeps it; an admonition after
the placeholder stays on the page without the heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PLACEHOLDER_STARTS = ("to be completed", "to be written", "not yet written")

# An ATX heading of level 2 or 3, with an optional attribute list.
HEADING = re.compile(r"^(#{2,3})[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$")
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class StudyText:
    body: str
    """The Markdown to render."""
    to_come: list[str] = field(default_factory=list)
    """Titles of the sections left out, in order."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def written_sections(body: str) -> StudyText:
    """`body` without the sections whose only text is a placeholder."""
    lines = body.split("\n")
    headings = _headings(lines)
    drop: list[tuple[int, int]] = []
    to_come: list[str] = []
    for n, (start, level, title) in enumerate(headings):
        end = next(
            (line for line, lvl, _ in headings[n + 1 :] if lvl <= level),
            len(lines),
        )
        inner = next((line for line, _, _ in headings[n + 1 :] if line < end), end)
        if inner != end:
            continue  # it has sub-sections: written, at least in part
        # An admonition after the text (a note on the whole page, say) is not
        # the section's own text: it stays when the section goes.
        own_end = next(
            (i for i in range(start + 1, end) if lines[i].startswith(("!!!", "???"))), end
        )
        if _is_placeholder(lines[start + 1 : own_end]):
            drop.append((start, own_end))
            to_come.append(title)
    kept = [line for i, line in enumerate(lines) if not any(a <= i < b for a, b in drop)]
    return StudyText("\n".join(kept), to_come)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, level, title) of each level-2/3 heading outside code fences."""
    found = []
    fence = ""
    for i, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        match = HEADING.match(line)
        if match:
            found.append((i, len(match.group(1)), match.group(2).strip()))
    return found


def _is_placeholder(lines: list[str]) -> bool:
    paragraphs = "\n".join(lines).strip().split("\n\n")
    if len(paragraphs) != 1 or not paragraphs[0]:
        return False
    text = " ".join(paragraphs[0].split()).casefold()
    return text.startswith(PLACEHOLDER_STARTS)
