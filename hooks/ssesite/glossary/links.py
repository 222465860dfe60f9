"""The explicit term links of Markdown: `[words](term:id)`.

`check_term_links` finds them in Markdown sources (in prose: `core.prose`) and reports
unknown ids with their file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..core import prose
from ..core.problems import Problems, did_you_mean
from .model import FILE, SCHEME, Glossary

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where the URL scheme of the explicit syntax is written in Markdown:
# inline links [words](term:id "title"), reference definitions
# [label]: term:id, and raw HTML href="term:id".
MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?term:(?P<inline>[^\s)>]*)|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?term:(?P<ref>[^\s>]*)",
    re.M,
)
HTML_LINK = re.compile(r"href\s*=\s*[\"']term:(?P<html>[^\"']*)")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_term_links(
    text: str, file: str, glossary: Glossary, problems: Problems, first_line: int = 1
) -> list[str]:
    """Report `[words](term:id)` links to unknown ids in Markdown `text`.

    Code, comments and raw HTML are skipped. Returns the ids found, in order.
    """
    found: list[str] = []
    for id, line in term_links(text, first_line):
        found.append(id)
        if glossary.get(id) is None:
            problems.add(file, line, "term link", unknown_term_message(id, glossary))
    return found


def check_project_term_links(
    docs_pages: Iterable, studies: Iterable, glossary: Glossary, problems: Problems
) -> None:
    """Check the term links of every page of docs/ (read by `content.docpages`, their
    translations included) and of every study's text and its translations' texts."""
    for page in docs_pages:
        check_term_links(page.body, page.file, glossary, problems, page.body_line)
    for study in studies:
        check_term_links(study.body, study.source, glossary, problems, study.body_line)
        for translation in study.translations:
            body, line = translation.body, translation.body_line
            check_term_links(body, translation.source, glossary, problems, line)


def term_links(text: str, first_line: int = 1) -> Iterator[tuple[str, int]]:
    """(id, line) of every explicit term link in Markdown `text`.

    Markdown links are looked for in prose only, `href="term:..."` also in
    raw HTML blocks (not in code or comments): see `core.prose`.
    """
    if SCHEME not in text:
        return
    found = [
        (match.start(), match["inline"] if match["inline"] is not None else match["ref"])
        for match in MARKDOWN_LINK.finditer(prose.mask(text))
    ]
    if "href" in text:
        masked = prose.mask(text, keep_html=True)
        found += [(match.start(), match["html"]) for match in HTML_LINK.finditer(masked)]
    for start, id in sorted(found):
        yield id, prose.line_of(text, start, first_line)


def unknown_term_message(id: str, glossary: Glossary) -> str:
    """The message for a term link to an id the glossary does not have."""
    hint = did_you_mean(id, glossary.by_id)
    message = f"expected the id of a term in {FILE}, found {id!r}"
    return message + (f". {hint}" if hint else "")
