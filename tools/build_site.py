"""Build the site atomically: there is always a complete site/, old or new.

MkDocs cleans its output folder before it builds, so a build that fails half
way would leave a half-built site. This builds into a fresh folder beside the
target (`.site-build-XXXX`) and, only when the strict build succeeded, puts
it in place with one atomic exchange of the two folders: at every moment
`site/` is either the complete previous site or the complete new one, even
if the build is killed. `site/` stays a real folder (not a symlink), so
`python -m http.server -d site`, the Pages and artifact upload actions and
`rm -rf site` work as before.

The exchange is `renameat2(RENAME_EXCHANGE)` on Linux and
`renamex_np(RENAME_SWAP)` on macOS. Where neither works (another system, or
a file system without the call), the previous site is renamed aside and
the new one renamed in: two renames, with a moment without `site/` in
between; if the build is killed right then, the next run puts the previous
site back before it does anything else.

A build that was killed leaves its folder behind; the next run deletes it.
Runs in one folder take turns: each holds a lock on the folder that holds
`site/` (released by the system when a run ends, however it ends).

The site includes its offline edition (tools/offline_edition.py), made from
the built site, whose home page then gives the archive's size; `--no-offline`
leaves it out (and the home page's link with it).

Usage: python tools/build_site.py [--site-dir site] [--config mkdocs.yml] [--no-offline]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The domain package, for the environment's checks (one message for the build and this script)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from ssesite.core.environment import source_date_epoch_problem

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

RENAME_EXCHANGE = 2
"""Linux renameat2() flag: swap the two names atomically."""

RENAME_SWAP = 2
"""macOS renamex_np() flag: the same."""

AT_FDCWD = -100

# Where the home page gives the offline edition's size, known once it is made
# (overrides/partials/sse/offline-edition.html)
SIZE_MARKER = "<!-- sse:offline-size -->"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def mkdocs_build(config: Path, site_dir: Path, *options: str, env: dict | None = None) -> int:
    """A strict `mkdocs build` of `config` into `site_dir`; its exit code."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *options]
    command += ["--config-file", str(config), "--site-dir", str(site_dir)]
    return subprocess.run(command, env=env, check=False).returncode


def add_offline_edition(site: Path) -> None:
    """The archive of the offline edition in `site`, and its size on the home page."""
    import offline_edition

    archive = site / offline_edition.ARCHIVE
    offline_edition.make(site, archive)
    home = site / "index.html"
    bytes = archive.stat().st_size
    size = f"{bytes / 1e6:.1f} MB" if bytes >= 1e6 else f"{round(bytes / 1e3)} kB"
    home.write_text(home.read_text(encoding="utf-8").replace(SIZE_MARKER, size), encoding="utf-8")


def build(config: Path, site_dir: Path, offline: bool = True) -> int:
    """Build `config` strictly into `site_dir`; the exit status of the build."""
    site_dir = site_dir.absolute()
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    problem = check_environment(os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    with _Lock(parent):
        clean_leftovers(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(site_dir), dir=parent))
        try:
            env = dict(os.environ, SITE_OFFLINE_EDITION="1") if offline else None
            # Not --quiet: it would hide the warnings that --strict turns into failures
            code = mkdocs_build(config, staging, env=env)
            if code != 0:
                print(f"Build failed; {site_dir.name}/ was left unchanged.", file=sys.stderr)
                return code
            if offline:
                add_offline_edition(staging)
            publish(staging, site_dir)
            print(f"Built {site_dir.name}/.")
            return 0
        finally:
            # After the exchange this is the previous site
            shutil.rmtree(staging, ignore_errors=True)


def check_environment(environ: dict[str, str] | os._Environ) -> str:
    """A message when the environment asks for an impossible build, else ''."""
    return source_date_epoch_problem(environ)


def staging_prefix(site_dir: Path) -> str:
    """Name prefix of the build folders beside `site_dir` (`.site-build-`)."""
    return f".{site_dir.name}-build-"


def previous_prefix(site_dir: Path) -> str:
    """Name prefix of a previous site set aside by the two-rename fallback."""
    return f".{site_dir.name}-previous-"


def clean_leftovers(site_dir: Path) -> None:
    """Delete what killed runs left beside `site_dir`; restore a site set aside.

    Only called with the lock held, so no other run is using these folders.
    """
    parent = site_dir.parent
    set_aside = sorted(parent.glob(previous_prefix(site_dir) + "*"))
    if set_aside and not os.path.lexists(site_dir):
        # Killed between the two renames of the fallback: put the site back
        set_aside[-1].rename(site_dir)
        set_aside = set_aside[:-1]
    for leftover in [*sorted(parent.glob(staging_prefix(site_dir) + "*")), *set_aside]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def publish(new: Path, site_dir: Path) -> None:
    """Put the folder `new` at `site_dir`; the previous site, if any, ends up at `new`.

    (Only called with the lock held, so `site_dir` cannot appear meanwhile.)
    """
    if not os.path.lexists(site_dir):
        os.rename(new, site_dir)
        return
    if exchange(new, site_dir):
        return
    # Fallback: two renames; clean_leftovers repairs a kill between them
    aside = Path(tempfile.mkdtemp(prefix=previous_prefix(site_dir), dir=site_dir.parent))
    aside.rmdir()
    os.rename(site_dir, aside)
    os.rename(new, site_dir)
    os.rename(aside, new)


def exchange(first: Path, second: Path) -> bool:
    """Swap the two paths in one atomic step; False when this system cannot."""
    libc = _libc()
    if libc is None:
        return False
    a, b = os.fsencode(first), os.fsencode(second)
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        result = libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        result = libc.renamex_np(a, b, RENAME_SWAP)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # not supported here (kernel or file system)
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    parser.add_argument("--no-offline", action="store_true", help="leave out the offline edition")
    args = parser.parse_args(argv)
    return build(args.config, args.site_dir, offline=not args.no_offline)


# -----------------------------------------------------------------------------
# Helper functions and classes
# -----------------------------------------------------------------------------


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None


class _Lock:
    """An exclusive lock on a folder for the life of this process (POSIX flock)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.fd: int | None = None

    def __enter__(self) -> _Lock:
        try:
            import fcntl
        except ImportError:  # not POSIX: runs do not take turns
            return self
        self.fd = os.open(self.folder, os.O_RDONLY)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Waiting for another build of {self.folder.name}/ to finish...", flush=True)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock


if __name__ == "__main__":
    sys.exit(main())
