"""A cache of the loaded content, so that a build with unchanged sources skips parsing.

Loading and checking every study, bibliography and data file is the largest
part of a build that MkDocs does not do itself. When nothing has changed
since the last build — the usual case for `make site` after a pull, for
`make check` before a commit, or for every rebuild of `mkdocs serve` that
only touched a template — the loaded content is read back from
`.cache/ssesite/` instead.

The key is a digest of everything the loaded content depends on: every file
under data/, studies/ and docs/ (names and bytes), the code of this package,
the versions of the libraries that parse content, and where the project is.
Any change anywhere gives a new key, so the cache can never serve stale
content; a damaged or unreadable cache entry is ignored. Content with
problems is never stored. `SSESITE_CACHE=0` turns the cache off.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ENV_VAR = "SSESITE_CACHE"
FOLDER = Path(".cache") / "ssesite"
PREFIX = "content-"
SOURCE_FOLDERS = ("data", "studies", "docs")
PARSING_LIBRARIES = ("PyYAML", "pybtex", "pycountry", "Markdown", "pymdown-extensions", "Jinja2")
LARGEST = 16 * 1024 * 1024
"""Files larger than this are never content (`core.sources`): hashed by size and time."""

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class ContentCache:
    """The cache of one project's loaded content."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / FOLDER

    def key(self) -> str:
        digest = hashlib.sha256()
        digest.update(str(self.root).encode())
        digest.update(_code_version().encode())
        for folder in SOURCE_FOLDERS:
            for path in _files_under(self.root / folder):
                digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
                digest.update(_file_digest(path))
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        path = self.folder / f"{PREFIX}{key}.pickle"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        # Unpickling makes many objects at once: the collector has nothing to find
        gc.disable()
        try:
            return pickle.loads(data)
        except Exception:
            return None
        finally:
            gc.enable()

    def put(self, key: str, content: Any) -> None:
        """Store `content` under `key`, replacing older entries (best effort)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as handle:
                handle.write(data)
            os.replace(handle.name, self.folder / f"{PREFIX}{key}.pickle")
            for old in self.folder.glob(f"{PREFIX}*.pickle"):
                if old.name != f"{PREFIX}{key}.pickle":
                    old.unlink(missing_ok=True)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass  # a cache that cannot be written only makes the next build slower


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(ENV_VAR, "").strip().lower() not in ("0", "no", "false", "off")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _files_under(folder: Path) -> list[Path]:
    found = []
    for directory, dirs, files in os.walk(folder):
        dirs.sort()
        found += [Path(directory, name) for name in sorted(files)]
    return found


def _file_digest(path: Path) -> bytes:
    """A digest of a file's bytes; never follows a link or opens a special file.

    Content is untrusted: a link to /dev/zero or a named pipe would never end.
    A file too large to be content (the check refuses it) counts by size and time.
    """
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return b"link:" + os.fsencode(os.readlink(path))
    if not stat.S_ISREG(info.st_mode):
        return f"special:{info.st_mode}".encode()
    if info.st_size > LARGEST:
        return f"large:{info.st_size}:{info.st_mtime_ns}".encode()
    return hashlib.sha256(path.read_bytes()).digest()


_code_version_memo: list[str] = []


def _code_version() -> str:
    if not _code_version_memo:
        digest = hashlib.sha256(sys.version.encode())
        package = Path(__file__).resolve().parent.parent  # all of ssesite
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(package).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
        for library in PARSING_LIBRARIES:
            try:
                digest.update(f"{library}=={importlib.metadata.version(library)}".encode())
            except importlib.metadata.PackageNotFoundError:
                digest.update(f"{library} missing".encode())
        _code_version_memo.append(digest.hexdigest())
    return _code_version_memo[0]
