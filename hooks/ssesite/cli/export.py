"""Write the site's final Markdown to a folder, for another builder.

`python -m ssesite.cli.export --out DIR`: see `ssesite.site.export`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..site.export import export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", type=Path, help="project root (default: .)")
    parser.add_argument("--out", required=True, type=Path, help="folder to write (replaced)")
    args = parser.parse_args(argv)
    count = export(args.root.resolve(), args.out)
    print(f"Exported {count} Markdown pages to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
