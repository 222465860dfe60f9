"""The commented fields of a scaffolded file, from the fields' declarations.

`template_fields(Study, values, vocabularies)` gives, for every declared
field, the comment the scaffold writes above it (its help text, "Optional:"
when it is, the allowed values, a commented example) and the value it starts
with. `scaffold_templates/index.md.jinja` lays them out.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..core.schema import Field, Nested, Records, fields_of

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

WIDTH = 78

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateField:
    key: str
    comment: list[str]
    """Comment lines, each starting with '# '."""
    value: str
    """The value after 'key:' (may run over several lines), or '' for a block."""
    children: list[TemplateField] = field(default_factory=list)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def template_fields(cls: type, values: dict[str, str], vocabularies: dict) -> list[TemplateField]:
    """The fields of `cls` in declaration order; `values` gives the start of some.

    A field takes the value in `values`, else the declared `start`; an
    optional field without either starts empty (which reads as left out).
    """
    result = []
    for spec in fields_of(cls):
        comment = _paragraph(_help(spec, vocabularies)) + _allowed(spec, vocabularies)
        if isinstance(spec.kind, Nested):
            children = template_fields(spec.kind.of, values, vocabularies)
            result.append(TemplateField(spec.key, comment, "", children))
            continue
        if isinstance(spec.kind, Records):
            comment = _records_comment(spec, vocabularies)
        elif spec.example:
            comment += ["# For example:", *_commented(spec.example, "#   ")]
        value = values.get(spec.key, spec.start)
        if value is None and spec.required:
            raise ValueError(f"the scaffold has no value for the required field {spec.key!r}")
        result.append(TemplateField(spec.key, comment, value or ""))
    return result


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _help(spec: Field, vocabularies: dict) -> str:
    text = spec.help
    if not spec.required:
        text = "Optional: " + text[0].lower() + text[1:]
    return text


def _paragraph(text: str, prefix: str = "# ") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH - len(prefix),
        initial_indent=prefix,
        subsequent_indent=prefix,
        break_on_hyphens=False,
    )


def _allowed(spec: Field, vocabularies: dict) -> list[str]:
    """The allowed values on one line (never broken, so that they can be searched)."""
    allowed = spec.kind.values(vocabularies)
    return [f"# One of: {', '.join(allowed)}."] if allowed else []


def _commented(yaml_text: str, prefix: str) -> list[str]:
    return [prefix + line for line in yaml_text.splitlines()]


def _records_comment(spec: Field, vocabularies: dict) -> list[str]:
    """A list of records: its help, one aligned line per item field, an example."""
    items = fields_of(spec.kind.of)
    lines = _paragraph(spec.help.rstrip(".") + ". Each has:")
    column = max(len(item.key) for item in items) + 2
    for item in items:
        text = ("optional: " if not item.required else "") + item.help
        wrapped = textwrap.wrap(text, WIDTH - 4 - column, break_on_hyphens=False)
        allowed = item.kind.values(vocabularies)
        if allowed:
            wrapped[-1] += ", one of: " + ", ".join(allowed)
        lines.append(f"#   {item.key.ljust(column)}{wrapped[0]}")
        lines += [f"#   {' ' * column}{rest}" for rest in wrapped[1:]]
    if spec.example:
        lines += ["# For example:", *_commented(spec.example, "#   ")]
    return lines
