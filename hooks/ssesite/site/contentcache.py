"""A cache of the loaded content, so that a build with unchanged sources skips parsing.

Loading and checking every study, bibliography and data file is the largest
part of a build that MkDocs does not do itself. When nothing has changed
since the last build or check — the usual case for `make site` after
`make check`, or for every rebuild of `mkdocs serve` that only touched a
template — the loaded content is read back instead.

Where: in the user's cache folder (`$XDG_CACHE_HOME/sse-asia-site/`, by
default `~/.cache/sse-asia-site/`), one folder per checkout, never in the
checkout itself: nothing a commit can add is ever read back. An entry is
the pickled content behind an HMAC-SHA256 made with a random key that is
created once in that folder (readable by the user alone); an entry whose
HMAC does not match is never unpickled. A cache folder inside the checkout
(a `XDG_CACHE_HOME` pointing there), or a key file that others could have
written, turns the cache off.

The key is a digest of everything the loaded content depends on: every file
under data/, studies/ and docs/ (names and bytes), the code of this package,
the Python version, the version of every library the project depends on (the
runtime dependencies in pyproject.toml and theirs: langcodes, babel, tzdata,
pycountry, icalendar, ...), and where the project is. Any change gives a new
key, so the cache never serves stale content. `make check` and a build store
the same entry, problems and all. `SSESITE_CACHE=0` turns the cache off;
deleting the folder is always safe, and a project's folder that no build has
used for 30 days (a checkout deleted or moved) is removed when another entry
is written.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import re
import secrets
import shutil
import stat
import sys
import tempfile
import time
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ENV_VAR = "SSESITE_CACHE"
APP_FOLDER = "sse-asia-site"
KEY_FILE = "hmac-key"
PREFIX = "content-"
SUFFIX = ".pickle"
SOURCE_FOLDERS = ("data", "studies", "docs")
LARGEST = 16 * 1024 * 1024
"""Files larger than this are never content (`core.sources`): hashed by size and time."""
CODE_ROOT = Path(__file__).resolve().parents[3]
"""The checkout the code runs from (hooks/ssesite/site/ is three folders down)."""

UNUSED_FOR = 30 * 24 * 3600
"""A project's folder unused this long (its checkout deleted or moved, most
likely) is removed when another entry is written."""

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_FOLDER = re.compile(r"[0-9a-f]{32}")
_MAC_SIZE = hashlib.sha256().digest_size

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class ContentCache:
    """The cache of one project's loaded content."""

    def __init__(self, root: Path, environ: Mapping[str, str] = os.environ, prefix: str = PREFIX):
        self.root = root
        self.folder = cache_folder(root, environ)
        """Where this project's entries live (None: no usable cache folder)."""
        self.prefix = prefix
        """The names of this kind of entry begin with it (one entry of each kind is kept)."""

    def key(self) -> str:
        """A digest of the sources, this package's code and the libraries' versions."""
        digest = self.code_digest()
        for folder in SOURCE_FOLDERS:
            for path in _files_under(self.root / folder):
                digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
                digest.update(_file_digest(path))
        return digest.hexdigest()

    def code_digest(self) -> Any:
        """A running digest of where the project is, this package's code and the libraries."""
        digest = hashlib.sha256()
        digest.update(str(self.root).encode())
        digest.update(_code_version().encode())
        return digest

    def get(self, key: str) -> Any | None:
        """The content stored under `key`, if an entry this user's cache wrote is there."""
        secret = self._secret(create=False)
        if secret is None:
            return None
        try:
            data = (self.folder / f"{self.prefix}{key}{SUFFIX}").read_bytes()
        except OSError:
            return None
        mac, payload = data[:_MAC_SIZE], memoryview(data)[_MAC_SIZE:]
        if not hmac.compare_digest(mac, _mac(secret, key, payload)):
            return None  # not written with this user's key: never unpickled
        _touch(self.folder)  # in use (see UNUSED_FOR)
        # Unpickling makes many objects at once: the collector has nothing to find
        gc.disable()
        try:
            return pickle.loads(payload)
        except Exception:
            return None
        finally:
            gc.enable()

    def put(self, key: str, content: Any) -> None:
        """Store `content` under `key`, replacing older entries (best effort)."""
        try:
            secret = self._secret(create=True)
            if secret is None:
                return
            payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as handle:
                handle.write(_mac(secret, key, payload) + payload)
            name = f"{self.prefix}{key}{SUFFIX}"
            os.replace(handle.name, self.folder / name)
            for old in self.folder.glob(f"{self.prefix}*{SUFFIX}"):
                if old.name != name:
                    old.unlink(missing_ok=True)
            _remove_unused(self.folder.parent, keep=self.folder)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass  # a cache that cannot be written only makes the next build slower

    def _secret(self, *, create: bool) -> bytes | None:
        if self.folder is None:
            return None
        key_file = self.folder.parent / KEY_FILE
        if create:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(secrets.token_bytes(32))
        return _read_secret(key_file)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(ENV_VAR, "").strip().lower() not in ("0", "no", "false", "off")


