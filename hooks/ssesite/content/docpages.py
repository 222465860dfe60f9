"""The hand-written pages of `docs/`, read once for every check.

Each page is read like any content (`core.sources`), its front matter
parsed with the same bounds as a study's (MkDocs would parse it again
without them, and the theme prints its values), and its text scanned once
(`core.mdscan`): the HTML policy, Markdown limits, footnotes, headings,
links. Citations and term links are then looked for in the pages that
passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.mdscan import MarkdownScan, scan_markdown
from ..core.problems import Problems
from ..core.reading import MARKDOWN_LIMIT, read_text
from ..core.yamlsource import load_yaml, split_front_matter

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class DocPage:
    file: str
    """Path from the project root: 'docs/about.md'."""
    uri: str
    """Path under docs/: 'about.md' (MkDocs' src_uri)."""
    body: str
    body_line: int
    scan: MarkdownScan = field(default_factory=MarkdownScan)
    citations: str = ""
    """Its `citations:` front matter ('notes': numbered notes); its translations follow it."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_docs_pages(root: Path, files: list[Path], problems: Problems) -> list[DocPage]:
    """The Markdown pages among `files` (the regular files of docs/) that could be read."""
    pages: list[DocPage] = []
    docs = root / "docs"
    for path in files:
        if path.suffix != ".md":
            continue
        file = path.relative_to(root).as_posix()
        text = read_text(path, file, problems, MARKDOWN_LIMIT, root=root)
        if text is None:
            continue
        front, body, body_line = split_front_matter(text)
        located = load_yaml(front, file, problems, line_offset=1) if front is not None else None
        if front is not None and located is None:
            continue
        data = located.data if located is not None and isinstance(located.data, dict) else {}
        citations = data.get("citations")
        scan = scan_markdown(body, file, problems, body_line)
        if scan.ok:
            uri = path.relative_to(docs).as_posix()
            style = citations if isinstance(citations, str) else ""
            pages.append(DocPage(file, uri, body, body_line, scan, citations=style))
    return pages
