"""`make check`: validate all content without building the site.

Prints every problem, grouped by file and sorted by line, then a summary
line. With GITHUB_ACTIONS set, it also prints workflow commands so that the
problems show on the pull request's diff.

Exit status: 0 when all content is valid, 1 when there are problems, 2 when
the folder given is not the project (no data/ or studies/ folder) or the
environment asks for something impossible (a wrong SSESITE_WORKERS or
SOURCE_DATE_EPOCH, which would stop the build too).
"""

from __future__ import annotations

import argparse
import os
import sys
from itertools import groupby
from pathlib import Path

from ..core import environment
from ..core.problems import Problem
from ..site.project import load_project

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def report(problems: list[Problem], github: bool = False) -> str:
    """The text `make check` prints for `problems` (already sorted)."""
    lines: list[str] = []
    for file, group in groupby(problems, key=lambda p: p.file):
        lines.append(file)
        for problem in group:
            where = f"line {problem.line}" if problem.line else "file"
            subject = f"{problem.field}: " if problem.field else ""
            lines.append(f"  {where}: {subject}{problem.message}")
    lines.append(summary(problems))
    if github:
        lines.extend(github_annotation(p) for p in problems)
    return "\n".join(lines)


def summary(problems: list[Problem]) -> str:
    """'3 problems in 2 files.' (the last line of the report)."""
    count, files = len(problems), len({p.file for p in problems})
    return f"{_plural(count, 'problem')} in {_plural(files, 'file')}."


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions `::error` command for one problem."""
    props = f"file={_escape_property(problem.file)}"
    if problem.line:
        props += f",line={problem.line}"
    title = f"make check: {problem.field}" if problem.field else "make check"
    props += f",title={_escape_property(title)}"
    return f"::error {props}::{_escape_data(problem.message)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate all content of the site.")
    parser.add_argument("root", nargs="?", default=".", help="project root (default: .)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    missing = [name for name in ("data", "studies") if not (root / name).is_dir()]
    if missing:
        print(
            f"{args.root}: expected the project's root folder (with data/ and studies/), "
            f"found no {' or '.join(name + '/' for name in missing)}",
            file=sys.stderr,
        )
        return 2
    if problem := environment.problem():
        print(problem, file=sys.stderr)
        return 2
    project = load_project(root)
    problems = project.problems.sorted()
    if not problems:
        print(f"All content is valid: {len(project.studies)} studies checked.")
        return 0
    print(report(problems, github=bool(os.environ.get("GITHUB_ACTIONS"))))
    return 1


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    sys.exit(main())
