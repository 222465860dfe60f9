"""Every file of the content folders, listed once: links, special files, sizes, types, SVG.

`studies/`, `docs/` and `data/` are listed without following links
(`core.sources.walk`): a link or special file anywhere in them is refused,
every file is bounded in size, `docs/` holds only pages, images and
downloads (plus the site's own stylesheets and scripts under
`docs/assets/`), and every SVG drawing is checked against the HTML policy
(`core.htmlpolicy.svg_problems`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content.studytext import DOWNLOAD_TYPES, IMAGE_TYPES
from ..core import htmlpolicy
from ..core.problems import Problems
from ..core.reading import DATA_LIMIT, FILE_LIMIT, MARKDOWN_LIMIT, decode, too_large, walk

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FOLDERS = ("data", "studies", "docs")

DOCS_TYPES = (".md", ".ico", *IMAGE_TYPES, *DOWNLOAD_TYPES)
ASSETS = "docs/assets/"
ASSET_TYPES = (".css", ".js", ".woff2", ".woff")
"""The site's own stylesheets, scripts and fonts: reviewed like code."""

TEXT_LIMITS = {".md": MARKDOWN_LIMIT, ".yml": DATA_LIMIT, ".yaml": DATA_LIMIT, ".bib": DATA_LIMIT}

DOCS_POLICY = (
    "expected Markdown pages, images and downloads in docs/ (CONTRIBUTING.md, "
    '"Link to other pages, add images and downloads"), found '
)
SVG = (
    "expected a drawing without scripts, event attributes, embedded HTML, animation or "
    'references outside the file (CONTRIBUTING.md, "HTML in the text"), found '
)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class ContentFiles:
    """The regular files of each content folder, by folder name."""

    files: dict[str, list[Path]] = field(default_factory=dict)

    def under(self, folder: str) -> list[Path]:
        return self.files.get(folder, [])


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def content_files(root: Path, problems: Problems) -> ContentFiles:
    """List and check every file of the content folders."""
    found = ContentFiles()
    for folder in FOLDERS:
        files = walk(root / folder, root, problems) if (root / folder).exists() else []
        kept = []
        for path in files:
            rel = path.relative_to(root).as_posix()
            suffix = path.suffix.lower()
            if too_large(path, root, problems, TEXT_LIMITS.get(suffix, FILE_LIMIT)):
                continue
            if folder == "docs" and not _allowed_in_docs(rel, suffix):
                kind = f"a {suffix} file" if suffix else "a file without a type"
                problems.add(rel, None, "", DOCS_POLICY + kind)
                continue
            if suffix == ".svg":
                check_svg(path, rel, problems)
            kept.append(path)
        found.files[folder] = kept
    return found


def check_svg(path: Path, file: str, problems: Problems) -> None:
    """Report what an SVG drawing may not contain, with its line."""
    text = decode(path.read_bytes(), file, problems)
    if text is None:
        return
    for offset, what in htmlpolicy.svg_problems(text):
        problems.add(file, text.count("\n", 0, offset) + 1, "SVG", SVG + what)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _allowed_in_docs(rel: str, suffix: str) -> bool:
    return suffix in DOCS_TYPES or (rel.startswith(ASSETS) and suffix in ASSET_TYPES)
