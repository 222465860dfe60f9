"""Build the site atomically: a failed build leaves the previous site/ as it was.

MkDocs cleans its output folder before it builds, so a build that fails half
way would leave a half-built site. This builds into a fresh folder beside the
target and swaps it in only when the strict build succeeded.

The site includes its offline edition (tools/offline_edition.py), made from
the built site, whose home page then gives the archive's size; `--no-offline`
leaves it out (and the home page's link with it).

Usage: python tools/build_site.py [--site-dir site] [--config mkdocs.yml] [--no-offline]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Where the home page gives the offline edition's size, known once it is made
# (overrides/partials/sse/offline-edition.html)
SIZE_MARKER = "<!-- sse:offline-size -->"


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
    site_dir = site_dir.resolve()
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=parent))
    try:
        env = dict(os.environ, SITE_OFFLINE_EDITION="1") if offline else None
        # Not --quiet: it would hide the warnings that --strict turns into failures
        code = mkdocs_build(config, staging, env=env)
        if code != 0:
            print(f"Build failed; {site_dir.name}/ was left unchanged.", file=sys.stderr)
            return code
        if offline:
            add_offline_edition(staging)
        # Swap: move the old site aside, move the new one in, then delete the old.
        previous = None
        if site_dir.exists():
            previous = Path(tempfile.mkdtemp(prefix=".site-previous-", dir=parent))
            previous.rmdir()
            site_dir.rename(previous)
        staging.rename(site_dir)
        if previous is not None:
            shutil.rmtree(previous)
        print(f"Built {site_dir.name}/.")
        return 0
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    parser.add_argument("--no-offline", action="store_true", help="leave out the offline edition")
    args = parser.parse_args(argv)
    return build(args.config, args.site_dir, offline=not args.no_offline)


if __name__ == "__main__":
    sys.exit(main())
