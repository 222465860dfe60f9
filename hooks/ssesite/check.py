"""`make check`: validate all content without building the site.

Prints every problem, grouped by file and sorted by line, and exits 1 when
there is any. With GITHUB_ACTIONS set, it also prints workflow commands so
that the problems show on the pull request's diff.
"""

from __future__ import annotations

import argparse
import os
import sys
from itertools import groupby
from pathlib import Path

from .problems import Problem
from .project import load_project

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
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
    if github:
        lines.extend(github_annotation(p) for p in problems)
    return "\n".join(lines)


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions `::error` command for one problem."""
    props = f"file={_escape_property(problem.file)}"
    if problem.line:
        props += f",line={problem.line}"
    title = problem.field or "content"
    props += f",title={_escape_property(title)}"
    return f"::error {props}::{_escape_data(problem.message)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate all content of the site.")
    parser.add_argument("root", nargs="?", default=".", help="project root (default: .)")
    args = parser.parse_args(argv)
    project = load_project(Path(args.root))
    problems = project.problems.sorted()
    if not problems:
        print(f"All content is valid: {len(project.studies)} studies checked.")
        return 0
    print(report(problems, github=bool(os.environ.get("GITHUB_ACTIONS"))))
    return 1


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    sys.exit(main())
