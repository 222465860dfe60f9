"""Parsing the largest content files in a worker while the rest is loaded.

Loading the content comes before everything else in a build or a check, so
nothing can run beside it — except more loading. The shared bibliography,
the glossary and the programme are single large files that only need
parsing (pybtex, YAML) before they are checked; a worker process parses them
while the build process loads the framework, the countries and the studies.

Each result is used only if the file's text is still the text the worker
parsed; otherwise, or if the worker failed in any way, the file is parsed
here as if there were no worker. Problems are reported exactly as without a
worker, at the same point of the loading.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..citations.bibliography import BibFile, load_bib_file
from ..core import background
from ..core.problems import Problem, Problems
from ..core.reading import DATA_LIMIT, read_text
from ..core.yamlsource import Located, load_yaml

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FILES = (
    ("data/programme.yml", "yaml"),
    ("data/references.bib", "bib"),
    ("data/glossary.yml", "yaml"),
)
"""In the order the loading needs them."""

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class ParseAhead:
    """Parsed results of a project's large files, made in a worker when there is one."""

    def __init__(self, root: Path, workers: int | None = None):
        self.root = root
        if workers is None:
            try:
                workers = min(background.worker_count(), 1)
            except ValueError:
                workers = 0  # the build and `make check` report the wrong setting
        self._background = background.Background(None, workers)
        self._pending: dict[str, background.Pending] = {}
        for file, kind in FILES if workers else ():
            if _plain_file(root / file):
                task = _parse_yaml if kind == "yaml" else _parse_bib
                self._pending[file] = self._background.submit(task, root / file, file)

    def yaml(self, text: str, file: str, problems: Problems) -> Located | None:
        """`yamlsource.load_yaml(text, file, problems)`, parsed ahead if it was."""
        ahead = self._take(file, text)
        if ahead is None:
            return load_yaml(text, file, problems)
        located, found = ahead
        problems.extend(found)
        return located

    def bib(self, path: Path, file: str, problems: Problems) -> BibFile:
        """`bibliography.load_bib_file(path, file, problems)`, parsed ahead if it was."""
        ahead = self._take(file, _read(path))
        if ahead is None:
            return load_bib_file(path, file, problems)
        bib, found = ahead
        problems.extend(found)
        return bib

    def close(self) -> None:
        self._background.close()

    def __enter__(self) -> ParseAhead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _take(self, file: str, text: str | bytes | None):
        pending = self._pending.pop(file, None)
        if pending is None or text is None:
            return None
        try:
            digest, result, found = pending.result()
        except Exception:
            return None  # parsed here instead, with the same messages
        return (result, found) if digest == _digest(text) else None


# -----------------------------------------------------------------------------
# Helper functions (tasks run in the worker)
# -----------------------------------------------------------------------------


def _parse_yaml(context: None, path: Path, file: str) -> tuple[str, Located | None, list[Problem]]:
    problems = Problems()
    text = read_text(path, file, problems)
    if text is None:
        return "", None, []  # read and reported in the build process
    located = load_yaml(text, file, problems)
    return _digest(text), located, problems.items


def _parse_bib(context: None, path: Path, file: str) -> tuple[str, BibFile, list[Problem]]:
    # The digest is of the bytes read first: if the file changes meanwhile,
    # it no longer matches and the file is parsed again in the build.
    digest = _digest(_read(path) or b"")
    problems = Problems()
    return digest, load_bib_file(path, file, problems), problems.items


def _read(path: Path) -> bytes | None:
    if not _plain_file(path):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _plain_file(path: Path) -> bool:
    """A regular file (not a link, pipe or device) small enough to be content."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= DATA_LIMIT


def _digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()
