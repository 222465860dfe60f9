"""A study's text and files: what the researcher guard checks, and what the study publishes.

The text is read once (`core.mdscan`): the HTML policy, Markdown limits,
footnotes, headings. A study has one first-level heading, its title, so the
text starts at `##`; it is not empty and is organised under headings; a
final study keeps no placeholder of `make new-study`. A study publishes
only the files its text links or shows, plus those its front matter lists
under `downloads`; anything else in its folder stays in the repository.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.fields import Record
from ..core.htmlpolicy import IMAGE
from ..core.mdscan import MarkdownScan, scan_markdown
from ..core.problems import Problems, one_of
from ..core.reading import walk

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
DOWNLOAD_TYPES = (".pdf", ".csv", ".xlsx", ".ods", ".docx", ".odt")

PLACEHOLDER = re.compile(r"^[ \t]*(To be written\b.*?)[ \t]*$", re.M)
"""What `make new-study` writes where a section's text will go."""

SCHEME_OR_ANCHOR = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|#|//)")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class StudyText:
    scan: MarkdownScan
    assets: list[Path]
    """Files of the study's folder that the study publishes."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_study_text(
    body: str,
    body_line: int,
    file: str,
    folder: Path,
    root: Path,
    final: bool,
    problems: Problems,
    translation: bool = False,
) -> StudyText:
    """Check a study's text (or a translation's: it may be empty); the files it links or shows."""
    scan = scan_markdown(body, file, problems, body_line)
    if not scan.ok:
        return StudyText(scan, [])
    first = _first_text_line(body, body_line)
    if translation:
        pass  # only the title and summary may be translated
    elif first is None:
        problems.add(
            file, body_line, "text", "expected the study's text after the front matter, found none"
        )
    elif not any(level >= 2 for level, _, _ in scan.headings):
        problems.add(
            file,
            first,
            "text",
            "expected the text in sections under ## headings (the parts of the framework), "
            "found no heading",
        )
    for level, title, line in scan.headings:
        if level == 1:
            problems.add(
                file,
                line,
                "heading",
                "expected headings from ## down in the text (the title is the page's only "
                f"first-level heading), found '# {title}'",
            )
    if final:
        for match in PLACEHOLDER.finditer(body):
            problems.add(
                file,
                body_line + body.count("\n", 0, match.start()),
                "text",
                f"expected no placeholder in a final study, found {match.group(1)!r}",
            )
    return StudyText(scan, _referenced_files(scan, folder, root, problems))


def downloads(meta: Record, folder: Path) -> list[Path]:
    """The files listed under `downloads:` in a study's front matter, each checked."""
    found: list[Path] = []
    expected = f"the name of a file in the study's folder ({one_of(DOWNLOAD_TYPES)})"
    for item in meta.items("downloads", expected="a list of file names"):
        name = item.data
        if not isinstance(name, str) or not name.strip():
            item.expected(None, expected, name)
            continue
        path = (folder / name.strip()).resolve()
        if not path.is_relative_to(folder.resolve()) or path.suffix.lower() not in DOWNLOAD_TYPES:
            item.expected(None, expected, name)
        elif not path.is_file():
            item.expected(None, expected, f"{name}, which does not exist")
        else:
            found.append(folder / name.strip())
    return found


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _first_text_line(body: str, body_line: int) -> int | None:
    for number, line in enumerate(body.split("\n"), start=body_line):
        if line.strip():
            return number
    return None


def _referenced_files(scan: MarkdownScan, folder: Path, root: Path, problems) -> list[Path]:
    """The files of `folder` that the text links or shows (checked by `site.links`)."""
    files = {p.resolve(): p for p in walk(folder, root, problems)}
    found: set[Path] = set()
    for address in scan.addresses:
        url = address.url.split("#", 1)[0].split("?", 1)[0]
        if not url or SCHEME_OR_ANCHOR.match(url):
            continue
        target = (folder / url).resolve()
        if target in files and target.suffix.lower() != ".md":
            kind_ok = address.kind != IMAGE or target.suffix.lower() in IMAGE_TYPES
            if kind_ok:
                found.add(files[target])
    return sorted(found)
