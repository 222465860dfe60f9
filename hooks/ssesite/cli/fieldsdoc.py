"""`python -m ssesite.cli.fieldsdoc --write`: the field tables of data/README.md.

Each table sits between `<!-- fields: NAME -->` and `<!-- /fields -->` and is
written from the declarations of the record class `NAME` names in `TABLES`
(`core.schema`). `--check` (the default) exits 1 and names the tables that
are out of date; `--write` rewrites them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..content.framework import Framework
from ..content.studies import Study
from ..core.schema import Choice, Field, Nested, Records, fields_of
from ..glossary.model import Glossary
from ..programme.model import Programme

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

README = Path("data/README.md")

# Marker name -> the record class whose fields the table lists
TABLES: dict[str, type] = {
    "framework": Framework,
    "study": Study,
    "programme": Programme,
    "glossary": Glossary,
}

BLOCK = re.compile(r"(<!-- fields: (?P<name>[\w.-]+) -->\n)(?P<table>.*?)(<!-- /fields -->)", re.S)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def table(cls: type, path: str = "", shown: dict | None = None) -> str:
    """The Markdown table of the fields of `cls`, then one per nested record.

    A record class met again (the framework's vocabularies) is named, not repeated.
    """
    shown = {} if shown is None else shown
    lines = ["| field | required | what it holds |", "| --- | --- | --- |"]
    nested: list[tuple[str, type]] = []
    for field in fields_of(cls):
        lines.append(f"| `{field.key}` | {_required(field)} | {_what(field)} |")
        if isinstance(field.kind, Records | Nested) and field.kind.of is not None:
            suffix = "[]" if isinstance(field.kind, Records) else ""
            nested.append((f"{path}{field.key}{suffix}", field.kind.of))
    text = "\n".join(lines) + "\n"
    for name, of in nested:
        heading = f"Each item of `{name}`" if name.endswith("[]") else f"`{name}`"
        if of in shown:
            text += f"\n{heading}: the fields of `{shown[of]}`.\n"
            continue
        shown[of] = name
        text += f"\n{heading}:\n\n" + table(of, name + ".", shown)
    return text


def render(text: str) -> str:
    """`text` with every marked table written from the declarations."""

    def replace(match: re.Match) -> str:
        return match.group(1) + "\n" + table(TABLES[match.group("name")]) + "\n" + match.group(4)

    return BLOCK.sub(replace, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ssesite.cli.fieldsdoc", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the tables")
    parser.add_argument("--root", default=".", type=Path, help="project root (default: .)")
    args = parser.parse_args(argv)
    path = args.root / README
    text = path.read_text(encoding="utf-8")
    wanted = render(text)
    if wanted == text:
        print(f"{README.as_posix()}: the field tables are up to date.")
        return 0
    if args.write:
        path.write_text(wanted, encoding="utf-8")
        print(f"{README.as_posix()}: field tables rewritten from the declarations.")
        return 0
    stale = [
        m.group("name")
        for m, w in zip(BLOCK.finditer(text), BLOCK.finditer(wanted), strict=True)
        if m.group(0) != w.group(0)
    ]
    print(
        f"{README.as_posix()}: expected the field tables to match the declarations, found "
        f"{', '.join(stale)} out of date; run `python -m ssesite.cli.fieldsdoc --write`",
        file=sys.stderr,
    )
    return 1


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _required(field: Field) -> str:
    return "yes" if field.required else "no"


def _what(field: Field) -> str:
    text = field.help[0].upper() + field.help[1:]
    text = text if text.endswith(".") else text + "."
    kind = field.kind
    if isinstance(kind, Choice) and kind.choices:
        text += " One of " + ", ".join(f"`{c}`" if c else '`""`' for c in kind.choices) + "."
    elif isinstance(kind, Choice) and kind.vocabulary:
        text += f" One of the ids of `{kind.vocabulary}` in `{kind.listed_in}`."
    return text.replace("|", "\\|")


if __name__ == "__main__":
    sys.exit(main())
