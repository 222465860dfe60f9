"""Reading content files as untrusted input: the repository's own regular files, bounded, decoded.

Every file under `studies/`, `docs/` and `data/` may come from a pull request.
A symbolic link could publish `/etc/passwd` or the build's environment, a
link to `/dev/zero` or a named pipe would never end, and a file in another
encoding would stop the build with a traceback. So the content folders are
listed without following links (`walk`), and every read (`read_text`)
refuses a link or special file, bounds the size, decodes UTF-8 (a
byte-order mark is accepted) and refuses control characters, each with a
message naming the file and, where there is one, the line and column.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .problems import Problems

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

KIB, MIB = 1024, 1024 * 1024

MARKDOWN_LIMIT = 512 * KIB
DATA_LIMIT = 4 * MIB
"""YAML and BibTeX files."""
FILE_LIMIT = 10 * MIB
"""Any other file (an image, a download)."""

LINK = (
    "expected a file or folder of the repository, found a symbolic link; put the file itself "
    "here (a link could publish a file from outside the repository)"
)

# Control characters other than tab, line feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
REFUSED = re.compile(f"{CONTROL.pattern}|{SURROGATE.pattern}")
"""Either (one search for the usual case, a value with neither)."""

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def walk(folder: Path, root: Path, problems: Problems) -> list[Path]:
    """Every regular file under `folder`, sorted, without following links.

    Links and special files are reported (files and folders whose name starts
    with '.' are skipped, as MkDocs skips them). Nothing is opened.
    """
    found: list[Path] = []
    if refused(folder, root, problems):
        return found
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if refused(path, root, problems):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            else:
                found.append(path)
    return sorted(found)


def refused(path: Path, root: Path, problems: Problems) -> bool:
    """True (with a problem reported) when `path` is a link or neither a file nor a folder."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    message = ""
    if stat.S_ISLNK(mode):
        message = LINK
    elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        message = f"expected a file or folder of the repository, found {_special(mode)}"
    if message:
        problems.add(_rel(path, root), None, "", message)
    return bool(message)


def too_large(path: Path, root: Path, problems: Problems, limit: int = FILE_LIMIT) -> bool:
    """True (with a problem reported) when the regular file `path` is over `limit` bytes."""
    size = os.lstat(path).st_size
    if size <= limit:
        return False
    kind = {MARKDOWN_LIMIT: "a Markdown file", DATA_LIMIT: "a data file"}.get(limit, "a file")
    problems.add(
        _rel(path, root),
        None,
        "",
        f"expected {kind} of at most {_size(limit)}, found {_size(size)}",
    )
    return True


def read_text(
    path: Path, file: str, problems: Problems, limit: int = DATA_LIMIT, *, root: Path | None = None
) -> str | None:
    """The text of the content file `path` (shown as `file`), or None with the problem reported."""
    root = root or _root_of(path, file)
    for parent in [*reversed(path.relative_to(root).parents), path.relative_to(root)]:
        if parent != Path(".") and refused(root / parent, root, problems):
            return None
    if not path.exists():
        problems.add(file, None, "", "expected this file, found none")
        return None
    if path.is_dir():
        problems.add(file, None, "", "expected a file, found a folder")
        return None
    if too_large(path, root, problems, limit):
        return None
    return decode(path.read_bytes(), file, problems)


def decode(data: bytes, file: str, problems: Problems) -> str | None:
    """UTF-8 `data` as text (BOM dropped), or None with the problem reported."""
    if data.startswith(UTF32_BOMS) or data.startswith(UTF16_BOMS):
        kind = "UTF-32" if data.startswith(UTF32_BOMS) else "UTF-16"
        problems.add(
            file,
            1,
            "",
            f"expected text in UTF-8, found {kind} (the file starts with its byte-order mark); "
            "save the file as UTF-8",
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        problems.add(
            file,
            data.count(b"\n", 0, error.start) + 1,
            "",
            f"expected text in UTF-8, found the byte 0x{data[error.start]:02X} at column "
            f"{column}, which is not UTF-8; save the file as UTF-8",
        )
        return None
    control = CONTROL.search(text)
    if control:
        line_start = text.rfind("\n", 0, control.start()) + 1
        problems.add(
            file,
            text.count("\n", 0, control.start()) + 1,
            "",
            f"expected text without control characters, found U+{ord(control.group()):04X} "
            f"at column {control.start() - line_start + 1}",
        )
        return None
    return text


def text_problem(value: str) -> str:
    """Why a text value read from YAML may not be published, else ''."""
    if REFUSED.search(value) is None:
        return ""
    for pattern, what in ((CONTROL, "control characters"), (SURROGATE, "lone surrogates")):
        found = pattern.search(value)
        if found:
            return (
                f"expected text without {what}, found U+{ord(found.group()):04X} "
                f"at character {found.start() + 1}"
            )
    return ""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _size(size: int) -> str:
    if size >= MIB:
        return f"{size / MIB:.1f} MiB".replace(".0 MiB", " MiB")
    return f"{size / KIB:.1f} KiB".replace(".0 KiB", " KiB")


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _root_of(path: Path, file: str) -> Path:
    """The project root, from a path and its repository-relative name."""
    parts = len(Path(file).parts)
    return path.parents[parts - 1] if parts else path
