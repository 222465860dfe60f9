"""The explicit term links of Markdown: `[words](term:id)`.

`check_term_links` finds them in Markdown sources (outside code) and reports
unknown ids with their file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..core.problems import Problems, did_you_mean
from .model import FILE, SCHEME, Glossary

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where the URL scheme of the explicit syntax is written in Markdown:
# inline links [words](term:id "title"), reference definitions
# [label]: term:id, and raw HTML href="term:id".
TERM_LINK = re.compile(
    r"\]\(\s*<?term:(?P<inline>[^\s)>]*)"
    r"|^\s{0,3}\[[^\]]+\]:\s*<?term:(?P<ref>[^\s>]*)"
    r"|href\s*=\s*[\"']term:(?P<html>[^\"']*)",
    re.M,
)


FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_term_links(
    text: str, file: str, glossary: Glossary, problems: Problems, first_line: int = 1
) -> list[str]:
    """Report `[words](term:id)` links to unknown ids in Markdown `text`.

    Code blocks and code spans are skipped. Returns the ids found, in order.
    """
    found: list[str] = []
    for id, line in term_links(text, first_line):
        found.append(id)
        if glossary.get(id) is None:
            problems.add(file, line, "term link", unknown_term_message(id, glossary))
    return found


def check_project_term_links(
    root: Path, docs_dir: Path, studies: Iterable, glossary: Glossary, problems: Problems
) -> None:
    """Check the term links of every page in `docs_dir` and of every study's text."""
    for path in sorted(docs_dir.rglob("*.md")):
        file = path.relative_to(root).as_posix()
        check_term_links(path.read_text(encoding="utf-8"), file, glossary, problems)
    for study in studies:
        check_term_links(study.body, study.source, glossary, problems, study.body_line)


def term_links(text: str, first_line: int = 1) -> Iterator[tuple[str, int]]:
    """(id, line) of every explicit term link in Markdown `text`, outside code."""
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=first_line):
        opening = FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        if SCHEME not in line:
            continue
        line = CODE_SPAN.sub("", line)
        for match in TERM_LINK.finditer(line):
            yield next(g for g in match.groups() if g is not None), number


def unknown_term_message(id: str, glossary: Glossary) -> str:
    """The message for a term link to an id the glossary does not have."""
    hint = did_you_mean(id, glossary.by_id)
    message = f"expected the id of a term in {FILE}, found {id!r}"
    return message + (f". {hint}" if hint else "")
