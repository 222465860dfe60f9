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
        if front is not None and load_yaml(front, file, problems, line_offset=1) is None:
            continue
        scan = scan_markdown(body, file, problems, body_line)
        if scan.ok:
            pages.append(DocPage(file, path.relative_to(docs).as_posix(), body, body_line, scan))
    return pages