def cache_folder(root: Path, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The folder of `root`'s entries in the user's cache; None if it would be in the checkout."""
    base = environ.get("XDG_CACHE_HOME", "").strip()
    home = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    app = (home / APP_FOLDER).resolve()
    if app.is_relative_to(root.resolve()) or app.is_relative_to(CODE_ROOT):
        return None  # a commit could plant files there
    return app / hashlib.sha256(str(root).encode()).hexdigest()[:32]


def library_versions(pyproject: Path | None = None) -> dict[str, str | None]:
    """Name -> version of every library the project needs to run (None: not installed).

    The runtime dependencies of pyproject.toml, and theirs, read from the
    installed distributions' metadata. Without pyproject.toml (a copy of the
    project that has none), every installed distribution.
    """
    installed = _installed_distributions()
    try:
        text = (pyproject or CODE_ROOT / "pyproject.toml").read_text(encoding="utf-8")
        wanted = tomllib.loads(text)["project"]["dependencies"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return {name: version for name, (version, _) in sorted(installed.items())}
    versions: dict[str, str | None] = {}
    todo = [_NAME.match(requirement).group(0) for requirement in wanted]
    while todo:
        name = _normalise(todo.pop())
        if name in versions:
            continue
        version, metadata = installed.get(name, (None, None))
        versions[name] = version
        if metadata is not None:
            todo += _requirements(metadata)
    return dict(sorted(versions.items()))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _mac(secret: bytes, key: str, payload: bytes | memoryview) -> bytes:
    mac = hmac.new(secret, key.encode() + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def _touch(folder: Path) -> None:
    try:
        os.utime(folder)
    except OSError:
        pass


def _remove_unused(app: Path, keep: Path) -> None:
    """Remove the projects' folders in `app` that no build used for `UNUSED_FOR`."""
    now = time.time()
    with os.scandir(app) as found:
        for entry in found:
            if entry.path == str(keep) or not _FOLDER.fullmatch(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                if now - entry.stat(follow_symlinks=False).st_mtime > UNUSED_FOR:
                    shutil.rmtree(entry.path, ignore_errors=True)


def _read_secret(key_file: Path) -> bytes | None:
    """The HMAC key, if only this user could have written it."""
    try:
        with open(key_file, "rb") as handle:
            info = os.fstat(handle.fileno())
            secret = handle.read()
    except OSError:
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or len(secret) < 32:
        return None
    return secret


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


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _installed_distributions() -> dict[str, tuple[str, Path]]:
    """Normalised name -> (version, metadata file) of the distributions on sys.path."""
    found: dict[str, tuple[str, Path]] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                # `<name>-<version>.dist-info`, the name's dashes written as '_'
                dist, _, version = name[: -len(".dist-info")].partition("-")
                found.setdefault(_normalise(dist), (version, Path(entry, name, "METADATA")))
    return found


def _requirements(metadata: Path) -> list[str]:
    """Names of the distributions a distribution requires (not those of its extras)."""
    names = []
    try:
        with open(metadata, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    break  # the headers end at the first empty line
                if line.startswith("Requires-Dist:"):
                    requirement, _, marker = line[len("Requires-Dist:") :].partition(";")
                    if "extra" not in marker:
                        names.append(_NAME.match(requirement.strip()).group(0))
    except (OSError, UnicodeDecodeError, AttributeError):
        pass
    return names


_code_version_memo: list[str] = []


def _code_version() -> str:
    if not _code_version_memo:
        digest = hashlib.sha256(sys.version.encode())
        package = Path(__file__).resolve().parent.parent
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(package).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
        for name, version in library_versions().items():
            digest.update(f"{name}=={version}\n".encode())
        _code_version_memo.append(digest.hexdigest())
    return _code_version_memo[0]
