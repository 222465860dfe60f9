"""Build the site atomically: a failed build leaves the previous site/ as it was.

MkDocs cleans its output folder before it builds, so a build that fails half
way would leave a half-built site. This builds into a fresh folder beside the
target and swaps it in only when the strict build succeeded.

Usage: python tools/build_site.py [--site-dir site] [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(config: Path, site_dir: Path) -> int:
    site_dir = site_dir.resolve()
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=parent))
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                # Not --quiet: it would hide the warnings that --strict turns into failures
                "--strict",
                "--config-file",
                str(config),
                "--site-dir",
                str(staging),
            ],
            check=False,
        )
        if result.returncode != 0:
            print(f"Build failed; {site_dir.name}/ was left unchanged.", file=sys.stderr)
            return result.returncode
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
    args = parser.parse_args(argv)
    return build(args.config, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
